"""The leader summary PDF beside a bare ReportLab document holding the same paragraphs.

The floor prints what the summary prints for each note (its text, and a line with its kind,
level and votes) under a heading per column, as plain Paragraphs in a SimpleDocTemplate. It uses
the same bundled TrueType font (the summary must embed one for accents and non-Latin scripts),
so the ratio measures the summary's own layout work, not font embedding.
"""

from __future__ import annotations

import time
from importlib import resources
from pathlib import Path
from xml.sax.saxutils import escape

from crt_desktop.content import content as packaged_content
from crt_desktop.domain.board import Board
from crt_desktop.export.summary import write_leader_summary

from .stats import Figure, Limit

_FLOOR_FONT = "BenchSans"


def _bare_pdf(board: Board, path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    if _FLOOR_FONT not in pdfmetrics.getRegisteredFontNames():
        font = resources.files("crt_desktop") / "resources" / "fonts" / "DejaVuSans.ttf"
        with resources.as_file(font) as file:
            pdfmetrics.registerFont(TTFont(_FLOOR_FONT, str(file)))
    sheet = getSampleStyleSheet()
    body = sheet["BodyText"].clone("bench", fontName=_FLOOR_FONT)
    heading = sheet["Heading2"].clone("bench-heading", fontName=_FLOOR_FONT)
    story = []
    for column in board.template.columns:
        story.append(Paragraph(escape(column.title), heading))
        for note in board.in_column(column.key):
            meta = [note.kind.label, note.level.label if note.level else "", f"{note.votes} votes"]
            story.append(Paragraph(escape(note.text), body))
            story.append(Paragraph(escape(" · ".join(m for m in meta if m)), body))
    SimpleDocTemplate(str(path), pagesize=A4, initialFontName=_FLOOR_FONT).build(story)


def measure_pdf(board: Board, folder: Path, repeats: int) -> Figure:
    samples: list[float] = []
    floor: list[float] = []
    for run in range(repeats + 1):
        start = time.perf_counter()
        write_leader_summary(
            board, folder / "summary.pdf", pagesize="A4", content=packaged_content()
        )
        elapsed = time.perf_counter() - start
        start = time.perf_counter()
        _bare_pdf(board, folder / "floor.pdf")
        bare_elapsed = time.perf_counter() - start
        if run:  # the first run loads ReportLab and the fonts: start-up, not the summary
            samples.append(elapsed)
            floor.append(bare_elapsed)
    return Figure(
        key="leader_pdf",
        title="Leader summary PDF",
        unit="s",
        samples=samples,
        floor=floor,
        # Tagging (a structure tree, marked content) and an appearance per text field cost what
        # an untagged floor does not do: see benchmarks/README.md.
        limits=(Limit("ratio", 3.0), Limit("median", 1.0)),
        note="floor: bare SimpleDocTemplate, per note its text and meta line as Paragraphs",
    )
