"""Run something once a window has painted for the first time."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class AfterFirstPaint(QObject):
    """Calls `action` once `window` has painted for the first time (or after a second, if it
    never paints: a minimised window), unless the window has closed by then."""

    def __init__(self, window: QWidget, action: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._action = action
        self._done = False
        app = QCoreApplication.instance()
        assert app is not None
        self._app = app
        app.installEventFilter(self)
        QTimer.singleShot(1000, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self._window
        ):
            self._app.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)  # after the rest of this paint
        return False

    def _run(self) -> None:
        if self._done:
            return
        self._done = True
        self._app.removeEventFilter(self)
        if self._window.isVisible():
            self._action()
