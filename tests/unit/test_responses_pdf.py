"""Answers in the PDF: fill the leader summary's fields, import them, refuse the wrong PDF;
the report-back PDF; JSON round trip with responses."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from crt_desktop.__main__ import main
from crt_desktop.content import content
from crt_desktop.content import content as packaged_content
from crt_desktop.domain.board import Board
from crt_desktop.domain.note import Note, ProgressUpdate, Response
from crt_desktop.domain.operations import SetResponse, SetResponses
from crt_desktop.domain.patch import Patch, apply_patch
from crt_desktop.domain.report_back import make_response, plan_answers
from crt_desktop.domain.session import Session
from crt_desktop.domain.vocabulary import CANNOT_CONTROL, Kind, ResponseStatus
from crt_desktop.export.interchange import board_to_json
from crt_desktop.export.interchange_read import board_from_json
from crt_desktop.export.report_back_pdf import write_report_back
from crt_desktop.export.response_form import MARKER, field_name, parse_field_name
from crt_desktop.export.responses_read import (
    ResponsesError,
    answers_for,
    read_filled_file,
    read_filled_form,
)
from crt_desktop.export.summary import write_leader_summary
from crt_desktop.storage.database import open_database

S = ResponseStatus
TEXTS = ("Charting after hours", "Short staffing on weekends", "No quiet room", "Parking")


def saved_board(db: Path, team: str = "Outpatient nursing") -> Board:
    """A saved Section 4 session with four leadership items, the second already answered."""
    store = open_database(db).store
    session = store.create_session(Session(team, 4, date(2026, 11, 20), "control-board"))
    assert session.id is not None
    notes = [
        Note(text, Kind.FATIGUE, column="leadership_controls", position=i, id=f"n{i}")
        for i, text in enumerate(TEXTS)
    ]
    store.save_patch(session.id, Patch(put=tuple(notes)))
    board = store.load_board(session.id)
    answered = Response(S.NEXT_YEAR, "Budget", updates=(ProgressUpdate(date(2027, 1, 5), "Met"),))
    patch = SetResponse("n1", answered).patch(board)
    store.save_patch(session.id, patch)
    apply_patch(board, patch)
    return board


def fill(source: Path, target: Path, values: dict[str, str]) -> None:
    """Fill form fields as a leader's PDF reader would, and save a copy."""
    writer = PdfWriter(clone_from=PdfReader(source))
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    with target.open("wb") as file:
        writer.write(file)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def filled(tmp_path: Path) -> tuple[Path, Board, Path]:
    db = tmp_path / "crt.db"
    board = saved_board(db)
    sid = board.session.id
    assert sid is not None
    summary = write_leader_summary(
        board, tmp_path / "summary.pdf", pagesize="A4", content=packaged_content()
    )
    answered = tmp_path / "answered.pdf"
    fill(
        summary,
        answered,
        {
            field_name(sid, "n0", "status"): "/this_year",
            field_name(sid, "n0", "reason"): "We will trial protected charting time.",
            field_name(sid, "n1", "status"): "/team_engaged",
            field_name(sid, "n2", "status"): "/unlikely_two_years",
            field_name(sid, "n2", "reason"): "No space in this building.",
            field_name(sid, "n3", "status"): "/unlikely_two_years",
            field_name(sid, "n3", "reason"): "The city owns the car park.",
            field_name(sid, "n3", "impossible"): "/Yes",
        },
    )
    return db, board, answered


EXPECTED = {
    "n0": Response(S.THIS_YEAR, "We will trial protected charting time."),
    "n1": Response(S.TEAM_ENGAGED, "Budget", updates=(ProgressUpdate(date(2027, 1, 5), "Met"),)),
    "n2": Response(S.UNLIKELY_TWO_YEARS, "No space in this building."),
    "n3": Response(S.UNLIKELY_TWO_YEARS, "The city owns the car park.", change_impossible=True),
}


def test_field_names_carry_session_and_note() -> None:
    """A field name says which session and note it answers, even for ids with dots."""
    assert field_name(12, "a.b:c", "reason") == "crt/12/a.b:c/reason"
    assert parse_field_name("crt/12/a.b:c/reason") == (12, "a.b:c", "reason")
    assert parse_field_name(MARKER) is None
    assert parse_field_name("crt/x/n1/status") is None


def test_an_untouched_summary_reads_back_what_is_recorded(filled) -> None:
    """Each item has fields, prefilled with its recorded status; nothing would change."""
    _, board, answered = filled
    data = (answered.parent / "summary.pdf").read_bytes()
    form = read_filled_form(data)
    assert form.session_id == board.session.id and set(form.answers) == {"n0", "n1", "n2", "n3"}
    assert form.answers["n1"].status is S.NEXT_YEAR and form.answers["n0"].status is S.NOT_REVIEWED
    assert "Outpatient nursing" in form.title
    assert plan_answers(board, form.answers).changes == ()


def test_filled_answers_import_as_the_same_responses(filled) -> None:
    """Fill the fields, read them back and apply them: the same responses, in one change."""
    _, board, answered = filled
    form = read_filled_file(answered)
    plan = plan_answers(board, answers_for(form, board.session))
    apply_patch(board, SetResponses(plan.pairs()).patch(board))
    assert {k: board.notes[k].response for k in EXPECTED} == EXPECTED
    assert board.notes["n2"].column == CANNOT_CONTROL


def test_import_responses_command_prints_and_applies(filled, capsys) -> None:
    """`import-responses` lists each change, then records them; the store holds the answers."""
    db, board, answered = filled
    sid = str(board.session.id)
    status, out, err = run(capsys, "import-responses", sid, str(answered), "--db", str(db))
    assert (status, err) == (0, "")
    assert "4 responses will change:" in out and "Recorded 4 responses." in out
    assert "Not reviewed yet → Exploring this year" in out
    saved = open_database(db).store.load_board(board.session.id)
    assert {k: saved.notes[k].response for k in EXPECTED} == EXPECTED
    assert [n.id for n in saved.in_column(CANNOT_CONTROL)] == ["n2", "n3"]
    status, out, _ = run(capsys, "import-responses", sid, str(answered), "--db", str(db))
    assert status == 0 and "change nothing" in out


def test_dry_run_changes_nothing(filled, capsys) -> None:
    """With --dry-run the changes are shown and nothing is saved."""
    db, board, answered = filled
    sid = str(board.session.id)
    status, out, _ = run(
        capsys, "import-responses", sid, str(answered), "--dry-run", "--db", str(db)
    )
    assert status == 0 and "Nothing was changed" in out
    saved = open_database(db).store.load_board(board.session.id)
    assert saved.notes["n0"].response is None


def test_a_pdf_for_another_session_is_refused(filled, capsys) -> None:
    """Answers for one session are never imported into another."""
    db, board, answered = filled
    other = saved_board(db, team="Inpatient")
    status, out, err = run(
        capsys, "import-responses", str(other.session.id), str(answered), "--db", str(db)
    )
    assert status == 2 and out == ""
    assert f"holds answers for session {board.session.id}" in err
    assert err.count("\n") == 1
    saved = open_database(db).store.load_board(other.session.id)
    assert saved.notes == other.notes


def test_a_pdf_without_fields_or_not_a_pdf_is_refused(tmp_path: Path, capsys) -> None:
    """The report-back PDF has no answer fields; a text file is not a PDF: both refused."""
    db = tmp_path / "crt.db"
    board = saved_board(db)
    plain = write_report_back(
        board, tmp_path / "report.pdf", pagesize="A4", content=packaged_content()
    )
    with pytest.raises(ResponsesError, match="no answer fields"):
        read_filled_file(plain)
    junk = tmp_path / "junk.pdf"
    junk.write_text("not a pdf at all")
    status, _, err = run(capsys, "import-responses", "1", str(junk), "--db", str(db))
    assert status == 2 and "not a PDF this app can read" in err
    status, _, err = run(capsys, "import-responses", "1", str(tmp_path / "no.pdf"), "--db", str(db))
    assert status == 2 and "There is no file" in err


def test_a_board_without_a_session_id_prints_paper_boxes(tmp_path: Path) -> None:
    """An unsaved board's summary has boxes to tick on paper, not fields."""
    board = Board(
        Session("Team", 4, date(2026, 1, 1), "control-board"),
        content().templates["control-board"],
        {"a": Note("Item", column="leadership_controls", id="a")},
    )
    path = write_leader_summary(
        board, tmp_path / "s.pdf", pagesize="A4", content=packaged_content()
    )
    assert not PdfReader(path).get_fields()


def test_report_back_pdf_shows_where_items_stand_as_of_a_day(tmp_path: Path) -> None:
    """Groups by status, reasons, what moved to Cannot control; later updates left out."""
    board = saved_board(tmp_path / "crt.db")
    apply_patch(
        board, SetResponse("n3", make_response(S.UNLIKELY_TWO_YEARS, "City land")).patch(board)
    )
    later = Response(
        S.NEXT_YEAR,
        "Budget",
        updates=(
            ProgressUpdate(date(2027, 1, 5), "Met"),
            ProgressUpdate(date(2027, 6, 1), "Later"),
        ),
    )
    apply_patch(board, SetResponse("n1", later).patch(board))
    path = write_report_back(
        board,
        tmp_path / "rb.pdf",
        as_of=date(2027, 2, 1),
        pagesize="A4",
        content=packaged_content(),
    )
    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    text = " ".join(text.split())
    assert "as of 1 February 2027" in text
    assert "Exploring next year (1)" in text and "Not reviewed yet (2)" in text
    assert "moved to Cannot control (1)" in text and "City land" in text
    assert "5 January 2027: Met" in text and "Later" not in text


def test_json_round_trip_keeps_imported_responses(filled) -> None:
    """Responses, reasons, "impossible" and updates survive export → import → export exactly."""
    _, board, answered = filled
    plan = plan_answers(board, answers_for(read_filled_file(answered), board.session))
    apply_patch(board, SetResponses(plan.pairs()).patch(board))
    first = board_to_json(board)
    again = board_from_json(first, content())
    assert {k: again.notes[k].response for k in EXPECTED} == EXPECTED
    assert board_to_json(again) == first


def test_a_damaged_pdf_is_refused() -> None:
    """A file that starts like a PDF but is broken is refused with one sentence."""
    with pytest.raises(ResponsesError, match="damaged"):
        read_filled_form(b"%PDF-1.4 broken")
