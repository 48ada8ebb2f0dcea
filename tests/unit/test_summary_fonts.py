"""Fonts of the leader summary: escaping, fallback runs and the visible missing mark."""

from __future__ import annotations

import pytest
from reportlab.platypus import Paragraph

from crt_desktop.export.pdf.fonts import (
    FALLBACK,
    FAMILY,
    MISSING_MARK,
    Fonts,
    fonts,
    markup,
    runs,
)


@pytest.fixture
def without_fallback() -> Fonts:
    """The bundled fonts as a machine with no CJK font would have them."""
    return Fonts(fonts().primary, frozenset())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tom & Jerry <b>bold", "Tom &amp; Jerry &lt;b&gt;bold"),
        ("a <br> b", "a &lt;br&gt; b"),
        ("<font name='Nope'>x</font>", "&lt;font name='Nope'&gt;x&lt;/font&gt;"),
        ("R&D &amp;", "R&amp;D &amp;amp;"),
        ("line one\nline two", "line one<br/>line two"),
    ],
)
def test_user_text_is_escaped(text: str, expected: str) -> None:
    """Anything that looks like markup is escaped; line breaks become breaks."""
    assert markup(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Tom & Jerry <b>bold",
        "x <br> y",
        "<font name='Nope'>z</font>",
        "<script>alert(1)</script>",
        "unclosed <i> & </b> tags <para>",
    ],
)
def test_escaped_markup_never_breaks_a_paragraph(text: str) -> None:
    """ReportLab accepts every escaped string and lays it out."""
    para = Paragraph(markup(text))
    assert para.wrap(300, 100)[1] > 0


def test_cjk_goes_to_the_fallback_font_when_there_is_one() -> None:
    """Characters DejaVu lacks are set in the system fallback font, the rest in DejaVu."""
    if 0x4F1A not in fonts().fallback:
        pytest.skip("no CJK fallback font installed here")
    assert runs("会议 today") == [(FALLBACK, "会议"), (FAMILY, " today")]
    assert markup("会议 & co") == f'<font name="{FALLBACK}">会议</font> &amp; co'


def test_without_a_fallback_missing_characters_show_a_visible_mark(
    without_fallback: Fonts,
) -> None:
    """No font for a character: one □ per character, never a silent gap."""
    assert markup("会议 today", without_fallback) == f"{MISSING_MARK}{MISSING_MARK} today"


def test_a_skin_tone_joins_its_missing_emoji(without_fallback: Fonts) -> None:
    """👍🏽 lacks a glyph: it prints as one mark, not one mark per code point."""
    assert markup("ok 👍🏽!", without_fallback) == f"ok {MISSING_MARK}!"


def test_accents_and_scripts_dejavu_covers_stay_in_dejavu() -> None:
    """Accents, Vietnamese, Greek, Cyrillic, Hebrew, Arabic and common symbols need no fallback."""
    text = "¿Qué? Đà Nẵng Ελληνικά Привет שלום مرحبا ☕ ❤ ✓ € — ×"
    assert runs(text) == [(FAMILY, text)]


def test_decomposed_accents_are_composed() -> None:
    """A letter typed with a combining accent prints as the composed letter."""
    assert markup("Cafe\u0301") == "Café"


def test_a_long_detail_line_wraps_instead_of_running_off_the_page() -> None:
    """Note details too wide for the column continue on a second line, none lost."""
    from reportlab.lib import colors

    from crt_desktop.export.pdf.blocks import Ink, MetaLine, Pill

    fonts()
    ink = Ink(FAMILY, f"{FAMILY}-Bold", 9.5, colors.grey, colors.grey)
    parts = ["Individual mindset", "×12 similar notes stacked together", "15 votes"]
    line = MetaLine(Pill("Resilience", colors.white, colors.black), parts, ink, " · ")
    _, narrow = line.wrap(200, 500)
    _, wide = line.wrap(2000, 500)
    assert narrow > wide
    assert [p for row in line.lines for p in row] == parts
