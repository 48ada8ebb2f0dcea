"""Quitting from any window: Ctrl+Q closes every window as if closed by hand, so the open
session is put away properly, and the app ends with its last window."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget

QUIT_KEY = "Ctrl+Q"


def quit_app() -> None:
    QApplication.closeAllWindows()


def add_quit_key(window: QWidget) -> QShortcut:
    """Ctrl+Q in this window quits (for windows without a menu holding Quit)."""
    return QShortcut(QKeySequence(QUIT_KEY), window, quit_app)
