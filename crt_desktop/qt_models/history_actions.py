"""Undo and Redo as QActions driven by the session core: text and enabled follow its history."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from .board_controller import BoardController

UNDO_KEYS = ("Ctrl+Z",)
REDO_KEYS = ("Ctrl+Y", "Ctrl+Shift+Z")


class HistoryAction(QAction):
    """ "Undo move note" / "Redo move note", greyed out when there is nothing to undo or redo."""

    def __init__(self, controller: BoardController, *, redo: bool, parent: QObject) -> None:
        super().__init__(parent)
        self._controller = controller
        self._redo = redo
        self.triggered.connect(self._run)
        # A bound method, not a lambda: Qt disconnects it when the action goes away.
        controller.history_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        core = self._controller.core
        self.setText(core.redo_text if self._redo else core.undo_text)
        self.setEnabled(core.can_redo if self._redo else core.can_undo)

    def _run(self) -> None:
        if self._redo:
            self._controller.redo()
        else:
            self._controller.undo()
