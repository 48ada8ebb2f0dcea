"""Type, colour and page geometry of the leader summary.

Sizes are generous for phones and paper: body 11 pt, nothing under 9 pt. Each kind has a colour
and always a printed label beside it; the two colours differ in lightness so they stay apart
when printed in grey.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from crt_desktop.domain.vocabulary import Kind

from .fonts import BOLD, FAMILY, ITALIC

MIN_SIZE = 9  # points; no text in the document is smaller

PAGE_SIZES = {"A4": A4, "Letter": LETTER}
MARGIN = 18 * mm
HEADER_SPACE = 10 * mm  # above the frame: the running "… continued" line
FOOTER_SPACE = 10 * mm  # below the frame: team, date and page number

INK = colors.HexColor("#1F2328")
MUTED = colors.HexColor("#555B63")
RULE = colors.HexColor("#B8BEC6")
ACCENT = colors.HexColor("#2F4858")
PANEL = colors.HexColor("#F1F3F5")


@dataclass(frozen=True)
class KindLook:
    strong: colors.Color  # bars and the note's side stripe (darker for fatigue)
    tint: colors.Color  # label background
    ink: colors.Color  # label text


# The board's colour-blind-safe pair (orange and blue), so the leader sees the colours the room saw;
# fatigue is dark and resilience light, so they stay apart in grey too.
KIND_LOOKS = {
    Kind.FATIGUE: KindLook(
        strong=colors.HexColor("#B86E00"),
        tint=colors.HexColor("#FCE3B0"),
        ink=colors.HexColor("#5C3500"),
    ),
    Kind.RESILIENCE: KindLook(
        strong=colors.HexColor("#8CC4EA"),
        tint=colors.HexColor("#D9ECF8"),
        ink=colors.HexColor("#00466E"),
    ),
}


def _style(name: str, **fields: object) -> ParagraphStyle:
    base: dict[str, object] = {
        "fontName": FAMILY,
        "fontSize": 11,
        "leading": 15,
        "textColor": INK,
        "splitLongWords": 1,
    }
    base.update(fields)
    return ParagraphStyle(name, **base)


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    team: ParagraphStyle
    cover_line: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    body: ParagraphStyle
    note: ParagraphStyle
    meta: ParagraphStyle
    small: ParagraphStyle
    lead_in: ParagraphStyle
    table_head: ParagraphStyle
    table_cell: ParagraphStyle
    box_line: ParagraphStyle


def styles() -> Styles:
    return Styles(
        title=_style("title", fontName=BOLD, fontSize=13, leading=17, textColor=ACCENT),
        team=_style("team", fontName=BOLD, fontSize=24, leading=30, spaceAfter=4),
        cover_line=_style("cover", fontSize=13, leading=18),
        heading=_style(
            "heading",
            fontName=BOLD,
            fontSize=16,
            leading=21,
            spaceBefore=14,
            spaceAfter=6,
            textColor=ACCENT,
            keepWithNext=1,
        ),
        subheading=_style(
            "subheading",
            fontName=BOLD,
            fontSize=12.5,
            leading=17,
            spaceBefore=8,
            spaceAfter=3,
            keepWithNext=1,
        ),
        body=_style("body", spaceAfter=6),
        note=_style("note", fontSize=11.5, leading=15.5),
        meta=_style("meta", fontSize=9.5, leading=13, textColor=MUTED),
        small=_style("small", fontName=ITALIC, fontSize=9.5, leading=13, textColor=MUTED),
        lead_in=_style(
            "lead_in",
            fontName=ITALIC,
            fontSize=9.5,
            leading=13,
            textColor=MUTED,
            spaceAfter=5,
            keepWithNext=1,
        ),
        table_head=_style("thead", fontName=BOLD, fontSize=10, leading=13),
        table_cell=_style("tcell", fontSize=10, leading=13),
        box_line=_style("box", fontSize=11, leading=16, leftIndent=18, firstLineIndent=-18),
    )
