"""The undo history of one session: a list of steps and a cursor, with no board of its own.

Consecutive changes of one field (a survey count stepped up five times) merge into one step,
so one undo takes the field back to where it was before the run.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

from crt_desktop.domain.patch import Patch


@dataclass
class Step:
    """One undoable change: `patch` redoes it, `inverse` undoes it."""

    label: str
    patch: Patch
    inverse: Patch
    merge_key: Hashable | None = None


def _same_target(a: Patch, b: Patch) -> bool:
    """True when two patches set exactly the same things (the same notes, or the session only),
    so that the later one's new state and the earlier one's old state make one exact step."""
    if a.remove or b.remove or (a.session is None) != (b.session is None):
        return False
    return {n.id for n in a.put} == {n.id for n in b.put}


class History:
    def __init__(self) -> None:
        self._steps: list[Step] = []
        self._index = 0  # steps before the index are done, the others undone
        self._open = False  # the last step may take in the next change of the same field

    def __len__(self) -> int:
        return len(self._steps)

    @property
    def index(self) -> int:
        return self._index

    def to_undo(self) -> Step | None:
        return self._steps[self._index - 1] if self._index > 0 else None

    def to_redo(self) -> Step | None:
        return self._steps[self._index] if self._index < len(self._steps) else None

    def record(self, step: Step) -> None:
        """Add a done step; undone steps after the cursor are dropped, as in every editor."""
        del self._steps[self._index :]
        last = self._steps[-1] if self._steps and self._open else None
        if (
            last is not None
            and step.merge_key is not None
            and step.merge_key == last.merge_key
            and _same_target(last.patch, step.patch)
        ):
            merged = Step(last.label, step.patch, last.inverse, step.merge_key)
            if merged.patch == merged.inverse:  # back where the run started: nothing to undo
                self._steps.pop()
            else:
                self._steps[-1] = merged
        else:
            self._steps.append(step)
        self._index = len(self._steps)
        self._open = True

    def undone(self, patch: Patch) -> None:
        """The step to undo was undone; `patch` is what now redoes it."""
        step = self._steps[self._index - 1]
        step.patch = patch
        self._index -= 1
        self._open = False

    def redone(self, inverse: Patch) -> None:
        """The step to redo was redone; `inverse` is what now undoes it."""
        step = self._steps[self._index]
        step.inverse = inverse
        self._index += 1
        self._open = False

    def seal(self) -> None:
        """The next change starts a step of its own, even if it changes the same field."""
        self._open = False

    def clear(self) -> None:
        self._steps.clear()
        self._index = 0
        self._open = False
