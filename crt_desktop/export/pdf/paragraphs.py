"""Paragraphs of user text, made without ReportLab's markup parser where it has nothing to do.

A note's text is plain words in the bundled font far more often than not. ReportLab would
escape it, parse the escaped text back with its XML parser, and split it at every `&amp;` into
pieces it then breaks and draws one by one. Built straight from the text, the same paragraph
wraps and prints alike at a fraction of the cost: a third of the leader summary's time went
to this for 500 notes.
"""

from __future__ import annotations

import unicodedata
from weakref import WeakKeyDictionary
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText, textTransformFrags
from reportlab.platypus.paraparser import ParaFrag, ParaParser

from .bidi_text import BidiParagraph, has_rtl
from .blocks import drawn_once
from .fonts import drawn_markup, fonts, markup

# One parsed fragment per style: everything but the text is the style's.
_templates: WeakKeyDictionary[ParagraphStyle, ParaFrag] = WeakKeyDictionary()


def _template(style: ParagraphStyle) -> ParaFrag:
    found = _templates.get(style)
    if found is None:
        _, frags, _ = ParaParser().parse("x", style)
        found = _templates[style] = frags[0]
    return found


class KeptParagraph(Paragraph):
    """A paragraph that lays itself out once per width, so it can be shown in several places
    (a leadership item shows its note as the column did); plain left-aligned lines drawn again
    repeat their first drawing."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # ReportLab drops the lines when a split fails: then they are worked out again.
        if availWidth == getattr(self, "_wrapped_at", None) and hasattr(self, "blPara"):
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._wrapped_at = availWidth
        return size

    def draw(self) -> None:
        lines = self.blPara
        if lines.kind != 0 or self.style.alignment != TA_LEFT or self.bulletText:
            super().draw()  # split pieces and anything but plain left-aligned lines
            return
        # What the drawing depends on: the style, the box and each line's words and slack.
        words = tuple((slack, tuple(line)) for slack, line in lines.lines)
        key = ("plain", self.style, self.width, self.height, words)
        drawn_once(self.canv, key, super().draw)


def user_paragraph(text: str, style: ParagraphStyle) -> Flowable:
    """A paragraph printing `text` as written (user text: never read as markup); text with
    right-to-left letters reads right to left, its letters joined."""
    plain = unicodedata.normalize("NFC", text.replace("\t", " "))
    if has_rtl(plain):
        return BidiParagraph(plain, style, drawn_markup)
    cleaned = cleanBlockQuotedText(plain)
    if not cleaned or "\n" in plain or not fonts().covers(plain):
        # Line breaks, or characters the bundled font lacks: the markup does those.
        return Paragraph(markup(text), style)
    frags = [_template(style).clone(text=cleaned)]
    textTransformFrags(frags, style)
    return KeptParagraph(escape(plain), style, frags=frags)
