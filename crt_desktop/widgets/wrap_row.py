"""A row of controls that wraps: its parts side by side when they fit, else one under another,
so a window on a 1024-pixel screen is never wider than the screen."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QWidget


def _min_width(widget: QWidget) -> int:
    return max(widget.minimumWidth(), widget.minimumSizeHint().width())


class WrapRow(QWidget):
    """Parts side by side (each with its stretch) while the row is wide enough for all of
    them, else each on its own line. Its minimum width is that of its widest part."""

    def __init__(self, parts: list[tuple[QWidget, int]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._parts = parts
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(8)
        self._grid.setVerticalSpacing(4)
        self.wrapped = False
        self._arrange()

    def one_line_width(self) -> int:
        """The width the parts need side by side."""
        spacing = self._grid.horizontalSpacing() * max(0, len(self._parts) - 1)
        return sum(_min_width(w) for w, _ in self._parts) + spacing

    def minimumSizeHint(self) -> QSize:
        height = super().minimumSizeHint().height()
        return QSize(max((_min_width(w) for w, _ in self._parts), default=0), height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wrapped = event.size().width() < self.one_line_width()
        if wrapped != self.wrapped:
            self.wrapped = wrapped
            self._arrange()

    def _arrange(self) -> None:
        while self._grid.count():
            self._grid.takeAt(0)
        for column in range(self._grid.columnCount()):
            self._grid.setColumnStretch(column, 0)
        for i, (widget, stretch) in enumerate(self._parts):
            if self.wrapped:
                self._grid.addWidget(widget, i, 0)
            else:
                self._grid.addWidget(widget, 0, i)
                self._grid.setColumnStretch(i, stretch)
        if self.wrapped:
            self._grid.setColumnStretch(0, 1)
        self.updateGeometry()
