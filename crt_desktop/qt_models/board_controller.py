"""The board controller: the Qt face of the session core (crt_desktop.session).

The core saves, applies and records every change; the controller only turns its outcome into
signals: `changed` with the step's Changes summary for the models, `message` with one sentence
when a change is refused or cannot be saved, `history_changed` for the undo and redo actions.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from crt_desktop.domain.board import Board
from crt_desktop.domain.operations import Operation
from crt_desktop.domain.store import StorageError
from crt_desktop.domain.validation import ValidationError
from crt_desktop.session import Changes, PatchStore, SessionCore

SAVE_FAILED = "That change could not be saved, so it was not made: {reason}"


class BoardController(QObject):
    """Runs operations through one SessionCore and announces each step."""

    # The Changes of one step (a change, an undo or a redo), once saved and applied.
    changed = Signal(object)
    # A sentence for the facilitator: a change was refused or could not be saved.
    message = Signal(str)
    # What undo and redo would do has changed (texts, enabled).
    history_changed = Signal()

    def __init__(self, board: Board, store: PatchStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.core = SessionCore(board, store)
        self.core.subscribe(self._announce)

    @property
    def board(self) -> Board:
        return self.core.board

    @property
    def session_id(self) -> int:
        return self.core.session_id

    def do(self, operation: Operation) -> bool:
        """Run one operation; False (and a message) if it was refused or not saved."""
        return self._run(lambda: self.core.do(operation), nothing=True)

    def undo(self) -> bool:
        return self._run(self.core.undo, nothing=False)

    def redo(self) -> bool:
        return self._run(self.core.redo, nothing=False)

    def _run(self, step: Callable[[], Changes | None], *, nothing: bool) -> bool:
        """`nothing`: what to answer when the step changed nothing (an empty change is fine,
        an undo with nothing to undo is not)."""
        try:
            changes = step()
        except ValidationError as exc:
            self.message.emit(str(exc))
            return False
        except StorageError as exc:
            self.message.emit(SAVE_FAILED.format(reason=exc))
            return False
        return nothing if changes is None else True

    def _announce(self, changes: Changes) -> None:
        self.changed.emit(changes)
        self.history_changed.emit()
