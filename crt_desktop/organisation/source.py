"""What the organisation window is handed: where its data comes from and how it is exported.

Built by the app (storage and export behind it); the window sees only these protocols, so it
never reaches the database or a file format itself."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Protocol

from .items import OrgItem
from .recurring import DriverGroup, DriverNote, NoteKey, StoredGroup
from .teams import SessionStanding


class OrganisationSource(Protocol):
    def leadership_items(self) -> list[OrgItem]: ...

    def driver_notes(self) -> list[DriverNote]: ...

    def standings(self) -> list[SessionStanding]: ...

    def stored_groups(self) -> list[StoredGroup]: ...

    def make_group(self, members: Iterable[NoteKey], name: str = "") -> int: ...

    def merge_groups(self, group_ids: Iterable[int], extra: Iterable[NoteKey] = ()) -> int: ...

    def rename_group(self, group_id: int, name: str) -> None: ...

    def ungroup(self, members: Iterable[NoteKey]) -> None: ...


class ExportFailed(Exception):
    """A file could not be written; the message is one sentence naming it."""


# (items, target, today, overdue weeks, recurring driver of an item) → the file written.
WriteItems = Callable[[Sequence[OrgItem], Path, date, int, Callable[[OrgItem], str]], Path]


class WritePdf(Protocol):
    """Writes the organisation PDF; `progress(done, total)` is told as its items are laid out
    (it may raise to stop the writing, which then leaves no file)."""

    def __call__(
        self,
        items: Sequence[OrgItem],
        drivers: Sequence[DriverGroup],
        teams: dict[str, list[SessionStanding]],
        path: Path,
        today: date,
        weeks: int,
        progress: Callable[[int, int], None],
    ) -> Path: ...


@dataclass(frozen=True)
class OrganisationServices:
    """The window's services; the writers raise ExportFailed when the file cannot be written."""

    source: OrganisationSource
    write_csv: WriteItems
    team_svg: Callable[[Sequence[SessionStanding]], str]
    describe_team: Callable[[Sequence[SessionStanding]], list[str]]
    write_pdf: WritePdf
