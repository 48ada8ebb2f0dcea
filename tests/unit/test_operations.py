"""Domain operations: what each does, and that applying its inverse restores the board exactly."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crt_desktop.domain.note import Response
from crt_desktop.domain.operations import (
    AddNote,
    DeleteNotes,
    EditNote,
    MoveNotes,
    Operation,
    RevealAll,
    SetHidden,
    SetResponse,
    SetScreening,
    StackNotes,
    Unstack,
    Vote,
)
from crt_desktop.domain.patch import apply_patch
from crt_desktop.domain.validation import ValidationError
from crt_desktop.domain.vocabulary import Kind, Level, ResponseStatus

from .builders import control_board

COLUMNS = ["unsorted", "i_control", "leadership_controls", "cannot_control"]


def texts(board, column):
    return [n.text for n in board.in_column(column)]


def check_positions(board):
    for column in COLUMNS:
        positions = [n.position for n in board.in_column(column)]
        assert positions == list(range(len(positions)))
    for note in board.notes.values():
        if note.stack is not None:
            top = board.notes[note.stack]
            assert top.stack is None and top.column == note.column


def test_add_note_lands_in_unsorted_at_the_end():
    """New notes land in Unsorted, in the order they were typed."""
    board = control_board(["a", "b"])
    apply_patch(board, AddNote("c", kind=Kind.RESILIENCE, level=Level.TEAM).patch(board))
    assert texts(board, "unsorted") == ["a", "b", "c"]
    note = board.in_column("unsorted")[-1]
    assert (note.kind, note.level, note.hidden) == (Kind.RESILIENCE, Level.TEAM, False)


def test_screening_hides_new_notes():
    """With screening on, new notes start hidden from the room."""
    board = control_board(screening=True)
    apply_patch(board, AddNote("quiet").patch(board))
    assert board.in_column("unsorted")[0].hidden


@pytest.mark.parametrize("text", ["", "   ", "\x00\x01", "\n\t"])
def test_empty_note_refused(text):
    """A note with no visible text is refused with a message."""
    board = control_board()
    with pytest.raises(ValidationError, match="needs some text"):
        AddNote(text).patch(board)


def test_long_note_refused_with_count():
    """More than 2,000 characters is refused, saying how many there are."""
    board = control_board()
    with pytest.raises(ValidationError, match="2,001"):
        AddNote("x" * 2001).patch(board)


def test_move_between_and_within_columns():
    """Moves insert before the given card and close the gap behind them."""
    board = control_board(["a", "b", "c", "d"])
    ids = {n.text: n.id for n in board.notes.values()}
    apply_patch(board, MoveNotes((ids["b"], ids["d"]), "i_control").patch(board))
    assert texts(board, "i_control") == ["b", "d"]
    assert texts(board, "unsorted") == ["a", "c"]
    apply_patch(board, MoveNotes((ids["c"],), "i_control", 1).patch(board))
    assert texts(board, "i_control") == ["b", "c", "d"]
    apply_patch(board, MoveNotes((ids["d"],), "i_control", 0).patch(board))
    assert texts(board, "i_control") == ["d", "b", "c"]
    check_positions(board)


def test_stack_moves_with_its_top_note_and_unstacks():
    """Stacked duplicates travel with their top note; unstacking frees them in place."""
    board = control_board(["a", "a again", "b"])
    ids = {n.text: n.id for n in board.notes.values()}
    apply_patch(board, StackNotes((ids["a again"],), ids["a"]).patch(board))
    assert [n.text for n in board.cards("unsorted")] == ["a", "b"]
    apply_patch(board, MoveNotes((ids["a"],), "cannot_control").patch(board))
    assert texts(board, "cannot_control") == ["a", "a again"]
    apply_patch(board, Unstack((ids["a"],)).patch(board))
    assert [n.text for n in board.cards("cannot_control")] == ["a", "a again"]
    check_positions(board)


def test_unlikely_response_moves_item_to_cannot_control():
    """A leader's "unlikely within two years" sends the item to Cannot control, to revisit."""
    board = control_board(["Charting after hours"])
    (note,) = board.notes.values()
    apply_patch(board, MoveNotes((note.id,), "leadership_controls").patch(board))
    response = Response(ResponseStatus.UNLIKELY_TWO_YEARS, "Budget is fixed until 2028")
    apply_patch(board, SetResponse(note.id, response).patch(board))
    moved = board.notes[note.id]
    assert moved.column == "cannot_control" and moved.response == response
    assert moved.response.revisit_later


# --- property: every operation's inverse restores the board exactly ---------------------------


@st.composite
def operations(draw, board):
    ids = sorted(board.notes)
    some = st.lists(st.sampled_from(ids), min_size=1, max_size=3, unique=True).map(tuple)
    choices = [
        st.builds(AddNote, st.text(min_size=1, max_size=30), st.sampled_from(list(Kind))),
        st.builds(EditNote, st.sampled_from(ids), text=st.text(min_size=1, max_size=20)),
        st.builds(EditNote, st.sampled_from(ids), level=st.sampled_from([None, *Level])),
        st.builds(DeleteNotes, some),
        st.builds(MoveNotes, some, st.sampled_from(COLUMNS), st.none() | st.integers(-1, 8)),
        st.builds(StackNotes, some, st.sampled_from(ids)),
        st.builds(Unstack, some),
        st.builds(Vote, some, st.integers(-2, 3)),
        st.builds(SetHidden, some, st.booleans()),
        st.just(RevealAll()),
        st.builds(SetScreening, st.booleans()),
        st.builds(
            SetResponse,
            st.sampled_from(ids),
            st.builds(Response, st.sampled_from(list(ResponseStatus)), st.text(max_size=10)),
        ),
    ]
    return draw(st.one_of(choices))


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_every_operation_has_an_exact_inverse(data):
    """Apply a random sequence of operations; undoing them in reverse restores every state."""
    board = control_board([f"note {i}" for i in range(6)])
    history = []
    for _ in range(data.draw(st.integers(1, 6))):
        if not board.notes:
            break
        op: Operation = data.draw(operations(board))
        before = board.snapshot()
        try:
            patch = op.patch(board)
        except ValidationError:
            assert board.snapshot() == before  # a refused operation changes nothing
            continue
        history.append((before, apply_patch(board, patch), patch))
        check_positions(board)
    for before, inverse, _patch in reversed(history):
        apply_patch(board, inverse)
        assert board.snapshot() == before


def test_set_hidden_label_names_the_direction():
    """The undo menu says "Hide from room" for hiding and "Reveal" for revealing."""
    assert SetHidden(("x",), True).label == "Hide from room"
    assert SetHidden(("x",), False).label == "Reveal"


def test_stacking_a_revealed_note_under_a_screened_top_screens_it():
    """Stack members take the top's visibility: the stack is screened or shown as one."""
    board = control_board(["top", "dup"])
    ids = {n.text: n.id for n in board.notes.values()}
    apply_patch(board, SetHidden((ids["top"],), True).patch(board))
    apply_patch(board, StackNotes((ids["dup"],), ids["top"]).patch(board))
    assert board.notes[ids["dup"]].hidden is True
    apply_patch(board, SetHidden((ids["dup"],), False).patch(board))
    assert not board.notes[ids["top"]].hidden and not board.notes[ids["dup"]].hidden


def test_hiding_one_member_hides_its_whole_stack():
    """Hiding a stacked note hides its top and every other member with it."""
    board = control_board(["top", "a", "b"])
    ids = {n.text: n.id for n in board.notes.values()}
    apply_patch(board, StackNotes((ids["a"], ids["b"]), ids["top"]).patch(board))
    apply_patch(board, SetHidden((ids["a"],), True).patch(board))
    assert all(n.hidden for n in board.notes.values())
