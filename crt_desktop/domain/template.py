"""Board templates: which columns a board has and which note attributes it uses."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .vocabulary import Kind, Level


class BoardMode(StrEnum):
    # Notes: typed sticky notes. Dots: people place anonymous dots in a column; only the
    # count per column is kept, never who placed which dot.
    NOTES = "notes"
    DOTS = "dots"


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    help: str
    # The column's notes are for leaders to hear and answer (shown as such in the summary).
    for_leader: bool = False


@dataclass(frozen=True)
class CardPart:
    """One labelled part of a structured card, e.g. the "why" of an expectation."""

    key: str
    title: str
    help: str


@dataclass(frozen=True)
class Template:
    key: str
    title: str
    columns: tuple[Column, ...]
    kinds: tuple[Kind, ...] = (Kind.FATIGUE, Kind.RESILIENCE)
    levels: tuple[Level, ...] = (Level.MINDSET, Level.TEAM, Level.SYSTEM)
    # Column that new notes land in; the first column unless the template says otherwise.
    entry_column: str = ""
    mode: BoardMode = BoardMode.NOTES
    # Shown to the room while the board is up (e.g. "your own answers stay with you").
    reminder: str = ""
    # When set, each card is written in these parts (e.g. why / what / how).
    card_parts: tuple[CardPart, ...] = ()
    # Column holding what the session produces (e.g. the culture agreements); "" for none.
    result_column: str = ""
    # Cards in the result column are numbered in board order.
    ranked: bool = False
    # How many cards the result column keeps at most; 0 means no limit.
    keep_top: int = 0
    # The room shows the entry column's cards in a random order (anonymous stories).
    shuffle: bool = False

    def __post_init__(self) -> None:
        if not self.entry_column and self.columns:
            object.__setattr__(self, "entry_column", self.columns[0].key)

    @property
    def column_keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.columns)

    def column(self, key: str) -> Column:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)
