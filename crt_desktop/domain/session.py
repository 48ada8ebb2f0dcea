"""A session: one meeting of one team on one section.

Besides the board, a session keeps a little state for the section's tools: which items of the
comprehensive components checklist are done, the activity step and discussion prompt on show,
and anonymous tallies. A tally is a count only (dots per column, survey answers), never who.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from .validation import ValidationError

# Tally keys: `dots:<column>` for Section 3's dots, `survey:<stage>:<question>:<answer>`.
DOTS = "dots"
SURVEY = "survey"
SURVEY_STAGES = ("pre", "mid", "post")
# A part of a tally key: a column key, a survey question or an answer.
KEY_PART = re.compile(r"[A-Za-z0-9_-]{1,64}")
MAX_TALLY = 1_000_000


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
    # Keys of the comprehensive components ticked for this session (content().components).
    components: frozenset[str] = field(default_factory=frozenset)
    # The section's activity step the facilitator is on (an index into Section.steps).
    step: int = 0
    # The discussion prompt shown to the room (an index into Section.prompts); None: none.
    prompt: int | None = None
    # Anonymous counts by tally key, sorted by key, without zero counts.
    tallies: tuple[tuple[str, int], ...] = ()
    # Assigned by storage, random and unique across databases; "" until saved. Not part of
    # what makes two sessions alike (a copy read from a file is the same session's content).
    uid: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        # One canonical form, so that equal sessions compare equal however they were built.
        object.__setattr__(self, "components", frozenset(self.components))
        counts = {str(k): int(n) for k, n in self.tallies}  # a repeated key: the last wins
        kept = tuple(sorted((k, n) for k, n in counts.items() if n != 0))
        object.__setattr__(self, "tallies", kept)


def dots_key(column: str) -> str:
    """The tally key counting the dots placed in a column."""
    return f"{DOTS}:{column}"


def survey_key(stage: str, question: str, answer: str) -> str:
    """The tally key counting one answer to one survey question at one stage."""
    return f"{SURVEY}:{stage}:{question}:{answer}"


def check_tally_key(key: str) -> str:
    """The key if it has one of the two known shapes, else ValidationError."""
    parts = key.split(":")
    ok = (parts[0] == DOTS and len(parts) == 2) or (
        parts[0] == SURVEY and len(parts) == 4 and parts[1] in SURVEY_STAGES
    )
    if not ok or not all(KEY_PART.fullmatch(p) for p in parts[1:]):
        raise ValidationError(
            f"{key[:80]!r} is not a tally: use dots:<column> or "
            "survey:<pre|mid|post>:<question>:<answer>."
        )
    return key


def dots_column(key: str) -> str | None:
    """The column a `dots:` key counts; None for any other key."""
    kind, _, rest = key.partition(":")
    return rest if kind == DOTS and rest else None


def tally(session: Session, key: str) -> int:
    """The count kept under a key (0 when there is none)."""
    for k, n in session.tallies:
        if k == key:
            return n
    return 0


def tallies_with_prefix(session: Session, prefix: str) -> dict[str, int]:
    """Every count whose key starts with the prefix (e.g. "dots:" or "survey:pre:"), by key."""
    return {k: n for k, n in session.tallies if k.startswith(prefix)}


def with_tally(session: Session, key: str, count: int) -> Session:
    """The session with one count set (a count of 0 removes the key)."""
    if count < 0:
        raise ValidationError("A count cannot be below zero.")
    if count > MAX_TALLY:
        raise ValidationError(f"A count can be at most {MAX_TALLY:,}.")
    others = tuple((k, n) for k, n in session.tallies if k != key)
    return replace(session, tallies=(*others, (key, count)))


def with_component(session: Session, key: str, done: bool) -> Session:
    """The session with one checklist item ticked (done) or not."""
    components = session.components | {key} if done else session.components - {key}
    return replace(session, components=components)
