"""A session: one meeting of one team on one section."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Session:
    team: str
    section: int
    held_on: date
    template: str
    facilitation_team: str = ""
    # When on, new notes stay hidden from the room until the facilitator reveals them.
    screening: bool = False
    # Assigned by storage; None until the session is saved.
    id: int | None = None
