"""A drop through the view itself: the model moves the notes once, and the view reports a copy
so that Qt does not remove the dragged rows a second time."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from crt_desktop.domain.operations import AddNote
from crt_desktop.qt_models.board_controller import BoardController
from crt_desktop.views.console import ConsoleWindow

from .fakes import MemoryStore, new_board
from .services import services_for


def test_a_dropped_note_moves_once_and_reports_a_copy(qtbot):
    """A synthesized drop on another column moves the note there and ends as a copy action."""
    store = MemoryStore()
    controller = BoardController(new_board(store), store)
    for key in "abc":
        controller.do(AddNote(key, note_id=key))
    console = ConsoleWindow(controller, services=services_for(store))
    qtbot.addWidget(console)
    qtbot.addWidget(console.room_view)
    console.resize(1200, 700)
    console.show()
    qtbot.waitExposed(console)
    source, target = console.views[0], console.views[1]
    mime = source.model().mimeData([source.model().index(1, 0)])
    where = QPointF(target.viewport().rect().center())
    viewport = target.viewport()
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    move = Qt.DropAction.MoveAction
    offered = source.model().supportedDragActions()  # what a real drag from a column offers
    QApplication.sendEvent(viewport, QDragEnterEvent(where.toPoint(), offered, mime, buttons, mods))
    QApplication.sendEvent(viewport, QDragMoveEvent(where.toPoint(), offered, mime, buttons, mods))
    drop = QDropEvent(where, offered, mime, buttons, mods)
    QApplication.sendEvent(viewport, drop)
    assert move & offered
    assert drop.isAccepted()
    assert drop.dropAction() == Qt.DropAction.CopyAction
    assert source.column_model().note_ids() == ["a", "c"]
    assert target.column_model().note_ids() == ["b"]
    assert store.boards[controller.session_id].notes["b"].column == "i_control"


def test_dropped_notes_end_selected_with_the_focus(qtbot):
    """After a drop, the note that moved is the selected one, in the column it landed in, so
    a number key sends it on (it used to say "Select a note first")."""
    store = MemoryStore()
    controller = BoardController(new_board(store), store)
    for key in "abc":
        controller.do(AddNote(key, note_id=key))
    console = ConsoleWindow(controller, services=services_for(store))
    qtbot.addWidget(console)
    qtbot.addWidget(console.room_view)
    console.resize(1200, 700)
    console.show()
    qtbot.waitExposed(console)
    source, target = console.views[0], console.views[1]
    source.setFocus()
    source.select_ids(["b"])
    mime = source.model().mimeData([source.model().index(1, 0)])
    where = QPointF(target.viewport().rect().center())
    viewport = target.viewport()
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    offered = source.model().supportedDragActions()
    QApplication.sendEvent(viewport, QDragEnterEvent(where.toPoint(), offered, mime, buttons, mods))
    QApplication.sendEvent(viewport, QDragMoveEvent(where.toPoint(), offered, mime, buttons, mods))
    QApplication.sendEvent(viewport, QDropEvent(where, offered, mime, buttons, mods))
    assert target.column_model().note_ids() == ["b"]
    assert console.selected_ids() == ["b"]
    assert target.currentIndex().row() == 0
    qtbot.waitUntil(target.hasFocus)
    console.send_to("cannot_control")
    assert store.boards[controller.session_id].notes["b"].column == "cannot_control"
