"""Message boxes that show their text as it is: a team name or an error may hold `<b>` or `&`,
which Qt would otherwise take for rich text. Every message box of the app is built here."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

Icon = QMessageBox.Icon


def message_box(
    parent: QWidget | None, title: str, text: str, *, details: str = "", icon: Icon = Icon.Warning
) -> QMessageBox:
    """A message box (not yet shown) whose text and details are plain text."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    if details:
        # The informative text follows the main text's format.
        box.setInformativeText(details)
    return box


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the facilitator something went wrong, and wait until they have read it."""
    box = message_box(parent, title, text)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


def fail(parent: QWidget | None, title: str, text: str) -> None:
    """Like `warn`, for a failure that stops the app."""
    box = message_box(parent, title, text, icon=Icon.Critical)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


def ask(parent: QWidget | None, title: str, text: str, yes: str, *, details: str = "") -> bool:
    """Ask before doing something: True when the facilitator chose `yes`, not Cancel."""
    box = message_box(parent, title, text, details=details, icon=Icon.Question)
    chosen = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is chosen
