"""Paints a sticky note: its whole text wrapped, its kind by colour, shape and word, its level,
votes, stack count, leader mark and (console only) a "hidden from the room" mark.

User text is laid out with QTextLayout, which never interprets markup, so `Tom & Jerry <b>bold`
shows literally. Layouts and sizes are cached: a repaint does no text shaping, and a relayout
of a column asks only the cards a change touched. Cards out of sight, or in a view not shown
yet, may get estimates without shaping any text (`measure`); views measure a card exactly
before painting it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from crt_desktop.domain.note import Note
from crt_desktop.qt_models.column_model import NoteRole
from crt_desktop.session import face_of

from .card_source import card_source
from .note_chips import Chip, chips
from .note_editor import NoteEditor
from .theme import NoteTheme

Index = QModelIndex | QPersistentModelIndex
_CACHE_LIMIT = 4000
# Layouts and pictures are kept for cards being painted only (a few screens' worth): sizing
# keeps heights alone, so 500 notes do not hold 500 laid-out texts and pictures in memory.
_LAYOUT_LIMIT = 300
_PIXMAP_LIMIT = 150


@dataclass
class _Picture:
    """A card as painted at one face and paint key: its picture once painted twice alike."""

    painted: bool = False
    pixmap: QPixmap | None = None


def _layout_text(text: str, font: QFont, width: float) -> tuple[QTextLayout, float]:
    # Break at spaces, or anywhere in a word too long for a line: never cut text off.
    layout = QTextLayout(text.replace("\n", "\u2028"), font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    y = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(1.0, width))
        line.setPosition(QPointF(0, y))
        y += line.height()
    layout.endLayout()
    return layout, y


class NoteDelegate(QStyledItemDelegate):
    def __init__(
        self, theme: NoteTheme, *, console: bool = True, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.theme = theme
        self.console = console
        # By note id: (note, stack count, text width, size, face); the note itself is checked
        # first, as that is the cheapest test, then the face (a moved note shows the same).
        self._sizes: dict[str, tuple[Note, int, int, QSize, tuple[object, ...] | None]] = {}
        self.set_body_points(theme.body_pt)

    # --- sizes -------------------------------------------------------------------------------

    def set_body_points(self, points: float) -> None:
        """Change the note text size (the room view's text-size control); views relayout."""
        self.body_font = QFont()
        self.body_font.setPointSizeF(points)
        self.chip_font = QFont()
        self.chip_font.setPointSizeF(max(8.0, points * self.theme.chip_share))
        self.chip_font.setBold(True)
        em = QFontMetricsF(self.body_font).height()
        self.margin = max(3, round(em * 0.18))
        self.padding = max(6, round(em * 0.3))
        self.stripe = max(5, round(em * 0.3))
        self._insets = 2 * self.margin + 2 * self.padding + self.stripe
        self._line_height = em
        self._char_width = QFontMetricsF(self.body_font).averageCharWidth()
        self._chip_height = QFontMetricsF(self.chip_font).height()
        self._sizes.clear()
        # New caches for the new size, each forgetting the least recently used: laid-out texts
        # for the cards being painted (a few screens' worth), text heights for sizing, and the
        # cards' pictures by (note id, face, paint key).
        font = self.body_font

        @lru_cache(maxsize=_LAYOUT_LIMIT)
        def laid_out(text: str, width: int) -> tuple[QTextLayout, float]:
            return _layout_text(text, font, width)

        @lru_cache(maxsize=_CACHE_LIMIT)
        def text_height(text: str, width: int) -> float:
            return laid_out(text, width)[1]

        @lru_cache(maxsize=_PIXMAP_LIMIT)
        def picture(_note_id: str, _face: object, _key: tuple[object, ...]) -> _Picture:
            return _Picture()

        self._laid_out = laid_out
        self._text_height_at = text_height
        self._picture = picture

    def _text_width(self, option: QStyleOptionViewItem) -> float:
        view = option.widget
        room = getattr(view, "card_room", None)
        if room is not None:  # a ColumnView, which keeps its width until it is resized
            return max(40.0, room() - self._insets)
        if not isinstance(view, QAbstractScrollArea):
            return 200.0
        # Leave room for a scroll bar whether or not it shows now, so a bar appearing never
        # narrows the notes under sizes computed without it (text would be cut off).
        width = view.contentsRect().width()
        if view.verticalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
            width -= view.verticalScrollBar().sizeHint().width()
        return max(40.0, width - self._insets)

    def _text(self, text: str, width: float) -> tuple[QTextLayout, float]:
        """The laid-out text, for painting: the most recently painted are kept."""
        return self._laid_out(text, round(width))

    def _text_height(self, text: str, width: float) -> float:
        """The text's height, for sizing. Views measure exactly only cards about to be painted,
        so the laid-out text is kept with the painted ones."""
        return self._text_height_at(text, round(width))

    @staticmethod
    def _fitting(items: list[Chip], width: float, fm: QFontMetricsF) -> list[Chip]:
        """Chips too wide for a line on their own are split at spaces, never cut off."""
        out: list[Chip] = []
        for chip in items:
            extra = fm.height() * 0.9 if chip.shape else 0
            if fm.horizontalAdvance(chip.text) + extra <= width or " " not in chip.text:
                out.append(chip)
                continue
            first, *rest = chip.text.split(" ")
            out.append(Chip(first, chip.colour, chip.shape))
            out.extend(Chip(word, chip.colour) for word in rest)
        return out

    def _chip_rows(self, items: list[Chip], width: float) -> list[list[tuple[Chip, float]]]:
        """Pack the chips into as few lines as fit the width."""
        fm = QFontMetricsF(self.chip_font)
        gap = fm.height() * 0.6
        if not items:
            return []
        rows: list[list[tuple[Chip, float]]] = [[]]
        used = 0.0
        for chip in self._fitting(items, width, fm):
            w = fm.horizontalAdvance(chip.text) + (fm.height() * 0.9 if chip.shape else 0)
            if rows[-1] and used + gap + w > width:
                rows.append([])
                used = 0.0
            used += (gap if rows[-1] else 0) + w
            rows[-1].append((chip, w))
        return rows

    @staticmethod
    def _card(index: Index) -> tuple[Note | None, int]:
        source = card_source(index.model())
        if source is not None:  # the fast path: no QVariant round trips
            return source.card(index.row())
        return index.data(NoteRole.NOTE), index.data(NoteRole.STACK_COUNT) or 0

    @staticmethod
    def _shown(index: Index, note: Note) -> tuple[str, int]:
        """The card's text as shown (number, text, parts) and, for a card past the number a
        ranked column keeps, that number (else 0)."""
        source = card_source(index.model())
        return (note.text, 0) if source is None else source.shown(note)

    @staticmethod
    def _shows_kind(index: Index) -> bool:
        source = card_source(index.model())
        return source is None or source.kinds_shown()

    def chip_texts(self, index: Index) -> list[str]:
        """The labels a card shows under its text, in order (what a sighted reader sees)."""
        note, count = self._card(index)
        if note is None:
            return []
        past = self._shown(index, note)[1]
        made = chips(
            note, count, self.theme, console=self.console, past=past, kind=self._shows_kind(index)
        )
        return [chip.text for chip in made]

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        note, count = self._card(index)
        if note is None:
            return super().sizeHint(option, index)
        view = option.widget
        estimate = view is not None and not view.isVisible()
        return self._size(index, note, count, round(self._text_width(option)), estimate)[0]

    def measure(self, index: Index, room: int, *, exact: bool) -> tuple[int, bool]:
        """A card's height in a view whose cards are `room` wide, and whether it is exact.
        Without `exact`, a card not sized at that width yet gets an estimate from font metrics
        (no text shaping): views size cards out of sight so until they come into sight."""
        note, count = self._card(index)
        if note is None:
            return 0, True
        width = round(max(40.0, room - self._insets))
        size, known = self._size(index, note, count, width, not exact)
        return size.height(), known

    def _size(
        self, index: Index, note: Note, count: int, width: int, estimate: bool
    ) -> tuple[QSize, bool]:
        """The card's size at a text width, from the cache when the card shows the same; with
        `estimate`, a card not in the cache gets an estimate (and False)."""
        text, past = self._shown(index, note)
        cached = self._sizes.get(note.id)
        plain = text is note.text and not past  # a card showing no number or parts
        if plain and cached is not None and cached[0] is note and cached[1:3] == (count, width):
            return cached[3], True
        face = (face_of(note), text, past)
        if cached is not None and cached[4] == face and cached[1:3] == (count, width):
            self._sizes[note.id] = (note, count, width, cached[3], face)
            return cached[3], True
        if estimate:
            return self._estimate(text, count, width), False
        if len(self._sizes) > _CACHE_LIMIT:
            self._sizes.clear()
        text_h = self._text_height(text, width)
        kind = self._shows_kind(index)
        items = chips(note, count, self.theme, console=self.console, past=past, kind=kind)
        rows = len(self._chip_rows(items, width))
        size = QSize(width, self._height(text_h, rows, count))
        self._sizes[note.id] = (note, count, width, size, face)
        return size, True

    def _height(self, text_h: float, chip_rows: int, count: int) -> int:
        stack_room = self.margin if count else 0
        chips_h = self.padding * 0.6 + chip_rows * self._chip_height * 1.15 if chip_rows else 0
        body = text_h + chips_h
        return round(body + 2 * self.padding + 2 * self.margin + stack_room)

    def _estimate(self, text: str, count: int, width: int) -> QSize:
        """A size from font metrics alone, for a card out of sight (measured when in sight)."""
        per_line = max(1, int(width / max(1.0, self._char_width)))
        lines = len(text) // per_line + 1 + text.count("\n")
        return QSize(width, self._height(lines * self._line_height, 2, count))

    # --- painting ----------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        note, count = self._card(index)
        if note is None:
            return
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        focused = bool(state & QStyle.StateFlag.State_HasFocus) and self.console
        box = option.rect
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        key = (count, selected, focused, box.width(), box.height(), ratio)
        text, past = self._shown(index, note)
        face = (face_of(note), text, past)
        picture = self._picture(note.id, face, key)
        if picture.pixmap is not None:
            painter.drawPixmap(box.topLeft(), picture.pixmap)
            return
        # The first paint draws the card straight; a card painted again as it was (moves and
        # scrolling repaint the cards around them) is drawn once into a picture that later
        # repaints only copy. Cards never repainted cost no picture memory.
        target: QPainter = painter
        origin = QRectF(box)
        if picture.painted:
            pixmap = QPixmap(round(box.width() * ratio), round(box.height() * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            target = QPainter(pixmap)
            origin = QRectF(0, 0, box.width(), box.height())
        self._paint_card(
            target,
            origin,
            note,
            count,
            selected,
            focused,
            self._text_width(option),
            text=text,
            past=past,
            kind=self._shows_kind(index),
        )
        if picture.painted:
            target.end()
            painter.drawPixmap(box.topLeft(), pixmap)
            picture.pixmap = pixmap
        picture.painted = True

    def _paint_card(
        self,
        painter: QPainter,
        box: QRectF,
        note: Note,
        count: int,
        selected: bool,
        focused: bool,
        width: float,
        *,
        text: str | None = None,
        past: int = 0,
        kind: bool = True,
    ) -> None:
        rect = box.adjusted(self.margin, self.margin, -self.margin, -self.margin)
        if count:
            rect.adjust(0, 0, -self.margin, -self.margin)
        colours = self.theme.kind(note.kind)
        fill = QColor(self.theme.hidden_fill if note.hidden and self.console else colours.fill)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        radius = self.margin * 1.5
        if count:  # a pile: one sheet peeking out behind the top note
            behind = rect.translated(self.margin, self.margin)
            painter.setPen(QPen(QColor(colours.edge), 1))
            painter.setBrush(QBrush(fill.darker(110)))
            painter.drawRoundedRect(behind, radius, radius)
        edge = QPen(QColor(self.theme.selected_edge if selected else colours.edge))
        edge.setWidthF(3.0 if selected else 1.0)
        if note.hidden and self.console:
            edge.setStyle(Qt.PenStyle.DashLine)
            edge.setWidthF(max(edge.widthF(), 2.0))
        painter.setPen(edge)
        painter.setBrush(QBrush(fill))
        painter.drawRoundedRect(rect, radius, radius)
        stripe = QRectF(rect.left(), rect.top(), self.stripe, rect.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colours.edge))
        painter.drawRoundedRect(stripe, radius / 2, radius / 2)
        if focused:
            focus = QPen(QColor(self.theme.selected_edge), 1, Qt.PenStyle.DotLine)
            painter.setPen(focus)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(3, 3, -3, -3), radius, radius)

        x = rect.left() + self.stripe + self.padding
        y = rect.top() + self.padding
        layout, text_h = self._text(note.text if text is None else text, width)
        painter.setPen(QColor(self.theme.note_text))
        layout.draw(painter, QPointF(x, y))
        y += text_h + self.padding * 0.6
        made = chips(note, count, self.theme, console=self.console, past=past, kind=kind)
        self._paint_chips(painter, made, x, y, width)
        painter.restore()

    def _paint_chips(
        self, painter: QPainter, items: list[Chip], x: float, y: float, width: float
    ) -> None:
        fm = QFontMetricsF(self.chip_font)
        h = fm.height()
        gap = h * 0.6
        painter.setFont(self.chip_font)
        for row in self._chip_rows(items, width):
            cx = x
            for chip, w in row:
                colour = QColor(chip.colour)
                tx = cx
                if chip.shape:
                    box = QRectF(cx, y + h * 0.2, h * 0.6, h * 0.6)
                    self._paint_shape(painter, chip.shape, box, colour)
                    tx += h * 0.9
                painter.setPen(colour)
                painter.drawText(QPointF(tx, y + fm.ascent()), chip.text)
                cx += w + gap
            y += h * 1.15

    @staticmethod
    def _paint_shape(painter: QPainter, shape: str, box: QRectF, colour: QColor) -> None:
        path = QPainterPath()
        if shape == "down":  # fatigue drains: a triangle pointing down
            path.moveTo(box.topLeft())
            path.lineTo(box.topRight())
            path.lineTo(QPointF(box.center().x(), box.bottom()))
        else:  # resilience sustains: a triangle pointing up
            path.moveTo(box.bottomLeft())
            path.lineTo(box.bottomRight())
            path.lineTo(QPointF(box.center().x(), box.top()))
        path.closeSubpath()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPath(path)

    # --- editing -----------------------------------------------------------------------------

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = NoteEditor(parent)
        editor.setFont(self.body_font)
        editor.submitted.connect(lambda: self._submit(editor))
        return editor

    def _submit(self, editor: NoteEditor) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, NoteEditor):
            editor.setPlainText(index.data(Qt.ItemDataRole.EditRole) or "")
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: object, index: Index) -> None:
        if isinstance(editor, NoteEditor) and hasattr(model, "setData"):
            text = editor.toPlainText()
            if text != index.data(Qt.ItemDataRole.EditRole):
                model.setData(index, text, Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        rect = option.rect
        editor.setGeometry(rect.adjusted(self.margin, self.margin, -self.margin, -self.margin))
