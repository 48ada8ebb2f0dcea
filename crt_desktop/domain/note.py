"""A sticky note and the leader's response to it. Notes carry no author, by design."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from .vocabulary import Kind, Level, ResponseStatus


def new_id() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True)
class ProgressUpdate:
    on: date
    text: str


@dataclass(frozen=True)
class Response:
    """A leader's answer to one "Leadership controls" item."""

    status: ResponseStatus = ResponseStatus.NOT_REVIEWED
    reason: str = ""
    # Set when the leader says change is truly impossible: the item is then not revisited.
    change_impossible: bool = False
    updates: tuple[ProgressUpdate, ...] = ()

    @property
    def revisit_later(self) -> bool:
        return self.status is ResponseStatus.UNLIKELY_TWO_YEARS and not self.change_impossible


@dataclass(frozen=True)
class Note:
    text: str
    kind: Kind = Kind.FATIGUE
    level: Level | None = None
    column: str = "unsorted"
    position: int = 0
    # Id of the note this one is stacked under (a duplicate); None for a note on its own or a
    # stack's top note.
    stack: str | None = None
    votes: int = 0
    hidden: bool = False
    leader_added: bool = False
    response: Response | None = None
    id: str = field(default_factory=new_id)
    # A structured card's parts as (part key, text) in the template's card-part order,
    # e.g. (("why", ...), ("what", ...), ("how", ...)); empty for a plain note.
    details: tuple[tuple[str, str], ...] = ()
    # For a leadership item carried into a later session of the same team: the id of the
    # note it continues (its response and updates are copied, so the history travels with it).
    carried_from: str | None = None

    def detail(self, key: str) -> str:
        """The text of one part of a structured card ("" when the card has no such part)."""
        for k, v in self.details:
            if k == key:
                return v
        return ""
