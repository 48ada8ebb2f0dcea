"""Where each team stands over time: per session, what the room named and how leaders answered.

Counts only, like everything the organisation view shows: notes by column and kind and by
level, the share of leadership items answered, how much of the comprehensive components
checklist was done, and the team survey's average agreement at each stage.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from crt_desktop.domain.session import SURVEY, SURVEY_STAGES
from crt_desktop.domain.vocabulary import Kind, Level, ResponseStatus

from .items import OrgItem


@dataclass(frozen=True)
class SessionStanding:
    """One session of a team, in counts."""

    session_id: int
    team: str
    section: int
    held_on: date
    # (column key, kind) → notes the room saw.
    by_column_kind: Mapping[tuple[str, Kind], int] = field(default_factory=dict)
    # Level (None: no level given) → notes.
    by_level: Mapping[Level | None, int] = field(default_factory=dict)
    components_done: int = 0
    # Survey stage → (sum of answers 1..5, number of answers), over all its questions.
    survey: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    leadership_items: int = 0
    answered: int = 0

    @property
    def answered_share(self) -> float | None:
        return self.answered / self.leadership_items if self.leadership_items else None

    def survey_average(self, stage: str) -> float | None:
        total, people = self.survey.get(stage, (0, 0))
        return total / people if people else None

    def column_total(self, column: str) -> int:
        return sum(n for (c, _k), n in self.by_column_kind.items() if c == column)


def survey_totals(tallies: Iterable[tuple[str, int]]) -> dict[str, tuple[int, int]]:
    """Each stage's (sum of answers, number of answers) from a session's anonymous tallies."""
    sums: dict[str, list[int]] = {}
    for key, count in tallies:
        parts = key.split(":")
        if len(parts) != 4 or parts[0] != SURVEY or parts[1] not in SURVEY_STAGES:
            continue
        if not parts[3].isdigit() or not isinstance(count, int) or count < 0:
            continue  # not an answer this version knows, or a damaged count: leave it out
        total = sums.setdefault(parts[1], [0, 0])
        total[0] += int(parts[3]) * count
        total[1] += count
    return {stage: (t[0], t[1]) for stage, t in sums.items()}


def with_answers(
    sessions: Sequence[SessionStanding], items: Iterable[OrgItem]
) -> list[SessionStanding]:
    """The sessions with their leadership items counted, and how many have an answer."""
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for item in items:
        found = counts[item.session_id]
        found[0] += 1
        found[1] += item.status is not ResponseStatus.NOT_REVIEWED

    return [
        replace(s, leadership_items=counts[s.session_id][0], answered=counts[s.session_id][1])
        if s.session_id in counts
        else s
        for s in sessions
    ]


def by_team(sessions: Iterable[SessionStanding]) -> dict[str, list[SessionStanding]]:
    """Each team's sessions, oldest first; teams in name order (ignoring case)."""
    teams: dict[str, list[SessionStanding]] = defaultdict(list)
    for s in sessions:
        teams[s.team].append(s)
    return {
        team: sorted(teams[team], key=lambda s: (s.held_on, s.session_id))
        for team in sorted(teams, key=lambda t: (t.casefold(), t))
    }
