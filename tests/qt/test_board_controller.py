"""The board controller: save first, then show; undo and redo saved too; errors become messages."""

from __future__ import annotations

import pytest

from crt_desktop.domain.operations import AddNote, MoveNotes, Vote
from crt_desktop.qt_models.board_controller import BoardController

from .fakes import MemoryStore, new_board


@pytest.fixture
def store() -> MemoryStore:
    return MemoryStore()


@pytest.fixture
def controller(qapp, store: MemoryStore) -> BoardController:
    return BoardController(new_board(store), store)


def saved_notes(store: MemoryStore, controller: BoardController) -> dict:
    return store.boards[controller.session_id].notes


def test_a_change_is_saved_before_it_is_announced(controller, store):
    """When the board says a change happened, the store already holds it."""
    seen: list[int] = []
    controller.changed.connect(lambda _changes: seen.append(len(saved_notes(store, controller))))
    assert controller.do(AddNote("Charting after hours", note_id="a"))
    assert seen == [1]
    assert saved_notes(store, controller) == controller.board.notes


def test_undo_and_redo_are_saved_too(controller, store):
    """Undo and redo change the stored board exactly as they change the shown one."""
    controller.do(AddNote("one", note_id="a"))
    controller.do(MoveNotes(("a",), "i_control"))
    assert controller.undo()
    assert controller.board.notes["a"].column == "unsorted"
    assert saved_notes(store, controller) == controller.board.notes
    assert controller.undo()
    assert controller.board.notes == {} == saved_notes(store, controller)
    assert controller.redo() and controller.redo()
    assert controller.board.notes["a"].column == "i_control"
    assert saved_notes(store, controller) == controller.board.notes
    assert not controller.redo()


def test_a_refused_change_becomes_a_message(controller):
    """Invalid input is reported in words and changes nothing."""
    messages: list[str] = []
    controller.message.connect(messages.append)
    assert not controller.do(AddNote("   "))
    assert messages == ["A note needs some text."]
    assert controller.board.notes == {}
    assert len(controller.core.history) == 0


def test_a_failed_save_leaves_the_board_unchanged(controller, store):
    """If the disk refuses a change, the board does not show it and says so."""
    controller.do(AddNote("one", note_id="a"))
    before = dict(controller.board.notes)
    messages: list[str] = []
    controller.message.connect(messages.append)
    store.fail = "the disk is full"
    assert not controller.do(Vote(("a",), 1))
    assert controller.board.notes == before
    assert messages and "the disk is full" in messages[0]
    assert not controller.undo()  # undo must be saved too, so it is refused as well
    assert controller.board.notes == before
    assert controller.core.history.index == 1
    store.fail = None
    assert controller.undo()
    assert controller.board.notes == {} == saved_notes(store, controller)


def test_an_unsaved_session_is_refused(qapp, store):
    """The controller needs a session that storage has given an id."""
    board = new_board(store)
    board.session = type(board.session)(**{**board.session.__dict__, "id": None})
    with pytest.raises(ValueError):
        BoardController(board, store)


def test_the_undo_and_redo_actions_follow_the_history(controller, store):
    """The menu's Undo and Redo name the step, grey out when empty, and run the core's step."""
    from PySide6.QtCore import QObject

    from crt_desktop.qt_models.history_actions import HistoryAction

    owner = QObject()
    undo = HistoryAction(controller, redo=False, parent=owner)
    redo = HistoryAction(controller, redo=True, parent=owner)
    assert (undo.text(), undo.isEnabled(), redo.isEnabled()) == ("Undo", False, False)
    controller.do(AddNote("one", note_id="a"))
    assert (undo.text(), undo.isEnabled()) == ("Undo add note", True)
    undo.trigger()
    assert controller.board.notes == {} == saved_notes(store, controller)
    assert (undo.isEnabled(), redo.text(), redo.isEnabled()) == (False, "Redo add note", True)
    redo.trigger()
    assert "a" in saved_notes(store, controller) and not redo.isEnabled()
