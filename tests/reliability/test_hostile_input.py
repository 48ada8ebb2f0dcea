"""Hostile text everywhere: accepted as normalised or refused with a message, never a crash,
and what is stored comes back identical (controller, storage, JSON, PDF)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crt_desktop.content import ContentError, content, load_content
from crt_desktop.content import content as packaged_content
from crt_desktop.domain.board import Board
from crt_desktop.domain.note import Note
from crt_desktop.domain.operations import AddNote, EditNote
from crt_desktop.domain.validation import MAX_NOTE_LENGTH, ValidationError, clean_note_text
from crt_desktop.domain.vocabulary import Kind
from crt_desktop.export.interchange import (
    InterchangeError,
    board_from_json,
    board_to_dict,
    board_to_json,
)
from crt_desktop.export.summary import write_leader_summary
from crt_desktop.storage.database import open_database
from tests.reliability.scripted_edits import open_controller

from .big_files import big_board
from .harness import ROOT, child_env

QUICK = settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
FULL = settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))

SPECIAL = [
    'Staff & "leadership" <rarely> listen 😞 — ¿por qué?',
    "<b>bold</b><br/><font color=red>x</font>&amp;&#0;&lt;<para>",
    "<img src='x'/> <a href='http://example.org'>link</a> <unclosed",
    "\u202eevil\u202c mixed עברית and العربية text",
    "e\u0301\u0308\u0327 Z\u0335\u0336\u0337a\u0338l\u0339g\u033ao",
    "\ud800 lone \udfff surrogates",
    "nul\x00 bell\x07 escape\x1b[31m del\x7f c1\x85\x9b",
    "\ufeff\u200b\u200d\u2060 invisible",
    "🏳️‍🌈👩🏽‍⚕️🇨🇦 emoji sequences",
    "\r\n\r\n   \t  ",
    "x" * (MAX_NOTE_LENGTH + 1),
    "y" * 100_000,
]

ANY_CHARACTER = st.characters(exclude_categories=())  # every category, lone surrogates too
HOSTILE = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=ANY_CHARACTER, max_size=60),
    st.sampled_from(SPECIAL),
    st.lists(st.sampled_from(SPECIAL[:9]), min_size=1, max_size=3).map(" ".join),
)


def cleaned_or_none(text: str) -> str | None:
    try:
        return clean_note_text(text)
    except ValidationError:
        return None


@pytest.fixture(scope="module")
def editing(tmp_path_factory, qapp):
    database = open_database(tmp_path_factory.mktemp("hostile") / "crt.db")
    controller, session_id = open_controller(database.store, None)
    messages: list[str] = []
    controller.message.connect(messages.append)
    yield database.store, controller, session_id, messages
    controller.core.history.clear()
    database.close()


def check_note_entry(editing, text: str) -> None:
    store, controller, session_id, messages = editing
    expected = cleaned_or_none(text)
    before = len(messages)
    note_id = f"{len(controller.board.notes):032x}"
    done = controller.do(AddNote(text, note_id=note_id))
    assert done == (expected is not None)
    if not done:
        assert len(messages) == before + 1 and messages[-1].endswith(".")
        return
    assert controller.board.notes[note_id].text == expected
    assert store.load_board(session_id).notes[note_id] == controller.board.notes[note_id]
    edited = controller.do(EditNote(note_id, text=text[::-1]))
    assert edited == (cleaned_or_none(text[::-1]) is not None)
    assert store.load_board(session_id).notes == controller.board.notes


@QUICK
@given(text=HOSTILE)
def test_note_entry_accepts_cleaned_text_or_refuses(editing, text):
    """Any text typed as a note: stored as cleaned and read back identical, or refused."""
    check_note_entry(editing, text)


@pytest.mark.slow
@FULL
@given(text=HOSTILE)
def test_note_entry_accepts_cleaned_text_or_refuses_full(editing, text):
    """The same, with many more inputs."""
    check_note_entry(editing, text)


def hostile_board(texts: list[str]) -> Board:
    """A board holding the accepted texts, cleaned as note entry would store them."""
    board = big_board(0)
    board.session = replace(board.session, team="Team <b>&</b> \u202eRTL\u202c 😞")
    accepted = [t for t in map(cleaned_or_none, texts) if t is not None]
    for i, text in enumerate(accepted):
        board.notes[f"h{i}"] = Note(text, kind=Kind.RESILIENCE, position=i, id=f"h{i}")
    return board


def check_json_round_trip(texts: list[str]) -> None:
    board = hostile_board(texts)
    text = board_to_json(board)
    again = board_from_json(text.encode("utf-8"), content())
    assert again.notes == board.notes and again.session == board.session
    assert board_to_json(again) == text


@QUICK
@given(texts=st.lists(HOSTILE, max_size=6))
def test_json_export_and_import_give_back_every_character(texts):
    """Accepted hostile text survives export and import unchanged, byte for byte."""
    check_json_round_trip(texts)


@pytest.mark.slow
@FULL
@given(texts=st.lists(HOSTILE, max_size=12))
def test_json_export_and_import_give_back_every_character_full(texts):
    """The same, with many more inputs."""
    check_json_round_trip(texts)


@given(text=HOSTILE)
@QUICK
def test_json_import_refuses_bad_text_naming_the_field(text):
    """A session file with any note text imports it cleaned, or names notes[0].text."""
    data = board_to_dict(hostile_board(["placeholder"]))
    data["notes"][0]["text"] = text
    try:
        raw = json.dumps(data, ensure_ascii=False).encode("utf-8", "surrogatepass")
        board = board_from_json(raw, content())
    except InterchangeError as exc:
        assert exc.path in ("", "notes[0].text"), str(exc)
        return
    assert [n.text for n in board.notes.values()] == [clean_note_text(text)]


WORD = re.compile(r"[A-Za-z0-9]{2,}")


def check_pdf(tmp_path: Path, texts: list[str]) -> None:
    """The PDF is made and prints every accepted note: each run of plain letters and digits in
    a note is found in the extracted text (line breaks aside; reversed where a right-to-left
    override turns it round). Other characters may print as the font's replacement mark."""
    from pypdf import PdfReader

    board = hostile_board(texts)
    path = write_leader_summary(
        board, tmp_path / "summary.pdf", pagesize="A4", content=packaged_content()
    )
    assert path.read_bytes().startswith(b"%PDF")
    printed = "".join("".join(page.extract_text().split()) for page in PdfReader(path).pages)
    for note in board.notes.values():
        for word in WORD.findall(note.text):
            assert word in printed or word[::-1] in printed, (word, note.text)


@settings(max_examples=4, deadline=None, suppress_health_check=list(HealthCheck))
@given(texts=st.lists(HOSTILE, min_size=1, max_size=4))
def test_pdf_export_prints_any_accepted_text(tmp_path, texts):
    """Any accepted text, markup-like or not, makes a PDF without an error."""
    check_pdf(tmp_path, texts)


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(texts=st.lists(HOSTILE, min_size=1, max_size=10))
def test_pdf_export_prints_any_accepted_text_full(tmp_path, texts):
    """The same, with many more inputs."""
    check_pdf(tmp_path, texts)


def test_pdf_shows_markup_literally(tmp_path):
    """Text that looks like ReportLab markup is printed as typed, not obeyed."""
    from pypdf import PdfReader

    check_pdf(tmp_path, ["Tom & Jerry <b>bold</b> <br/> listen"])
    printed = " ".join(p.extract_text() for p in PdfReader(tmp_path / "summary.pdf").pages)
    assert "<b>bold</b>" in printed and "Tom & Jerry" in printed


def test_malformed_session_file_names_file_and_field(tmp_path):
    """The command line refuses a bad session file naming the file and the field."""
    data = board_to_dict(hostile_board(["fine"]))
    data["notes"][0]["kind"] = "tired"
    source = tmp_path / "from-the-team.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "crt_desktop", "import", str(source), "--db", str(tmp_path / "d")],
        capture_output=True,
        text=True,
        env=child_env(),
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 2
    assert "from-the-team.json" in result.stderr and "notes[0].kind" in result.stderr
    assert "Traceback" not in result.stderr


def test_malformed_content_file_names_file_and_field(tmp_path):
    """A broken content file is refused naming the file and the field."""
    import shutil
    from importlib import resources

    root = tmp_path / "content"
    shutil.copytree(Path(str(resources.files("crt_desktop.content"))), root)
    template = root / "templates" / "control-board.toml"
    text = template.read_text(encoding="utf-8")
    template.write_text(text.replace('key = "control-board"', "key = 42"), encoding="utf-8")
    with pytest.raises(ContentError) as refused:
        load_content(root)
    assert "templates/control-board.toml" in str(refused.value)
    assert "key" in str(refused.value)
    template.write_text(text + "\n[[[broken", encoding="utf-8")
    with pytest.raises(ContentError, match=r"templates/control-board\.toml"):
        load_content(root)


def test_hundred_thousand_characters_are_refused_with_a_message(editing):
    """A note of 100,000 characters is refused in one sentence, and nothing is stored."""
    store, controller, session_id, messages = editing
    count = len(store.load_board(session_id).notes)
    assert not controller.do(AddNote("z" * 100_000))
    assert "at most" in messages[-1]
    assert len(store.load_board(session_id).notes) == count
