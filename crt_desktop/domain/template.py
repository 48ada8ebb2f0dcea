"""Board templates: which columns a board has and which note attributes it uses."""

from __future__ import annotations

from dataclasses import dataclass

from .vocabulary import Kind, Level


@dataclass(frozen=True)
class Column:
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
