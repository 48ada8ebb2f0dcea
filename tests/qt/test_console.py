"""The console and the room view together: capture, keyboard moves, votes, screening, blanking,
the timer, and the room view staying in step with the console."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from crt_desktop.content import content
from crt_desktop.qt_models.board_controller import BoardController
from crt_desktop.qt_models.column_model import NoteRole
from crt_desktop.views.console import ConsoleWindow
from crt_desktop.views.room_view import RoomView

from .fakes import MemoryStore, new_board
from .services import services_for


@pytest.fixture
def store() -> MemoryStore:
    return MemoryStore()


@pytest.fixture
def console(qtbot, store) -> ConsoleWindow:
    controller = BoardController(new_board(store), store)
    room = RoomView(controller, content=content())
    window = ConsoleWindow(controller, room, services=services_for(store))
    qtbot.addWidget(window)
    qtbot.addWidget(room)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def texts(view) -> list[str]:
    model = view.model()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def type_notes(qtbot, console: ConsoleWindow, *notes: str) -> None:
    for text in notes:
        qtbot.keyClicks(console.entry.text, text)
        qtbot.keyClick(console.entry.text, Qt.Key.Key_Return)


def focus_board(qtbot, console: ConsoleWindow, column: int = 0, row: int = 0) -> None:
    view = console.views[column]
    view.setFocus()
    view.select_ids([view.column_model().note_ids()[row]])
    qtbot.waitUntil(view.hasFocus)


def saved(store: MemoryStore, console: ConsoleWindow):
    return store.boards[console.controller.session_id].notes


def test_capture_type_enter_next(qtbot, console, store):
    """Typing a note and pressing Enter adds it to Unsorted and clears the entry for the next."""
    type_notes(qtbot, console, "Charting after hours", "Tom & Jerry <b>bold")
    assert texts(console.views[0]) == ["Charting after hours", "Tom & Jerry <b>bold"]
    assert console.entry.text.text() == ""
    assert console.entry.text.hasFocus()
    assert len(saved(store, console)) == 2


def test_kind_level_and_leader_keys_while_typing(qtbot, console):
    """Alt+R, Alt+T and Alt+L set resilience, team and the leader mark without leaving the entry."""
    console.entry.focus()
    qtbot.keyClicks(console.entry.text, "Peer support")
    for key in (Qt.Key.Key_R, Qt.Key.Key_T, Qt.Key.Key_L):
        qtbot.keyClick(console.entry.text, key, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: console.entry.leader.isChecked())
    qtbot.keyClick(console.entry.text, Qt.Key.Key_Return)
    note = next(iter(console.controller.board.notes.values()))
    assert (note.kind.value, note.level.value, note.leader_added) == ("resilience", "team", True)
    # Kind and level carry on to the next note, until changed; the leader mark is per note.
    assert console.entry.level is not None and console.entry.level.value == "team"
    assert console.entry.kind.value == "resilience"
    assert not console.entry.leader.isChecked()


def test_n_brings_back_the_entry(qtbot, console):
    """From the board, N puts the cursor back in the note entry."""
    type_notes(qtbot, console, "one")
    focus_board(qtbot, console)
    qtbot.keyClick(console.views[0], Qt.Key.Key_N)
    assert console.entry.text.hasFocus()


def test_esc_leaves_the_entry_for_the_board(qtbot, console):
    """Esc in the note entry moves to the newest note, so board keys work at once."""
    type_notes(qtbot, console, "a", "b")
    qtbot.keyClick(console.entry.text, Qt.Key.Key_Escape)
    assert console.views[0].hasFocus()
    assert texts(console.views[0])[console.views[0].current_row()] == "b"
    qtbot.keyClick(console.views[0], Qt.Key.Key_1)
    assert texts(console.views[1]) == ["b"]


def test_number_keys_send_the_selection_and_undo(qtbot, console, store):
    """1, 2, 3 and 0 send the selected notes to the columns; Ctrl+Z and Ctrl+Y undo and redo."""
    type_notes(qtbot, console, "a", "b", "c")
    focus_board(qtbot, console)
    qtbot.keyClick(console.views[0], Qt.Key.Key_2)
    assert texts(console.views[2]) == ["a"]
    assert console.views[0].selected_ids() == [console.views[0].column_model().note_ids()[0]]
    qtbot.keyClick(console.views[0], Qt.Key.Key_1)
    assert texts(console.views[1]) == ["b"] and texts(console.views[0]) == ["c"]
    qtbot.keyClick(console.views[0], Qt.Key.Key_3)
    assert texts(console.views[3]) == ["c"]
    qtbot.keyClick(console, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert texts(console.views[0]) == ["c"] and texts(console.views[3]) == []
    qtbot.keyClick(console, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert texts(console.views[3]) == ["c"]
    qtbot.keyClick(console, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(
        console,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier,
    )
    assert texts(console.views[3]) == ["c"]
    focus_board(qtbot, console, column=2)
    qtbot.keyClick(console.views[2], Qt.Key.Key_0)
    assert texts(console.views[0]) == ["a"]
    assert saved(store, console) == console.controller.board.notes


def test_arrow_keys_move_the_focus_across_columns(qtbot, console):
    """Left and Right step to the neighbouring column, selecting a note there."""
    type_notes(qtbot, console, "a", "b")
    focus_board(qtbot, console)
    qtbot.keyClick(console.views[0], Qt.Key.Key_1)
    focus_board(qtbot, console)
    qtbot.keyClick(console.views[0], Qt.Key.Key_Right)
    assert console.views[1].hasFocus()
    assert console.selected_ids() == console.views[1].column_model().note_ids()[:1]
    qtbot.keyClick(console.views[1], Qt.Key.Key_Left)
    assert console.views[0].hasFocus()


def test_votes_with_plus_and_minus(qtbot, console):
    """+ adds a dot vote, - takes one away, never below zero; undo takes a vote back."""
    type_notes(qtbot, console, "a")
    focus_board(qtbot, console)
    view = console.views[0]
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Plus)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.model().index(0, 0).data(NoteRole.VOTES) == 2
    qtbot.keyClick(console, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.model().index(0, 0).data(NoteRole.VOTES) == 3


def test_stack_and_unstack_by_keyboard(qtbot, console):
    """Ctrl+G stacks the selected notes under the first; Ctrl+Shift+G frees them again."""
    type_notes(qtbot, console, "Short staffing", "short staffing!", "other")
    view = console.views[0]
    view.setFocus()
    ids = view.column_model().note_ids()
    view.select_ids(ids[:2])
    qtbot.keyClick(view, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert texts(view) == ["Short staffing", "other"]
    assert view.model().index(0, 0).data(NoteRole.STACK_COUNT) == 1
    qtbot.keyClick(
        view, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert texts(view) == ["Short staffing", "short staffing!", "other"]


def test_delete_and_undo(qtbot, console, store):
    """Delete removes the selected note; Ctrl+Z brings it back, in the store too."""
    type_notes(qtbot, console, "a", "b")
    focus_board(qtbot, console)
    qtbot.keyClick(console.views[0], Qt.Key.Key_Delete)
    assert texts(console.views[0]) == ["b"]
    assert len(saved(store, console)) == 1
    qtbot.keyClick(console, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert texts(console.views[0]) == ["a", "b"]
    assert len(saved(store, console)) == 2


def test_edit_in_place_with_f2(qtbot, console):
    """F2 opens the note for editing; Enter saves the new text."""
    type_notes(qtbot, console, "tyop")
    focus_board(qtbot, console)
    view = console.views[0]
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.focusWidget()
    assert editor is not view and editor.accessibleName() == "Edit note"
    editor.setPlainText("typo fixed")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert texts(view) == ["typo fixed"]


def test_room_view_mirrors_the_console(qtbot, console):
    """Every change on the console shows at once in the room view."""
    room = console.room_view
    type_notes(qtbot, console, "a", "b")
    assert texts(room.views[0]) == ["a", "b"]
    focus_board(qtbot, console)
    qtbot.keyClick(console.views[0], Qt.Key.Key_2)
    assert texts(room.views[2]) == ["a"] and texts(room.views[0]) == ["b"]
    qtbot.keyClick(console, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert texts(room.views[0]) == ["a", "b"] and texts(room.views[2]) == []


def test_screening_keeps_new_notes_from_the_room_until_revealed(qtbot, console):
    """With screening on, new notes show on the console only, until revealed one by one or all."""
    room = console.room_view
    console.screening.setChecked(True)
    assert console.controller.board.session.screening
    type_notes(qtbot, console, "private", "also private", "third")
    assert texts(console.views[0]) == ["private", "also private", "third"]
    assert texts(room.views[0]) == []
    focus_board(qtbot, console, row=1)
    qtbot.keyClick(console.views[0], Qt.Key.Key_H)
    assert texts(room.views[0]) == ["also private"]
    qtbot.keyClick(
        console,
        Qt.Key.Key_H,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert texts(room.views[0]) == ["private", "also private", "third"]
    qtbot.keyClick(console, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert texts(room.views[0]) == ["also private"]


def test_blank_key_blanks_and_restores_the_room_view(qtbot, console):
    """B (or .) on either window blanks the room view at once, and again restores it."""
    room = console.room_view
    room.show()
    qtbot.waitExposed(room)
    type_notes(qtbot, console, "a")
    focus_board(qtbot, console)
    qtbot.keyClick(console.views[0], Qt.Key.Key_B)
    assert room.blanked and console.blank_button.isChecked()
    qtbot.keyClick(room, Qt.Key.Key_Period)
    assert not room.blanked and not console.blank_button.isChecked()
    room.activateWindow()
    qtbot.keyClick(room, Qt.Key.Key_B)
    assert room.blanked


def test_store_failure_shows_a_message_and_changes_nothing(qtbot, console, store):
    """When a save fails, the banner says so, the note is not shown and the typing is kept."""
    store.fail = "the disk is full"
    type_notes(qtbot, console, "lost?")
    assert texts(console.views[0]) == []
    assert console.entry.text.text() == "lost?"
    assert console.banner.isVisible()
    assert "the disk is full" in console.banner.text.text()
    store.fail = None
    qtbot.keyClick(console.entry.text, Qt.Key.Key_Return)
    assert texts(console.views[0]) == ["lost?"]


def test_accessible_names_on_columns(console):
    """Each column list is named by its title for screen readers."""
    names = [view.accessibleName() for view in console.views]
    assert names == ["Unsorted", "I control", "Leadership controls", "Cannot control"]


def test_user_text_is_never_rich_text(qtbot, console):
    """Column labels, the banner and every room view label show text literally, never as markup."""
    labels = [label for panel in console.panels for label in (panel.title, panel.help, panel.count)]
    labels += [console.banner.text, *console.room_view.findChildren(QLabel)]
    assert labels and all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    type_notes(qtbot, console, "Tom & Jerry <b>bold")
    assert console.room_view.views[0].model().index(0, 0).data() == "Tom & Jerry <b>bold"


def test_timer_counts_down_in_both_windows(qtbot, console):
    """Starting a timer shows it in the room; it ends gently with words, not a sound."""
    room = console.room_view
    assert not room.timer.isVisibleTo(room)
    console.countdown.start(0.02)  # about a second
    assert room.timer.isVisibleTo(room) and room.timer.text() in ("00:02", "00:01")
    with qtbot.waitSignal(console.countdown.finished, timeout=3000):
        pass
    assert room.timer.ended and console.timer.display.ended
    console.countdown.reset()
    assert not room.timer.isVisibleTo(room)


def test_room_text_size_control(qtbot, console):
    """The text-size control scales the room's note text; it is 24 pt at 1920×1080."""
    room = console.room_view
    room.resize(1920, 1080)
    assert room.body_points() == pytest.approx(24)
    room.step_text_size(1)
    assert room.delegate.body_font.pointSizeF() > 24
    room.step_text_size(-2)
    assert room.delegate.body_font.pointSizeF() < 24


def test_screening_box_unticks_when_turning_it_on_fails(qtbot, console, store):
    """If screening cannot be saved, the box shows screening as it really is: off."""
    store.fail = "the disk is full"
    console.screening.setChecked(True)
    assert not console.controller.board.session.screening
    assert not console.screening.isChecked()
    assert "the disk is full" in console.banner.text.text()
    store.fail = None
    console.screening.setChecked(True)
    assert console.controller.board.session.screening


def test_a_pasted_overlong_note_is_refused_and_kept(qtbot, console):
    """Pasting 2,500 characters is not trimmed: Enter says the note is too long, text stays."""
    console.entry.text.setFocus()
    console.entry.text.insert("é" * 2500)
    qtbot.keyClick(console.entry.text, Qt.Key.Key_Return)
    assert texts(console.views[0]) == []
    assert console.entry.text.text() == "é" * 2500
    assert "at most 2,000 characters" in console.banner.text.text()
