"""A team's plan: the day each of the toolkit's twelve sections is planned for, if any."""

from __future__ import annotations

from collections.abc import Mapping
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


def check_section(section: int) -> int:
    """The section number if it is one of the twelve, else ValidationError."""
    if section not in SECTIONS:
        raise ValidationError(f"There is no section {section}; the sections are 1 to 12.")
    return section


def clean_entry(team: str, section: int, planned_on: date | None) -> PlanEntry:
    """A plan entry as it will be stored: the team's name tidied, the section checked."""
    return PlanEntry(clean_name(team, "team"), check_section(section), planned_on)


def plan_entries(team: str, planned: Mapping[int, date]) -> list[PlanEntry]:
    """The team's whole plan, one entry per section in order (unplanned ones without a date)."""
    return [PlanEntry(team, section, planned.get(section)) for section in SECTIONS]
