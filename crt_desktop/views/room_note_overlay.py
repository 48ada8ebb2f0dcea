"""A note too long for its column, shown whole over the room's board while it is selected.

On a small projector a long note's card can be taller than its column, so its end never
shows. When the facilitator selects such a note, the room sees it in a panel over the board,
its type made as large as lets every word fit; selecting another note (or adding one) puts the
panel away.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from crt_desktop.domain.note import Note
from crt_desktop.widgets.note_chips import chips
from crt_desktop.widgets.theme import NoteTheme

# The panel's share of the board it covers, on each side.
_SIDE_SHARE = 0.06
_TOP_SHARE = 0.1
# Type starts larger than the cards' (it has the board to itself) and steps down by this factor
# until the note fits (never below the floor).
_LARGEST_SHARE = 1.5
_STEP = 0.92
_FLOOR_SHARE = 0.4


class NoteOverlay(QFrame):
    def __init__(self, host: QWidget, theme: NoteTheme) -> None:
        super().__init__(host)
        self.setObjectName("noteOverlay")
        self.theme = theme
        self.note_id: str | None = None
        self._shown: tuple[object, ...] | None = None
        self.marks = QLabel()
        self.marks.setObjectName("noteOverlayMarks")
        self.text = QLabel()
        self.text.setObjectName("noteOverlayText")
        for label in (self.marks, self.text):
            label.setTextFormat(Qt.TextFormat.PlainText)  # the room's words, never markup
            label.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        box = self._box = QVBoxLayout(self)
        box.setContentsMargins(28, 22, 28, 22)
        box.setSpacing(12)
        box.addWidget(self.marks)
        box.addWidget(self.text, 1)
        self.hide()

    def show_note(self, note: Note, stack_count: int, points: float, *, kind: bool) -> None:
        """Show `note` whole, its type at most `points` (the note size in the room)."""
        host = self.parentWidget()
        shown = (note, stack_count, points, kind, host.size() if host is not None else None)
        if self.isVisible() and shown == self._shown:
            return  # asked again after every change to the board: nothing to redo
        self._shown = shown
        self.note_id = note.id
        colours = self.theme.kind(note.kind)
        self.setStyleSheet(
            f"QFrame#noteOverlay {{ background: {colours.fill}; border: 3px solid "
            f"{self.theme.selected_edge}; border-left: 16px solid {colours.edge}; }}"
            f"QLabel#noteOverlayText {{ color: {self.theme.note_text}; }}"
            f"QLabel#noteOverlayMarks {{ color: {colours.ink}; }}"
        )
        made = chips(note, stack_count, self.theme, console=False, kind=kind)
        self.marks.setText("  ·  ".join(chip.text for chip in made))
        self.marks.setVisible(bool(made))
        self.text.setText(note.text)
        self._place(self._fit(points))
        self.show()
        self.raise_()

    def put_away(self) -> None:
        self.note_id = None
        self._shown = None
        self.hide()

    def _area(self) -> QRect:
        host = self.parentWidget()
        assert host is not None
        area = host.rect()
        dx, dy = round(area.width() * _SIDE_SHARE), round(area.height() * _TOP_SHARE)
        return area.adjusted(dx, dy, -dx, -dy)

    def _place(self, needed: int) -> None:
        """As tall as the note needs (at most the area), centred over the board."""
        area = self._area()
        margins = self._box.contentsMargins()
        height = min(area.height(), needed + margins.top() + margins.bottom() + 12)
        top = area.top() + (area.height() - height) // 2
        self.setGeometry(QRect(area.left(), top, area.width(), height))

    def _fit(self, points: float) -> int:
        """The largest type, up to half as large again as `points`, at which the whole note
        fits the area; the height it then needs."""
        area = self._area()
        margins = self._box.contentsMargins()
        width = area.width() - margins.left() - margins.right() - 22
        room = area.height() - margins.top() - margins.bottom() - 12
        size = points * _LARGEST_SHARE
        floor = points * _FLOOR_SHARE
        while True:
            marks_font = _font(self.marks.font(), size * self.theme.chip_share, bold=True)
            text_font = _font(self.text.font(), size, bold=False)
            needed = self._height(text_font, self.text.text(), width)
            if not self.marks.isHidden():
                needed += self._height(marks_font, self.marks.text(), width) + 12
            if needed <= room or size <= floor:
                break
            size = max(floor, size * _STEP)
        self.marks.setFont(marks_font)
        self.text.setFont(text_font)
        return needed

    @staticmethod
    def _height(font: QFont, text: str, width: int) -> int:
        flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)
        return (
            QFontMetrics(font)
            .boundingRect(QRect(0, 0, max(1, width), 100000), flags, text)
            .height()
        )


def _font(base: QFont, points: float, *, bold: bool) -> QFont:
    font = QFont(base)
    font.setPointSizeF(max(8.0, points))
    font.setBold(bold)
    return font
