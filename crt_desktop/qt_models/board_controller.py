"""The board controller: one board, one undo stack, one store; every change goes through `do`.

A change is saved (committed) first, applied to the board second, and only then announced, so
nothing is shown as done that is not on disk. Errors become messages, never exceptions in Qt.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from crt_desktop.domain.board import Board
from crt_desktop.domain.operations import Operation
from crt_desktop.domain.patch import Patch, apply_patch
from crt_desktop.domain.store import SessionStore, StorageError
from crt_desktop.domain.validation import ValidationError

SAVE_FAILED = "That change could not be saved, so it was not made: {reason}"


class PatchCommand(QUndoCommand):
    """One applied change. The controller saves before asking the stack to undo or redo."""

    def __init__(self, controller: BoardController, patch: Patch, label: str) -> None:
        super().__init__(label)
        self._controller = controller
        self.patch = patch
        self.inverse = Patch()
        self._pushed = False

    def redo(self) -> None:
        self.inverse = self._controller._apply(self.patch)
        self._pushed = True

    def undo(self) -> None:
        self.patch = self._controller._apply(self.inverse)


class BoardController(QObject):
    """Owns the Board, its QUndoStack and the injected SessionStore."""

    # (patch just applied, its inverse): models read which notes changed from both.
    patched = Signal(object, object)
    # A sentence for the facilitator: a change was refused or could not be saved.
    message = Signal(str)

    def __init__(self, board: Board, store: SessionStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if board.session.id is None:
            raise ValueError("The board's session must be saved before it can be edited.")
        self.board = board
        self.store = store
        self.undo_stack = QUndoStack(self)

    @property
    def session_id(self) -> int:
        assert self.board.session.id is not None
        return self.board.session.id

    def do(self, operation: Operation) -> bool:
        """Validate, save, apply and record one operation; False (and a message) if refused."""
        try:
            patch = operation.patch(self.board)
        except ValidationError as exc:
            self.message.emit(str(exc))
            return False
        if patch.empty:
            return True
        if not self._save(patch):
            return False
        self.undo_stack.push(PatchCommand(self, patch, operation.label))
        return True

    def undo(self) -> bool:
        index = self.undo_stack.index()
        if index == 0:
            return False
        command = self.undo_stack.command(index - 1)
        assert isinstance(command, PatchCommand)
        if not self._save(command.inverse):
            return False
        self.undo_stack.undo()
        return True

    def redo(self) -> bool:
        index = self.undo_stack.index()
        if index >= self.undo_stack.count():
            return False
        command = self.undo_stack.command(index)
        assert isinstance(command, PatchCommand)
        if not self._save(command.patch):
            return False
        self.undo_stack.redo()
        return True

    def _save(self, patch: Patch) -> bool:
        try:
            self.store.save_patch(self.session_id, patch)
        except StorageError as exc:
            self.message.emit(SAVE_FAILED.format(reason=exc))
            return False
        return True

    def _apply(self, patch: Patch) -> Patch:
        inverse = apply_patch(self.board, patch)
        self.patched.emit(patch, inverse)
        return inverse
