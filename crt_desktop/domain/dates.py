"""Dates written out for people the same way everywhere, whatever the computer's language."""

from __future__ import annotations

from datetime import date

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def written_date(day: date, *, short: bool = False) -> str:
    """e.g. "20 November 2026", or with `short` "20 Nov 2026"."""
    month = MONTHS[day.month - 1]
    return f"{day.day} {month[:3] if short else month} {day.year}"
