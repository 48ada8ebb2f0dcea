"""The console's own menus and keys as rows of the action table (see docs/user-guide.md).

The rows call only the public commands listed in ConsoleCommands; the Leadership menu and the
section's tools add their own rows to the same registry.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Protocol

from PySide6.QtCore import QKeyCombination, Qt
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenu

from crt_desktop.domain.template import Column
from crt_desktop.qt_models.countdown import Countdown
from crt_desktop.qt_models.history_actions import REDO_KEYS, UNDO_KEYS

from . import quitting
from .action_registry import Act, Menu, Placed, Row, Separator
from .quitting import QUIT_KEY
from .room_view import RoomView
from .timer import PRESETS, TimerControls

# Number keys send the selection to the template's columns in order: 0 the first (Unsorted).
COLUMN_KEYS = "0123456789"
_KEYPAD = Qt.KeyboardModifier.KeypadModifier
PLUS_KEYS = (
    QKeyCombination(Qt.Key.Key_Plus),
    QKeyCombination(Qt.KeyboardModifier.ShiftModifier, Qt.Key.Key_Plus),
    QKeyCombination(Qt.Key.Key_Equal),  # + without Shift on many keyboards
    QKeyCombination(_KEYPAD, Qt.Key.Key_Plus),
)
MINUS_KEYS = (QKeyCombination(Qt.Key.Key_Minus), QKeyCombination(_KEYPAD, Qt.Key.Key_Minus))


class ConsoleCommands(Protocol):
    """What the console's menus call."""

    room_view: RoomView
    countdown: Countdown
    timer: TimerControls

    def export_leader_summary(self) -> None: ...
    def reveal_all(self) -> None: ...
    def close(self) -> bool: ...
    def new_note(self) -> None: ...
    def edit_current(self) -> None: ...
    def delete_selected(self) -> None: ...
    def send_to(self, column: str) -> None: ...
    def vote(self, delta: int) -> None: ...
    def stack_selected(self) -> None: ...
    def unstack_selected(self) -> None: ...
    def toggle_hidden(self) -> None: ...
    def show_room_view(self) -> None: ...
    def present(self) -> None: ...


def console_rows(
    c: ConsoleCommands, columns: Sequence[Column], undo: QAction, redo: QAction
) -> list[Row]:
    """The Board, Edit, Room view and Timer menus, in menu-bar order."""
    room = c.room_view
    send = [
        Act(f"send-{col.key}", col.title, partial(c.send_to, col.key), "edit/send", (key,))
        for col, key in zip(columns, COLUMN_KEYS, strict=False)
    ]
    timer = [
        Act(f"timer-{m}", f"{m} minutes", partial(c.countdown.start, m), "timer") for m in PRESETS
    ]
    return [
        Menu("board", "&Board"),
        Act("export", "Export leader summary…", c.export_leader_summary, "board", ("Ctrl+E",)),
        Separator("board"),
        Act("reveal-all", "Reveal all notes to the room", c.reveal_all, "board", ("Ctrl+Shift+H",)),
        Separator("board"),
        Act(
            "close",
            "Close (back to the sessions)",
            c.close,
            "board",
            ("Ctrl+W", QKeySequence.StandardKey.Close),
        ),
        Act("quit", "Quit", quitting.quit_app, "board", (QUIT_KEY,)),
        Menu("edit", "&Edit"),
        Placed("undo", undo, "edit", UNDO_KEYS),
        Placed("redo", redo, "edit", REDO_KEYS),
        Separator("edit"),
        Act("new-note", "New note", c.new_note, "edit", ("N",)),
        Act("edit-note", "Edit note", c.edit_current, "edit", ("F2",)),
        Act("delete", "Delete", c.delete_selected, "edit", ("Del", "Backspace")),
        Separator("edit"),
        Menu("edit/send", "Send to column"),
        *send,
        Act("vote-up", "Add a vote", partial(c.vote, 1), "edit", PLUS_KEYS),
        Act("vote-down", "Take a vote away", partial(c.vote, -1), "edit", MINUS_KEYS),
        Act("stack", "Stack the selected notes", c.stack_selected, "edit", ("Ctrl+G",)),
        Act("unstack", "Unstack", c.unstack_selected, "edit", ("Ctrl+Shift+G",)),
        Act("hide", "Hide or reveal the selected notes", c.toggle_hidden, "edit", ("H",)),
        Menu("room", "Room &view"),
        Act("room-show", "Show the room view", c.show_room_view, "room", ("Ctrl+R",)),
        Act("present", "Present full screen", c.present, "room", ("F5",)),
        Act("blank", "Blank or restore", room.toggle_blank, "room", ("B", ".", "Ctrl+B")),
        Act("text-larger", "Larger text", partial(room.step_text_size, 1), "room", ("Ctrl+=",)),
        Act("text-smaller", "Smaller text", partial(room.step_text_size, -1), "room", ("Ctrl+-",)),
        Menu("room/screens", "Show on screen"),
        Menu("timer", "T&imer"),
        *timer,
        Act("timer-pause", "Pause or resume", c.timer.toggle_pause, "timer", ("Ctrl+P",)),
        Act("timer-clear", "Clear", c.countdown.reset, "timer"),
    ]


def fill_screen_menu(
    menu: QMenu, room_view: RoomView, show_on_screen: Callable[[int], None]
) -> None:
    """List the screens in the "Show on screen" menu, the room view's own ticked."""
    menu.clear()
    group = QActionGroup(menu)
    for number, screen in enumerate(QGuiApplication.screens(), start=1):
        size = screen.size()
        action = QAction(
            f"Screen {number}: {screen.name()} ({size.width()}×{size.height()})", group
        )
        action.setCheckable(True)
        action.setChecked(screen is room_view.screen())
        action.triggered.connect(lambda _c=False, n=number: show_on_screen(n))
        menu.addAction(action)
