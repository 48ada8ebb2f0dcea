"""The session core: one board, its undo history and its store; every change goes through it.

A change is saved first and applied second: when the store refuses (StorageError), the board
and the history stay as they were. Undo and redo are changes too, saved the same way. Each step
returns one Changes summary and hands it to every listener, so the interface, the command line,
a store shipping changes to a server and notes arriving from phones all share one path.
No Qt here: the Qt side (qt_models.board_controller) turns summaries into model signals.
"""

from __future__ import annotations

from collections.abc import Callable

from crt_desktop.domain.board import Board
from crt_desktop.domain.operations import Operation
from crt_desktop.domain.patch import Patch, apply_patch

from .changes import Changes, Direction, summarise
from .history import History, Step
from .store import PatchStore

Listener = Callable[[Changes], None]


class SessionCore:
    """Owns the Board, its History and the PatchStore it saves to."""

    def __init__(self, board: Board, store: PatchStore) -> None:
        if board.session.id is None:
            raise ValueError("The board's session must be saved before it can be edited.")
        self.board = board
        self.store = store
        self.history = History()
        self._listeners: list[Listener] = []

    @property
    def session_id(self) -> int:
        assert self.board.session.id is not None
        return self.board.session.id

    def subscribe(self, listener: Listener) -> None:
        """Call `listener` with the summary of every step, after it is saved and applied."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    # --- steps -------------------------------------------------------------------------------

    def do(self, operation: Operation) -> Changes | None:
        """Validate, save, apply and record one operation; None when it changes nothing.

        Raises ValidationError (refused) or the store's StorageError (not saved, not made)."""
        patch = operation.patch(self.board)
        if patch.empty:
            return None
        self.store.save_patch(self.session_id, patch)
        inverse = apply_patch(self.board, patch)
        self.history.record(Step(operation.label, patch, inverse, operation.merge_key))
        return self._announce(summarise(operation.label, Direction.DO, patch, inverse))

    def undo(self) -> Changes | None:
        """Undo the last done step (None if there is none); StorageError if it cannot be saved."""
        step = self.history.to_undo()
        if step is None:
            return None
        redo = self._save_and_apply(step.inverse)
        self.history.undone(redo)
        return self._announce(summarise(step.label, Direction.UNDO, step.inverse, redo))

    def redo(self) -> Changes | None:
        """Redo the last undone step (None if there is none); StorageError if it cannot be saved."""
        step = self.history.to_redo()
        if step is None:
            return None
        inverse = self._save_and_apply(step.patch)
        self.history.redone(inverse)
        return self._announce(summarise(step.label, Direction.REDO, step.patch, inverse))

    def receive(self, patch: Patch, label: str = "Change") -> Changes | None:
        """Apply a change already saved elsewhere (another laptop's, read back from a shared
        server) without saving it again, and announce it. The undo history is cleared: its
        steps were computed against the board as it was before."""
        if patch.empty:
            return None
        inverse = apply_patch(self.board, patch)
        self.history.clear()
        return self._announce(summarise(label, Direction.RECEIVED, patch, inverse))

    # --- what the menus show -----------------------------------------------------------------

    @property
    def can_undo(self) -> bool:
        return self.history.to_undo() is not None

    @property
    def can_redo(self) -> bool:
        return self.history.to_redo() is not None

    @property
    def undo_text(self) -> str:
        """ "Undo move note", or plain "Undo" when there is nothing to undo."""
        step = self.history.to_undo()
        return f"Undo {step.label.lower()}" if step else "Undo"

    @property
    def redo_text(self) -> str:
        step = self.history.to_redo()
        return f"Redo {step.label.lower()}" if step else "Redo"

    def _save_and_apply(self, patch: Patch) -> Patch:
        self.store.save_patch(self.session_id, patch)
        return apply_patch(self.board, patch)

    def _announce(self, changes: Changes) -> Changes:
        for listener in tuple(self._listeners):
            listener(changes)
        return changes
