"""Floating lines over the foot of the board (the message banner, the blank notice)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

OVERLAY_MARGIN = 14


class FootOverlays(QObject):
    """Keeps the floating lines over the foot of the board, the first lowest, as the window
    resizes: columns fill from the top, so their titles and first cards stay in sight."""

    def __init__(self, area: QWidget, bottom: Callable[[], int], lines: list[QWidget]) -> None:
        super().__init__(area)
        self.area = area
        self.bottom = bottom
        self.lines = lines
        # Goes with the board: never fires once the window is gone.
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.timeout.connect(self.place)
        area.installEventFilter(self)
        for line in lines:
            line.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide):
            self._later.start(0)
        return False

    def place(self) -> None:
        y = self.bottom()
        width = max(100, self.area.width() - 2 * OVERLAY_MARGIN)
        for line in self.lines:
            if line.isHidden():
                continue
            height = line.heightForWidth(width) if line.hasHeightForWidth() else -1
            height = max(height, line.sizeHint().height())
            y -= height
            line.setGeometry(OVERLAY_MARGIN, y, width, height)
            line.raise_()
            y -= 4
