"""Hebrew and Arabic print right to left with joined letters, and the tagged PDF keeps the
text as written for screen readers and copying."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pikepdf
from reportlab.pdfgen.canvas import Canvas

from crt_desktop.content import Content, Section
from crt_desktop.domain.board import Board
from crt_desktop.domain.operations import AddNote
from crt_desktop.domain.patch import apply_patch
from crt_desktop.domain.session import Session
from crt_desktop.domain.template import Column, Template
from crt_desktop.export.pdf.bidi_text import break_lines, display_order, shaped, visual
from crt_desktop.export.pdf.fonts import fonts
from crt_desktop.export.pdf.paragraphs import user_paragraph
from crt_desktop.export.pdf.styles import styles
from crt_desktop.export.summary import write_leader_summary

HEBREW = "שעות נוספות בלי תשלום"
ARABIC = "العمل بعد ساعات الدوام"
TEMPLATE = Template("t", "T", (Column("unsorted", "Unsorted", "New notes."),))
CONTENT = Content(sections=(Section(4, "Four", "t"),), templates={"t": TEMPLATE})


def drawn_strings(para: object, width: float = 300.0) -> list[str]:
    """Each line a paragraph draws, its characters as they stand on the page from left to
    right (by position: extraction tools reorder right-to-left text on their own)."""
    out = io.BytesIO()
    canvas = Canvas(out)
    para.wrap(width, 1000)  # type: ignore[attr-defined]
    para.drawOn(canvas, 40, 400)  # type: ignore[attr-defined]
    canvas.save()
    import pymupdf

    with pymupdf.open(stream=out.getvalue(), filetype="pdf") as doc:
        lines: dict[float, list[tuple[float, str]]] = {}
        for block in doc[0].get_text("rawdict")["blocks"]:
            for line in block.get("lines", []):
                for span in line["spans"]:
                    for char in span["chars"]:
                        row = round(char["origin"][1])
                        lines.setdefault(row, []).append((char["origin"][0], char["c"]))
        return ["".join(c for _, c in sorted(chars)) for _, chars in sorted(lines.items())]


def test_hebrew_is_drawn_right_to_left() -> None:
    fonts()
    strings = drawn_strings(user_paragraph(HEBREW, styles().note))
    assert strings == [HEBREW[::-1]]  # drawn left to right, so the last letter comes first


def test_arabic_letters_are_joined_and_drawn_right_to_left() -> None:
    fonts()
    (drawn,) = drawn_strings(user_paragraph(ARABIC, styles().note))
    assert drawn == display_order(shaped(ARABIC), True)
    assert all("\ufe70" <= ch <= "\ufeff" or ch == " " for ch in drawn), "unjoined letters"
    assert drawn != ARABIC[::-1]


def test_a_long_right_to_left_note_starts_on_the_first_line() -> None:
    """Lines break in reading order: the first words are on the first line."""
    fonts()
    text = " ".join([HEBREW] * 12)
    lines = break_lines(text, 200, 11.5)
    assert len(lines) > 2 and lines[0].startswith(HEBREW)
    strings = drawn_strings(user_paragraph(text, styles().note), width=200)
    assert strings[0].endswith(HEBREW[::-1].split(" ")[-1])  # first word, at the right end


def test_mixed_text_keeps_latin_words_and_numbers_readable() -> None:
    assert visual("שעות abc 12") == "abc 12 תועש"
    assert visual("Plain text") == "Plain text"


def test_the_structure_tree_carries_the_text_as_written(tmp_path: Path) -> None:
    session = Session("Ward 7", 4, date(2026, 11, 20), "t", id=1)
    board = Board(session=session, template=TEMPLATE)
    for text in (HEBREW, ARABIC):
        apply_patch(board, AddNote(text).patch(board))
    path = write_leader_summary(board, tmp_path / "s.pdf", content=CONTENT, pagesize="A4")
    found: list[str] = []
    with pikepdf.open(path) as pdf:

        def walk(element: pikepdf.Dictionary) -> None:
            if "/ActualText" in element:
                found.append(str(element.ActualText))
            for kid in element.get("/K") or []:
                if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                    walk(kid)

        walk(pdf.Root.StructTreeRoot.K[0])
    assert found == [HEBREW, ARABIC]
