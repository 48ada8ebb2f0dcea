"""The console's board as a facilitator meets it: one selection across columns, a banner that
never moves the board, a clear blank state, a window title naming the session, counts that
match the cards, and kind labels only where kinds differ."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from crt_desktop.content import content
from crt_desktop.domain.operations import AddNote, StackNotes
from crt_desktop.domain.session import Session
from crt_desktop.domain.vocabulary import Kind
from crt_desktop.qt_models.board_controller import BoardController
from crt_desktop.views.console import ConsoleWindow
from crt_desktop.views.room_view import RoomView

from .fakes import MemoryStore, sample_board
from .services import services_for

CTRL = Qt.KeyboardModifier.ControlModifier


def open_console(qtbot, board=None, store=None, section: int = 4) -> ConsoleWindow:
    if board is None:
        store = MemoryStore()
        template = content().section(section).template
        session = store.create_session(Session("Night shift", section, date(2027, 1, 5), template))
        board = store.load_board(session.id)  # type: ignore[arg-type]
    controller = BoardController(board, store)
    room = RoomView(controller, content=content())
    console = ConsoleWindow(controller, room, services=services_for(store))
    qtbot.addWidget(console)
    qtbot.addWidget(room)
    console.resize(1280, 800)
    console.show()
    qtbot.waitUntil(console.isVisible)
    return console


@pytest.fixture
def console(qtbot) -> ConsoleWindow:
    store = MemoryStore()
    return open_console(qtbot, sample_board(store, 40), store)


def click(qtbot, console: ConsoleWindow, column: int, row: int, modifier=None) -> None:
    view = console.views[column]
    rect = view.visualRect(view.model().index(row, 0))
    modifier = Qt.KeyboardModifier.NoModifier if modifier is None else modifier
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def test_ctrl_click_adds_notes_from_other_columns(qtbot, console):
    """Ctrl+click keeps what is selected in other columns; a plain click selects one note."""
    qtbot.waitUntil(
        lambda: console.views[1].visualRect(console.views[1].model().index(0, 0)).height() > 0
    )
    click(qtbot, console, 2, 0)
    click(qtbot, console, 1, 0, CTRL)
    first = console.views[2].column_model().note_ids()[0]
    second = console.views[1].column_model().note_ids()[0]
    assert set(console.selected_ids()) == {first, second}
    click(qtbot, console, 0, 0)
    assert console.selected_ids() == [console.views[0].column_model().note_ids()[0]]


def test_stack_works_across_columns_onto_the_note_picked_first(qtbot, console):
    """Ctrl+G stacks notes picked in two columns under the one picked first."""
    keep = console.views[2].column_model().note_ids()[0]
    duplicate = console.views[1].column_model().note_ids()[0]
    click(qtbot, console, 2, 0)
    click(qtbot, console, 1, 0, CTRL)
    console.stack_selected()
    board = console.controller.board
    assert board.notes[duplicate].stack == keep
    assert board.notes[duplicate].column == board.notes[keep].column
    assert console.selected_ids() == [keep]


def test_send_and_delete_work_on_notes_from_several_columns(qtbot, console):
    """Send-to-column and Delete act on every note selected, whatever its column."""
    a = console.views[0].column_model().note_ids()[0]
    b = console.views[3].column_model().note_ids()[0]
    click(qtbot, console, 0, 0)
    click(qtbot, console, 3, 0, CTRL)
    console.send_to("i_control")
    notes = console.controller.board.notes
    assert notes[a].column == notes[b].column == "i_control"
    console.views[1].select_ids([a])
    click(qtbot, console, 1, console.views[1].column_model().row_of(b), CTRL)
    console.delete_selected()
    assert a not in console.controller.board.notes and b not in console.controller.board.notes


def test_the_banner_never_moves_the_board(qtbot, console):
    """A message floats over the board: the columns stay where they were."""
    before = [panel.geometry() for panel in console.panels]
    console.show_message("Select a note first: click it, or use the arrow keys.")
    qtbot.waitUntil(console.banner.isVisible)
    QApplication.processEvents()
    assert [panel.geometry() for panel in console.panels] == before
    assert console.banner.geometry().intersects(console.panels[0].geometry())


def test_dismiss_clears_the_status_bar_too(qtbot, console):
    """Dismissing the banner also clears the same message from the status bar."""
    console.show_message("The poster was saved.")
    assert console.statusBar().currentMessage() == "The poster was saved."
    console.banner.dismiss()
    assert console.banner.isHidden()
    assert console.statusBar().currentMessage() == ""


def mean_colour(widget) -> QColor:
    """The widget's average colour as drawn."""
    image = widget.grab().toImage()
    total = [0, 0, 0]
    for x in range(image.width()):
        for y in range(image.height()):
            colour = image.pixelColor(x, y)
            total = [total[0] + colour.red(), total[1] + colour.green(), total[2] + colour.blue()]
    count = image.width() * image.height()
    return QColor(*(round(t / count) for t in total))


def test_blanking_shows_plainly_on_the_console(qtbot, console):
    """While the room is blank the console says so, and the Blank button looks on."""
    assert console.blank_notice.isHidden()
    off = mean_colour(console.blank_button)
    console.room_view.toggle_blank()
    assert console.blank_button.isChecked()
    assert console.blank_notice.isVisible()
    assert "press B to show it" in console.blank_notice.text()
    on = mean_colour(console.blank_button)
    assert on.red() > 2 * on.green() and on.lightness() < off.lightness() - 60
    console.room_view.toggle_blank()
    assert console.blank_notice.isHidden() and not console.blank_button.isChecked()


def test_window_title_names_team_section_and_day(qtbot):
    """The title is team, section number and the section's own title, the day and the
    session's number (as in the session list)."""
    console = open_console(qtbot)
    title = content().section(4).title
    number = console.controller.session_id
    assert console.windowTitle() == (
        f"Night shift — Section 4: {title} — 5 January 2027 — session {number}"
    )


def test_counts_show_cards_and_stacked_duplicates_apart(qtbot, console):
    """A column with two cards and one note stacked under them says "2 notes (+1 stacked)"."""
    view = console.views[1]
    ids = view.column_model().note_ids()
    console.controller.do(StackNotes((ids[1],), onto=ids[0]))
    shown = view.model().rowCount()
    assert console.panels[1].count.text() == f"{shown} notes (+1 stacked)"


def test_one_kind_boards_do_not_label_each_card(qtbot):
    """Section 7 cards carry no "Resilience" label; a screen reader still hears the kind."""
    console = open_console(qtbot, section=7)
    console.controller.do(AddNote("We start on time", kind=Kind.RESILIENCE))
    for view, delegate in (
        (console.views[0], console.delegate),
        (console.room_view.views[0], console.room_view.delegate),
    ):
        index = view.model().index(0, 0)
        assert "Resilience" not in delegate.chip_texts(index)
        assert "Resilience" in index.data(Qt.ItemDataRole.AccessibleTextRole)


def test_two_kind_boards_still_label_each_card(console):
    """On the control board every card says its kind in words."""
    index = console.views[0].model().index(0, 0)
    note = index.data(Qt.ItemDataRole.UserRole + 1)
    assert note.kind.label in console.delegate.chip_texts(index)
