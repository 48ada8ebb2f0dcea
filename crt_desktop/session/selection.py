"""The notes picked on the board, across all columns, in the order they were picked.

A plain object: the column views tell it what they select and let go, and commands read it
(Stack puts the other notes under the one picked first)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence


class Selection:
    def __init__(self) -> None:
        self._picked: dict[str, int] = {}  # note id -> when it was picked
        self._picks = 0

    def pick(self, ids: Iterable[str]) -> None:
        """These notes were picked (one already picked keeps its first time)."""
        for note_id in ids:
            if note_id not in self._picked:
                self._picks += 1
                self._picked[note_id] = self._picks

    def drop(self, ids: Iterable[str]) -> None:
        for note_id in ids:
            self._picked.pop(note_id, None)

    def clear(self) -> None:
        self._picked.clear()

    def ids(self) -> list[str]:
        """The picked notes, first picked first."""
        return sorted(self._picked, key=self._picked.__getitem__)

    def first_picked(self, among: Sequence[str]) -> str:
        """Of `among` (not empty), the note picked first; notes not picked count as last."""
        return min(among, key=lambda i: self._picked.get(i, 1 << 62))

    def __contains__(self, note_id: object) -> bool:
        return note_id in self._picked

    def __len__(self) -> int:
        return len(self._picked)
