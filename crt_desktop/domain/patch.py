"""A patch is the exact change an operation makes to a board; applying one returns its inverse.

Every operation compiles to a patch against the current board, so every change has an exact
inverse, and storage saves precisely the notes a change touched.
"""

from __future__ import annotations

from dataclasses import dataclass

from .board import Board
from .note import Note
from .session import Session


@dataclass(frozen=True)
class Patch:
    put: tuple[Note, ...] = ()  # notes to add or replace, in their new state
    remove: tuple[str, ...] = ()  # ids of notes to delete
    session: Session | None = None  # the session's new state, when it changes

    @property
    def empty(self) -> bool:
        return not self.put and not self.remove and self.session is None


def apply_patch(board: Board, patch: Patch) -> Patch:
    """Apply a patch in place and return the patch that undoes it exactly."""
    restore: dict[str, Note] = {}
    drop: list[str] = []
    for note in patch.put:
        old = board.notes.get(note.id)
        if old is None:
            drop.append(note.id)
        else:
            restore[note.id] = old
        board.notes[note.id] = note
    for note_id in patch.remove:
        old = board.notes.pop(note_id)
        restore[note_id] = old
    old_session = None
    if patch.session is not None:
        old_session = board.session
        board.session = patch.session
    return Patch(put=tuple(restore.values()), remove=tuple(drop), session=old_session)
