"""Leadership items across teams: one plain record per item, filters, sorting and overdue.

An item is overdue when no leader has answered it (its status is still "not reviewed") some
weeks after its session: the toolkit's loop only works if leaders follow up, so those items
stand out. How many weeks is the organisation's choice (DEFAULT_OVERDUE_WEEKS otherwise).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from crt_desktop.domain.vocabulary import Kind, Level, ResponseStatus

DEFAULT_OVERDUE_WEEKS = 6


@dataclass(frozen=True, slots=True)
class OrgItem:
    """One leadership item of one team's session, as the organisation view lists it.

    `key` is (session id, note id): unique across the database."""

    session_id: int
    note_id: str
    team: str
    section: int
    held_on: date
    text: str
    votes: int
    kind: Kind
    level: Level | None
    column: str
    # The column's title on the item's board ("Leadership controls").
    column_title: str
    status: ResponseStatus
    reason: str
    last_update: date | None

    @property
    def key(self) -> tuple[int, str]:
        return (self.session_id, self.note_id)

    def waited_days(self, today: date) -> int:
        """Days since the session, or since the last progress update when there is one."""
        since = self.last_update if self.last_update is not None else self.held_on
        return max(0, (today - since).days)

    def is_overdue(self, today: date, weeks: int = DEFAULT_OVERDUE_WEEKS) -> bool:
        return self.status is ResponseStatus.NOT_REVIEWED and today - self.held_on >= timedelta(
            weeks=weeks
        )


@dataclass(frozen=True)
class ItemFilter:
    """What the user narrowed the list to; an empty set means "any"."""

    teams: frozenset[str] = field(default_factory=frozenset)
    sections: frozenset[int] = field(default_factory=frozenset)
    statuses: frozenset[ResponseStatus] = field(default_factory=frozenset)
    kinds: frozenset[Kind] = field(default_factory=frozenset)
    # Level None ("no level given") can be asked for too.
    levels: frozenset[Level | None] = field(default_factory=frozenset)
    held_from: date | None = None
    held_to: date | None = None
    overdue_only: bool = False

    def accepts(self, item: OrgItem, today: date, weeks: int = DEFAULT_OVERDUE_WEEKS) -> bool:
        return (
            (not self.teams or item.team in self.teams)
            and (not self.sections or item.section in self.sections)
            and (not self.statuses or item.status in self.statuses)
            and (not self.kinds or item.kind in self.kinds)
            and (not self.levels or item.level in self.levels)
            and (self.held_from is None or item.held_on >= self.held_from)
            and (self.held_to is None or item.held_on <= self.held_to)
            and (not self.overdue_only or item.is_overdue(today, weeks))
        )


def filtered(
    items: Iterable[OrgItem],
    wanted: ItemFilter,
    today: date,
    weeks: int = DEFAULT_OVERDUE_WEEKS,
) -> list[OrgItem]:
    return [item for item in items if wanted.accepts(item, today, weeks)]


# The columns the list can be sorted by, and the value each sorts on. Text sorts without
# regard to case; an empty value (no level, no update) sorts first.
SORT_KEYS: dict[str, Callable[[OrgItem, date], Any]] = {
    "team": lambda i, _t: (i.team.casefold(), i.team),
    "section": lambda i, _t: i.section,
    "held_on": lambda i, _t: i.held_on,
    "text": lambda i, _t: i.text.casefold(),
    "votes": lambda i, _t: i.votes,
    "kind": lambda i, _t: i.kind.value,
    "level": lambda i, _t: "" if i.level is None else i.level.value,
    "column": lambda i, _t: i.column_title.casefold(),
    "status": lambda i, _t: i.status.value,
    "reason": lambda i, _t: i.reason.casefold(),
    "last_update": lambda i, _t: date.min if i.last_update is None else i.last_update,
    "waited": lambda i, t: i.waited_days(t),
}


def sorted_items(
    items: Sequence[OrgItem], by: str, today: date, *, descending: bool = False
) -> list[OrgItem]:
    """The items sorted by one column; ties keep the order by team, date and note."""
    if by not in SORT_KEYS:
        raise ValueError(f"The list cannot be sorted by {by!r}.")
    key = SORT_KEYS[by]
    steady = sorted(items, key=lambda i: (i.team.casefold(), i.held_on, i.session_id, i.note_id))
    return sorted(steady, key=lambda i: key(i, today), reverse=descending)
