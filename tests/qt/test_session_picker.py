"""The first window: listing, creating and opening sessions."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from crt_desktop.content import content
from crt_desktop.domain.session import Session
from crt_desktop.storage.database import open_database
from crt_desktop.views.new_session_dialog import NewSessionDialog
from crt_desktop.views.session_picker import SessionPicker


@pytest.fixture
def store(tmp_path):
    database = open_database(tmp_path / "crt.db")
    yield database.store
    database.close()


def make_picker(qtbot, store, opened):
    titles = {s.number: s.title for s in content().sections}
    picker = SessionPicker(store, titles, lambda n: content().section(n).template, opened.append)
    qtbot.addWidget(picker)
    return picker


def test_lists_sessions_newest_first_with_note_counts(qtbot, store):
    """Sessions show date, team, section title and notes, the newest first."""
    for day, team in ((1, "Older team"), (20, "Newer team")):
        store.create_session(Session(team, 4, date(2026, 11, day), "control-board"))
    picker = make_picker(qtbot, store, [])
    model = picker.model
    assert model.rowCount() == 2
    cells = [model.index(0, c).data() for c in range(4)]
    assert cells[1] == "Newer team"
    assert cells[2].startswith("4 · ") and cells[3] == "0"
    assert picker.empty_hint.isHidden()


def test_empty_database_shows_a_hint(qtbot, store):
    """With no sessions the window says how to start one and Open is disabled."""
    picker = make_picker(qtbot, store, [])
    assert not picker.empty_hint.isHidden()
    assert not picker.open_button.isEnabled()


def test_create_saves_and_opens_the_session(qtbot, store):
    """Creating a session saves it with its section's template and opens it."""
    opened: list[int] = []
    picker = make_picker(qtbot, store, opened)
    picker.create_and_open("Outpatient nursing", 4, date(2026, 11, 20), "Sam and Lee")
    (summary,) = store.list_sessions()
    assert opened == [summary.id]
    assert (summary.team, summary.template) == ("Outpatient nursing", "control-board")
    assert store.load_board(summary.id).session.facilitation_team == "Sam and Lee"


def test_open_selected_hands_over_the_id(qtbot, store):
    """Open hands the selected session's id to the app."""
    saved = store.create_session(Session("Team", 4, date(2026, 11, 20), "control-board"))
    opened: list[int] = []
    picker = make_picker(qtbot, store, opened)
    picker.open_selected()
    assert opened == [saved.id]


def test_new_session_form_refuses_an_empty_team(qtbot):
    """The form says what is missing instead of closing."""
    dialog = NewSessionDialog({4: "Drivers"}, ["Outpatient"])
    qtbot.addWidget(dialog)
    dialog.team.setText("   ")
    dialog._accept_if_valid()
    assert dialog.result() != NewSessionDialog.DialogCode.Accepted
    assert dialog.problem.text() == "The team needs a name."
    dialog.team.setText("  Outpatient   nursing ")
    assert dialog.values()[0] == "Outpatient nursing"


def test_delete_asks_naming_the_session_then_deletes_it(qtbot, store):
    """Delete session… names team, day and note count; No keeps it, Yes deletes it for good."""
    from crt_desktop.domain.operations import AddNote

    kept = store.create_session(Session("Night shift", 4, date(2026, 11, 1), "control-board"))
    doomed = store.create_session(Session("Day shift", 4, date(2026, 11, 20), "control-board"))
    board = store.load_board(doomed.id)
    store.save_patch(doomed.id, AddNote("Charting").patch(board))
    picker = make_picker(qtbot, store, [])
    picker.table.selectRow(picker.model.row_of(doomed.id))
    asked: list[str] = []
    assert not picker.delete_selected(lambda text: asked.append(text) or False)
    assert asked == [
        "Delete the session of Day shift on 20 November 2026 "
        f"(Section 4, 1 note, session {doomed.id})? This cannot be undone."
    ]
    assert len(store.list_sessions()) == 2
    assert picker.delete_selected(lambda _text: True)
    assert [s.id for s in store.list_sessions()] == [kept.id]
    assert [s.id for s in picker.model.sessions()] == [kept.id]
    with pytest.raises(KeyError):
        store.load_board(doomed.id)


def test_message_boxes_show_text_literally(qtbot):
    """A message holding markup shows it as typed, never as rich text."""
    from PySide6.QtCore import Qt

    from crt_desktop.views.messages import message_box

    box = message_box(None, "CRT Desktop", "Team <b>A</b> & co", details="<i>why</i>")
    qtbot.addWidget(box)
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert box.text() == "Team <b>A</b> & co"
    assert box.informativeText() == "<i>why</i>"


def test_one_file_imported_twice_gives_two_rows_told_apart(qtbot, store, tmp_path):
    """The same session file imported twice: the list shows when each was added and its
    number, so the two rows differ (they used to be identical), and each console's title
    names its session's number."""
    from crt_desktop.export.interchange import write_board_file
    from crt_desktop.export.interchange_read import read_board_file
    from crt_desktop.qt_models.session_list_model import NUMBER_COLUMN
    from crt_desktop.views.console import window_title
    from tests.unit.builders import control_board

    path = write_board_file(control_board(["Too many meetings"]), tmp_path / "session.json")
    first = store.save_board(read_board_file(path, content()))
    second = store.save_board(read_board_file(path, content()))
    picker = make_picker(qtbot, store, [])
    model = picker.model
    rows = [
        tuple(model.index(r, c).data() for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]
    assert len(rows) == 2 and rows[0] != rows[1]
    assert {row[NUMBER_COLUMN] for row in rows} == {str(first.id), str(second.id)}
    assert all(row[4] for row in rows)  # when it was added, e.g. "02 Dec 2026 18:31"
    assert model.headerData(NUMBER_COLUMN, Qt.Orientation.Horizontal) == "No."
    titles = {window_title(store.load_board(s.id), content()) for s in (first, second)}
    assert len(titles) == 2


def test_esc_closes_the_session_list(qtbot, store):
    """Esc on the list closes it, as it would a dialog (it used to do nothing)."""
    store.create_session(Session("Night shift", 4, date(2026, 11, 20), "control-board"))
    picker = make_picker(qtbot, store, [])
    picker.show()
    qtbot.waitExposed(picker)
    picker.table.setFocus()
    qtbot.waitUntil(picker.table.hasFocus)
    qtbot.keyClick(picker.table, Qt.Key.Key_Escape)
    assert not picker.isVisible()
