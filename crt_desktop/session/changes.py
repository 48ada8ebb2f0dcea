"""The summary of one step (a change, an undo or a redo): what the views must refresh.

Computed once per step by the core, so that every model of both windows reads the same answer.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import Enum

from crt_desktop.domain.note import Note
from crt_desktop.domain.patch import Patch
from crt_desktop.domain.session import Session


class Direction(Enum):
    DO = "do"
    UNDO = "undo"
    REDO = "redo"
    RECEIVED = "received"  # saved elsewhere (another laptop's change), only applied here


@dataclass(frozen=True)
class Changes:
    """What one step changed. `label` names the step ("Move note"), whatever its direction."""

    label: str
    direction: Direction
    # Columns that lost, gained or reordered cards (the column before and after each note).
    columns: frozenset[str]
    # Notes whose card looks different (text, kind, votes, …); a note only moved is not here.
    faces: frozenset[str]
    # Every note added, changed or removed.
    notes: frozenset[str]
    # Names of the Session fields whose value changed ("screening", "tallies", "step", …).
    session_fields: frozenset[str]


def face_of(note: Note | None) -> tuple[object, ...] | None:
    """What a card shows; position and column are shown by where the card is."""
    if note is None:
        return None
    return (
        note.text,
        note.kind,
        note.level,
        note.votes,
        note.hidden,
        note.leader_added,
        note.details,
    )


def session_fields_changed(before: Session | None, after: Session | None) -> frozenset[str]:
    if before is None or after is None or before == after:
        return frozenset()
    return frozenset(
        f.name for f in fields(Session) if getattr(before, f.name) != getattr(after, f.name)
    )


def summarise(label: str, direction: Direction, applied: Patch, inverse: Patch) -> Changes:
    """The summary of `applied`, given the inverse that applying it returned."""
    before = {n.id: n for n in inverse.put}
    return Changes(
        label=label,
        direction=direction,
        columns=frozenset(n.column for n in (*applied.put, *inverse.put)),
        faces=frozenset(n.id for n in applied.put if face_of(before.get(n.id)) != face_of(n)),
        notes=frozenset((*(n.id for n in applied.put), *applied.remove)),
        session_fields=session_fields_changed(inverse.session, applied.session),
    )
