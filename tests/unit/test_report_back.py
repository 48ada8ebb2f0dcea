"""Report-back in the domain: responses and their undo, grouping, answers, carry-over."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from crt_desktop.content import content
from crt_desktop.domain.board import Board
from crt_desktop.domain.note import ProgressUpdate, Response
from crt_desktop.domain.operations import MoveNotes, Operation, SetResponse, SetResponses
from crt_desktop.domain.patch import Patch, apply_patch
from crt_desktop.domain.report_back import (
    STATUS_ORDER,
    Answer,
    carry_candidates,
    group_by_status,
    is_open,
    latest_update,
    leader_columns,
    leadership_items,
    make_response,
    plan_answers,
    with_update,
    without_update,
)
from crt_desktop.domain.session import Session
from crt_desktop.domain.session_operations import CarryNotes
from crt_desktop.domain.validation import ValidationError
from crt_desktop.domain.vocabulary import (
    CANNOT_CONTROL,
    LEADERSHIP_CONTROLS,
    Kind,
    ResponseStatus,
)

from .builders import control_board

S = ResponseStatus


def do(board: Board, op: Operation) -> Patch:
    """Apply an operation and return its inverse patch."""
    return apply_patch(board, op.patch(board))


def sorted_board(
    texts: tuple[str, ...] = ("Charting", "Staffing", "Parking"), **kw: object
) -> Board:
    board = control_board(texts, **kw)
    do(board, MoveNotes(tuple(board.notes), LEADERSHIP_CONTROLS))
    return board


def ids(board: Board) -> list[str]:
    return [n.id for n in board.in_column(LEADERSHIP_CONTROLS)]


@pytest.mark.parametrize("before", list(S))
@pytest.mark.parametrize("after", [s for s in S if s is not S.UNLIKELY_TWO_YEARS])
def test_each_status_transition_and_its_undo(before: S, after: S) -> None:
    """Any status can follow any other (in place); undo brings back the board exactly."""
    board = sorted_board()
    first = ids(board)[0]
    do(board, SetResponse(first, Response(before, "first")))
    snapshot = board.snapshot()
    inverse = do(board, SetResponse(first, Response(after, "second")))
    assert board.notes[first].response == Response(after, "second")
    apply_patch(board, inverse)
    assert board.snapshot() == snapshot


def test_unlikely_moves_to_cannot_control_marked_revisit_later() -> None:
    """Unlikely within two years sends the item to Cannot control, to revisit; undo returns it."""
    board = sorted_board()
    first = ids(board)[0]
    snapshot = board.snapshot()
    inverse = do(board, SetResponse(first, make_response(S.UNLIKELY_TWO_YEARS, "Budget")))
    note = board.notes[first]
    assert note.column == CANNOT_CONTROL and note.response is not None
    assert note.response.revisit_later and is_open(note)
    assert [n.position for n in board.in_column(LEADERSHIP_CONTROLS)] == [0, 1]
    assert note in leadership_items(board)  # still a leadership item, now in Cannot control
    apply_patch(board, inverse)
    assert board.snapshot() == snapshot


def test_change_impossible_closes_the_item() -> None:
    """Ticking "change is impossible" means no revisit, and the item is no longer open."""
    board = sorted_board()
    first = ids(board)[0]
    do(board, SetResponse(first, make_response(S.UNLIKELY_TWO_YEARS, "Law", True)))
    note = board.notes[first]
    assert note.response is not None and not note.response.revisit_later
    assert not is_open(note)


def test_impossible_means_nothing_for_other_statuses() -> None:
    """Only an item unlikely to change can be marked impossible; the reason is cleaned."""
    response = make_response(S.THIS_YEAR, "  Looking at it \x00 ", True)
    assert response == Response(S.THIS_YEAR, "Looking at it", False)


def test_many_responses_are_one_undoable_step() -> None:
    """SetResponses records every response in one patch whose inverse restores the board."""
    board = sorted_board(("A", "B", "C", "D"))
    a, b, c, d = ids(board)
    snapshot = board.snapshot()
    op = SetResponses(
        (
            (a, Response(S.UNLIKELY_TWO_YEARS)),
            (c, Response(S.UNLIKELY_TWO_YEARS)),
            (d, Response(S.THIS_YEAR, "Soon")),
        )
    )
    inverse = do(board, op)
    assert [n.id for n in board.in_column(CANNOT_CONTROL)] == [a, c]
    assert [(n.id, n.position) for n in board.in_column(LEADERSHIP_CONTROLS)] == [(b, 0), (d, 1)]
    assert board.notes[d].response == Response(S.THIS_YEAR, "Soon")
    apply_patch(board, inverse)
    assert board.snapshot() == snapshot


def test_a_response_for_a_missing_note_is_refused() -> None:
    """Responses for a note no longer on the board are refused as a whole."""
    board = sorted_board()
    with pytest.raises(ValidationError):
        SetResponses(((ids(board)[0], Response(S.THIS_YEAR)), ("gone", Response()))).patch(board)


def test_leadership_items_include_answered_items_that_moved_on() -> None:
    """Items in the leaders' columns plus answered ones elsewhere; hidden ones left out."""
    board = sorted_board(("A", "B", "C"))
    a, b, c = ids(board)
    do(board, SetResponse(a, Response(S.UNLIKELY_TWO_YEARS)))
    board.notes[c] = replace(board.notes[c], hidden=True)
    assert [n.id for n in leadership_items(board)] == [b, a]
    assert c in [n.id for n in leadership_items(board, include_hidden=True)]


def test_leader_columns_of_other_templates() -> None:
    """Columns marked for leaders count as leadership columns on every template."""
    templates = content().templates
    assert leader_columns(templates["control-board"]) == (LEADERSHIP_CONTROLS,)
    assert leader_columns(templates["keep-practices"]) == ("change", "add")


def test_groups_follow_the_status_order_and_keep_board_order() -> None:
    """Groups come in STATUS_ORDER; unanswered items count as not reviewed."""
    board = sorted_board(("A", "B", "C", "D"))
    a, b, c, d = ids(board)
    do(board, SetResponse(b, Response(S.NEXT_YEAR)))
    do(board, SetResponse(d, Response(S.TEAM_ENGAGED)))
    do(board, SetResponse(c, Response(S.NEXT_YEAR)))
    groups = group_by_status(leadership_items(board))
    assert [(g.status, [n.id for n in g.items]) for g in groups] == [
        (S.TEAM_ENGAGED, [d]),
        (S.NEXT_YEAR, [b, c]),
        (S.NOT_REVIEWED, [a]),
    ]
    assert [g.status for g in group_by_status([], keep_empty=True)] == list(STATUS_ORDER)


def test_updates_are_kept_in_date_order_and_the_latest_is_found() -> None:
    """Updates sort by day (same day: in the order given); the latest is the last of them."""
    response = with_update(None, date(2027, 3, 1), "Budget asked for")
    response = with_update(response, date(2027, 1, 10), "Met the director")
    response = with_update(response, date(2027, 3, 1), "Approved")
    assert [u.text for u in response.updates] == [
        "Met the director",
        "Budget asked for",
        "Approved",
    ]
    board = sorted_board(("A",))
    (a,) = ids(board)
    do(board, SetResponse(a, response))
    assert latest_update(board.notes[a]) == ProgressUpdate(date(2027, 3, 1), "Approved")
    assert without_update(response, 0).updates == response.updates[1:]
    with pytest.raises(ValidationError):
        with_update(response, date(2027, 4, 1), "   ")


def test_plan_answers_describes_changes_and_skips_the_rest() -> None:
    """Answers become changes in board order; unchanged, blank and missing ones are counted."""
    board = sorted_board(("A", "B", "C"))
    a, b, c = ids(board)
    kept = Response(S.THIS_YEAR, "Kept", updates=(ProgressUpdate(date(2027, 1, 1), "x"),))
    do(board, SetResponse(b, kept))
    plan = plan_answers(
        board,
        {
            c: Answer(S.UNLIKELY_TWO_YEARS, "No budget", impossible=True),
            a: Answer(S.NOT_REVIEWED),
            b: Answer(S.NEXT_YEAR, ""),
            "gone": Answer(S.THIS_YEAR),
        },
    )
    assert [ch.note_id for ch in plan.changes] == [b, c]
    assert plan.changes[0].after == replace(kept, status=S.NEXT_YEAR)
    assert plan.changes[1].after == Response(S.UNLIKELY_TWO_YEARS, "No budget", True)
    assert (plan.missing, plan.unchanged) == (1, 1)
    line = plan.changes[1].describe()
    assert "Not reviewed yet → Unlikely to change" in line and "No budget" in line


def _session_board(team: str, day: date, session_id: int, texts: tuple[str, ...]) -> Board:
    return sorted_board(texts, team=team, held_on=day, id=session_id)


def test_carry_over_brings_open_items_with_their_history() -> None:
    """Open items of the team's earlier sessions carry over, keeping response and updates."""
    first = _session_board("Outpatient nursing", date(2026, 11, 20), 1, ("A", "B", "C", "D"))
    a, b, c, d = ids(first)
    history = Response(S.THIS_YEAR, "Budget", updates=(ProgressUpdate(date(2027, 1, 5), "Met"),))
    do(first, SetResponse(a, history))
    do(first, SetResponse(b, make_response(S.UNLIKELY_TWO_YEARS, "State law", True)))
    do(first, SetResponse(c, make_response(S.UNLIKELY_TWO_YEARS, "Not now")))
    other_team = _session_board("Inpatient", date(2026, 11, 21), 2, ("X",))
    later = _session_board("outpatient  Nursing", date(2027, 2, 1), 3, ())
    future = _session_board("Outpatient nursing", date(2027, 6, 1), 4, ("F",))
    found = carry_candidates(later, [first, other_team, later, future])
    assert [x.note.id for x in found] == [a, d, c]  # board order; b is closed
    assert {x.session.id for x in found} == {1}
    do(later, CarryNotes(tuple(x.note for x in found)))
    carried = later.in_column(LEADERSHIP_CONTROLS)
    assert [n.carried_from for n in carried] == [a, d, c]
    assert carried[0].response == history and carried[0].text == "A"
    assert carry_candidates(later, [first]) == []  # already carried: not offered again


def test_carry_over_offers_only_the_newest_link_of_a_chain() -> None:
    """An item carried into session 2 is offered from session 2, not again from session 1."""
    one = _session_board("Team", date(2026, 1, 1), 1, ("A",))
    two = _session_board("Team", date(2026, 4, 1), 2, ())
    do(two, CarryNotes(tuple(one.notes.values())))
    three = _session_board("Team", date(2026, 7, 1), 3, ())
    found = carry_candidates(three, [one, two])
    assert [(x.session.id, x.note.carried_from) for x in found] == [(2, ids(one)[0])]


def test_carry_over_leaves_out_items_a_later_session_already_continued() -> None:
    """An item carried into a later session is not offered to an earlier one as well."""
    one = _session_board("Team", date(2026, 1, 1), 1, ("A",))
    three = _session_board("team ", date(2026, 7, 1), 3, ())
    do(three, CarryNotes(tuple(one.notes.values())))
    two = _session_board("Team", date(2026, 4, 1), 2, ())
    assert carry_candidates(two, [one, three]) == []


def test_carry_over_leaves_out_kinds_the_new_board_does_not_use() -> None:
    """A board for resilience notes only is not offered fatigue items."""
    one = _session_board("Team", date(2026, 1, 1), 1, ("A",))
    template = replace(content().templates["control-board"], kinds=(Kind.RESILIENCE,))
    session = Session("Team", 4, date(2026, 5, 1), "control-board", id=9)
    assert carry_candidates(Board(session, template), [one]) == []
