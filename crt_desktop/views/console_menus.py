"""The console's menus and keyboard shortcuts (see docs/user-guide.md for the keys).

Every action is also added to the window, so its keys work while the menu bar is hidden or closed.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QKeyCombination, Qt
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from crt_desktop.qt_models.history_actions import HistoryAction

from . import quitting
from .quitting import QUIT_KEY
from .timer import PRESETS

if TYPE_CHECKING:
    from .console import ConsoleWindow

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


def add_action(
    window: QWidget,
    menu: QMenu,
    text: str,
    slot: Callable[[], object],
    keys: tuple[str | QKeySequence.StandardKey | QKeyCombination, ...] = (),
) -> QAction:
    """A menu entry with its keys, owned by `window`."""
    action = QAction(text, window)
    if keys:
        action.setShortcuts([QKeySequence(k) for k in keys])
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    window.addAction(action)  # keys work even while the menu bar is hidden or closed
    return action


def build_menus(window: ConsoleWindow) -> None:
    """Fill the console's menu bar; the actions the console updates become its attributes."""
    _action = partial(add_action, window)
    bar = window.menuBar()
    board_menu = bar.addMenu("&Board")
    window.export_action = _action(
        board_menu, "Export leader summary…", window._export, ("Ctrl+E",)
    )
    window.export_action.setEnabled(window.export_summary is not None)
    board_menu.addSeparator()
    _action(board_menu, "Reveal all notes to the room", window.reveal_all, ("Ctrl+Shift+H",))
    board_menu.addSeparator()
    _action(
        board_menu,
        "Close (back to the sessions)",
        window.close,
        ("Ctrl+W", QKeySequence.StandardKey.Close),
    )
    window.quit_action = _action(board_menu, "Quit", lambda: quitting.quit_app(), (QUIT_KEY,))

    edit = bar.addMenu("&Edit")
    window.undo_action = HistoryAction(window.controller, redo=False, parent=window)
    window.redo_action = HistoryAction(window.controller, redo=True, parent=window)
    for action, keys in (
        (window.undo_action, ("Ctrl+Z",)),
        (window.redo_action, ("Ctrl+Y", "Ctrl+Shift+Z")),
    ):
        action.setShortcuts([QKeySequence(k) for k in keys])
        edit.addAction(action)
        window.addAction(action)
    edit.addSeparator()
    _action(edit, "New note", window.entry.focus, ("N",))
    _action(edit, "Edit note", window.edit_current, ("F2",))
    _action(edit, "Delete", window.delete_selected, ("Del", "Backspace"))
    edit.addSeparator()
    send = edit.addMenu("Send to column")
    for number, column in enumerate(window.controller.board.template.columns):
        if number < len(COLUMN_KEYS):
            _action(
                send,
                column.title,
                partial(window.send_to, column.key),
                (COLUMN_KEYS[number],),
            )
    _action(edit, "Add a vote", lambda: window.vote(1), PLUS_KEYS)
    _action(edit, "Take a vote away", lambda: window.vote(-1), MINUS_KEYS)
    _action(edit, "Stack the selected notes", window.stack_selected, ("Ctrl+G",))
    _action(edit, "Unstack", window.unstack_selected, ("Ctrl+Shift+G",))
    _action(edit, "Hide or reveal the selected notes", window.toggle_hidden, ("H",))

    room = bar.addMenu("Room &view")
    room_view = window.room_view
    _action(room, "Show the room view", window.show_room_view, ("Ctrl+R",))
    _action(room, "Present full screen", window.present, ("F5",))
    _action(room, "Blank or restore", room_view.toggle_blank, ("B", ".", "Ctrl+B"))
    _action(room, "Larger text", lambda: room_view.step_text_size(1), ("Ctrl+=",))
    _action(room, "Smaller text", lambda: room_view.step_text_size(-1), ("Ctrl+-",))
    window.screen_menu = room.addMenu("Show on screen")
    window.screen_menu.aboutToShow.connect(window._fill_screen_menu)

    timer = bar.addMenu("T&imer")
    for minutes in PRESETS:
        _action(timer, f"{minutes} minutes", partial(window.countdown.start, minutes))
    _action(timer, "Pause or resume", window.timer.toggle_pause, ("Ctrl+P",))
    _action(timer, "Clear", window.countdown.reset)

    from .leadership_menu import LeadershipMenu  # loaded with the menus, not at import

    window.leadership = LeadershipMenu(window)


def fill_screen_menu(window: ConsoleWindow) -> None:
    """List the screens in the "Show on screen" menu, the room view's own ticked."""
    window.screen_menu.clear()
    group = QActionGroup(window.screen_menu)
    for number, screen in enumerate(QGuiApplication.screens(), start=1):
        size = screen.size()
        action = QAction(
            f"Screen {number}: {screen.name()} ({size.width()}×{size.height()})", group
        )
        action.setCheckable(True)
        action.setChecked(screen is window.room_view.screen())
        action.triggered.connect(lambda _c=False, n=number: window.show_on_screen(n))
        window.screen_menu.addAction(action)
