"""Scrolling a list while something is dragged near its top or bottom edge: the nearer the
edge, the faster, at the same speed up as down, and steady however the hand trembles."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, QTimer
from PySide6.QtWidgets import QScrollBar, QWidget

TICK_MS = 30
# The fastest speed, at the very edge: this share of the visible height per tick (about three
# screens a second); the edge band where scrolling happens is an eighth of the height.
FASTEST_SHARE = 0.1
BAND_SHARE = 0.125
BAND_MIN_PX = 24


class EdgeScroller(QObject):
    def __init__(
        self,
        viewport: Callable[[], QWidget],
        bar: Callable[[], QScrollBar],
        scrolled: Callable[[], None],
    ) -> None:
        super().__init__()
        self._viewport = viewport
        self._bar = bar
        self._scrolled = scrolled  # what was shown under the hand has moved
        self._step = 0
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    def follow(self, point: QPoint) -> None:
        """The drag is at `point` (viewport coordinates): scroll if it is near an edge."""
        self._step = self.step_for(point.y(), self._viewport().height())
        if self._step and not self._timer.isActive():
            self._timer.start()
        elif not self._step:
            self._timer.stop()

    @staticmethod
    def step_for(y: int, height: int) -> int:
        """Pixels to scroll per tick at height `y` of a view `height` tall (negative: up)."""
        if height <= 0:
            return 0
        band = max(BAND_MIN_PX, round(height * BAND_SHARE))
        fastest = max(4, round(height * FASTEST_SHARE))
        if y < band:
            depth = min(band, band - y)
            return -max(1, round(fastest * depth / band))
        last = height - 1  # the bottom row of pixels, as y = 0 is the top one
        if y > last - band:
            depth = min(band, y - (last - band))
            return max(1, round(fastest * depth / band))
        return 0

    def stop(self) -> None:
        self._step = 0
        self._timer.stop()

    def _tick(self) -> None:
        bar = self._bar()
        before = bar.value()
        bar.setValue(before + self._step)
        if bar.value() != before:
            self._scrolled()
        if (self._step < 0 and before <= bar.minimum()) or (
            self._step > 0 and before >= bar.maximum()
        ):
            self._timer.stop()
