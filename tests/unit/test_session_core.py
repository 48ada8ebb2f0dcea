"""The session core, without Qt: save first, undo and redo saved too, one summary per step."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest

from crt_desktop.content import content
from crt_desktop.domain.board import Board
from crt_desktop.domain.note import Note, Response
from crt_desktop.domain.operations import (
    AddNote,
    DeleteNotes,
    EditNote,
    MoveNotes,
    Operation,
    RevealAll,
    SetHidden,
    SetResponse,
    SetResponses,
    SetScreening,
    StackNotes,
    Unstack,
    Vote,
)
from crt_desktop.domain.patch import Patch, apply_patch
from crt_desktop.domain.session import Session, dots_key, survey_key, tally
from crt_desktop.domain.session_operations import (
    AddCard,
    AddDots,
    CarryNotes,
    SetComponent,
    SetDetails,
    SetStep,
    SetTally,
    ShowPrompt,
)
from crt_desktop.domain.store import StorageError
from crt_desktop.domain.validation import ValidationError
from crt_desktop.domain.vocabulary import Kind, Level, ResponseStatus
from crt_desktop.session import Changes, Direction, SessionCore


class CopyStore:
    """Keeps its own copy of the board, changed only by saved patches; can be told to fail."""

    def __init__(self, board: Board) -> None:
        self.board = copy.deepcopy(board)
        self.saved: list[Patch] = []
        self.fail: str | None = None

    def save_patch(self, session_id: int, patch: Patch) -> None:
        assert session_id == self.board.session.id
        if self.fail:
            raise StorageError(self.fail)
        apply_patch(self.board, patch)
        self.saved.append(patch)


def board_of(template: str = "control-board", section: int = 4) -> Board:
    session = Session("Outpatient nursing", section, date(2026, 11, 20), template, id=7)
    board = Board(session=session, template=content().templates[template])
    for i, (text, kind) in enumerate(
        [("Charting after hours", Kind.FATIGUE), ("Walks at lunch", Kind.RESILIENCE)]
        + [(f"Note {n}", Kind.FATIGUE) for n in range(3)]
    ):
        apply_patch(board, AddNote(text, kind=kind, note_id=f"n{i}").patch(board))
    apply_patch(board, MoveNotes(("n3", "n4"), board.template.columns[-1].key).patch(board))
    return board


def core_of(board: Board) -> tuple[SessionCore, CopyStore]:
    store = CopyStore(board)
    return SessionCore(board, store), store


def state(board: Board) -> tuple[dict[str, Note], Session]:
    return dict(board.notes), board.session


carried = Note("Short staffing", column="leadership_controls", id="earlier", votes=4)
answer = Response(ResponseStatus.THIS_YEAR, "Spring review")
unlikely = Response(ResponseStatus.UNLIKELY_TWO_YEARS, "Budget")

# Every operation a person can make, each on a board where it changes something.
OPERATIONS: list[tuple[str, Callable[[], Operation]]] = [
    ("add", lambda: AddNote("Pager at breaks", level=Level.TEAM)),
    ("edit", lambda: EditNote("n0", text="Charting at home", kind=Kind.RESILIENCE)),
    ("delete", lambda: DeleteNotes(("n1",))),
    ("move", lambda: MoveNotes(("n0", "n2"), "leadership_controls")),
    ("stack", lambda: StackNotes(("n1", "n3"), onto="n0")),
    ("vote", lambda: Vote(("n0", "n1"), 2)),
    ("hide", lambda: SetHidden(("n0",), True)),
    ("screening", lambda: SetScreening(True)),
    ("response", lambda: SetResponse("n0", answer)),
    ("unlikely", lambda: SetResponse("n0", unlikely)),
    ("responses", lambda: SetResponses((("n0", answer), ("n2", unlikely)))),
    ("checklist", lambda: SetComponent(content().components[0].key)),
    ("step", lambda: SetStep(2)),
    ("prompt", lambda: ShowPrompt(1)),
    ("dots", lambda: AddDots("i_control", 3)),
    ("tally", lambda: SetTally(survey_key("pre", "q1", "yes"), 4)),
    ("carry", lambda: CarryNotes((carried,))),
]


@pytest.mark.parametrize("make", [m for _, m in OPERATIONS], ids=[n for n, _ in OPERATIONS])
def test_every_operation_undoes_and_redoes_through_the_core(make):
    """Each change, its undo and its redo are saved, and the store always matches the board."""
    board = board_of()
    core, store = core_of(board)
    before = state(board)
    assert core.do(make()) is not None
    after = state(board)
    assert after != before and state(store.board) == after
    assert core.undo() is not None
    assert state(board) == before == state(store.board)
    assert core.redo() is not None
    assert state(board) == after == state(store.board)
    assert len(store.saved) == 3


@pytest.mark.parametrize(
    "make",
    [
        lambda: Unstack(("n1",)),
        lambda: RevealAll(),
        lambda: SetDetails("c", (("why", "Patients wait"),)),
        lambda: AddCard("Answer the phone", (("how", "Kindly"),)),
    ],
    ids=["unstack", "reveal-all", "details", "card"],
)
def test_operations_that_need_a_prepared_board_undo_and_redo(make):
    """Unstack, Reveal all and the structured cards' operations undo and redo exactly too."""
    board = board_of("expectations", 5)
    apply_patch(board, StackNotes(("n1",), onto="n0").patch(board))
    apply_patch(board, SetHidden(("n2",), True).patch(board))
    apply_patch(board, AddCard("Card", (("why", "x"),), note_id="c").patch(board))
    core, store = core_of(board)
    before = state(board)
    core.do(make())
    after = state(board)
    assert after != before
    core.undo()
    assert state(board) == before == state(store.board)
    core.redo()
    assert state(board) == after == state(store.board)


def test_a_failing_store_leaves_board_and_history_unchanged():
    """Save first: when the store refuses, nothing is applied, recorded or announced."""
    board = board_of()
    core, store = core_of(board)
    heard: list[Changes] = []
    core.subscribe(heard.append)
    core.do(Vote(("n0",), 1))
    before = state(board)
    store.fail = "the disk is full"
    with pytest.raises(StorageError, match="the disk is full"):
        core.do(MoveNotes(("n0",), "i_control"))
    assert state(board) == before and len(core.history) == 1
    with pytest.raises(StorageError):
        core.undo()  # an undo must be saved too
    assert state(board) == before and core.can_undo and not core.can_redo
    assert len(heard) == 1
    store.fail = None
    core.undo()
    store.fail = "the disk is gone"
    with pytest.raises(StorageError):
        core.redo()
    assert core.can_redo and board.notes["n0"].votes == 0 == store.board.notes["n0"].votes


def test_a_refused_operation_changes_nothing():
    """Invalid input raises ValidationError before anything is saved."""
    board = board_of()
    core, store = core_of(board)
    with pytest.raises(ValidationError):
        core.do(AddNote("   "))
    assert store.saved == [] and len(core.history) == 0 and "   " not in board.notes


def test_an_empty_change_is_neither_saved_nor_recorded():
    """Voting a note below zero changes nothing: no save, no undo step, no summary."""
    board = board_of()
    core, store = core_of(board)
    assert core.do(Vote(("n0",), -1)) is None
    assert store.saved == [] and not core.can_undo


def test_summary_of_a_move_names_columns_not_faces():
    """A move touches the columns it leaves and enters; no card's face changed."""
    core, _ = core_of(board_of())
    changes = core.do(MoveNotes(("n0",), "i_control"))
    assert changes is not None
    assert changes.direction is Direction.DO and changes.label == "Move note"
    assert changes.columns == {"unsorted", "i_control"}
    assert changes.faces == frozenset()
    assert "n0" in changes.notes and changes.session_fields == frozenset()


def test_summary_of_a_vote_names_the_faces_and_of_undo_the_direction():
    """A vote changes the faces of the voted cards; its undo says so, labelled the same."""
    core, _ = core_of(board_of())
    done = core.do(Vote(("n0", "n1"), 1))
    assert done is not None and done.faces == {"n0", "n1"} and done.columns == {"unsorted"}
    undone = core.undo()
    assert undone is not None and undone.direction is Direction.UNDO
    assert undone.faces == {"n0", "n1"} and undone.label == "Vote"
    redone = core.redo()
    assert redone is not None and redone.direction is Direction.REDO


def test_summary_of_a_delete_and_of_a_session_change():
    """Deleted notes are named; a session change names just the fields it changed."""
    core, _ = core_of(board_of())
    deleted = core.do(DeleteNotes(("n1",)))
    assert deleted is not None and "n1" in deleted.notes and "unsorted" in deleted.columns
    screening = core.do(SetScreening(True))
    assert screening is not None
    assert screening.session_fields == {"screening"} and screening.columns == frozenset()
    undone = core.undo()
    assert undone is not None and undone.session_fields == {"screening"}


def test_listeners_hear_every_step_after_it_is_saved():
    """A listener sees each step once, when the store already holds it."""
    board = board_of()
    core, store = core_of(board)
    heard: list[tuple[Direction, int]] = []
    core.subscribe(lambda changes: heard.append((changes.direction, len(store.saved))))
    core.do(Vote(("n0",), 1))
    core.undo()
    core.redo()
    assert heard == [(Direction.DO, 1), (Direction.UNDO, 2), (Direction.REDO, 3)]


def test_undo_texts_name_the_step():
    """The menus read "Undo move note" and "Redo move note", or plain words when empty."""
    core, _ = core_of(board_of())
    assert (core.undo_text, core.redo_text) == ("Undo", "Redo")
    core.do(MoveNotes(("n0",), "i_control"))
    assert core.undo_text == "Undo move note" and core.redo_text == "Redo"
    core.undo()
    assert core.undo_text == "Undo" and core.redo_text == "Redo move note"
    core.do(SetHidden(("n0",), True))
    assert core.undo_text == "Undo hide from room" and not core.can_redo  # redo dropped


def test_consecutive_changes_of_one_tally_merge_into_one_step():
    """A survey count stepped 1, 2, 3 is one undo back to where it started."""
    board = board_of()
    core, store = core_of(board)
    key = survey_key("pre", "q1", "yes")
    for count in (1, 2, 3):
        core.do(SetTally(key, count))
    assert len(core.history) == 1 and len(store.saved) == 3
    core.undo()
    assert tally(board.session, key) == 0 == tally(store.board.session, key)
    core.redo()
    assert tally(board.session, key) == 3 == tally(store.board.session, key)


def test_changes_of_other_fields_or_after_an_undo_do_not_merge():
    """Another field, another operation in between, or an undo, each start a new step."""
    board = board_of()
    core, _ = core_of(board)
    yes, no = survey_key("pre", "q1", "yes"), survey_key("pre", "q1", "no")
    core.do(SetTally(yes, 1))
    core.do(SetTally(no, 1))  # another field
    core.do(SetTally(no, 2))  # merges with the one before
    core.do(Vote(("n0",), 1))
    core.do(SetTally(no, 3))  # not after the vote
    assert len(core.history) == 4
    core.undo()
    core.do(SetTally(no, 5))  # after an undo: a step of its own
    assert len(core.history) == 4
    core.history.seal()
    core.do(SetTally(no, 6))  # sealed: a step of its own
    assert len(core.history) == 5
    core.undo()
    core.undo()
    assert tally(board.session, no) == 2


def test_a_run_that_comes_back_to_its_start_leaves_nothing_to_undo():
    """Up one and down one again is no change to undo."""
    board = board_of()
    core, _ = core_of(board)
    core.do(Vote(("n0",), 1))
    key = dots_key("i_control")
    core.do(SetTally(key, 2))
    core.do(SetTally(key, 0))
    assert len(core.history) == 1 and core.undo_text == "Undo vote"


def test_a_change_saved_elsewhere_is_applied_announced_and_not_saved_again():
    """Another laptop's change is shown here; the local history no longer fits, so it goes."""
    board = board_of()
    core, store = core_of(board)
    heard: list[Changes] = []
    core.subscribe(heard.append)
    core.do(Vote(("n0",), 1))
    elsewhere = replace(board.notes["n1"], text="Edited on the other laptop")
    changes = core.receive(Patch(put=(elsewhere,)))
    assert changes is not None and changes.direction is Direction.RECEIVED
    assert changes.faces == {"n1"} and heard[-1] is changes
    assert board.notes["n1"].text == "Edited on the other laptop"
    assert len(store.saved) == 1  # only the vote was saved from here
    assert not core.can_undo and core.undo() is None
    assert core.receive(Patch()) is None


def test_an_unsaved_session_is_refused():
    """The core needs a session that storage has given an id."""
    board = board_of()
    board.session = replace(board.session, id=None)
    with pytest.raises(ValueError):
        SessionCore(board, CopyStore(board_of()))
