"""Flowables of the summary: a note block with a coloured side stripe, and headings that name
the run of blocks under them (so a page can say "… continued" at its top)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Any

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer

from .tagging import artifact

STRIPE = 5.0  # width of the kind stripe, points
GAP = 9.0  # between the stripe and the text
PAD = 3.0  # above and below the text
PILL_PAD = 2.5  # space either side of a pill's label
KEEP_WHOLE = 300.0  # blocks shorter than this move to the next page rather than split


def drawn_once(canvas: Any, key: Hashable, draw: Callable[[], None]) -> None:
    """Run `draw`, or repeat what it drew last time for the same key on this canvas.

    For drawings that look the same wherever they are (the canvas is moved to them first) and
    leave the canvas as they found it: hundreds of notes share a few dozen detail lines, and
    the same PDF operators written again cost a fraction of making them."""
    drawn = canvas.__dict__.setdefault("_crt_drawn", {})
    code = drawn.get(key)
    if code is not None:
        canvas._code.extend(code)
        return
    start = len(canvas._code)
    draw()
    drawn[key] = canvas._code[start:]


class Heading(Paragraph):
    """A section or column heading; `run` names what follows until the next heading."""

    def __init__(self, text: str, style: Any, *, run: str | None, ends_run: bool = False) -> None:
        super().__init__(text, style)
        self.run = run
        self.ends_run = ends_run


@dataclass(frozen=True)
class Ink:
    """Font, size and colours for the lines drawn straight onto the canvas."""

    font: str
    bold: str
    size: float
    colour: colors.Color
    rule: colors.Color

    def __hash__(self) -> int:
        return _kept_hash(self, (self.font, self.bold, self.size, self.colour, self.rule))


@dataclass(frozen=True)
class Pill:
    """A label on a tinted background: the kind, named in words as well as colour."""

    text: str
    tint: colors.Color
    ink: colors.Color

    def __hash__(self) -> int:
        return _kept_hash(self, (self.text, self.tint, self.ink))


def _kept_hash(value: object, fields: tuple[object, ...]) -> int:
    """A frozen value's hash, worked out once: these are looked up for every note drawn."""
    found: int | None = value.__dict__.get("_hash")
    if found is None:
        found = hash(fields)
        object.__setattr__(value, "_hash", found)
    return found


@lru_cache(maxsize=64)
def _pill_width(text: str, font: str, size: float) -> float:
    return stringWidth(text, font, size) + 2 * PILL_PAD


@lru_cache(maxsize=8)
def _sep_width(sep: str, ink: Ink) -> float:
    return stringWidth(sep, ink.font, ink.size)


@lru_cache(maxsize=1024)
def _meta_lines(
    start: float, parts: tuple[str, ...], font: str, size: float, sep: str, width: float
) -> tuple[tuple[str, ...], ...]:
    """Detail parts on lines of `width`, the first starting at `start`: a few dozen
    combinations serve hundreds of notes."""
    x = start
    lines: list[list[str]] = [[]]
    for part in parts:
        step = stringWidth(sep + part, font, size)
        if x + step > width and x > 0:
            lines.append([])
            x = 0.0
            step = stringWidth(part, font, size)
        lines[-1].append(part)
        x += step
    return tuple(tuple(line) for line in lines)


class MetaLine(Flowable):
    """A note's kind, level, count and votes on one line (two if they do not fit). Without a
    pill (a board of one kind) the line starts with the level.

    Only the product's own words go here, never user text, so plain canvas strings are safe:
    far cheaper than a Paragraph for hundreds of notes."""

    def __init__(self, pill: Pill | None, parts: Sequence[str], ink: Ink, sep: str) -> None:
        super().__init__()
        self.pill, self.parts, self.ink, self.sep = pill, list(parts), ink, sep
        self.leading = ink.size * 1.37
        self.lines: tuple[tuple[str, ...], ...] = ()

    def _pill_width(self) -> float:
        if self.pill is None:
            return 0.0
        return _pill_width(self.pill.text, self.ink.bold, self.ink.size)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        ink = self.ink
        # Without a pill the first part starts the line, with no separator before it.
        start = self._pill_width() if self.pill is not None else -_sep_width(self.sep, ink)
        self.lines = _meta_lines(start, tuple(self.parts), ink.font, ink.size, self.sep, availWidth)
        self.width, self.height = availWidth, len(self.lines) * self.leading
        return self.width, self.height

    def look(self) -> Hashable:
        """Everything the line's drawing depends on."""
        return ("meta", self.pill, self.lines, self.ink, self.sep, self.leading, self.height)

    def draw(self) -> None:
        drawn_once(self.canv, self.look(), self._draw)

    def _draw(self) -> None:
        canvas, ink = self.canv, self.ink
        y = self.height - self.leading + (self.leading - ink.size) / 2 + 0.5
        pill = self.pill
        pill_width = self._pill_width()
        canvas.saveState()
        # One text object for the whole line: each drawString would open its own.
        if pill is not None:
            canvas.setFillColor(pill.tint)
            canvas.rect(0, y - 2.2, pill_width, ink.size + 2.4, stroke=0, fill=1)
            text = canvas.beginText(PILL_PAD, y)
            text.setFont(ink.bold, ink.size)
            text.setFillColor(pill.ink)
            text.textOut(pill.text)
        else:
            text = canvas.beginText(0, y)
        text.setFont(ink.font, ink.size)
        text.setFillColor(ink.colour)
        for i, line in enumerate(self.lines):
            if i == 0:
                if line and pill is None:
                    text.textOut(self.sep.join(line))
                elif line:
                    text.setTextOrigin(pill_width, y)
                    text.textOut(self.sep + self.sep.join(line))
            else:
                text.setTextOrigin(0, y - i * self.leading)
                text.textOut(self.sep.join(line))
        canvas.drawText(text)
        canvas.restoreState()


class ResponseForm(Flowable):
    """Boxes to tick for a leader's response, two to a row, then lines for the reason."""

    def __init__(self, intro: tuple[str, str], labels: Sequence[str], ink: Ink) -> None:
        super().__init__()
        self.intro, self.labels, self.ink = intro, list(labels), ink
        self.leading = ink.size * 1.45
        self.rows = (len(self.labels) + 1) // 2
        self.lines = 2
        self.line_gap = 18.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        text_lines = self.rows + 2  # the intro, the boxes, "Reason:"
        self.width = availWidth
        self.height = text_lines * self.leading + self.lines * self.line_gap
        return self.width, self.height

    def draw(self) -> None:
        canvas, ink = self.canv, self.ink
        canvas.saveState()
        canvas.setFillColor(ink.colour)
        y = self.height - self.leading + (self.leading - ink.size) / 2 + 0.5
        bold, rest = self.intro
        canvas.setFont(ink.bold, ink.size)
        canvas.drawString(0, y, bold)
        canvas.setFont(ink.font, ink.size)
        canvas.drawString(stringWidth(bold + " ", ink.bold, ink.size), y, rest)
        for i, label in enumerate(self.labels):
            row, col = divmod(i, 2)
            canvas.drawString(col * self.width / 2, y - (row + 1) * self.leading, label)
        y -= (self.rows + 1) * self.leading
        canvas.drawString(0, y, "Reason:")
        canvas.setStrokeColor(ink.rule)
        canvas.setLineWidth(0.5)
        for i in range(1, self.lines + 1):
            rule_y = y - i * self.line_gap
            canvas.line(0, rule_y, self.width, rule_y)
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
        keep_whole: float = KEEP_WHOLE,
        heights: Sequence[float | None] = (),
        heights_at: float | None = None,
    ) -> None:
        super().__init__()
        self.parts = list(parts)
        self.stripe = stripe
        self.run = run
        self.ends_run = ends_run
        self.spaceAfter = space_after
        self.keep_whole = keep_whole
        self.width: float = 0.0
        self.height: float = 0.0
        self._sizes: list[tuple[float, float]] = []
        self._wrapped_at: float | None = None
        # Heights of parts already laid out at `heights_at` (the rest of a split block): not
        # laid out again, so a block of thousands of lines splits page by page in linear time.
        self._known = list(heights) if heights_at is not None else []
        self._known_at = heights_at

    def _inner(self, width: float) -> float:
        return width - STRIPE - GAP

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # Heights depend only on the width: skip the costly line breaking when it is unchanged.
        if self._wrapped_at == availWidth:
            return self.width, self.height
        inner = self._inner(availWidth)
        known = self._known if self._known_at == availWidth else []
        self._sizes = []
        height = 2 * PAD
        for i, part in enumerate(self.parts):
            found = known[i] if i < len(known) else None
            h = part.wrap(inner, availHeight)[1] if found is None else found
            before = part.getSpaceBefore() if i else 0.0
            self._sizes.append((before, h))
            height += before + h
        self.width, self.height = availWidth, height
        self._wrapped_at = availWidth
        return availWidth, height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        _, height = self.wrap(availWidth, availHeight)
        if height <= availHeight or height < self.keep_whole:
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
            later: list[float | None] = [h for _, h in self._sizes[i + 1 :]]
            if len(pieces) >= 2:
                taken.append(pieces[0])
                rest = [*pieces[1:], *self.parts[i + 1 :]]
                heights = [*([None] * (len(pieces) - 1)), *later]
            else:
                rest = self.parts[i:]
                # A paragraph that would not split forgets its lines (ReportLab drops them):
                # lay it out again before it is drawn whole on the next page.
                heights = [None, *later]
            break
        else:  # pragma: no cover - everything fitted, so wrap() said it fits
            return []
        if not taken:
            # Nothing fits here: the whole block goes to the next page, laid out again only
            # where the failed split dropped the lines.
            self._known, self._known_at, self._wrapped_at = heights, availWidth, None
            return []
        return [
            Striped(taken, self.stripe, run=self.run, ends_run=False, space_after=0.0),
            Striped(
                rest,
                self.stripe,
                run=self.run,
                ends_run=self.ends_run,
                space_after=self.spaceAfter,
                keep_whole=self.keep_whole,
                heights=heights,
                heights_at=availWidth,
            ),
        ]

    def _draw_stripe(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(self.stripe)
        canvas.rect(0, 0, STRIPE, self.height, stroke=0, fill=1)
        canvas.restoreState()

    def draw(self) -> None:
        canvas = self.canv
        if not self._sizes:
            self.wrap(self.width, self.height)
        with artifact(canvas, "Layout"):
            drawn_once(canvas, ("stripe", self.stripe, self.height), self._draw_stripe)
        y = self.height - PAD
        for part, (before, h) in zip(self.parts, self._sizes, strict=True):
            y -= before + h
            if type(part) is Spacer:
                continue  # draws nothing: not even a move of the canvas to it
            if isinstance(part, MetaLine):
                # Moving the canvas to the line is part of what repeats, when it is the same.
                at = ("at", STRIPE + GAP, y, part.look())
                drawn_once(canvas, at, partial(part.drawOn, canvas, STRIPE + GAP, y))
            else:
                part.drawOn(canvas, STRIPE + GAP, y)
