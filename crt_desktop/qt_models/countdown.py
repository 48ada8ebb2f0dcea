"""A countdown shared by the console (controls) and the room view (large display).

It keeps a deadline on a monotonic clock, so the shown time never drifts however late the
ticks arrive."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QObject, QTimer, Signal


def format_seconds(seconds: int) -> str:
    minutes, secs = divmod(max(0, seconds), 60)
    return f"{minutes:02d}:{secs:02d}"


class Countdown(QObject):
    # Seconds left, whenever it changes (at least once a second while running).
    changed = Signal(int)
    running_changed = Signal(bool)
    # Reached zero on its own (not reset): views give their gentle end signal.
    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._total_ms = 0
        self._left_ms = 0  # while paused
        self._clock = QElapsedTimer()
        self._tick = QTimer(self)
        self._tick.setInterval(200)
        self._tick.timeout.connect(self._on_tick)
        self._last_shown = -1

    @property
    def running(self) -> bool:
        return self._tick.isActive()

    @property
    def active(self) -> bool:
        """A time is set (running, paused or finished): the room view shows the clock."""
        return self._total_ms > 0

    def remaining(self) -> int:
        """Whole seconds left, rounded up (a timer showing 00:00 has really ended)."""
        left = self._left_ms - self._clock.elapsed() if self.running else self._left_ms
        return max(0, -(-left // 1000))

    def start(self, minutes: float | None = None) -> None:
        """Start (or restart with `minutes`); without minutes, resume where it was paused."""
        if minutes is not None:
            self._total_ms = self._left_ms = max(1, round(minutes * 60_000))
        if self._left_ms <= 0:
            return
        self._clock.start()
        self._tick.start()
        self.running_changed.emit(True)
        self._emit_changed()

    def pause(self) -> None:
        if not self.running:
            return
        self._left_ms = max(0, self._left_ms - self._clock.elapsed())
        self._tick.stop()
        self.running_changed.emit(False)
        self._emit_changed()

    def reset(self) -> None:
        """Clear the timer; the room view hides it."""
        was_running = self.running
        self._tick.stop()
        self._total_ms = self._left_ms = 0
        if was_running:
            self.running_changed.emit(False)
        self._last_shown = -1
        self.changed.emit(0)

    def _on_tick(self) -> None:
        if self.remaining() > 0:
            self._emit_changed()
            return
        self._tick.stop()
        self._left_ms = 0
        self.running_changed.emit(False)
        self._emit_changed()
        self.finished.emit()

    def _emit_changed(self) -> None:
        shown = self.remaining()
        if shown != self._last_shown:
            self._last_shown = shown
            self.changed.emit(shown)
