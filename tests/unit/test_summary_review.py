"""The leader summary as leaders and facilitators use it: which items it asks leaders about,
what the room saw, and how it reads."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from crt_desktop.__main__ import main
from crt_desktop.content import content
from crt_desktop.content import content as packaged_content
from crt_desktop.domain import dates
from crt_desktop.domain.board import Board
from crt_desktop.domain.note import Note
from crt_desktop.domain.patch import Patch
from crt_desktop.domain.session import Session
from crt_desktop.domain.vocabulary import Kind, Level, ResponseStatus
from crt_desktop.export.interchange import write_board_file
from crt_desktop.export.interchange_read import board_from_json
from crt_desktop.export.pdf.blocks import MetaLine, Striped
from crt_desktop.export.pdf.files import explain, write_atomically
from crt_desktop.export.pdf.fonts import fonts
from crt_desktop.export.pdf.pages import build_pdf
from crt_desktop.export.pdf.styles import KIND_LOOKS, styles
from crt_desktop.export.poster import write_poster
from crt_desktop.export.report_back_pdf import write_report_back
from crt_desktop.export.response_form import field_name
from crt_desktop.export.summary import ExportError, write_leader_summary
from crt_desktop.export.summary.digest import digest
from crt_desktop.export.summary.sections import columns, long_date
from crt_desktop.storage.database import open_database

from .builders import control_board


def _text(path: Path) -> str:
    """The PDF's text with white space squashed to single spaces."""
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


def _saved(db: Path, template: str, notes: list[Note]) -> Board:
    store = open_database(db).store
    session = store.create_session(Session("Day surgery", 2, date(2026, 5, 6), template))
    assert session.id is not None
    store.save_patch(session.id, Patch(put=tuple(notes)))
    return store.load_board(session.id)


def _fill(source: Path, target: Path, values: dict[str, str]) -> None:
    writer = PdfWriter(clone_from=PdfReader(source))
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    with target.open("wb") as file:
        writer.write(file)


def test_a_for_leader_column_is_answered_in_the_pdf_and_imported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An "Unclear" note on the expectations board is a leadership item with fields to answer."""
    db = tmp_path / "crt.db"
    notes = [
        Note("Who covers the phones at lunch?", Kind.FATIGUE, column="unclear", id="u1"),
        Note("We help each other at handover", Kind.RESILIENCE, column="helpful", id="h1"),
    ]
    board = _saved(db, "expectations", notes)
    sid = board.session.id
    assert sid is not None
    summary = write_leader_summary(
        board, tmp_path / "summary.pdf", pagesize="A4", content=packaged_content()
    )
    text = _text(summary)
    leadership = text[text.index("Leadership items") :]
    assert "Who covers the phones at lunch?" in leadership
    assert "We help each other at handover" not in leadership
    fields = PdfReader(summary).get_fields() or {}
    assert field_name(sid, "u1", "status") in fields
    assert field_name(sid, "h1", "status") not in fields
    answered = tmp_path / "answered.pdf"
    _fill(
        summary,
        answered,
        {
            field_name(sid, "u1", "status"): "/needs_clarification",
            field_name(sid, "u1", "reason"): "Tell us which lunch hours are short.",
        },
    )
    assert main(["import-responses", str(sid), str(answered), "--db", str(db)]) == 0
    assert "Recorded 1 response." in capsys.readouterr().out
    saved = open_database(db).store.load_board(sid)
    response = saved.notes["u1"].response
    assert response is not None and response.status is ResponseStatus.NEEDS_CLARIFICATION
    assert response.reason == "Tell us which lunch hours are short."


def test_a_for_leader_board_with_nothing_for_leaders_says_so(tmp_path: Path) -> None:
    """With no notes in its leaders' columns, the summary names those columns as empty."""
    template = content().templates["keep-practices"]
    session = Session("Day surgery", 2, date(2026, 5, 6), template.key)
    board = Board(session, template, {"k": Note("Huddles", Kind.RESILIENCE, column="keep", id="k")})
    text = _text(
        write_leader_summary(board, tmp_path / "s.pdf", pagesize="A4", content=packaged_content())
    )
    assert "No notes were sorted into Change or Add." in text


def _imported(notes: list[dict[str, object]]) -> Board:
    """A control board read from a session file holding `notes`."""
    data = {
        "format": "crt-desktop-session",
        "version": 1,
        "session": {
            "team": "Day surgery",
            "section": 4,
            "held_on": "2026-05-06",
            "template": "control-board",
            "facilitation_team": "",
            "screening": True,
        },
        "notes": notes,
    }
    return board_from_json(json.dumps(data), content())


def _note(note_id: str, text: str, hidden: bool, group: str | None = None) -> dict[str, object]:
    return {
        "id": note_id,
        "text": text,
        "kind": "fatigue",
        "level": None,
        "column": "i_control",
        "votes": 0,
        "leader_added": False,
        "response": None,
        "group": group,
        "hidden": hidden,
    }


def test_a_stack_shows_only_when_its_top_is_revealed(tmp_path: Path) -> None:
    """Mixed stacks from a file: a screened top hides its stack; hidden members are counted."""
    board = _imported(
        [
            _note("a", "Screened top", True),
            _note("a1", "Shown under a screened top", False, group="a"),
            _note("b", "Shown top", False),
            _note("b1", "Shown duplicate", False, group="b"),
            _note("b2", "Screened duplicate", True, group="b"),
            _note("c", "Shown alone", False),
        ]
    )
    text = _text(
        write_leader_summary(board, tmp_path / "s.pdf", pagesize="A4", content=packaged_content())
    )
    assert "Screened top" not in text and "Shown under a screened top" not in text
    assert "Screened duplicate" not in text
    assert "Shown top" in text and "×2 similar notes stacked together" in text
    assert "Shown alone" in text
    assert "3 notes were not revealed to the room and are not listed." in text
    assert "3 notes in all." in text


@pytest.mark.parametrize(
    ("write", "what"),
    [
        (
            lambda b, p: write_leader_summary(b, p, pagesize="A4", content=packaged_content()),
            "the summary",
        ),
        (lambda b, p: write_poster(b, p, paper="A4", content=packaged_content()), "the poster"),
        (
            lambda b, p: write_report_back(b, p, pagesize="A4", content=packaged_content()),
            "the report-back",
        ),
        (write_board_file, "the session file"),
    ],
)
def test_a_failed_write_names_the_file_it_is(
    tmp_path: Path, write: Callable[[Board, Path], Path], what: str
) -> None:
    """Each export's error sentence speaks of that export, not always of the summary."""
    board = control_board(["A note"])
    with pytest.raises(ExportError) as caught:
        write(board, tmp_path / "missing" / "file.pdf")
    assert str(caught.value).endswith(f"choose another place to save {what}.")
    assert (
        explain(OSError(5, "I/O error"), tmp_path / "x", "the poster")
        .args[0]
        .startswith("The poster could not be saved")
    )


def test_summary_dates_come_from_the_one_month_table(monkeypatch: pytest.MonkeyPatch) -> None:
    """The summary writes dates with the app's one table of month names."""
    names = tuple(f"Month{n}" for n in range(1, 13))
    monkeypatch.setattr(dates, "MONTHS", names)
    assert long_date(date(2026, 11, 20)) == "20 Month11 2026"


def test_leadership_items_come_most_voted_first(tmp_path: Path) -> None:
    """Leadership items are listed by votes, ties in board order; the column keeps board order."""
    template = content().templates["control-board"]
    votes = {"Parking": 0, "Breaks": 3, "Rota": 1, "Quiet room": 3, "Lockers": 0}
    notes = {
        f"n{i}": Note(text, Kind.FATIGUE, column="leadership_controls", position=i, votes=v)
        for i, (text, v) in enumerate(votes.items())
    }
    notes = {k: replace(n, id=k) for k, n in notes.items()}
    session = Session("Day surgery", 4, date(2026, 5, 6), template.key)
    text = _text(
        write_leader_summary(
            Board(session, template, notes), tmp_path / "s.pdf", content=packaged_content()
        )
    )
    start = text.index("Leadership items ")
    column, leadership = text[:start], text[start:]

    def order(part: str) -> list[str]:
        return sorted(votes, key=part.index)

    assert order(column[column.index("Leadership controls") :]) == list(votes)
    assert order(leadership) == ["Breaks", "Quiet room", "Rota", "Parking", "Lockers"]


def _one_kind_board() -> Board:
    template = content().templates["culture-agreements"]
    session = Session("Day surgery", 3, date(2026, 5, 6), template.key)
    note = Note("We ask before we assume", Kind.RESILIENCE, Level.TEAM, "agreements", votes=2)
    return Board(session, template, {"a": replace(note, id="a")})


def test_a_board_of_one_kind_leaves_the_kind_out_of_each_detail_line(tmp_path: Path) -> None:
    """Culture agreements: the detail line starts with the level; the kind's stripe stays."""
    board = _one_kind_board()
    text = _text(
        write_leader_summary(board, tmp_path / "s.pdf", pagesize="A4", content=packaged_content())
    )
    assert "We ask before we assume Team pattern · 2 votes" in text
    assert "Resilience Team pattern" not in text
    blocks = [b for b in columns(digest(board), styles()) if isinstance(b, Striped)]
    assert [b.stripe for b in blocks] == [KIND_LOOKS[Kind.RESILIENCE].strong]
    meta = [p for p in blocks[0].parts if isinstance(p, MetaLine)]
    assert len(meta) == 1 and meta[0].pill is None


def test_a_board_of_two_kinds_keeps_the_kind_label(tmp_path: Path) -> None:
    """The control board's detail lines still name each note's kind."""
    board = control_board(["Charting after hours"])
    text = _text(
        write_leader_summary(board, tmp_path / "s.pdf", pagesize="A4", content=packaged_content())
    )
    assert "Charting after hours Fatigue" in text


def test_one_public_builder_makes_the_page_furniture(tmp_path: Path) -> None:
    """build_pdf lays out any story with the footer and page count, and gives settings back."""
    from reportlab import rl_config
    from reportlab.platypus import PageBreak, Paragraph

    fonts()
    st = styles()
    before = rl_config.useA85, rl_config.shapeChecking
    path = tmp_path / "any.pdf"
    with path.open("wb") as file:
        story = [Paragraph("First", st.body), PageBreak(), Paragraph("Second", st.body)]
        build_pdf(
            story,
            file,
            st=st,
            pagesize="A4",
            footer="Ward 7",
            title="T",
            subject="S",
            made_on=date(2026, 5, 6),
        )
    assert (rl_config.useA85, rl_config.shapeChecking) == before
    reader = PdfReader(path)
    assert [" ".join(p.extract_text().split()) for p in reader.pages] == [
        "First Ward 7 · Page 1 of 2",
        "Second Ward 7 · Page 2 of 2",
    ]
    assert reader.metadata is not None and reader.metadata.title == "T"


def test_a_write_removes_parts_a_killed_export_left_of_the_same_file(tmp_path: Path) -> None:
    """Old `.NAME.XXXXXXXX.part` files of this target go; fresh ones and others' files stay."""
    old = time.time() - 3600
    left = {
        ".summary.pdf.k3x_9q2a.part": old,  # this target, abandoned: removed
        ".summary.pdf.ab12cd34.part": time.time(),  # this target, maybe being written: kept
        ".other.pdf.k3x_9q2a.part": old,  # another target's: kept
        ".summary.pdf.x.pdf.k3x_9q2a.part": old,  # the target "summary.pdf.x.pdf": kept
        ".summary.pdf.notes.part": old,  # not a name this app makes: kept
        "summary.pdf.k3x_9q2a.part": old,  # not hidden, so not ours: kept
    }
    for name, when in left.items():
        (tmp_path / name).write_bytes(b"half")
        os.utime(tmp_path / name, (when, when))
    write_atomically(tmp_path / "summary.pdf", lambda file: file.write(b"%PDF"))
    remaining = {p.name for p in tmp_path.iterdir()}
    assert remaining == set(left) - {".summary.pdf.k3x_9q2a.part"} | {"summary.pdf"}


def test_the_cover_of_a_one_kind_board_says_the_kind_shows_in_colour(tmp_path: Path) -> None:
    """The cover does not promise kind labels the notes of a one-kind board leave out."""
    text = _text(
        write_leader_summary(
            _one_kind_board(), tmp_path / "s.pdf", pagesize="A4", content=packaged_content()
        )
    )
    assert "Each note shows its kind in colour, its level" in text
