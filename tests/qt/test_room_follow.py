"""The room view follows what the facilitator points at on the console, and a drag leaves the
dropped notes selected."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from crt_desktop.content import content
from crt_desktop.domain.operations import AddNote
from crt_desktop.qt_models.board_controller import BoardController
from crt_desktop.views.console import ConsoleWindow
from crt_desktop.views.room_view import RoomView
from tests.qt.services import services_for

from .fakes import MemoryStore, new_board


def _console(qtbot, count: int) -> ConsoleWindow:
    store = MemoryStore()
    controller = BoardController(new_board(store), store)
    for number in range(count):
        controller.do(AddNote(f"Note number {number} about the shifts", note_id=f"n{number:02d}"))
    room = RoomView(controller, content=content())
    console = ConsoleWindow(controller, room, services=services_for(store))
    qtbot.addWidget(console)
    qtbot.addWidget(room)
    console.resize(1280, 800)
    console.show()
    room.resize(900, 500)
    room.show()
    qtbot.waitExposed(console)
    qtbot.waitExposed(room)
    return console


def _in_sight(view, row: int) -> bool:
    rect = view.visualRect(view.model().index(row, 0))
    return view.viewport().rect().contains(rect)


def _click_row(qtbot, view, row: int) -> None:
    view.scrollTo(view.model().index(row, 0))
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_clicking_a_note_scrolls_the_room_view_to_that_note(qtbot):
    """A click on a note brings that note into the room's sight, not the one clicked before."""
    console = _console(qtbot, 30)
    column, room_column = console.views[0], console.room_view.views[0]
    _click_row(qtbot, column, 0)
    assert column.selected_ids() == ["n00"]
    _click_row(qtbot, column, 29)
    assert column.selected_ids() == ["n29"]
    qtbot.waitUntil(lambda: _in_sight(room_column, 29))
    _click_row(qtbot, column, 1)
    qtbot.waitUntil(lambda: _in_sight(room_column, 1))
    assert not _in_sight(room_column, 29)


def test_a_ctrl_click_scrolls_the_room_view_to_the_note_added(qtbot):
    """Ctrl+click adds a note to the selection; the room shows the note just picked."""
    console = _console(qtbot, 30)
    column, room_column = console.views[0], console.room_view.views[0]
    _click_row(qtbot, column, 0)
    column.scrollTo(column.model().index(29, 0))
    rect = column.visualRect(column.model().index(29, 0))
    qtbot.mouseClick(
        column.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ControlModifier,
        pos=QPoint(rect.center()),
    )
    assert column.selected_ids() == ["n00", "n29"]
    qtbot.waitUntil(lambda: _in_sight(room_column, 29))
