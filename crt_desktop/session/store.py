"""What the session core needs from storage: one method, so any store can plug in.

The app's SQLite/SQLAlchemy repository is one such store; a store that journals each change on
the laptop and ships it to a server off the interface thread is another. The protocol is kept
this small on purpose: the core never reads from the store, it only hands it each change.
"""

from __future__ import annotations

from typing import Protocol

from crt_desktop.domain.patch import Patch


class PatchStore(Protocol):
    def save_patch(self, session_id: int, patch: Patch) -> None:
        """Make one change durable before returning; raise StorageError when it cannot.

        `patch` holds the exact new state of every note it puts, the ids it removes and, when
        the session's own fields change, the whole new Session. Durable means committed, or
        written to a local journal that a store sends on later (from another thread, if it
        likes): the core applies the change to the board and shows it as soon as this returns.
        If it raises, the board, the history and the views stay exactly as they were.

        Called on the core's thread (the interface thread in the app), once per step: a new
        change, an undo (the patch is the step's inverse) or a redo."""
        ...
