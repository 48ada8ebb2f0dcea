"""The console from the keyboard: every Alt key does one thing, typing starts in the note
field, Tab follows a card's parts, Enter only ever adds, and Ctrl+Q / Ctrl+W work."""

from __future__ import annotations

import re
from datetime import date
from itertools import pairwise

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QPushButton

from crt_desktop.content import content
from crt_desktop.domain.session import Session
from crt_desktop.domain.vocabulary import Level
from crt_desktop.qt_models.board_controller import BoardController
from crt_desktop.views.console import ConsoleWindow
from crt_desktop.views.room_view import RoomView
from crt_desktop.views.session_picker import SessionPicker

from .fakes import MemoryStore
from .services import services_for

ALT = Qt.KeyboardModifier.AltModifier


def open_console(qtbot, section: int = 4) -> ConsoleWindow:
    store = MemoryStore()
    template = content().section(section).template
    session = store.create_session(Session("Night shift", section, date(2027, 1, 5), template))
    controller = BoardController(store.load_board(session.id), store)  # type: ignore[arg-type]
    room = RoomView(controller, content=content())
    console = ConsoleWindow(controller, room, services=services_for(store))
    qtbot.addWidget(console)
    qtbot.addWidget(room)
    console.resize(1280, 800)
    activate(qtbot, console)
    return console


def activate(qtbot, window) -> None:
    """Show the window and wait until it is the active one (shortcuts need that)."""
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def mnemonic(text: str) -> str | None:
    """The letter after a single & ("&&" is a literal ampersand)."""
    found = re.search(r"(?<!&)&([^&])", text)
    return found.group(1).lower() if found else None


def alt_keys(console: ConsoleWindow) -> list[tuple[str, str]]:
    """Every Alt+letter of the console: its menus, buttons and labels with a buddy."""
    keys = []
    for action in console.menuBar().actions():
        keys.append((action.text(), mnemonic(action.text())))
    for button in console.findChildren(QAbstractButton):
        keys.append((button.text(), mnemonic(button.text())))
    for label in console.findChildren(QLabel):
        if label.buddy() is not None:
            keys.append((label.text(), mnemonic(label.text())))
    return [(text, key) for text, key in keys if key]


@pytest.mark.parametrize("section", [4, 5, 7])
def test_no_alt_key_does_two_things(qtbot, section):
    """No two menus, buttons or labels of the console share an Alt+letter."""
    console = open_console(qtbot, section)
    keys = alt_keys(console)
    letters = [key for _text, key in keys]
    repeated = {key for key in letters if letters.count(key) > 1}
    assert not repeated, [text for text, key in keys if key in repeated]


def test_alt_s_sets_the_system_level(qtbot):
    """Alt+S while typing chooses the System level (the Section menu is on Alt+C)."""
    console = open_console(qtbot)
    console.entry.focus()
    qtbot.keyClicks(console.entry.text, "Budget cuts")
    qtbot.keyClick(console.entry.text, Qt.Key.Key_S, ALT)
    qtbot.waitUntil(lambda: console.entry.level is Level.SYSTEM)
    assert console.entry.text.hasFocus()


def test_level_stays_for_the_next_note_like_the_kind(qtbot):
    """A chosen level stays for the next note until changed, as the kind does."""
    console = open_console(qtbot)
    console.entry.focus()
    qtbot.keyClick(console.entry.text, Qt.Key.Key_M, ALT)
    qtbot.waitUntil(lambda: console.entry.level is Level.MINDSET)  # buttons click a moment later
    for text in ("First", "Second"):
        qtbot.keyClicks(console.entry.text, text)
        qtbot.keyClick(console.entry.text, Qt.Key.Key_Return)
    levels = {n.text: n.level for n in console.controller.board.notes.values()}
    assert levels == {"First": Level.MINDSET, "Second": Level.MINDSET}
    qtbot.keyClick(console.entry.text, Qt.Key.Key_M, ALT)  # again clears it
    qtbot.waitUntil(lambda: console.entry.level is None)


def _mean_fill(button: QPushButton) -> tuple[int, int, int]:
    image = button.grab().toImage()
    colour = image.pixelColor(image.width() // 4, image.height() // 2)
    return colour.red(), colour.green(), colour.blue()


def test_a_chosen_level_looks_as_clearly_on_as_a_chosen_kind(qtbot):
    """A checked level button is filled dark, far from its unchecked look."""
    console = open_console(qtbot)
    button = console.entry.level_buttons[Level.TEAM]
    off = _mean_fill(button)
    button.setChecked(True)
    on = _mean_fill(button)
    assert sum(on) < 300 and sum(off) - sum(on) > 300


def test_typing_starts_in_the_main_field_and_tab_follows_the_parts(qtbot):
    """On opening Section 5 the typing goes into the card's text; Tab then goes why, what, how."""
    console = open_console(qtbot, 5)
    entry = console.entry
    qtbot.waitUntil(entry.text.hasFocus)
    focused = QApplication.focusWidget()
    assert focused is entry.text
    order = [entry.text, entry.parts["why"], entry.parts["what"], entry.parts["how"]]
    for here, there in pairwise(order):
        qtbot.keyClick(here, Qt.Key.Key_Tab)
        qtbot.waitUntil(there.hasFocus)


def test_enter_in_a_part_adds_the_card_and_never_starts_the_timer(qtbot):
    """Enter in any entry field adds the card; no button of the console is a default button."""
    console = open_console(qtbot, 5)
    entry = console.entry
    qtbot.keyClicks(entry.text, "Answer within three rings")
    qtbot.keyClicks(entry.parts["what"], "Whoever is free picks up")
    qtbot.keyClick(entry.parts["what"], Qt.Key.Key_Return)
    (note,) = console.controller.board.notes.values()
    assert note.detail("what") == "Whoever is free picks up"
    assert not console.countdown.active
    buttons = console.findChildren(QPushButton)
    assert buttons and not [b.text() for b in buttons if b.autoDefault() or b.isDefault()]


def test_enter_on_a_focused_timer_button_does_nothing(qtbot):
    """A timer button reached with Tab does not start a countdown on Enter."""
    console = open_console(qtbot)
    (five,) = [b for b in console.timer.findChildren(QAbstractButton) if b.text() == "5 min"]
    five.setFocus()
    qtbot.keyClick(five, Qt.Key.Key_Return)
    assert not console.countdown.active


@pytest.fixture
def quits(monkeypatch) -> list[bool]:
    calls: list[bool] = []
    monkeypatch.setattr(QApplication, "closeAllWindows", lambda: calls.append(True))
    return calls


def test_ctrl_q_quits_from_the_console_and_the_room_view(qtbot, quits):
    """Ctrl+Q closes every window, from the console and from the room view."""
    console = open_console(qtbot)
    qtbot.keyClick(console.entry.text, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert quits == [True]
    room = console.room_view
    activate(qtbot, room)
    qtbot.keyClick(room, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert quits == [True, True]


def test_ctrl_w_closes_the_console(qtbot):
    """Ctrl+W closes the console (the app then shows the session list)."""
    console = open_console(qtbot)
    qtbot.keyClick(console.entry.text, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not console.isVisible())


def test_ctrl_q_quits_from_the_session_list(qtbot, quits):
    """Ctrl+Q on the session list closes the app."""
    store = MemoryStore()
    picker = SessionPicker(store, {4: "Section four"}, lambda _n: "control-board", lambda _i: None)
    qtbot.addWidget(picker)
    activate(qtbot, picker)
    qtbot.keyClick(picker.table, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert quits == [True]
