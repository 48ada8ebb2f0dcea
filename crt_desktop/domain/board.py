"""A board: a session, its template's columns and its notes, with read-only queries."""

from __future__ import annotations

from dataclasses import dataclass, field

from .note import Note
from .session import Session
from .template import Template


@dataclass
class Board:
    session: Session
    template: Template
    notes: dict[str, Note] = field(default_factory=dict)

    def in_column(self, column: str) -> list[Note]:
        """Every note in a column, stacked ones included, in board order."""
        found = [n for n in self.notes.values() if n.column == column]
        found.sort(key=lambda n: (n.position, n.id))
        return found

    def cards(self, column: str) -> list[Note]:
        """The notes shown as cards in a column: stack members sit under their top note."""
        return [n for n in self.in_column(column) if n.stack is None]

    def stacked_under(self, note_id: str) -> list[Note]:
        members = [n for n in self.notes.values() if n.stack == note_id]
        members.sort(key=lambda n: (n.position, n.id))
        return members

    def stacks(self) -> dict[str, list[Note]]:
        """Every stack's members by top note id, in board order: one pass, for whole layouts."""
        members: dict[str, list[Note]] = {}
        for note in self.notes.values():
            if note.stack is not None:
                members.setdefault(note.stack, []).append(note)
        for group in members.values():
            group.sort(key=lambda n: (n.position, n.id))
        return members

    def snapshot(self) -> tuple[Session, dict[str, Note]]:
        """A value to compare boards by (notes are immutable, so a shallow copy is enough)."""
        return self.session, dict(self.notes)
