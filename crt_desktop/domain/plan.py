"""A team's plan: the day each of the toolkit's twelve sections is planned for, if any."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .validation import ValidationError, clean_name

SECTIONS = tuple(range(1, 13))


@dataclass(frozen=True)
class PlanEntry:
    team: str
    section: int
    # None: not planned yet.
    planned_on: date | None = None


def team_key(name: str) -> str:
    """What two spellings of one team share: "Outpatient  Nursing" is "outpatient nursing"."""
    return " ".join(name.split()).casefold()


def same_team(a: str, b: str) -> bool:
    return team_key(a) == team_key(b)


def check_section(section: int) -> int:
    """The section number if it is one of the twelve, else ValidationError."""
    if section not in SECTIONS:
        raise ValidationError(f"There is no section {section}; the sections are 1 to 12.")
    return section


def clean_entry(team: str, section: int, planned_on: date | None) -> PlanEntry:
    """A plan entry as it will be stored: the team's name tidied, the section checked."""
    return PlanEntry(clean_name(team, "team"), check_section(section), planned_on)
