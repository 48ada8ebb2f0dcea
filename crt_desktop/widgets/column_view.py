"""A column of sticky notes: a CardColumnView over a ColumnModel, plus the panel around it
(title, one-line help, count)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDropEvent,
    QFont,
    QFontMetricsF,
    QInputEvent,
    QKeyEvent,
    QMouseEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
)

from crt_desktop.qt_models.column_model import ColumnModel, ids_from_mime

from .card_column_view import CardColumnView
from .note_delegate import NoteDelegate

_Event = TypeVar("_Event", bound=QInputEvent)
_ADDING = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


class ColumnView(CardColumnView):
    """The notes of one column. Interactive on the console; read-only in the room view."""

    # Left or Right pressed: -1 or +1, so the window can move the focus to the next column.
    step_sideways = Signal(int)

    def __init__(
        self, model: ColumnModel, delegate: NoteDelegate, *, interactive: bool = True
    ) -> None:
        super().__init__()
        self._card_room: int | None = None
        # True while a click or key with Ctrl or Shift is changing the selection: it adds to
        # the window's selection instead of starting a new one.
        self.extending = False
        self.setObjectName("columnList")
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setItemDelegate(delegate)
        self.set_backdrop(QColor(delegate.theme.column_fill))
        self.setModel(model)
        self.setAccessibleName(model.title)
        self.setAccessibleDescription(model.help)
        if interactive:
            self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
            self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
            self.setDefaultDropAction(Qt.DropAction.MoveAction)
            self.setDragEnabled(True)
            self.setAcceptDrops(True)
            self.setDropIndicatorShown(True)
            self.setEditTriggers(
                QAbstractItemView.EditTrigger.DoubleClicked
                | QAbstractItemView.EditTrigger.EditKeyPressed
            )
        else:
            self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
            self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            self.whole_cards_only = True
        self._card_room = None  # the scroll bar policy may have changed

    def column_model(self) -> ColumnModel:
        model = self.model()
        assert isinstance(model, ColumnModel)
        return model

    def selected_ids(self) -> list[str]:
        model = self.column_model()
        rows = sorted(i.row() for i in self.selectionModel().selectedRows())
        return [model.note_ids()[r] for r in rows]

    def select_ids(self, ids: list[str], *, current: str | None = None) -> None:
        """Select these notes (those in this column), making `current` (or the first) current."""
        model = self.column_model()
        selection = self.selectionModel()
        selection.clearSelection()
        rows = [r for r in (model.row_of(i) for i in ids) if r >= 0]
        for row in rows:
            selection.select(model.index(row), selection.SelectionFlag.Select)
        focus = model.row_of(current) if current else (rows[0] if rows else -1)
        if focus >= 0:
            selection.setCurrentIndex(model.index(focus), selection.SelectionFlag.NoUpdate)
            self.scrollTo(model.index(focus))

    def show_inserted(self, _parent: QModelIndex, _first: int, last: int) -> None:
        """Scroll new notes into sight (the room sees each note as it arrives)."""
        self.scrollTo(self.model().index(last, 0))

    def card_room(self) -> int:
        """The width the cards may take: the contents, less room for a scroll bar whether or
        not one shows now, so a bar appearing never narrows cards sized without it. Kept until
        the next resize: it is asked for each card measured."""
        if self._card_room is None:
            width = self.contentsRect().width()
            if self.verticalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
                width -= self.verticalScrollBar().sizeHint().width()
            self._card_room = width
        return self._card_room

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._card_room = None
        super().resizeEvent(event)

    def relayout(self) -> None:
        """Recompute every note's size (after a text-size change), once the loop turns."""
        self.invalidate_layout()

    def dropEvent(self, event: QDropEvent) -> None:
        under = self.indexAt(event.position().toPoint())
        onto = self.column_model().note_ids()[under.row()] if under.isValid() else None
        super().dropEvent(event)
        if event.isAccepted():
            # The model already moved the notes; a Move result would make the source view
            # remove the rows a second time.
            event.setDropAction(Qt.DropAction.CopyAction)
            self._select_dropped(ids_from_mime(event.mimeData()), onto)

    def _select_dropped(self, ids: list[str], onto: str | None) -> None:
        """The notes just dropped become the selection, with the focus, so the outline and
        the selection agree and a key acts on them (stacked ones: the note they went under)."""
        model = self.column_model()
        landed = [i for i in ids if model.row_of(i) >= 0]
        if not landed and onto is not None and model.row_of(onto) >= 0:
            landed = [onto]
        if landed:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.select_ids(landed)

    def _selecting_with(self, event: _Event, handle: Callable[[_Event], None]) -> None:
        self.extending = bool(event.modifiers() & _ADDING)
        try:
            handle(event)
        finally:
            self.extending = False

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._selecting_with(event, super().mousePressEvent)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._selecting_with(event, super().mouseMoveEvent)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._selecting_with(event, super().mouseReleaseEvent)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if plain and event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.step_sideways.emit(-1 if event.key() == Qt.Key.Key_Left else 1)
            return
        self._selecting_with(event, super().keyPressEvent)

    def current_row(self) -> int:
        index: QModelIndex = self.currentIndex()
        return index.row() if index.isValid() else -1


class ColumnPanel(QFrame):
    """A column's title, one-line help and note count above its notes."""

    def __init__(self, view: ColumnView, *, title_pt: float | None = None) -> None:
        super().__init__()
        self.setObjectName("columnPanel")
        self.view = view
        model = view.column_model()
        self.title = QLabel(model.title)
        self.title.setObjectName("columnTitle")
        self.help = QLabel(model.help)
        self.help.setObjectName("columnHelp")
        self.help.setWordWrap(True)
        self.count = QLabel()
        self.count.setObjectName("columnCount")
        for label in (self.title, self.help, self.count):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
        # Columns share the width equally, whatever the length of their titles.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = self.box = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.help)
        layout.addWidget(self.count)
        layout.addWidget(view, 1)
        self._title_pt: float | None = None
        if title_pt is not None:
            self.set_title_points(title_pt)
        model.counts_changed.connect(self.update_count)
        self.update_count()

    def set_title_points(self, points: float) -> None:
        self._title_pt = points
        for label, size, bold in (
            (self.title, points, True),
            (self.help, points * 0.62, False),
            (self.count, points * 0.62, False),
        ):
            font = QFont(label.font())
            font.setPointSizeF(size)
            font.setBold(bold)
            label.setFont(font)
        self._fit_title()

    def _fit_title(self) -> None:
        """Labels wrap only between words: where a title's longest word is wider than the
        column, the title gets smaller type, so it wraps and is never cut off."""
        if self._title_pt is None:
            return
        margins = self.box.contentsMargins()
        room = self.contentsRect().width() - margins.left() - margins.right()
        if room <= 0:
            return
        font = QFont(self.title.font())
        font.setPointSizeF(self._title_pt)
        widest = max(QFontMetricsF(font).horizontalAdvance(w) for w in self.title.text().split())
        points = self._title_pt
        if widest > room:
            points = max(6.0, self._title_pt * room / widest * 0.97)
        if abs(self.title.font().pointSizeF() - points) > 0.05:
            font.setPointSizeF(points)
            self.title.setFont(font)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_title()

    def update_count(self) -> None:
        """e.g. "2 notes (+1 stacked)": the cards one sees, and the duplicates under them."""
        model = self.view.column_model()
        cards = model.rowCount()
        stacked = model.note_count() - cards
        text = f"{cards} note" + ("" if cards == 1 else "s")
        self.count.setText(f"{text} (+{stacked} stacked)" if stacked else text)
