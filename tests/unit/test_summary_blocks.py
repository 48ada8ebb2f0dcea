"""The striped note block of the leader summary: splitting across pages."""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from crt_desktop.export.pdf.blocks import PAD, Striped
from crt_desktop.export.pdf.fonts import fonts
from crt_desktop.export.pdf.styles import styles


def test_a_block_that_will_not_split_is_drawn_whole_after_a_failed_split() -> None:
    """With room for one line only, the block stays whole and still draws on the next page."""
    fonts()
    style = styles().note
    block = Striped([Paragraph("word " * 400, style)], colors.black, run=None, ends_run=False)
    _, height = block.wrap(400, 2000)
    assert height > 300  # long enough to be split rather than moved whole
    # One line's room: ReportLab will not leave a single line behind, so nothing splits.
    assert block.split(400, 2 * PAD + style.leading * 1.5) == []
    canvas = Canvas(io.BytesIO())
    assert block.wrap(400, 2000) == (400, height)
    block.drawOn(canvas, 40, 40)  # raised AttributeError: the paragraph had lost its lines
    canvas.save()


def test_a_long_block_splits_into_two_that_hold_all_lines() -> None:
    """Split at a page end, the two blocks hold every line of the note between them."""
    fonts()
    style = styles().note
    block = Striped([Paragraph("word " * 400, style)], colors.black, run="X", ends_run=True)
    _, height = block.wrap(400, 2000)
    first, second = block.split(400, 200)
    _, h1 = first.wrap(400, 200)
    _, h2 = second.wrap(400, 2000)
    assert h1 <= 200
    assert abs((h1 + h2) - (height + 2 * PAD)) < 0.01  # each half has its own padding
    assert (first.ends_run, second.ends_run) == (False, True)
