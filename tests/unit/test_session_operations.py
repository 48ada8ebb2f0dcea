"""Section-tool operations: checklist, step, prompt, dots, tallies, card parts, carried items."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crt_desktop.content import content
from crt_desktop.domain.board import Board
from crt_desktop.domain.note import Note, ProgressUpdate, Response
from crt_desktop.domain.operations import AddNote, DeleteNotes, MoveNotes, Operation, Vote
from crt_desktop.domain.patch import apply_patch
from crt_desktop.domain.plan import PlanEntry, clean_entry, same_team
from crt_desktop.domain.session import (
    Session,
    check_tally_key,
    dots_key,
    survey_key,
    tallies_with_prefix,
    tally,
)
from crt_desktop.domain.session_operations import (
    AddCard,
    AddDots,
    CarryNotes,
    SetComponent,
    SetDetails,
    SetStep,
    SetTally,
    ShowPrompt,
    carry_column,
)
from crt_desktop.domain.validation import ValidationError
from crt_desktop.domain.vocabulary import Level, ResponseStatus

from .builders import control_board

CHECKLIST = tuple(c.key for c in content().components)
EXPECTATION_COLUMNS = ("unsorted", "helpful", "holding_back", "unclear")


def expectations_board(texts: tuple[str, ...] = ()) -> Board:
    """A Section 5 board: cards written as why / what / how."""
    session = Session("Outpatient nursing", 5, date(2026, 12, 4), "expectations")
    board = Board(session=session, template=content().templates["expectations"])
    for text in texts:
        apply_patch(board, AddNote(text).patch(board))
    return board


def do(board: Board, op: Operation) -> None:
    apply_patch(board, op.patch(board))


def test_session_keeps_tallies_sorted_without_zeros():
    """However a session is built, its tallies are sorted by key and hold no zero counts."""
    session = replace(
        control_board().session, tallies=(("dots:b", 2), ("dots:a", 0), ("dots:a2", 1))
    )
    assert session.tallies == (("dots:a2", 1), ("dots:b", 2))
    assert tally(session, "dots:b") == 2 and tally(session, "dots:a") == 0
    assert session == replace(session, tallies=(("dots:b", 2), ("dots:a2", 1)))


def test_tallies_with_a_prefix():
    """Counts can be read by prefix: a column's dots, or one survey stage's answers."""
    board = control_board()
    do(board, AddDots("i_control", 2))
    do(board, SetTally(survey_key("pre", "q1", "yes"), 4))
    do(board, SetTally(survey_key("post", "q1", "yes"), 1))
    assert tallies_with_prefix(board.session, "dots:") == {"dots:i_control": 2}
    assert tallies_with_prefix(board.session, "survey:pre:") == {"survey:pre:q1:yes": 4}
    assert len(tallies_with_prefix(board.session, "")) == 3


@pytest.mark.parametrize(
    "key", ["dots", "dots:", "dots:a:b", "survey:pre:q1", "survey:later:q1:a", "votes:x", "dots:ä"]
)
def test_malformed_tally_keys_are_refused(key: str):
    """Only dots:<column> and survey:<pre|mid|post>:<question>:<answer> are tallies."""
    with pytest.raises(ValidationError, match="is not a tally"):
        check_tally_key(key)
    with pytest.raises(ValidationError):
        SetTally(key, 1).patch(control_board())


def test_dots_never_go_below_zero_and_need_a_real_column():
    """Taking away more dots than there are leaves none; an unknown column is refused."""
    board = control_board()
    do(board, AddDots("cannot_control", 2))
    do(board, AddDots("cannot_control", -5))
    assert tally(board.session, dots_key("cannot_control")) == 0
    assert board.session.tallies == ()
    assert AddDots("cannot_control", -1).patch(board).empty
    with pytest.raises(ValidationError, match="no column"):
        AddDots("zombie").patch(board)
    with pytest.raises(ValidationError, match="no column"):
        SetTally(dots_key("zombie"), 1).patch(board)


def test_negative_counts_are_refused():
    """A tally cannot be set below zero."""
    with pytest.raises(ValidationError, match="below zero"):
        SetTally(survey_key("mid", "q2", "no"), -1).patch(control_board())


def test_checklist_ticks_and_unticks():
    """Ticking adds the key, unticking removes it; a known list refuses other keys."""
    board = control_board()
    do(board, SetComponent("handout", True, known=CHECKLIST))
    do(board, SetComponent("surveys", known=CHECKLIST))
    do(board, SetComponent("handout", False))
    assert board.session.components == frozenset({"surveys"})
    assert SetComponent("surveys", True).patch(board).empty
    with pytest.raises(ValidationError, match="no item"):
        SetComponent("posters", known=CHECKLIST).patch(board)
    with pytest.raises(ValidationError, match="no item"):
        SetComponent("").patch(board)


def test_step_and_prompt_are_bounded():
    """Steps and prompts count from 0; a given count bounds them; None hides the prompt."""
    board = control_board()
    do(board, SetStep(2, count=3))
    do(board, ShowPrompt(1, count=2))
    assert (board.session.step, board.session.prompt) == (2, 1)
    do(board, ShowPrompt(None))
    assert board.session.prompt is None
    with pytest.raises(ValidationError, match="3 steps; there is no step 4"):
        SetStep(3, count=3).patch(board)
    with pytest.raises(ValidationError, match="before the first"):
        SetStep(-1).patch(board)
    with pytest.raises(ValidationError, match="no prompt 3"):
        ShowPrompt(2, count=2).patch(board)
    assert SetStep(2).patch(board).empty


def test_add_card_keeps_parts_in_template_order():
    """A card's parts are cleaned and kept in the template's order, in one undoable step."""
    board = expectations_board()
    patch = AddCard("Answer the phone", {"how": "  Kindly\r\n", "why": "Patients wait"}).patch(
        board
    )
    (card,) = patch.put
    assert card.details == (("why", "Patients wait"), ("how", "Kindly"))
    assert card.detail("how") == "Kindly" and card.detail("what") == ""
    inverse = apply_patch(board, patch)
    apply_patch(board, inverse)
    assert board.notes == {}


@pytest.mark.parametrize(
    ("details", "message"),
    [
        ((("who", "me"),), "no part called 'who'"),
        ((("why", "a"), ("why", "b")), "given twice"),
        ((("why", "x" * 2001),), "2,001"),
    ],
)
def test_bad_card_parts_are_refused(details: tuple[tuple[str, str], ...], message: str):
    """Unknown or repeated parts, and parts over 2,000 characters, are refused."""
    board = expectations_board(("a",))
    with pytest.raises(ValidationError, match=message):
        AddCard("b", details).patch(board)
    with pytest.raises(ValidationError, match=message):
        SetDetails(next(iter(board.notes)), details).patch(board)


def test_parts_on_a_board_without_parts_are_refused():
    """The control board's notes are plain: no parts can be set on them."""
    board = control_board(["a"])
    with pytest.raises(ValidationError, match="not written in parts"):
        SetDetails(next(iter(board.notes)), (("why", "x"),)).patch(board)


def earlier_item() -> Note:
    response = Response(
        ResponseStatus.THIS_YEAR,
        "Spring review",
        updates=(ProgressUpdate(date(2027, 2, 1), "Posts advertised"),),
    )
    return Note(
        "Short staffing",
        level=Level.SYSTEM,
        column="leadership_controls",
        votes=5,
        response=response,
        id="earlier",
    )


def test_carried_items_keep_their_history():
    """A carried item is a new note continuing the old one, with its response and updates."""
    board = control_board(["a"])
    do(board, CarryNotes((earlier_item(),)))
    (carried,) = board.in_column("leadership_controls")
    assert carried.carried_from == "earlier" and carried.id != "earlier"
    assert carried.response == earlier_item().response and carried.votes == 0
    assert carried.level is Level.SYSTEM
    with pytest.raises(ValidationError, match="already on this board"):
        CarryNotes((earlier_item(),)).patch(board)


def test_carried_items_fit_the_board_they_land_on():
    """On another board an item lands in the leaders' column and drops a level it lacks."""
    board = expectations_board()
    assert carry_column(board.template) == "unclear"
    do(board, CarryNotes((earlier_item(),)))
    (carried,) = board.in_column("unclear")
    assert carried.level is None and carried.response == earlier_item().response
    resilience_only = Board(
        session=Session("T", 1, date(2026, 1, 1), "action-steps"),
        template=content().templates["action-steps"],
    )
    with pytest.raises(ValidationError, match="fatigue"):
        CarryNotes((earlier_item(),)).patch(resilience_only)


def test_plan_entries_are_tidied_and_checked():
    """A plan entry's team name is tidied and its section must be one of the twelve."""
    assert same_team("Night  Shift ", "night shift") and not same_team("Night", "Day")
    assert clean_entry("  Night   shift ", 4, None) == PlanEntry("Night shift", 4, None)
    with pytest.raises(ValidationError, match="no section 13"):
        clean_entry("Night shift", 13, None)


# --- property: every operation's inverse restores the board exactly ---------------------------


@st.composite
def operations(draw: st.DrawFn, board: Board) -> Operation:
    ids = sorted(board.notes) or ["missing"]
    parts = st.lists(
        st.tuples(st.sampled_from(["why", "what", "how", "who"]), st.text(max_size=10)),
        max_size=3,
    ).map(tuple)
    columns = st.sampled_from([*EXPECTATION_COLUMNS, "zombie"])
    tally_keys = st.one_of(
        columns.map(dots_key),
        st.builds(survey_key, st.sampled_from(["pre", "mid", "post"]), st.just("q1"), st.just("a")),
        st.text(max_size=12),
    )
    choices = [
        st.builds(SetComponent, st.sampled_from([*CHECKLIST, "posters"]), st.booleans()),
        st.builds(SetStep, st.integers(-1, 5), st.none() | st.integers(1, 4)),
        st.builds(ShowPrompt, st.none() | st.integers(-1, 5), st.none() | st.integers(1, 4)),
        st.builds(AddDots, columns, st.integers(-3, 3)),
        st.builds(SetTally, tally_keys, st.integers(-1, 5)),
        st.builds(SetTally, columns.map(dots_key), st.integers(0, 5)),
        st.builds(SetDetails, st.sampled_from(ids), parts),
        st.builds(AddCard, st.text(min_size=1, max_size=10), parts),
        st.builds(
            CarryNotes,
            st.lists(
                st.builds(Note, st.just("carried"), id=st.sampled_from("xyz")), max_size=2
            ).map(tuple),
            st.none() | columns,
        ),
        # Ordinary operations mixed in, so both kinds interleave.
        st.builds(MoveNotes, st.tuples(st.sampled_from(ids)), columns),
        st.builds(Vote, st.tuples(st.sampled_from(ids)), st.integers(-1, 2)),
        st.builds(DeleteNotes, st.tuples(st.sampled_from(ids))),
    ]
    return draw(st.one_of(choices))


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_every_section_tool_operation_has_an_exact_inverse(data: st.DataObject):
    """Apply random section-tool operations; undoing them in reverse restores every state,
    and redoing the patches again reaches the same end."""
    board = expectations_board(("a", "b", "c"))
    history = []
    for _ in range(data.draw(st.integers(1, 8))):
        op = data.draw(operations(board))
        before = board.snapshot()
        try:
            patch = op.patch(board)
        except ValidationError:
            assert board.snapshot() == before  # a refused operation changes nothing
            continue
        history.append((before, apply_patch(board, patch), patch))
        assert all(n > 0 for _, n in board.session.tallies)
    end = board.snapshot()
    for before, inverse, _patch in reversed(history):
        apply_patch(board, inverse)
        assert board.snapshot() == before
    for _before, _inverse, patch in history:
        apply_patch(board, patch)
    assert board.snapshot() == end
