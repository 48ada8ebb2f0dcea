"""The room view on a small projector: no card is cut off at the top without a sign, and
column titles wrap rather than being cut, even with larger text."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QFontMetricsF

from crt_desktop.content import content
from crt_desktop.qt_models.board_controller import BoardController
from crt_desktop.views.room_view import RoomView

from .fakes import MemoryStore, sample_board


def open_room(qtbot, width: int = 1024, height: int = 768) -> RoomView:
    store = MemoryStore()
    controller = BoardController(sample_board(store, 40), store)
    room = RoomView(controller, content=content())
    qtbot.addWidget(room)
    room.resize(width, height)
    room.show()
    qtbot.waitUntil(room.isVisible)
    return room


def top_card_cut(view) -> bool:
    index = view.indexAt(QPoint(view.viewport().width() // 2, 1))
    return index.isValid() and view.visualRect(index).top() < 0


def test_a_card_cut_off_at_the_top_is_never_left_unsaid(qtbot):
    """Scrolled part-way into a card, the column moves on to a whole card or says "more above"."""
    room = open_room(qtbot)
    view = room.views[0]  # Unsorted: more cards than fit
    bar = view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    first = view.visualRect(view.model().index(0, 0))
    for value in range(first.height() // 2, bar.maximum(), max(7, first.height() // 3)):
        bar.setValue(value)
        room.update_overflow()
        label = room.more_labels[0]
        assert not top_card_cut(view) or "more above" in label.text(), value


def test_the_cut_top_card_is_counted_above_at_the_end_of_a_column(qtbot):
    """At the very end of a column, where it cannot scroll on, a cut top card counts above."""
    room = open_room(qtbot)
    view = room.views[0]
    bar = view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    room.update_overflow()
    top = view.indexAt(QPoint(view.viewport().width() // 2, 1)).row()
    expected = top + (1 if top_card_cut(view) else 0)
    assert room.more_labels[0].text().startswith(f"{expected} more above")


def test_column_titles_wrap_and_are_never_cut_at_larger_text(qtbot):
    """At 1.5 times the text size on 1024×768 every word of every title fits its column."""
    room = open_room(qtbot)
    room.set_text_scale(1.5)
    qtbot.wait(10)
    for panel in room.panels:
        label = panel.title
        metrics = QFontMetricsF(label.font())
        widest = max(metrics.horizontalAdvance(word) for word in label.text().split())
        assert widest <= label.contentsRect().width(), label.text()
        assert label.heightForWidth(label.width()) <= label.height() + 1, label.text()
