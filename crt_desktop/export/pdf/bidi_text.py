"""Right-to-left and joined scripts (Hebrew, Arabic) printed as they are read.

ReportLab draws characters in the order they are stored, left to right, one glyph each. So
Arabic letters are first given their joined forms (arabic-reshaper), each line is broken in
the stored (logical) order, and then put in display order (python-bidi, the Unicode
bidirectional algorithm). The logical text stays with the paragraph as `actual_text`, which
the tagged PDF carries as `/ActualText`, so copying, searching and screen readers get the words
as written rather than as drawn.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from .fonts import FAMILY, runs


@lru_cache(maxsize=4096)
def _strong_rtl(ch: str) -> bool:
    return unicodedata.bidirectional(ch) in ("R", "AL")


def has_rtl(text: str) -> bool:
    """Whether `text` holds any right-to-left letter."""
    return any(_strong_rtl(ch) for ch in text)


def starts_rtl(text: str) -> bool:
    """Whether the first letter with a direction reads right to left (the paragraph's base)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def shaped(text: str) -> str:
    """Arabic letters in their joined forms (other text unchanged)."""
    import arabic_reshaper

    return str(arabic_reshaper.reshape(text))


def display_order(line: str, rtl: bool) -> str:
    """One line in the order it is drawn, left to right."""
    from bidi import get_display

    return str(get_display(line, base_dir="R" if rtl else "L"))


def visual(text: str) -> str:
    """A short piece of text (one line: a title, a name) shaped and in display order."""
    if not has_rtl(text):
        return text
    rtl = starts_rtl(text)
    return "\n".join(display_order(shaped(line), rtl) for line in text.split("\n"))


def _width(text: str, size: float) -> float:
    return sum(stringWidth(run, font or FAMILY, size) for font, run in runs(text))


def break_lines(text: str, width: float, size: float) -> list[str]:
    """The text's lines in logical order, words kept whole, each no wider than `width` (a word
    wider than a line gets a line to itself)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if line and _width(candidate, size) > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return lines


class BidiParagraph(Flowable):
    """User text holding right-to-left letters: shaped, broken into lines in logical order,
    each line drawn in display order; right-aligned when the text starts right to left."""

    def __init__(self, text: str, style: ParagraphStyle, markup: Any) -> None:
        super().__init__()
        self.actual_text = text
        self.style = style
        self._markup = markup  # escapes a line and picks its fonts (fonts.markup without bidi)
        self._rtl = starts_rtl(text)
        self._shaped = shaped(text.replace("\t", " "))
        self._inner: Paragraph | None = None
        self._wrapped_at: float | None = None
        self.spaceBefore = style.spaceBefore
        self.spaceAfter = style.spaceAfter

    def _paragraph(self, width: float) -> Paragraph:
        if self._inner is None or self._wrapped_at != width:
            lines = break_lines(self._shaped, width, self.style.fontSize)
            drawn = [self._markup(display_order(line, self._rtl)) for line in lines]
            style = self.style.clone(f"{self.style.name}-rtl", alignment=TA_RIGHT)
            self._inner = Paragraph("<br/>".join(drawn), style if self._rtl else self.style)
            self._wrapped_at = width
        return self._inner

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        inner = self._paragraph(availWidth)
        self.width, self.height = inner.wrap(availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        pieces: list[Flowable] = self._paragraph(availWidth).split(availWidth, availHeight)
        return pieces

    def draw(self) -> None:
        assert self._inner is not None, "laid out before it is drawn"
        self._inner.drawOn(self.canv, 0, 0)
