"""A list of cards of differing heights that lays itself out, one row at a time.

QListView lays out every row again after any insert or removal; with a hundred cards to a
column that is most of the cost of moving one note. This view keeps each row's height (asked of
the delegate, which caches them) and their running sums, and re-measures only the rows a
change touches. Rows out of sight may carry a height estimated without shaping their text; a
row is always measured exactly before it is painted, so no card is ever drawn cut short.

It derives from QListView for what a list is to the rest of the system (screen readers meet it
as a list; style sheets name it so) and replaces all of QListView's layout and painting.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QColor,
    QDrag,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QRegion,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QListView,
    QStyle,
    QStyleOptionViewItem,
    QWidget,
)

from .edge_scroller import EdgeScroller
from .row_heights import RowHeights

Index = QModelIndex | QPersistentModelIndex

# At most this many passes to make the rows in sight exact (each pass may bring new rows in).
_SETTLE_PASSES = 8
# How far past the drag start a drag picture shows cards (more is just noise under the cursor).
_DRAG_PICTURE_CARDS = 4


class MeasuringDelegate(Protocol):
    """A delegate that can size a card for a width without a style option, and say whether
    the size is exact or an estimate (NoteDelegate)."""

    def measure(self, index: Index, room: int, *, exact: bool) -> tuple[int, bool]: ...


class CardColumnView(QListView):
    """Cards stacked top to bottom, each as wide as the view, laid out row by row."""

    # The room view paints only cards that show whole: a card cut at an edge through the
    # middle of a line (or without its votes line) reads wrong from the back of the room.
    # The first card in sight is painted whatever its size, so one taller than the view
    # still shows what fits.
    whole_cards_only = False

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows = RowHeights()
        self._stale = True  # every row to be measured again (new model, width, font)
        self._settling = False
        self._sized_by: QAbstractItemDelegate | None = None
        self._drop_rect = QRect()
        self._drop_line = False  # the indicator is a line between cards, not a card outline
        self._geometry_timer = QTimer(self)
        self._geometry_timer.setSingleShot(True)
        self._geometry_timer.timeout.connect(self._refresh_geometry)
        self._layout_timer = QTimer(self)
        self._layout_timer.setSingleShot(True)
        self._layout_timer.timeout.connect(self._lay_out_now)
        self._layout_due = False
        self._backdrop: QColor | None = None
        self._pending_scroll: tuple[QPersistentModelIndex, QAbstractItemView.ScrollHint] | None
        self._pending_scroll = None
        # The drop line drawn before a scroll would point at the wrong place: cleared, it
        # comes back with the next move of the mouse.
        self._drag_scroll = EdgeScroller(
            self.viewport, self.verticalScrollBar, self._clear_drop_indicator
        )

    def set_backdrop(self, colour: QColor | None) -> None:
        """Paint the space behind the cards in this colour (that of the panel around the view),
        so a repaint of cards never repaints the widgets behind the view as well (on the
        projector, three full-screen layers of style sheet). None: see through, as by default."""
        self._backdrop = colour
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, colour is not None)
        self.viewport().update()

    # --- what subclasses may change ------------------------------------------------------------

    def card_room(self) -> int:
        """The width cards are sized for; ColumnView keeps room for a scroll bar."""
        return self.viewport().width()

    def invalidate_layout(self) -> None:
        """Measure every card again (fonts changed), when the event loop next turns or before
        anything is painted, whichever comes first."""
        self._stale = True
        self.scheduleDelayedItemsLayout()
        self.viewport().update()

    # --- row heights ---------------------------------------------------------------------------

    def _measure(self, row: int, exact: bool) -> tuple[int, bool]:
        model = self.model()
        delegate = self.itemDelegate()
        index = model.index(row, 0, self.rootIndex())
        measure = getattr(delegate, "measure", None)
        if measure is not None:
            height, is_exact = measure(index, self.card_room(), exact=exact)
            return max(1, height), is_exact
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        return max(1, delegate.sizeHint(option, index).height()), True

    def _row_count(self) -> int:
        model = self.model()
        return model.rowCount(self.rootIndex()) if model is not None else 0

    def _layout_all(self) -> None:
        """Measure every row: exact where the delegate knows it, else estimated."""
        rows = self._row_count()
        self._rows.reset([self._measure(row, False) for row in range(rows)])
        self._stale = False

    def _ensure_layout(self) -> bool:
        """Lay the cards out if they need it; False while that waits for the view to show
        (a hidden view measures nothing: windows are built, styled and sized before shown)."""
        if self._stale or len(self._rows) != self._row_count():
            if not self.isVisible():
                return False
            self._layout_all()
            self._refresh_geometry()
        return True

    def _row_at(self, y: int) -> int:
        """The row whose card covers content height `y` (clamped to the rows there are)."""
        return self._rows.row_at(y)

    def _settle_visible(self) -> bool:
        """Measure exactly the rows in sight that carry an estimate; True if any height
        changed. A card already in sight keeps its place on the screen."""
        if self._settling or not self.isVisible() or not self._rows:
            return False
        self._settling = True
        changed = False
        try:
            for _ in range(_SETTLE_PASSES):
                offset = self.verticalOffset()
                first = self._row_at(offset)
                last = self._row_at(offset + self.viewport().height())
                rough = [r for r in range(first, last + 1) if not self._rows.is_exact(r)]
                if not rough:
                    break
                tops = self._rows.tops()
                shift = 0  # growth of cards reaching above the top: scroll by it, so the
                # cards already in sight stay where they are (scrolling up meets estimates)
                for row in rough:
                    growth = self._rows.set(row, *self._measure(row, True))
                    if growth:
                        if tops[row] < offset:
                            shift += growth
                        changed = True
                self._update_scroll_range()
                if shift:
                    self.verticalScrollBar().setValue(offset + shift)
        finally:
            self._settling = False
        if changed:
            self._refresh_geometry()
            self.viewport().update()
        return changed

    def _remeasure(self, first: int, last: int) -> int | None:
        """Measure rows again (after their data changed); the first row whose height changed."""
        moved: int | None = None
        sight = self._sight()
        for row in range(first, min(last, len(self._rows) - 1) + 1):
            in_sight = sight[0] <= row <= sight[1]
            if self._rows.set(row, *self._measure(row, in_sight)):
                moved = row if moved is None else moved
        return moved

    def _sight(self) -> tuple[int, int]:
        """The rows in sight now (an empty range while hidden)."""
        if not self.isVisible() or not self._rows:
            return 0, -1
        offset = self.verticalOffset()
        return self._row_at(offset), self._row_at(offset + self.viewport().height())

    def _update_from(self, row: int) -> None:
        """Repaint from a row's card down: the cards there shifted or changed."""
        if row >= len(self._rows):
            top = self._rows.total() - self.verticalOffset()
        else:
            top = self._rows.tops()[row] - self.verticalOffset()
        viewport = self.viewport()
        if top < viewport.height():
            viewport.update(QRect(0, max(0, top), viewport.width(), viewport.height()))

    def _update_scroll_range(self) -> None:
        total = self._rows.total()
        page = self.viewport().height()
        bar = self.verticalScrollBar()
        bar.setPageStep(max(1, page))
        bar.setSingleStep(max(16, min(self._rows.height(0) if self._rows else 0, page // 4)))
        bar.setRange(0, max(0, total - page))

    def _refresh_geometry(self) -> None:
        self._geometry_timer.stop()
        self.updateGeometries()

    # --- QAbstractItemView: layout -------------------------------------------------------------

    def doItemsLayout(self) -> None:
        if not self.isVisible():
            self._stale = True  # measured when shown
            return
        if self._stale and not self._layout_due:
            self._lay_out_later()  # Qt asks as a window shows, before its sizes settle
            return
        self._layout_due = False
        if self._stale or len(self._rows) != self._row_count():
            self._layout_all()
            QAbstractItemView.doItemsLayout(self)  # geometries and a repaint
        else:
            # Qt asks for a layout after every removal; the rows changed were measured already
            # and what they moved has been repainted, so there is nothing to do again.
            self._update_scroll_range()
        self._settle_visible()

    def updateGeometries(self) -> None:
        self._update_scroll_range()
        self.horizontalScrollBar().setRange(0, 0)
        QAbstractItemView.updateGeometries(self)

    def reset(self) -> None:
        self._stale = True
        QListView.reset(self)

    def rowsInserted(self, parent: Index, start: int, end: int) -> None:
        QAbstractItemView.rowsInserted(self, parent, start, end)
        if self._stale or parent != self.rootIndex():
            return
        if len(self._rows) + end - start + 1 != self._row_count():
            self._stale = True
            self.scheduleDelayedItemsLayout()
            return
        self._rows.insert(start, [self._measure(row, False) for row in range(start, end + 1)])
        self._after_change(start)

    def _rows_removed(self, parent: QModelIndex, start: int, end: int) -> None:
        # Heights follow the removal once it is done: until then the rows (and the notes they
        # show, which the board may have dropped already) must not be measured again.
        if parent != self.rootIndex() or self._stale:
            return
        if len(self._rows) - (end - start + 1) == self._row_count():
            self._rows.remove(start, end)
        self._after_change(start)

    def dataChanged(self, topLeft: Index, bottomRight: Index, roles: Sequence[int] = ()) -> None:
        if not self._stale and topLeft.parent() == self.rootIndex():
            moved = self._remeasure(topLeft.row(), bottomRight.row())
            if moved is not None:
                self._after_change(moved)
        QAbstractItemView.dataChanged(self, topLeft, bottomRight, list(roles))

    def _after_change(self, row: int) -> None:
        """Rows from `row` down moved or changed: scroll range, repaint, exact sizes in sight."""
        if len(self._rows) != self._row_count():
            return  # the model is between two signals of one change; it will say again
        self._update_scroll_range()
        self._update_from(row)
        self._settle_visible()
        if self.state() == QAbstractItemView.State.EditingState:
            self.updateEditorGeometries()

    def setModel(self, model: QAbstractItemModel | None) -> None:
        old = self.model()
        if old is not None:
            old.rowsRemoved.disconnect(self._rows_removed)
            old.layoutChanged.disconnect(self.invalidate_layout)
            old.rowsMoved.disconnect(self.invalidate_layout)
        super().setModel(model)
        self._stale = True
        new = self.model()
        if new is not None:
            new.rowsRemoved.connect(self._rows_removed)
            # Rows in a new order: measure them all again (the model here never does this).
            new.layoutChanged.connect(self.invalidate_layout)
            new.rowsMoved.connect(self.invalidate_layout)

    def setItemDelegate(self, delegate: QAbstractItemDelegate) -> None:
        if self._sized_by is not None:
            self._sized_by.sizeHintChanged.disconnect(self._size_hint_changed)
            self._sized_by.commitData.disconnect(self._commit_own)
            self._sized_by.closeEditor.disconnect(self._close_own)
        super().setItemDelegate(delegate)
        # One delegate draws every column of a window, so its editor signals reach every
        # column; each view takes only its own editors' (the others would warn about them).
        # What Qt connected, re-made below (the stubs lack the any-signal, any-slot form).
        QObject.disconnect(delegate, None, self, None)  # type: ignore[call-overload]
        delegate.commitData.connect(self._commit_own)
        delegate.closeEditor.connect(self._close_own)
        delegate.sizeHintChanged.connect(self._size_hint_changed)
        self._sized_by = delegate
        self._stale = True

    def _owns(self, editor: QWidget) -> bool:
        return editor.parent() is self.viewport()

    def _commit_own(self, editor: QWidget) -> None:
        if self._owns(editor):
            self.commitData(editor)

    def _close_own(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        if self._owns(editor):
            self.closeEditor(editor, hint)

    def _size_hint_changed(self, index: QModelIndex) -> None:
        self.invalidate_layout()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.invalidate_layout()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        if event.size().width() != event.oldSize().width() and not self._stale:
            self._stale = True
            self._lay_out_later()
        QAbstractItemView.resizeEvent(self, event)  # scroll area, then updateGeometries
        if not self._stale and self._ensure_layout():
            self._settle_visible()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        pending, self._pending_scroll = self._pending_scroll, None
        if pending is not None and pending[0].isValid():
            self.scrollTo(pending[0], pending[1])  # lays the cards out first
        elif self._stale:
            self._lay_out_later()
        else:
            self._settle_visible()

    def _lay_out_later(self) -> None:
        """Measure the cards when the event loop next turns, or sooner if anything needs them
        (every use lays them out first): a window being shown sizes its columns several times,
        and measuring ~120 cards for each size was most of building the windows."""
        self._layout_timer.start(0)

    def _lay_out_now(self) -> None:
        self._layout_due = True
        self.doItemsLayout()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        QAbstractItemView.scrollContentsBy(self, dx, dy)
        self._settle_visible()

    # --- QAbstractItemView: geometry -----------------------------------------------------------

    def verticalOffset(self) -> int:
        return self.verticalScrollBar().value()

    def horizontalOffset(self) -> int:
        return 0

    def isIndexHidden(self, index: Index) -> bool:
        return False

    def visualRect(self, index: Index) -> QRect:
        row = index.row()
        if not index.isValid() or index.parent() != self.rootIndex():
            return QRect()
        if self._stale:
            self._ensure_layout()  # a hidden view has no geometry for its rows
        if self._stale or len(self._rows) != self._row_count():
            return QRect()
        if not 0 <= row < len(self._rows):
            return QRect()
        top = self._rows.tops()[row] - self.verticalOffset()
        return QRect(0, top, self.viewport().width(), self._rows.height(row))

    def indexAt(self, point: QPoint) -> QModelIndex:
        if (
            not self._ensure_layout()
            or not self._rows
            or not 0 <= point.x() < self.viewport().width()
        ):
            return QModelIndex()
        y = point.y() + self.verticalOffset()
        tops = self._rows.tops()
        if y < 0 or y >= tops[-1]:
            return QModelIndex()
        return self.model().index(bisect_right(tops, y) - 1, 0, self.rootIndex())

    def scrollTo(
        self,
        index: Index,
        hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible,
    ) -> None:
        if not index.isValid() or index.parent() != self.rootIndex():
            return
        if not self._ensure_layout():
            self._pending_scroll = (QPersistentModelIndex(index), hint)  # once shown
            return
        row = index.row()
        if not 0 <= row < len(self._rows):
            return
        if (
            self.isVisible()
            and not self._rows.is_exact(row)
            and self._rows.set(row, *self._measure(row, True))
        ):
            self._update_scroll_range()
            self.viewport().update()
        top, height = self._rows.tops()[row], self._rows.height(row)
        page = self.viewport().height()
        offset = self.verticalOffset()
        Hint = QAbstractItemView.ScrollHint
        if hint == Hint.PositionAtTop:
            value = top
        elif hint == Hint.PositionAtBottom:
            value = top + height - page
        elif hint == Hint.PositionAtCenter:
            value = top + (height - page) // 2
        elif top < offset or height > page:
            value = top
        elif top + height > offset + page:
            value = top + height - page
        else:
            return
        self.verticalScrollBar().setValue(value)

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        rows = len(self._rows) if self._ensure_layout() else 0
        if not rows:
            return QModelIndex()
        current = self.currentIndex()
        if not current.isValid():
            return self.model().index(0, 0, self.rootIndex())
        row = current.row()
        Action = QAbstractItemView.CursorAction
        page = self.viewport().height()
        tops = self._rows.tops()
        if cursorAction in (Action.MoveUp, Action.MovePrevious):
            row -= 1
        elif cursorAction in (Action.MoveDown, Action.MoveNext):
            row += 1
        elif cursorAction == Action.MoveHome:
            row = 0
        elif cursorAction == Action.MoveEnd:
            row = rows - 1
        elif cursorAction == Action.MovePageUp:
            target = self._row_at(max(0, tops[row + 1] - page))
            row = target if target < row else row - 1
        elif cursorAction == Action.MovePageDown:
            target = self._row_at(tops[row] + page - 1)
            row = target if target > row else row + 1
        return self.model().index(max(0, min(rows - 1, row)), 0, self.rootIndex())

    def setSelection(self, rect: QRect, command: QItemSelectionModel.SelectionFlag) -> None:
        selection_model = self.selectionModel()
        if selection_model is None or not self._ensure_layout():
            return
        selection = QItemSelection()
        rect = rect.normalized()
        offset = self.verticalOffset()
        tops = self._rows.tops()
        if self._rows and rect.top() + offset < tops[-1] and rect.bottom() + offset >= 0:
            first = self._row_at(rect.top() + offset)
            last = self._row_at(rect.bottom() + offset)
            model = self.model()
            selection.select(
                model.index(first, 0, self.rootIndex()), model.index(last, 0, self.rootIndex())
            )
        selection_model.select(selection, command)

    def visualRegionForSelection(self, selection: QItemSelection) -> QRegion:
        region = QRegion()
        if self._stale or len(self._rows) != self._row_count():
            return region
        viewport = self.viewport().rect()
        tops = self._rows.tops()
        offset = self.verticalOffset()
        rows = len(self._rows)
        for number in range(selection.size()):
            part = selection.at(number)
            if not part.isValid() or part.parent() != self.rootIndex():
                continue
            first, last = max(0, part.top()), min(rows - 1, part.bottom())
            if first > last:
                continue
            box = QRect(0, tops[first] - offset, viewport.width(), tops[last + 1] - tops[first])
            if box.intersects(viewport):
                region += box.intersected(viewport)
        return region

    # --- painting ------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        delegate = self.itemDelegate()
        model = self.model()
        if delegate is None or model is None or not self._ensure_layout():
            return
        painter = QPainter(self.viewport())
        area = event.rect()
        if self._backdrop is not None:
            painter.fillRect(area, self._backdrop)
        if not self._rows:
            self._paint_drop_indicator(painter)
            painter.end()
            return
        if self._settle_visible_in_paint():
            self._geometry_timer.start(0)
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        base_state = option.state
        area = event.rect()
        offset = self.verticalOffset()
        width = self.viewport().width()
        tops = self._rows.tops()
        first = self._row_at(area.top() + offset)
        last = self._row_at(area.bottom() + offset)
        current = self.currentIndex()
        focus = (self.hasFocus() or self.viewport().hasFocus()) and current.isValid()
        editing = self.state() == QAbstractItemView.State.EditingState
        selections = self.selectionModel()
        root = self.rootIndex()
        shown = self.whole_rows() if self.whole_cards_only else range(first, last + 1)
        for row in range(max(first, shown.start), min(last + 1, shown.stop)):
            index = model.index(row, 0, root)
            option.rect = QRect(0, tops[row] - offset, width, self._rows.height(row))
            state = base_state
            if selections is not None and selections.isSelected(index):
                state |= QStyle.StateFlag.State_Selected
            if focus and index == current:
                state |= QStyle.StateFlag.State_HasFocus
                if editing:
                    state |= QStyle.StateFlag.State_Editing
            option.state = state
            delegate.paint(painter, option, index)
        self._paint_drop_indicator(painter)
        painter.end()

    def whole_rows(self) -> range:
        """The rows whose cards show whole now; at least the first card in sight (one taller
        than the view, or the only one), so a view with cards never paints none."""
        if not self._ensure_layout() or not self._rows:
            return range(0)
        offset = self.verticalOffset()
        bottom = offset + self.viewport().height()
        tops = self._rows.tops()
        first = self._row_at(offset)
        if tops[first] < offset and first + 1 < len(self._rows) and tops[first + 2] <= bottom:
            first += 1  # cut at the top, with a whole card after it
        last = first
        while last + 1 < len(self._rows) and tops[last + 2] <= bottom:
            last += 1
        return range(first, last + 1)

    def _settle_visible_in_paint(self) -> bool:
        """The safety net: a row in sight still estimated is measured before it is painted
        (the scroll range follows on the next turn of the event loop)."""
        offset = self.verticalOffset()
        bottom = offset + self.viewport().height()
        changed = False
        for row in range(self._row_at(offset), self._row_at(bottom) + 1):
            if not self._rows.is_exact(row) and self._rows.set(row, *self._measure(row, True)):
                changed = True
        return changed

    def _paint_drop_indicator(self, painter: QPainter | None = None) -> None:
        if self._drop_rect.isNull() or self.state() != QAbstractItemView.State.DraggingState:
            return
        own = painter is None
        if painter is None:
            painter = QPainter(self.viewport())
        theme = getattr(self.itemDelegate(), "theme", None)
        colour = QColor(
            theme.selected_edge if theme is not None else self.palette().highlight().color()
        )
        pen = QPen(colour, 3)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        box = self._drop_rect
        if self._drop_line:
            y = max(2, min(self.viewport().height() - 2, box.top()))
            painter.drawLine(box.left() + 4, y, box.right() - 4, y)
        else:
            painter.drawRoundedRect(box.adjusted(2, 2, -2, -2), 6, 6)
        painter.restore()
        if own:
            painter.end()

    # --- drag and drop -------------------------------------------------------------------------

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        # Qt's own scrolling near an edge starts slow and starts again from slow at every
        # move of the mouse, so a hand held still at the top crawls; the drag scrolls here.
        self.setAutoScroll(False)
        try:
            super().dragMoveEvent(event)
        finally:
            self.setAutoScroll(True)
        self._drag_scroll.follow(event.position().toPoint())
        old = QRect(self._drop_rect)
        self._drop_rect, self._drop_line = QRect(), False
        if event.isAccepted() and self.showDropIndicator():
            self._drop_rect, self._drop_line = self._indicator(event.position().toPoint())
        if old != self._drop_rect:
            self.viewport().update()

    def drop_indicator(self) -> tuple[QRect, bool]:
        """Where the drag now hovering would land: (rect, True) a line between cards, (rect,
        False) the card it would stack onto, an empty rect when nothing is shown."""
        return QRect(self._drop_rect), self._drop_line

    def _indicator(self, point: QPoint) -> tuple[QRect, bool]:
        """Where a drop at `point` lands: a line between cards, or the card it stacks onto."""
        Position = QAbstractItemView.DropIndicatorPosition
        index = self.indexAt(point)
        where = self.dropIndicatorPosition()
        if index.isValid():
            box = self.visualRect(index)
            if where == Position.AboveItem:
                return QRect(box.left(), box.top(), box.width(), 0), True
            if where == Position.BelowItem:
                return QRect(box.left(), box.bottom() + 1, box.width(), 0), True
            if where == Position.OnItem:
                return box, False
            return QRect(), False
        # Empty space below the cards: the notes go to the end of the column.
        end = self._rows.total() - self.verticalOffset()
        return QRect(0, end, self.viewport().width(), 0), True

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._drag_scroll.stop()
        super().dragLeaveEvent(event)
        self._clear_drop_indicator()

    def dropEvent(self, event: QDropEvent) -> None:
        self._drag_scroll.stop()
        super().dropEvent(event)
        self._clear_drop_indicator()

    def _clear_drop_indicator(self) -> None:
        if not self._drop_rect.isNull():
            self._drop_rect = QRect()
            self.viewport().update()

    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        """Drag the selected cards with a picture of them. The model moves the notes when they
        are dropped, so nothing is removed here whatever the drop reports."""
        model = self.model()
        rows = sorted(
            i.row()
            for i in self.selectedIndexes()
            if model.flags(i) & Qt.ItemFlag.ItemIsDragEnabled
        )
        if not rows:
            return
        indexes = [model.index(r, 0, self.rootIndex()) for r in rows]
        mime = model.mimeData(indexes)
        if mime is None:
            return
        drag = QDrag(self)
        drag.setMimeData(mime)
        picture = self._drag_picture(indexes)
        if picture is not None:
            drag.setPixmap(picture)
            drag.setHotSpot(QPoint(picture.width() // 4, 8))
        default = self.defaultDropAction()
        if default == Qt.DropAction.IgnoreAction or not supportedActions & default:
            default = Qt.DropAction.MoveAction
        drag.exec(supportedActions, default)
        self._clear_drop_indicator()

    def _drag_picture(self, indexes: list[QModelIndex]) -> QPixmap | None:
        viewport = self.viewport().rect()
        shown = [(i, self.visualRect(i)) for i in indexes]
        shown = [(i, r) for i, r in shown if r.intersects(viewport)][:_DRAG_PICTURE_CARDS]
        if not shown:
            return None
        width = viewport.width()
        height = sum(r.height() for _, r in shown)
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(round(width * ratio), round(height * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        y = 0
        delegate = self.itemDelegate()
        for index, box in shown:
            option.rect = QRect(0, y, width, box.height())
            option.state = option.state | QStyle.StateFlag.State_Selected
            delegate.paint(painter, option, index)
            y += box.height()
        painter.end()
        return pixmap
