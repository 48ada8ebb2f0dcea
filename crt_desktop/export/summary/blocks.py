"""Flowables of the summary: a note block with a coloured side stripe, and headings that name
the run of blocks under them (so a page can say "… continued" at its top)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, Paragraph

STRIPE = 5.0  # width of the kind stripe, points
GAP = 9.0  # between the stripe and the text
PAD = 3.0  # above and below the text
KEEP_WHOLE = 300.0  # blocks shorter than this move to the next page rather than split


class Heading(Paragraph):
    """A section or column heading; `run` names what follows until the next heading."""

    def __init__(self, text: str, style: Any, *, run: str | None, ends_run: bool = False) -> None:
        super().__init__(text, style)
        self.run = run
        self.ends_run = ends_run


class TickGrid(Flowable):
    """Fixed labels, each after a box to tick, in two columns: lighter than a Table."""

    def __init__(self, labels: Sequence[str], font: str, size: float, colour: colors.Color) -> None:
        super().__init__()
        self.labels = list(labels)
        self.font, self.size, self.colour = font, size, colour
        self.leading = size * 1.45
        self.rows = (len(self.labels) + 1) // 2

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = availWidth, self.rows * self.leading
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFont(self.font, self.size)
        canvas.setFillColor(self.colour)
        for i, label in enumerate(self.labels):
            row, col = divmod(i, 2)
            y = self.height - (row + 1) * self.leading + (self.leading - self.size) / 2 + 1
            canvas.drawString(col * self.width / 2, y, label)
        canvas.restoreState()


class Striped(Flowable):
    """Paragraphs with a coloured stripe down their left side; splits across pages when long.

    `run` and `ends_run` tell the document which heading a page continues under."""

    def __init__(
        self,
        parts: Sequence[Flowable],
        stripe: colors.Color,
        *,
        run: str | None,
        ends_run: bool,
        space_after: float = 8.0,
    ) -> None:
        super().__init__()
        self.parts = list(parts)
        self.stripe = stripe
        self.run = run
        self.ends_run = ends_run
        self.spaceAfter = space_after
        self.width: float = 0.0
        self.height: float = 0.0
        self._sizes: list[tuple[float, float]] = []
        self._wrapped_at: float | None = None

    def _inner(self, width: float) -> float:
        return width - STRIPE - GAP

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # Heights depend only on the width: skip the costly line breaking when it is unchanged.
        if self._wrapped_at == availWidth:
            return self.width, self.height
        inner = self._inner(availWidth)
        self._sizes = []
        height = 2 * PAD
        for i, part in enumerate(self.parts):
            _, h = part.wrap(inner, availHeight)
            before = part.getSpaceBefore() if i else 0.0
            self._sizes.append((before, h))
            height += before + h
        self.width, self.height = availWidth, height
        self._wrapped_at = availWidth
        return availWidth, height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        _, height = self.wrap(availWidth, availHeight)
        if height <= availHeight or height < KEEP_WHOLE:
            return []  # fits (no split needed) or short: keep it whole on the next page
        inner = self._inner(availWidth)
        room = availHeight - 2 * PAD
        taken: list[Flowable] = []
        for i, (part, (before, h)) in enumerate(zip(self.parts, self._sizes, strict=True)):
            if before + h <= room:
                taken.append(part)
                room -= before + h
                continue
            pieces = part.split(inner, room - before) if room - before > 0 else []
            if len(pieces) >= 2:
                taken.append(pieces[0])
                rest = [*pieces[1:], *self.parts[i + 1 :]]
            else:
                rest = self.parts[i:]
            break
        else:  # pragma: no cover - everything fitted, so wrap() said it fits
            return []
        if not taken:
            return []
        return [
            Striped(taken, self.stripe, run=self.run, ends_run=False, space_after=0.0),
            Striped(
                rest, self.stripe, run=self.run, ends_run=self.ends_run, space_after=self.spaceAfter
            ),
        ]

    def draw(self) -> None:
        canvas = self.canv
        if not self._sizes:
            self.wrap(self.width, self.height)
        canvas.saveState()
        canvas.setFillColor(self.stripe)
        canvas.rect(0, 0, STRIPE, self.height, stroke=0, fill=1)
        canvas.restoreState()
        y = self.height - PAD
        for part, (before, h) in zip(self.parts, self._sizes, strict=True):
            y -= before + h
            part.drawOn(canvas, STRIPE + GAP, y)
