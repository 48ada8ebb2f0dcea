"""Paragraphs of user text built without the markup parser wrap and print as parsed ones do."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from crt_desktop.export.pdf.fonts import FALLBACK, fonts, markup
from crt_desktop.export.pdf.paragraphs import user_paragraph
from crt_desktop.export.pdf.styles import styles

WIDTH = 300.0

TEXTS = [
    "Short note.",
    "Breaks skipped & overtime <b>again</b>, R&D &amp; \"quotes\" and 'apostrophes' too!",
    "  spaced   out\ttext  with\u00a0a non-breaking space  ",
    "Café naïve Ελληνικά Кириллица ქართული",
    "word " * 400,
    "x" * 700,  # one word longer than a line: split as ReportLab splits it
]


def _lines(para: Paragraph) -> list[str]:
    """The text of each wrapped line, however ReportLab holds it."""
    out = []
    for line in para.blPara.lines:
        words = line[1] if isinstance(line, tuple) else line.words
        out.append("".join(w if isinstance(w, str) else w.text for w in words))
    return out


@pytest.mark.parametrize("text", TEXTS)
def test_wraps_like_the_parsed_paragraph(text: str) -> None:
    """Same height and same words on each line as the escaped, parsed paragraph."""
    fonts()
    style = styles().note
    parsed = Paragraph(markup(text), style)
    built = user_paragraph(text, style)
    assert built.wrap(WIDTH, 10_000) == parsed.wrap(WIDTH, 10_000)
    # Parsed lines hold escaped pieces apart: compare each line's characters, spaces aside.
    assert ["".join(line.split()) for line in _lines(built)] == [
        "".join(line.split()) for line in _lines(parsed)
    ]


def test_prints_markup_literally() -> None:
    """Text that looks like markup prints as typed, tags and entities included."""
    fonts()
    out = io.BytesIO()
    canvas = Canvas(out)
    para = user_paragraph("Tom & Jerry <b>bold</b> &amp; <br/> done", styles().note)
    para.wrap(WIDTH, 500)
    para.drawOn(canvas, 40, 600)
    canvas.save()
    text = PdfReader(io.BytesIO(out.getvalue())).pages[0].extract_text()
    assert "Tom & Jerry <b>bold</b> &amp; <br/> done" in text


def test_line_breaks_and_missing_characters_go_through_the_markup() -> None:
    """Texts the plain path cannot print alike fall back to the parsed markup."""
    fonts()
    style = styles().note
    assert len(user_paragraph("one\ntwo", style).frags) > 1  # the break is its own fragment
    cjk = user_paragraph("日本語 note", style)
    assert f'<font name="{FALLBACK}">' in cjk.text or "\u25a1" in cjk.frags[0].text


def test_the_same_text_drawn_twice_prints_twice_from_one_drawing() -> None:
    """A note shown again (as a leadership item) prints the same, its drawing made once."""
    fonts()
    out = io.BytesIO()
    canvas = Canvas(out)
    style = styles().note
    for y in (600, 300):
        para = user_paragraph("Breaks skipped & overtime, again and again", style)
        para.wrap(WIDTH, 500)
        para.drawOn(canvas, 40, y)
    assert len(canvas._crt_drawn) == 1  # the second paragraph repeated the first's drawing
    canvas.save()
    text = PdfReader(io.BytesIO(out.getvalue())).pages[0].extract_text()
    assert text.count("Breaks skipped & overtime, again and again") == 2


def test_a_failed_split_lays_the_paragraph_out_again() -> None:
    """ReportLab drops a paragraph's lines when it will not split; the next wrap makes them."""
    fonts()
    style = styles().note
    para = user_paragraph("word " * 100, style)
    width, height = para.wrap(WIDTH, 1000)
    assert para.split(WIDTH, style.leading * 1.5) == []  # one line of room: no split
    assert para.wrap(WIDTH, 1000) == (width, height)
    canvas = Canvas(io.BytesIO())
    para.drawOn(canvas, 40, 40)
    canvas.save()
