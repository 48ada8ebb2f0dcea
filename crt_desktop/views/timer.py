"""Countdown controls for the console: 5, 10 or 15 minutes, or any number; pause and clear."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QToolButton, QWidget

from crt_desktop.qt_models.countdown import Countdown
from crt_desktop.widgets.timer_display import TimerDisplay

PRESETS = (5, 10, 15)


class TimerControls(QWidget):
    def __init__(self, countdown: Countdown, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.countdown = countdown
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("Timer:"))
        for minutes in PRESETS:
            button = self._button(f"{minutes} min")
            button.setAccessibleName(f"Start a {minutes} minute timer")
            button.clicked.connect(lambda _=False, m=minutes: countdown.start(m))
            layout.addWidget(button)
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 180)
        self.minutes.setValue(20)
        self.minutes.setSuffix(" min")
        self.minutes.setAccessibleName("Minutes for the timer")
        layout.addWidget(self.minutes)
        start = self._button("Start")
        start.setAccessibleName("Start the timer with these minutes")
        start.clicked.connect(lambda: countdown.start(self.minutes.value()))
        layout.addWidget(start)
        self.pause = self._button("Pause")
        self.pause.clicked.connect(self.toggle_pause)
        layout.addWidget(self.pause)
        clear = self._button("Clear")
        clear.setAccessibleName("Clear the timer")
        clear.clicked.connect(countdown.reset)
        layout.addWidget(clear)
        self.display = TimerDisplay(countdown)
        self.display.setObjectName("consoleTimer")
        self.display.setMinimumWidth(self.display.fontMetrics().horizontalAdvance("Time's up") + 24)
        layout.addWidget(self.display)
        countdown.running_changed.connect(self._sync)
        countdown.changed.connect(self._changed)
        self._sync(countdown.running)

    @staticmethod
    def _button(text: str) -> QToolButton:
        """A compact button that Enter never presses (never a default button) and that leaves
        the focus where it was when clicked (in the note entry, usually): a countdown starts
        only when asked for."""
        button = QToolButton()
        button.setText(text)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        return button

    def toggle_pause(self) -> None:
        if self.countdown.running:
            self.countdown.pause()
        else:
            self.countdown.start()

    def _changed(self, _seconds: int) -> None:
        self._sync(self.countdown.running)

    def _sync(self, running: bool) -> None:
        self.pause.setText("Pause" if running else "Resume")
        self.pause.setEnabled(self.countdown.active and self.countdown.remaining() > 0)
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
