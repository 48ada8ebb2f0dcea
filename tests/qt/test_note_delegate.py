"""Card sizes: the whole text always fits, sizes follow edits and widths, and a view sized while
hidden sizes its cards for real once shown."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication

from crt_desktop.domain.operations import AddNote, EditNote, StackNotes, Vote
from crt_desktop.qt_models.board_controller import BoardController
from crt_desktop.qt_models.column_model import ColumnModel
from crt_desktop.widgets.column_view import ColumnView
from crt_desktop.widgets.note_delegate import NoteDelegate
from crt_desktop.widgets.theme import CONSOLE

from .fakes import MemoryStore, new_board

TEXTS = [
    "Short",
    "Charting after hours keeps us here long after the shift has ended, most days of the week",
    "Line one\nLine two\nLine three",
    "Averyveryverylongwordwithoutanyspacesthatmustbreakanywhereratherthanbecutoff" * 2,
    "Tom & Jerry <b>bold</b>",
]


@pytest.fixture
def view(qapp) -> ColumnView:
    store = MemoryStore()
    controller = BoardController(new_board(store), store)
    for number, text in enumerate(TEXTS):
        controller.do(AddNote(text, note_id=f"n{number}"))
    delegate = NoteDelegate(CONSOLE, console=True)
    column = ColumnView(ColumnModel(controller, "unsorted"), delegate)
    column.resize(260, 900)
    column._delegate = delegate  # keep it alive as long as the view
    return column


def text_height(delegate: NoteDelegate, text: str, width: float) -> float:
    """The text's height laid out on its own, as a check independent of the delegate's cache."""
    layout = QTextLayout(text.replace("\n", "\u2028"), delegate.body_font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    height = 0.0
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        line.setPosition(QPointF(0, height))
        height += line.height()
    layout.endLayout()
    return height


def card_heights(view: ColumnView) -> list[int]:
    model = view.model()
    return [view.visualRect(model.index(row, 0)).height() for row in range(model.rowCount())]


def settle(view: ColumnView) -> None:
    view.show()
    QApplication.processEvents()


def test_every_card_is_tall_enough_for_its_whole_text(view):
    """Each card's height holds its whole wrapped text at the width the view gives it."""
    settle(view)
    delegate = view.itemDelegate()
    assert isinstance(delegate, NoteDelegate)
    width = view.card_room() - delegate._insets
    for text, height in zip(TEXTS, card_heights(view), strict=True):
        assert height >= text_height(delegate, text, width) + 2 * delegate.padding


def test_a_view_sized_while_hidden_sizes_its_cards_once_shown(view):
    """Estimates given to a hidden view are replaced by real sizes when it is shown again."""
    settle(view)
    view.hide()
    controller = view.column_model().controller
    controller.do(EditNote("n0", text=TEXTS[1] * 4))  # laid out while hidden: an estimate
    view.doItemsLayout()
    settle(view)
    fresh = ColumnView(view.column_model(), NoteDelegate(CONSOLE, console=True))
    fresh.resize(260, 900)
    settle(fresh)
    assert card_heights(view) == card_heights(fresh)


def test_cards_resize_when_text_votes_or_stack_change(view):
    """A longer text, a vote line or a stack count makes the card taller; a narrower view too."""
    settle(view)
    controller = view.column_model().controller
    before = card_heights(view)[0]
    controller.do(EditNote("n0", text=TEXTS[1] * 3))
    view.doItemsLayout()
    longer = card_heights(view)[0]
    assert longer > before
    controller.do(Vote(("n0",), 2))
    controller.do(StackNotes(("n4",), onto="n0"))
    view.doItemsLayout()
    assert card_heights(view)[0] > longer
    wide = card_heights(view)[1]
    view.resize(160, 900)
    settle(view)
    assert card_heights(view)[1] > wide


def test_a_model_without_the_card_methods_is_painted_from_its_roles(view):
    """Any model giving a note and a stack count through its roles shows the same card."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel

    from crt_desktop.qt_models.column_model import NoteRole
    from crt_desktop.widgets.card_source import card_source

    column = view.column_model()
    assert card_source(column) is column
    delegate = view.itemDelegate()
    view.column_model().controller.do(Vote(("n1",), 2))
    plain = QStandardItemModel()
    for row in range(column.rowCount()):
        item = QStandardItem()
        item.setData(column.note_at(row), NoteRole.NOTE)
        item.setData(column.stack_count(column.note_at(row).id), NoteRole.STACK_COUNT)
        plain.appendRow(item)
    assert card_source(plain) is None
    for row in range(column.rowCount()):
        ours = delegate.chip_texts(column.index(row))
        assert delegate.chip_texts(plain.index(row, 0)) == ours
    assert "2 votes" in " ".join(delegate.chip_texts(plain.index(1, 0)))
