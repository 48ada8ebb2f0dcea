"""Reading a filled-in summary trusts nothing: encrypted, cut-off, foreign and malformed files
each get one sentence, and a status is read from the value and the ticked widget together."""

from __future__ import annotations

import io
import logging
from datetime import date
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader, PdfWriter

from crt_desktop.content import content as packaged_content
from crt_desktop.domain.note import Note
from crt_desktop.domain.patch import Patch
from crt_desktop.domain.session import Session
from crt_desktop.domain.vocabulary import Kind, ResponseStatus
from crt_desktop.export.response_form import MARKER, field_name
from crt_desktop.export.responses_read import (
    DAMAGED,
    PASSWORD,
    ResponsesError,
    answers_for,
    read_filled_file,
    read_filled_form,
)
from crt_desktop.export.summary import write_leader_summary
from crt_desktop.storage.database import open_database


def exported(tmp_path: Path, name: str = "crt.db") -> tuple[Path, Session]:
    """A saved session with one leadership item, and its summary."""
    store = open_database(tmp_path / name).store
    session = store.create_session(Session("Ward 7", 4, date(2026, 11, 20), "control-board"))
    assert session.id is not None and len(session.uid) == 32
    note = Note("Charting after hours", Kind.FATIGUE, column="leadership_controls", id="n0")
    store.save_patch(session.id, Patch(put=(note,)))
    board = store.load_board(session.id)
    assert board.session.uid == session.uid
    out = tmp_path / f"{name}.pdf"
    write_leader_summary(board, out, content=packaged_content(), pagesize="A4")
    return out, board.session


def filled(source: Path, values: dict[str, object]) -> bytes:
    """The summary with raw values written into its fields (pikepdf objects or text)."""
    with pikepdf.open(source) as pdf:
        for item in pdf.Root.AcroForm.Fields:
            name = str(item.get("/T", ""))
            if name in values:
                value = values[name]
                item.V = pikepdf.String(value) if isinstance(value, str) else value
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()


def test_an_aes_encrypted_save_opens(tmp_path: Path) -> None:
    """A viewer that encrypts with AES (and no password to open) no longer crashes the import."""
    source, session = exported(tmp_path)
    reason = field_name(session.id or 0, "n0", "reason")
    plain = filled(source, {reason: "Trial in January"})
    target = tmp_path / "aes.pdf"
    with pikepdf.open(io.BytesIO(plain)) as pdf:
        pdf.save(target, encryption=pikepdf.Encryption(owner="owner", user="", aes=True, R=6))
    form = read_filled_file(target)
    assert answers_for(form, session)["n0"].reason == "Trial in January"


def test_a_file_that_needs_a_password_is_named_as_such(tmp_path: Path) -> None:
    source, _ = exported(tmp_path)
    target = tmp_path / "locked.pdf"
    with pikepdf.open(source) as pdf:
        pdf.save(
            target,
            encryption=pikepdf.Encryption(owner="o", user="secret", R=3, aes=False, metadata=False),
        )
    with pytest.raises(ResponsesError) as caught:
        read_filled_form(target.read_bytes())
    assert str(caught.value) == PASSWORD


def test_a_cut_off_save_is_refused_not_read_as_no_changes(tmp_path: Path) -> None:
    """The last incremental update cut off half way: the earlier version would read as "no
    changes" and drop the leader's answers without a word."""
    source, session = exported(tmp_path)
    writer = PdfWriter(source, incremental=True)
    values = {field_name(session.id or 0, "n0", "reason"): "Typed by the leader"}
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    out = io.BytesIO()
    writer.write(out)
    whole = out.getvalue()
    assert read_filled_form(whole).answers["n0"].reason == "Typed by the leader"
    original = len(source.read_bytes())
    cut = whole[: original + (len(whole) - original) // 2]
    with pytest.raises(ResponsesError) as caught:
        read_filled_form(cut)
    assert str(caught.value) == DAMAGED


def test_pypdf_warnings_stay_quiet_and_damage_is_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    """A damaged file used to print thousands of pypdf warnings before its one sentence."""
    source, _ = exported(tmp_path)
    data = bytearray(source.read_bytes())
    start = data.index(b" 0 obj", len(data) // 2) - 3
    data[start : start + 4000] = b"\x00" * 4000  # objects overwritten, end marker kept
    with caplog.at_level(logging.DEBUG), pytest.raises(ResponsesError) as caught:
        read_filled_form(bytes(data))
    assert str(caught.value) in (DAMAGED,)
    out, err = capsys.readouterr()
    assert out == err == ""
    assert not [r for r in caplog.records if r.name.startswith("pypdf")]


def test_a_pdf_from_another_database_is_refused(tmp_path: Path) -> None:
    """Session 1 of another database is not this database's session 1."""
    source, here = exported(tmp_path, "here.db")
    _, there = exported(tmp_path, "there.db")
    assert here.id == there.id and here.uid != there.uid
    form = read_filled_file(source)
    assert answers_for(form, here)
    with pytest.raises(ResponsesError, match="another database"):
        answers_for(form, there)


@pytest.mark.parametrize("marker", ["²", "9" * 5000, "-1", ""])
def test_a_session_number_that_is_not_one_is_refused(tmp_path: Path, marker: str) -> None:
    source, _ = exported(tmp_path)
    with pytest.raises(ResponsesError, match="crt/session"):
        read_filled_form(filled(source, {MARKER: marker}))


@pytest.mark.parametrize(
    "value",
    [pikepdf.Array([1, 2]), pikepdf.String(b"\xff\xfe\x00junk"), pikepdf.Dictionary(A=1), 5],
)
def test_a_reason_that_is_not_text_is_refused_naming_the_field(
    tmp_path: Path, value: object
) -> None:
    source, session = exported(tmp_path)
    reason = field_name(session.id or 0, "n0", "reason")
    try:
        form = read_filled_form(filled(source, {reason: value}))
    except ResponsesError as exc:
        assert reason in str(exc)
    else:  # bytes that decode as text are text: recorded as such, never as a list
        assert isinstance(form.answers["n0"].reason, str)
        assert not form.answers["n0"].reason.startswith("[")


def _tick(source: Path, status: str, *, value: str | None) -> bytes:
    """Tick one status button (its /AS), setting the group's /V to `value`."""
    with pikepdf.open(source) as pdf:
        for item in pdf.Root.AcroForm.Fields:
            if not str(item.get("/T", "")).endswith("/status"):
                continue
            for kid in item.Kids:
                states = [k for k in kid.AP.N.keys() if k != "/Off"]  # noqa: SIM118
                kid.AS = pikepdf.Name(states[0]) if states[0] == f"/{status}" else pikepdf.Name.Off
            if value is None:
                if "/V" in item:
                    del item["/V"]
            else:
                item.V = pikepdf.Name(f"/{value}")
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()


def test_status_is_read_from_the_ticked_widget_when_the_value_is_missing(tmp_path: Path) -> None:
    source, _ = exported(tmp_path)
    form = read_filled_form(_tick(source, "next_year", value=None))
    assert form.answers["n0"].status is ResponseStatus.NEXT_YEAR
    agreed = read_filled_form(_tick(source, "next_year", value="next_year"))
    assert agreed.answers["n0"].status is ResponseStatus.NEXT_YEAR


def test_a_value_and_a_ticked_widget_that_disagree_are_refused(tmp_path: Path) -> None:
    source, _ = exported(tmp_path)
    with pytest.raises(ResponsesError, match="status"):
        read_filled_form(_tick(source, "next_year", value="this_year"))


def test_the_summary_carries_the_session_uid_hidden(tmp_path: Path) -> None:
    source, session = exported(tmp_path)
    fields = PdfReader(source).get_fields() or {}
    assert fields["crt/session-uid"]["/V"] == session.uid
    assert read_filled_file(source).session_uid == session.uid


def test_a_summary_from_before_the_uid_needs_this_sessions_title() -> None:
    """A summary exported before sessions had a unique identifier carries none: it is read
    only when its title is this session's (same team and section), else refused."""
    from crt_desktop.export.responses_read import FilledForm

    session = Session("Ward 7", 4, date(2026, 11, 20), "control-board", id=2, uid="a" * 32)
    answers = {"n0": read_answer()}
    old = FilledForm(2, answers, "Leader summary: Ward 7, section 4")
    assert answers_for(old, session) == answers
    other = FilledForm(2, answers, "Leader summary: Day surgery, section 4")
    with pytest.raises(ResponsesError, match="does not say which database"):
        answers_for(other, session)


def read_answer() -> object:
    from crt_desktop.domain.report_back import Answer

    return Answer(ResponseStatus.THIS_YEAR, "Trial", False)
