"""Details a facilitator met on the board: one name for the section everywhere, no lone kind
button on a single-kind board, and in-place edits that leave Qt nothing to warn about."""

from __future__ import annotations

from PySide6.QtCore import Qt

from crt_desktop.content import content
from crt_desktop.domain.operations import AddNote

from .test_console_board import open_console


def test_the_room_view_names_the_section_as_the_console_does(qtbot):
    """Section 4 was "What can we control?" in the room and "What drives fatigue in our
    system" on the console and the session list: the room now uses the section's title."""
    console = open_console(qtbot, section=4)
    title = content().section(4).title
    room = console.room_view
    assert room.title.text() == title
    assert room.windowTitle() == f"Room view — {title}"
    assert f"Section 4: {title}" in console.windowTitle()


def test_a_single_kind_board_shows_no_kind_button(qtbot):
    """Section 7's cards are all of one kind: no lone kind button to press; new cards still
    get that kind. A two-kind board keeps both buttons."""
    console = open_console(qtbot, section=7)
    buttons = console.entry.kind_buttons
    assert len(buttons) == 1
    assert all(button.isHidden() for button in buttons.values())
    qtbot.keyClicks(console.entry.text, "We assume good intent")
    qtbot.keyClick(console.entry.text, Qt.Key.Key_Return)
    (note,) = console.controller.board.notes.values()
    assert note.kind is next(iter(buttons))
    two = open_console(qtbot, section=4)
    assert all(not button.isHidden() for button in two.entry.kind_buttons.values())


def _texts(console) -> list[str]:
    return sorted(note.text for note in console.controller.board.notes.values())


def test_f2_edits_leave_no_qt_warning(qtbot, qtlog):
    """Saving an in-place edit with Enter, and leaving one with Tab, warn nothing (Qt used to
    say "commitData called with an editor that does not belong to this view" for every other
    column sharing the note delegate)."""
    console = open_console(qtbot)
    for text in ("tyop", "second"):
        console.controller.do(AddNote(text))
    view = console.views[0]
    view.setFocus()
    view.select_ids(view.column_model().note_ids()[:1])
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.focusWidget()
    assert editor is not view and editor.accessibleName() == "Edit note"
    editor.setPlainText("typo fixed")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert _texts(console) == ["second", "typo fixed"]
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.focusWidget()
    editor.setPlainText("left with Tab")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert _texts(console) == ["left with Tab", "second"]  # Tab saves too
    warnings = [r.message for r in qtlog.records if "editor" in r.message]
    assert warnings == []
