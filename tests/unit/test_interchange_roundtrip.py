"""JSON interchange: any board the app can build survives export -> import -> export unchanged."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crt_desktop.domain.board import Board
from crt_desktop.domain.note import Note, ProgressUpdate, Response
from crt_desktop.domain.operations import (
    AddNote,
    MoveNotes,
    SetHidden,
    SetResponse,
    StackNotes,
    Unstack,
    Vote,
)
from crt_desktop.domain.patch import apply_patch
from crt_desktop.domain.session import Session, dots_key, survey_key
from crt_desktop.domain.session_operations import AddCard, CarryNotes, SetDetails
from crt_desktop.domain.validation import (
    ValidationError,
    clean_name,
    clean_note_text,
    clean_reason,
)
from crt_desktop.domain.vocabulary import Kind, Level, ResponseStatus
from crt_desktop.export.interchange import board_from_json, board_to_dict, board_to_json

from .test_interchange import COLUMNS, COMPONENTS, CONTENT, PARTS, TEMPLATE

# Text people might type or paste: right-to-left scripts, combining marks, markup, emoji,
# direction overrides, zero-width joiners, quotes and backslashes.
HOSTILE = [
    "مرحبا بالجميع",
    "שלום עולם",
    "e\u0301\u0300\u0323 Zalgo\u0336\u0337",
    'Staff & "leadership" <rarely> listen 😞 — ¿por qué?',
    "<b>bold</b> <br/> <script>alert(1)</script> &amp; &lt;",
    "👩🏽‍⚕️👨‍👩‍👧 🏳️‍🌈",
    "\u202eevil override\u202c",
    "back\\slash \"quote\" 'single' {json: [1]}",
    "line one\nline two\ttabbed",
    "Ωμέγα — 日本語 — 한국어 — हिन्दी",
]


def cleaned(clean: Any) -> Any:
    """Hostile or arbitrary text, kept only if the cleaner accepts it, as the cleaner leaves it."""

    def attempt(text: str) -> str | None:
        try:
            return clean(text)  # type: ignore[no-any-return]
        except ValidationError:
            return None

    raw = st.one_of(
        st.sampled_from(HOSTILE),
        st.text(max_size=40),
        st.lists(st.sampled_from(HOSTILE), min_size=1, max_size=3).map(" ".join),
    )
    return raw.map(attempt).filter(lambda t: t is not None)


note_texts = cleaned(clean_note_text)
names = cleaned(lambda t: clean_name(t, "team"))
optional_names = cleaned(lambda t: clean_name(t, "team", required=False))
reasons = cleaned(clean_reason)
dates = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))

responses = st.builds(
    Response,
    status=st.sampled_from(ResponseStatus),
    reason=reasons,
    change_impossible=st.booleans(),
    updates=st.lists(st.builds(ProgressUpdate, on=dates, text=reasons), max_size=3).map(tuple),
)


details = st.lists(
    st.tuples(st.sampled_from(PARTS), st.one_of(st.just(""), note_texts)),
    max_size=3,
    unique_by=lambda pair: pair[0],
).map(tuple)
plain = st.text("abcxyz019_-", min_size=1, max_size=8)
tally_keys = st.one_of(
    st.sampled_from(COLUMNS).map(dots_key),
    st.builds(survey_key, st.sampled_from(["pre", "mid", "post"]), plain, plain),
)
earlier_notes = st.builds(
    Note, note_texts, kind=st.sampled_from(Kind), response=st.none() | responses
)


@st.composite
def boards(draw: st.DrawFn) -> Board:
    section = draw(st.integers(1, 12))
    session = Session(
        team=draw(names),
        section=section,
        held_on=draw(dates),
        template=TEMPLATE.key,
        facilitation_team=draw(optional_names),
        screening=draw(st.booleans()),
        components=draw(st.frozensets(st.sampled_from(COMPONENTS))),
        step=draw(st.integers(0, 2)) if section < 12 else 0,
        prompt=draw(st.none() | st.integers(0, 1)) if section < 12 else None,
        tallies=tuple(draw(st.dictionaries(tally_keys, st.integers(0, 10**6), max_size=4)).items()),
    )
    board = Board(session=session, template=TEMPLATE)
    for text in draw(st.lists(note_texts, min_size=draw(st.sampled_from([0, 3])), max_size=8)):
        op = AddNote(
            text,
            kind=draw(st.sampled_from(Kind)),
            level=draw(st.none() | st.sampled_from(Level)),
            leader_added=draw(st.booleans()),
        )
        apply_patch(board, op.patch(board))
    for parts in draw(st.lists(details, max_size=2)):
        apply_patch(board, AddCard(draw(note_texts), parts).patch(board))
    ids = list(board.notes)
    if not ids:
        return board
    some = st.lists(st.sampled_from(ids), min_size=1, max_size=3, unique=True).map(tuple)
    ops = st.one_of(
        st.builds(MoveNotes, some, st.sampled_from(COLUMNS), st.none() | st.integers(0, 8)),
        st.builds(StackNotes, some, st.sampled_from(ids)),
        st.builds(Unstack, some),
        st.builds(Vote, some, st.integers(-2, 5)),
        st.builds(SetHidden, some, st.booleans()),
        st.builds(SetResponse, st.sampled_from(ids), responses),
        st.builds(SetDetails, st.sampled_from(ids), details),
        st.builds(CarryNotes, st.lists(earlier_notes, min_size=1, max_size=2).map(tuple)),
    )
    for op in draw(st.lists(ops, min_size=2, max_size=12)):
        apply_patch(board, op.patch(board))
    return board


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(boards())
def test_any_board_round_trips_identically(board: Board):
    """Export, import and export again: the same text, and the same session and notes."""
    text = board_to_json(board)
    again = board_from_json(text.encode("utf-8"), CONTENT)
    assert board_to_json(again) == text
    assert again.session == board.session
    assert again.notes == board.notes


@settings(max_examples=100, deadline=None)
@given(note_texts)
def test_any_accepted_text_survives_unchanged(text: str):
    """Text the app accepts (already cleaned) comes back exactly, character for character."""
    board = Board(session=Session("Team", 4, date(2026, 11, 20), TEMPLATE.key), template=TEMPLATE)
    apply_patch(board, AddNote(text).patch(board))
    (note,) = board_from_json(board_to_json(board), CONTENT).notes.values()
    assert note.text == text


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(boards())
def test_the_file_is_written_note_by_note_as_json_dumps_would(board: Board) -> None:
    """The text made one note at a time is exactly json.dumps of the whole board with two-space
    indents (responses, progress updates and card parts included; no notes too)."""
    expected = json.dumps(board_to_dict(board), indent=2, ensure_ascii=False) + "\n"
    assert board_to_json(board) == expected
