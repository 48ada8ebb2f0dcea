"""The board's column view lays out its own cards: a change re-measures only the cards it
touches, cards out of sight are estimated until they come into sight, and every behaviour of a
list (hit testing, keys, selection, drop indicator, screen readers) works on its own layout."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, QRect, Qt
from PySide6.QtGui import QAccessible, QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication

from crt_desktop.domain.operations import AddNote, EditNote, MoveNotes
from crt_desktop.qt_models.board_controller import BoardController
from crt_desktop.qt_models.column_model import ColumnModel
from crt_desktop.widgets.column_view import ColumnView
from crt_desktop.widgets.note_delegate import NoteDelegate
from crt_desktop.widgets.theme import CONSOLE

from .fakes import MemoryStore, new_board

ROWS = 120


def text_for(number: int) -> str:
    return f"Note {number}: " + "several words of what was said " * (number % 6)


@pytest.fixture
def view(qapp) -> ColumnView:
    store = MemoryStore()
    controller = BoardController(new_board(store), store)
    for number in range(ROWS):
        controller.do(AddNote(text_for(number), note_id=f"n{number:03}"))
    delegate = NoteDelegate(CONSOLE, console=True)
    column = ColumnView(ColumnModel(controller, "unsorted"), delegate)
    column._delegate = delegate  # keep it alive as long as the view
    column.resize(280, 600)
    column.show()
    QApplication.processEvents()
    return column


class Counting:
    """Counts the delegate's measurements while installed."""

    def __init__(self, delegate: NoteDelegate) -> None:
        self.delegate = delegate
        self.calls = 0
        self._measure = delegate.measure

    def __enter__(self) -> Counting:
        def measure(*args: object, **kwargs: object) -> tuple[int, bool]:
            self.calls += 1
            return self._measure(*args, **kwargs)  # type: ignore[arg-type]

        self.delegate.measure = measure  # type: ignore[method-assign]
        return self

    def __exit__(self, *_exc: object) -> None:
        del self.delegate.measure


def rows_in_sight(view: ColumnView) -> range:
    viewport = view.viewport().rect()
    first = view.indexAt(QPoint(5, 0)).row()
    last = view.indexAt(QPoint(5, viewport.height() - 1)).row()
    if last < 0:
        last = view.model().rowCount() - 1
    return range(first, last + 1)


def test_a_move_measures_only_the_cards_it_touches(view):
    """Moving one note out of a column of 120 measures a handful of cards, not the column."""
    delegate = view.itemDelegate()
    controller = view.column_model().controller
    with Counting(delegate) as counting:
        controller.do(MoveNotes(("n003",), "i_control"))
        QApplication.processEvents()
        controller.do(MoveNotes(("n003",), "unsorted", 1))
        QApplication.processEvents()
    assert view.column_model().note_ids()[1] == "n003"
    assert counting.calls <= 6


def test_cards_in_sight_are_exact_and_hit_testing_matches_them(view):
    """Every card in sight has its exact size, and the card found at a point is drawn there."""
    delegate = view.itemDelegate()
    assert isinstance(delegate, NoteDelegate)
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 2)
    QApplication.processEvents()
    model = view.model()
    for row in rows_in_sight(view):
        index = model.index(row, 0)
        exact, known = delegate.measure(index, view.card_room(), exact=True)
        assert known and view.visualRect(index).height() == exact
    for y in range(0, view.viewport().height(), 7):
        index = view.indexAt(QPoint(10, y))
        assert index.isValid() and view.visualRect(index).contains(QPoint(10, y))


def test_scrolling_up_onto_estimated_cards_keeps_the_cards_in_sight_still(view):
    """Cards coming into sight above are measured without moving those already on screen."""
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    QApplication.processEvents()
    anchor = view.model().index(rows_in_sight(view)[-1], 0)
    before = view.visualRect(anchor).top()
    bar.setValue(bar.value() - 40)
    QApplication.processEvents()
    assert view.visualRect(anchor).top() == before + 40


def test_an_edit_resizes_its_card_and_moves_the_ones_below(view):
    """A longer text makes its card taller and the next card starts where it ends."""
    model = view.model()
    first, second = model.index(0, 0), model.index(1, 0)
    height = view.visualRect(first).height()
    view.column_model().controller.do(EditNote("n000", text=text_for(5) * 3))
    assert view.visualRect(first).height() > height
    assert view.visualRect(second).top() == view.visualRect(first).bottom() + 1


def test_keys_move_through_the_column_and_keep_the_current_card_in_sight(view, qtbot):
    """End, Home, Page Down and Page Up move the current card and scroll it into sight."""
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.currentIndex().row() == ROWS - 1
    assert view.viewport().rect().contains(view.visualRect(view.currentIndex()))
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.currentIndex().row() == 0
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    down = view.currentIndex().row()
    assert down > 1
    assert view.viewport().rect().intersects(view.visualRect(view.currentIndex()))
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert view.currentIndex().row() < down
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert len(view.selected_ids()) == 2


def test_a_band_across_cards_selects_each_card_it_crosses(view):
    """A selection rectangle from one card to another selects the cards between them."""
    model = view.model()
    top = view.visualRect(model.index(1, 0)).center()
    bottom = view.visualRect(model.index(3, 0)).center()
    command = QItemSelectionModel.SelectionFlag.ClearAndSelect
    view.setSelection(QRect(top, bottom), command)
    assert view.selected_ids() == ["n001", "n002", "n003"]


def test_a_drag_shows_where_it_would_land(view):
    """Near a card's edge the indicator is a line between cards; over its middle, the card."""
    model = view.column_model()
    mime = model.mimeData([model.index(5, 0)])
    offered = model.supportedDragActions()
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    box = view.visualRect(model.index(2, 0))
    viewport = view.viewport()
    edge, middle = QPoint(box.center().x(), box.top() + 1), box.center()
    QApplication.sendEvent(viewport, QDragEnterEvent(edge, offered, mime, buttons, mods))
    QApplication.sendEvent(viewport, QDragMoveEvent(edge, offered, mime, buttons, mods))
    assert view.dropIndicatorPosition() == QAbstractItemView.DropIndicatorPosition.AboveItem
    rect, line = view.drop_indicator()
    assert line and rect.top() == box.top()
    QApplication.sendEvent(viewport, QDragMoveEvent(middle, offered, mime, buttons, mods))
    assert view.drop_indicator() == (box, False)


def test_a_screen_reader_meets_a_named_list_of_notes(view):
    """The column is a list named by its title, with one item per card read as its text."""
    face = QAccessible.queryAccessibleInterface(view)
    assert face.role() == QAccessible.Role.List
    assert face.text(QAccessible.Text.Name) == "Unsorted"
    assert face.childCount() == ROWS
    assert face.child(0).text(QAccessible.Text.Name).startswith("Note 0:, Fatigue")


def test_a_card_scrolled_to_while_hidden_is_in_sight_once_shown(view):
    """A hidden view (the room view before presenting) keeps the card it was asked to show."""
    view.hide()
    controller = view.column_model().controller
    controller.do(EditNote("n000", text=text_for(5) * 2))  # stale while hidden
    view.resize(300, 600)
    last = view.model().index(ROWS - 1, 0)
    view.scrollTo(last)
    view.show()
    QApplication.processEvents()
    assert view.viewport().rect().contains(view.visualRect(last))


def _hover_drag(view: ColumnView, y: int, seconds: float) -> int:
    """Hold a drag at height `y` of the view, the hand trembling a pixel every 100 ms (each
    tremble a drag move, as from a real mouse); how far the column scrolled."""
    import time

    mime = view.model().mimeData([view.model().index(0, 0)])
    viewport = view.viewport()
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    offered = Qt.DropAction.MoveAction
    start = view.verticalScrollBar().value()
    QApplication.sendEvent(viewport, QDragEnterEvent(QPoint(100, y), offered, mime, buttons, mods))
    end = time.monotonic() + seconds
    tremble = 0
    while time.monotonic() < end:
        tremble = 1 - tremble
        where = QPoint(100 + tremble, y)
        QApplication.sendEvent(viewport, QDragMoveEvent(where, offered, mime, buttons, mods))
        pause = time.monotonic() + 0.1
        while time.monotonic() < pause:
            QApplication.processEvents()
            time.sleep(0.005)
    QApplication.sendEvent(viewport, QDragLeaveEvent())
    return view.verticalScrollBar().value() - start


def test_a_drag_held_at_either_edge_scrolls_as_fast_up_as_down(view):
    """Holding a dragged note at the top of a long column scrolls up about as fast as holding
    it at the bottom scrolls down: pages a second, not a card or two (it used to crawl
    upward, Qt's edge scrolling starting from slow again at every move of the hand)."""
    bar = view.verticalScrollBar()
    page = view.viewport().height()
    bar.setValue(0)
    QApplication.processEvents()
    down = _hover_drag(view, page - 3, 1.0)
    bar.setValue(bar.maximum())
    QApplication.processEvents()
    up = -_hover_drag(view, 3, 1.0)
    assert down > page and up > page
    assert up > 0.6 * down


def test_edge_scrolling_is_the_same_speed_up_as_down_and_faster_nearer_the_edge():
    """The speed depends only on how near the edge the hand is, never on the direction."""
    from crt_desktop.widgets.edge_scroller import EdgeScroller

    step = EdgeScroller.step_for
    assert step(300, 600) == 0
    for depth in (0, 10, 40, 70):
        assert step(depth, 600) == -step(599 - depth, 600) != 0
    assert abs(step(2, 600)) > abs(step(60, 600))
