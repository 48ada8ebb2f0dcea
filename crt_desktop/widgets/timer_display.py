"""The countdown shown in large type, with a gentle end signal: a slow, soft glow and the words
"Time's up" — never a sound."""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, Qt, QVariantAnimation
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QWidget

from crt_desktop.qt_models.countdown import Countdown, format_seconds

END_TEXT = "Time's up"


class TimerDisplay(QLabel):
    def __init__(
        self, countdown: Countdown, *, glow: str = "#3A6EA5", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.countdown = countdown
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAccessibleName("Timer")
        self._glow = QColor(glow)
        self._pulse = QVariantAnimation(self)
        self._pulse.setStartValue(0.0)
        self._pulse.setKeyValueAt(0.5, 1.0)
        self._pulse.setEndValue(0.0)
        self._pulse.setDuration(2400)
        self._pulse.setLoopCount(3)
        self._pulse.setEasingCurve(QEasingCurve.Type.InOutSine)
        self._pulse.valueChanged.connect(self._paint_glow)
        countdown.changed.connect(self._show)
        countdown.finished.connect(self._finish)
        self._show(countdown.remaining())

    @property
    def ended(self) -> bool:
        return self.text() == END_TEXT

    def _show(self, seconds: int) -> None:
        self._pulse.stop()
        self.setStyleSheet("")
        self.setVisible(self.countdown.active)
        self.setText(format_seconds(seconds))

    def _finish(self) -> None:
        self.setText(END_TEXT)
        self._pulse.start()

    def _paint_glow(self, value: object) -> None:
        strength = float(value) if isinstance(value, float) else 0.0
        colour = QColor(self._glow)
        colour.setAlphaF(0.15 + 0.5 * strength)
        self.setStyleSheet(
            f"background: {colour.name(QColor.NameFormat.HexArgb)}; border-radius: 12px;"
        )
