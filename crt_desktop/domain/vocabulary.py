"""The fixed words of the product: kinds, levels and leadership response statuses."""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    FATIGUE = "fatigue"
    RESILIENCE = "resilience"

    @property
    def label(self) -> str:
        return {"fatigue": "Fatigue", "resilience": "Resilience"}[self.value]


class Level(StrEnum):
    MINDSET = "mindset"
    TEAM = "team"
    SYSTEM = "system"

    @property
    def label(self) -> str:
        return {"mindset": "Individual mindset", "team": "Team pattern", "system": "System"}[
            self.value
        ]


class ResponseStatus(StrEnum):
    NOT_REVIEWED = "not_reviewed"
    THIS_YEAR = "this_year"
    NEXT_YEAR = "next_year"
    UNLIKELY_TWO_YEARS = "unlikely_two_years"
    NEEDS_CLARIFICATION = "needs_clarification"
    TEAM_ENGAGED = "team_engaged"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    ResponseStatus.NOT_REVIEWED: "Not reviewed yet",
    ResponseStatus.THIS_YEAR: "Exploring this year",
    ResponseStatus.NEXT_YEAR: "Exploring next year",
    ResponseStatus.UNLIKELY_TWO_YEARS: "Unlikely to change within two years",
    ResponseStatus.NEEDS_CLARIFICATION: "Needs clarification from staff",
    ResponseStatus.TEAM_ENGAGED: "A team is engaged to address it",
}

# Column keys the Section 4 control board uses; other templates bring their own.
UNSORTED = "unsorted"
I_CONTROL = "i_control"
LEADERSHIP_CONTROLS = "leadership_controls"
CANNOT_CONTROL = "cannot_control"
