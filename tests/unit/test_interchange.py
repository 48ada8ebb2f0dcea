"""JSON interchange: what an export holds, and that import gives back the same board."""

from __future__ import annotations

import json
import re
import stat
from dataclasses import fields, replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from crt_desktop.content import Component, Content, Section, Step, content
from crt_desktop.domain.board import Board
from crt_desktop.domain.note import Note, ProgressUpdate, Response
from crt_desktop.domain.operations import (
    AddNote,
    MoveNotes,
    SetResponse,
    StackNotes,
    Unstack,
    Vote,
)
from crt_desktop.domain.patch import apply_patch
from crt_desktop.domain.session import Session
from crt_desktop.domain.template import CardPart, Column, Template
from crt_desktop.domain.vocabulary import Kind, Level, ResponseStatus
from crt_desktop.export.interchange import (
    InterchangeError,
    board_from_json,
    board_to_dict,
    board_to_json,
    read_board_file,
    write_board_file,
)

DATA = Path(__file__).parent.parent / "data"
COLUMNS = ("unsorted", "i_control", "leadership_controls", "cannot_control")
PARTS = ("why", "what", "how")
TEMPLATE = Template(
    key="control-board",
    title="What can we control?",
    columns=tuple(Column(key, key.replace("_", " ").capitalize(), "") for key in COLUMNS),
    card_parts=tuple(CardPart(key, key.capitalize(), "") for key in PARTS),
)
COMPONENTS = ("handout", "leader_prepared", "surveys")
# A fixed content set, so these tests do not move when the packaged content files change.
# Sections 1 to 11 have three steps and two prompts; Section 12 has none of either.
CONTENT = Content(
    sections=tuple(
        Section(
            number=n,
            title=f"Section {n}",
            template=TEMPLATE.key,
            steps=tuple(Step(f"Step {i}", 5, "") for i in range(3)) if n < 12 else (),
            prompts=("What helps?", "What gets in the way?") if n < 12 else (),
        )
        for n in range(1, 13)
    ),
    templates={TEMPLATE.key: TEMPLATE},
    components=tuple(Component(key, key.capitalize(), "") for key in COMPONENTS),
)


def make_board(texts: tuple[str, ...] = (), **session: Any) -> Board:
    fields: dict[str, Any] = {
        "team": "Outpatient nursing",
        "section": 4,
        "held_on": date(2026, 11, 20),
        "template": TEMPLATE.key,
    }
    fields.update(session)
    board = Board(session=Session(**fields), template=TEMPLATE)
    for text in texts:
        apply_patch(board, AddNote(text).patch(board))
    return board


def do(board: Board, op: Any) -> None:
    apply_patch(board, op.patch(board))


def by_text(board: Board, text: str) -> str:
    return next(n.id for n in board.notes.values() if n.text == text)


def minimal(**changes: Any) -> dict[str, Any]:
    """A small valid file as data; `changes` replace top-level fields."""
    data: dict[str, Any] = {
        "format": "crt-desktop-session",
        "version": 1,
        "session": {
            "team": "Outpatient nursing",
            "section": 4,
            "held_on": "2026-11-20",
            "template": "control-board",
        },
        "notes": [
            {
                "text": "Charting after hours",
                "kind": "fatigue",
                "level": "system",
                "column": "leadership_controls",
                "votes": 3,
                "leader_added": False,
            }
        ],
    }
    data.update(changes)
    return data


def busy_board() -> Board:
    """A board using every feature: levels, moves, stacks, votes, responses, screening."""
    board = make_board(
        ("Charting after hours", "Short staffing", "Too few staff", "Kind colleagues"),
        facilitation_team="Ana and Li",
    )
    do(board, AddNote("Huddles help", kind=Kind.RESILIENCE, level=Level.TEAM, leader_added=True))
    do(board, MoveNotes((by_text(board, "Short staffing"),), "leadership_controls"))
    do(board, MoveNotes((by_text(board, "Kind colleagues"),), "i_control"))
    do(board, StackNotes((by_text(board, "Too few staff"),), by_text(board, "Short staffing")))
    do(board, Vote((by_text(board, "Short staffing"),), 4))
    response = Response(
        ResponseStatus.THIS_YEAR,
        reason="Budget review in spring",
        updates=(ProgressUpdate(date(2027, 2, 1), "Two posts advertised"),),
    )
    do(board, SetResponse(by_text(board, "Short staffing"), response))
    return board


def test_design_example_imports_with_the_packaged_content():
    """The example in the design notes imports as one note with its fields."""
    board = board_from_json((DATA / "design_example.json").read_bytes(), content())
    (note,) = board.notes.values()
    assert (note.text, note.kind, note.level, note.column, note.votes, note.leader_added) == (
        "Charting after hours",
        Kind.FATIGUE,
        Level.SYSTEM,
        "leadership_controls",
        3,
        False,
    )
    assert board.session == Session("Outpatient nursing", 4, date(2026, 11, 20), "control-board")
    assert board.session.id is None


def test_export_holds_every_field_in_a_fixed_order():
    """Each note carries every field, in the documented order, with defaults written out."""
    board = busy_board()
    data = board_to_dict(board)
    assert list(data) == ["format", "version", "session", "notes"]
    assert data["session"] == {
        "team": "Outpatient nursing",
        "section": 4,
        "held_on": "2026-11-20",
        "template": "control-board",
        "facilitation_team": "Ana and Li",
        "screening": False,
        "components": [],
        "step": 0,
        "prompt": None,
        "tallies": {},
    }
    top = next(n for n in data["notes"] if n["text"] == "Short staffing")
    assert list(top) == [
        "text", "kind", "level", "column", "votes", "leader_added", "id", "group", "hidden",
        "response", "details", "carried_from",
    ]  # fmt: skip
    assert top["details"] == {} and top["carried_from"] is None
    assert top["votes"] == 4 and top["group"] is None
    assert top["response"] == {
        "status": "this_year",
        "reason": "Budget review in spring",
        "change_impossible": False,
        "updates": [{"on": "2027-02-01", "text": "Two posts advertised"}],
    }
    member = next(n for n in data["notes"] if n["text"] == "Too few staff")
    assert member["group"] == top["id"] and member["response"] is None


def test_export_lists_notes_in_board_order():
    """Notes come column by column in the template's order, then by position."""
    board = busy_board()
    texts = [n["text"] for n in board_to_dict(board)["notes"]]
    assert texts == [
        "Charting after hours",
        "Huddles help",
        "Kind colleagues",
        "Short staffing",
        "Too few staff",
    ]


def test_export_text_is_indented_utf8_with_a_final_newline():
    """The text keeps characters as they are, indents by two spaces and ends with a newline."""
    board = make_board(('Staff & "leadership" <rarely> listen 😞 — ¿por qué?',))
    text = board_to_json(board)
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert '\n  "version": 1,\n' in text
    assert '"Staff & \\"leadership\\" <rarely> listen 😞 — ¿por qué?"' in text


def test_round_trip_is_identical():
    """Export, import and export again gives the same text, and an equal board."""
    board = busy_board()
    text = board_to_json(board)
    again = board_from_json(text, CONTENT)
    assert board_to_json(again) == text
    assert again.notes == board.notes
    assert again.session == board.session


def test_import_gives_an_unsaved_session():
    """A board exported from a saved session imports as a new one, without the old id."""
    board = busy_board()
    board.session = replace(board.session, id=7)
    again = board_from_json(board_to_json(board).encode(), CONTENT)
    assert again.session.id is None
    assert again.session == replace(board.session, id=None)


def test_positions_follow_the_file_order():
    """Positions in each column are 0, 1, 2… in the order the file lists the notes."""
    data = minimal(
        notes=[
            {**minimal()["notes"][0], "text": "b", "column": "unsorted", "id": "b", "group": "c"},
            {**minimal()["notes"][0], "text": "a", "column": "unsorted"},
            {**minimal()["notes"][0], "text": "c", "column": "unsorted", "id": "c"},
            {**minimal()["notes"][0], "text": "d", "column": "i_control"},
        ]
    )
    board = board_from_json(json.dumps(data), CONTENT)
    assert [(n.text, n.position) for n in board.in_column("unsorted")] == [
        ("b", 0),
        ("a", 1),
        ("c", 2),
    ]
    assert [n.text for n in board.cards("unsorted")] == ["a", "c"]
    assert [n.text for n in board.stacked_under("c")] == ["b"]
    assert [(n.text, n.position) for n in board.in_column("i_control")] == [("d", 0)]


def test_a_stack_split_by_unstacking_round_trips():
    """A board whose stacked note no longer sits right after its top note still comes back exact."""
    board = make_board(("a", "b", "c", "d"))
    a, b, c = (by_text(board, t) for t in "abc")
    do(board, StackNotes((b, c), a))
    do(board, Unstack((b,)))
    text = board_to_json(board)
    again = board_from_json(text, CONTENT)
    assert again.notes == board.notes and board_to_json(again) == text


def test_optional_fields_take_their_defaults():
    """Left-out optional fields mean: no facilitation team, no screening, shown, no response."""
    board = board_from_json(json.dumps(minimal()), CONTENT)
    (note,) = board.notes.values()
    assert (board.session.facilitation_team, board.session.screening) == ("", False)
    assert (note.hidden, note.response, note.stack) == (False, None, None)
    assert len(note.id) == 32


def test_response_defaults_and_null_level():
    """A response needs only its status; a null level means no level."""
    note = {**minimal()["notes"][0], "level": None, "response": {"status": "next_year"}}
    board = board_from_json(json.dumps(minimal(notes=[note])), CONTENT)
    (imported,) = board.notes.values()
    assert imported.level is None
    assert imported.response == Response(ResponseStatus.NEXT_YEAR)


def test_notes_without_ids_get_distinct_fresh_ids():
    """Notes written without an id each get a new one."""
    board = board_from_json(json.dumps(minimal(notes=minimal()["notes"] * 3)), CONTENT)
    assert len(board.notes) == 3


def test_text_is_cleaned_on_import():
    """Note text is normalised (NFC) and stripped of control characters, as typed text is."""
    note = {**minimal()["notes"][0], "text": "  Cafe\u0301\x07 time\r\nnow  "}
    board = board_from_json(json.dumps(minimal(notes=[note])), CONTENT)
    (imported,) = board.notes.values()
    assert imported.text == "Café time\nnow"


def test_a_byte_order_mark_is_accepted():
    """A UTF-8 file with a byte order mark (as some editors save) imports."""
    data = b"\xef\xbb\xbf" + json.dumps(minimal()).encode()
    assert len(board_from_json(data, CONTENT).notes) == 1


def test_write_and_read_a_file(tmp_path: Path):
    """A written file holds exactly the export's bytes, readable by its owner only, and reads
    back."""
    board = busy_board()
    path = tmp_path / "session.json"
    write_board_file(board, path)
    assert path.read_bytes() == board_to_json(board).encode("utf-8")
    assert read_board_file(path, CONTENT).notes == board.notes
    assert [p.name for p in tmp_path.iterdir()] == ["session.json"]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    write_board_file(make_board(), path)  # replacing a file works too
    assert read_board_file(path, CONTENT).notes == {}


def test_reading_a_missing_file_says_so(tmp_path: Path):
    """A file that is not there gives an InterchangeError naming it."""
    with pytest.raises(InterchangeError, match=r"There is no file .*nowhere\.json\."):
        read_board_file(tmp_path / "nowhere.json", CONTENT)
    with pytest.raises(InterchangeError, match=r"is a folder, not a session file"):
        read_board_file(tmp_path, CONTENT)


def test_a_ten_megabyte_file_imports():
    """A large but allowed file (10 MB of long notes) imports whole."""
    text = ("Charting after hours, every day — é ü 😞 " * 60)[:2000]
    note = {**minimal()["notes"][0], "text": text, "column": "unsorted"}
    data = json.dumps(minimal(notes=[note] * 5000), ensure_ascii=False).encode()
    assert len(data) > 10_000_000
    board = board_from_json(data, CONTENT)
    assert len(board.notes) == 5000
    assert [n.position for n in board.in_column("unsorted")] == list(range(5000))


def test_export_refuses_a_note_outside_the_template():
    """A damaged board (a note in a column the template lacks) is refused, not cut short."""
    board = make_board(("lost",))
    note = next(iter(board.notes.values()))
    board.notes[note.id] = replace(note, column="elsewhere")
    with pytest.raises(ValueError, match="elsewhere"):
        board_to_dict(board)


@pytest.mark.parametrize(
    ("cls", "carried"),
    [
        # position is carried by the order of the notes, stack by "group".
        (Note, {"text", "kind", "level", "column", "position", "stack", "votes", "hidden",
                "leader_added", "response", "id", "details", "carried_from"}),
        # id and uid are given by storage when the imported session is saved (a new uid: an
        # imported copy is another database's session).
        (Session, {"team", "section", "held_on", "template", "facilitation_team", "screening",
                   "id", "components", "step", "prompt", "tallies", "uid"}),
        (Response, {"status", "reason", "change_impossible", "updates"}),
        (ProgressUpdate, {"on", "text"}),
    ],
)  # fmt: skip
def test_every_domain_field_is_carried(cls: type, carried: set[str]):
    """A field added to the domain fails here until the file format carries it (no silent loss)."""
    assert {f.name for f in fields(cls)} == carried


def test_the_examples_in_the_format_guide_import():
    """Every JSON example in docs/interchange.md imports with the packaged content."""
    guide = (Path(__file__).parents[2] / "docs" / "interchange.md").read_text(encoding="utf-8")
    examples = re.findall(r"```json\n(.*?)```", guide, flags=re.DOTALL)
    assert len(examples) == 3
    full, card, short = (board_from_json(e, content()) for e in examples)
    assert full.session.components == {"handout", "leader_prepared"}
    assert full.session.tallies == (("survey:pre:q1:agree", 9), ("survey:pre:q1:disagree", 3))
    (structured,) = card.notes.values()
    assert [key for key, _ in structured.details] == ["why", "what", "how"]
    top, duplicate = full.in_column("leadership_controls")
    assert duplicate.stack == top.id and full.cards("leadership_controls") == [top]
    assert top.response is not None and top.response.updates[0].on == date(2027, 2, 1)
    assert len(short.notes) == 1


def test_escaped_lone_surrogates_are_dropped():
    """JSON can spell half an emoji (a lone surrogate); it is dropped like other unprintables."""
    text = json.dumps(minimal()).replace(
        "Charting after hours", "Charting \\ud83d after\\udc00 hours"
    )
    (note,) = board_from_json(text, CONTENT).notes.values()
    assert note.text == "Charting  after hours"
    assert board_to_json(board_from_json(text, CONTENT)).encode("utf-8")
