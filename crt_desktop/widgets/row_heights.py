"""Row heights for a list of cards: each row's height, whether it is exact or an estimate, and
their running sums (each row's top), kept up to date as rows come, go and are measured again.

Pure Python, so the bookkeeping is tested without a window; CardColumnView does the measuring.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate


class RowHeights:
    """The heights of a column's rows, top to bottom, and where each row starts."""

    def __init__(self) -> None:
        self._heights: list[int] = []
        self._exact: list[bool] = []
        self._tops: list[int] | None = None  # running sums; len(heights) + 1

    def __len__(self) -> int:
        return len(self._heights)

    def height(self, row: int) -> int:
        return self._heights[row]

    def is_exact(self, row: int) -> bool:
        """False while the row's height is an estimate (its text not yet shaped)."""
        return self._exact[row]

    def tops(self) -> list[int]:
        """Where each row starts, and after the last, where the rows end: [0, h0, h0 + h1, …].
        The list is not changed later: a change to a height makes a new one."""
        tops = self._tops
        if tops is None:
            tops = self._tops = [0, *accumulate(self._heights)]
        return tops

    def total(self) -> int:
        """The height of all the rows together."""
        return self.tops()[-1]

    def row_at(self, y: int) -> int:
        """The row covering height `y` (clamped to the rows there are; 0 when there are none)."""
        return max(0, min(len(self._heights) - 1, bisect_right(self.tops(), y) - 1))

    def reset(self, measured: Iterable[tuple[int, bool]]) -> None:
        """Every row anew, as (height, exact) pairs top to bottom."""
        pairs = list(measured)
        self._heights = [h for h, _ in pairs]
        self._exact = [e for _, e in pairs]
        self._tops = None

    def insert(self, start: int, measured: Iterable[tuple[int, bool]]) -> None:
        """New rows from `start` down, as (height, exact) pairs."""
        pairs = list(measured)
        self._heights[start:start] = [h for h, _ in pairs]
        self._exact[start:start] = [e for _, e in pairs]
        self._tops = None

    def remove(self, first: int, last: int) -> None:
        """Rows `first` to `last`, both included, are gone."""
        del self._heights[first : last + 1]
        del self._exact[first : last + 1]
        self._tops = None

    def set(self, row: int, height: int, exact: bool) -> int:
        """A row measured again; how much taller it became (negative: shorter, 0: the same)."""
        self._exact[row] = exact
        growth = height - self._heights[row]
        if growth:
            self._heights[row] = height
            self._tops = None
        return growth
