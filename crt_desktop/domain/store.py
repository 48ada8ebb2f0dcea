"""What the rest of the app needs from storage, so that Qt code never imports storage itself."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol, cast

from .board import Board
from .patch import Patch
from .session import Session


@dataclass(frozen=True)
class SessionSummary:
    id: int
    held_on: date
    team: str
    section: int
    template: str
    note_count: int
    # When the session was made or imported: what tells two imports of one file apart.
    created_at: datetime | None = None


class StorageError(RuntimeError):
    """Storage failed (disk full, database locked, file damaged); the message is for people."""


class DamagedSessions(StorageError):
    """Some sessions' rows cannot be read (a damaged database); `readable` lists the rest,
    which can still be opened and exported. The message says so in one sentence."""

    def __init__(self, message: str, readable: list[SessionSummary]) -> None:
        super().__init__(message)
        self.readable = readable


def numbered(word: str, ids: list[int]) -> str:
    """ "session 3", "sessions 1 and 2", "sessions 1, 2 and 5" for a sentence."""
    shown = [str(i) for i in ids]
    if len(shown) == 1:
        return f"{word} {shown[0]}"
    return f"{word}s " + ", ".join(shown[:-1]) + " and " + shown[-1]


class SessionStore(Protocol):
    def list_sessions(self) -> list[SessionSummary]: ...

    def create_session(self, session: Session) -> Session:
        """Save a new session and return it with its id."""
        ...

    def load_board(self, session_id: int, *, remember: bool = True) -> Board:
        """The session's board; KeyError if there is no such session.

        `remember=False` reads a board only to look at it (another session of the team), so a
        store that keeps the open session's state for fast saves keeps that state."""
        ...

    def save_patch(self, session_id: int, patch: Patch) -> None:
        """Commit one change in one transaction before returning; StorageError on failure."""
        ...

    def save_board(self, board: Board) -> Session:
        """Save a whole new board (an import) in one transaction, all or nothing."""
        ...

    def delete_session(self, session_id: int) -> None:
        """Delete a session with all its notes and responses; KeyError if there is none."""
        ...


class PlanStore(Protocol):
    """Each team's plan of the twelve sections (kept apart from SessionStore on purpose)."""

    def team_names(self) -> list[str]:
        """Every team with a session or a plan, sorted by name."""
        ...

    def team_plan(self, team: str) -> dict[int, date]:
        """The team's planned dates by section number (unplanned sections are left out)."""
        ...

    def set_planned(self, team: str, section: int, planned_on: date | None) -> None:
        """Plan a section for a day (None: unplan it) in one committed transaction;
        ValidationError for a bad team name or section, StorageError on failure."""
        ...


def plan_store_of(store: object) -> PlanStore | None:
    """The store as a PlanStore when it keeps plans (the SQL store does), else None."""
    needed = ("team_names", "team_plan", "set_planned")
    return cast(PlanStore, store) if all(hasattr(store, n) for n in needed) else None
