"""The start-up floor: import sqlalchemy.orm, show and paint one PySide6 window, quit.

Run as a script (it imports nothing from the app). Prints `first-paint <monotonic seconds>` when
the window has painted, the same way the app does under CRT_DESKTOP_QUIT_AFTER_FIRST_PAINT.
"""

from __future__ import annotations

import sys
import time

import sqlalchemy.orm  # noqa: F401  (the stack's own import cost is part of the floor)
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget


class _Probe(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self.window
        ):
            QApplication.instance().removeEventFilter(self)  # type: ignore[union-attr]
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        print(f"first-paint {time.clock_gettime(time.CLOCK_MONOTONIC):.6f}", flush=True)
        QApplication.quit()


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Floor")
    window.setCentralWidget(QLabel("A window"))
    window.resize(1366, 768)
    app.installEventFilter(_Probe(window))
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
