"""The parts of the leader summary that depend on the section's board: the anonymous dots of a
dots board, the numbered agreements of a ranked board, and the survey trend."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from crt_desktop.content.survey import STAGE_TITLES, Survey, result, stages_with_answers
from crt_desktop.domain.board import Board
from crt_desktop.domain.session import dots_key, tally

from ..pdf.blocks import Heading
from ..pdf.fonts import BOLD, FAMILY, markup
from ..pdf.styles import ACCENT, INK, PANEL, RULE, Styles
from ..pdf.tagging import describe

DOTS_LEAD = (
    "Each dot was placed anonymously. Only the total for each column is kept: nobody's own "
    "place is recorded, here or anywhere else."
)
SURVEY_LEAD = (
    "How many people chose each answer is all that is kept, never anyone's own answers. "
    "Each cell gives the average from 1 (strongly disagree) to 5 (strongly agree), and how "
    "many of those who answered agreed."
)


def dots_counts(board: Board) -> list[tuple[str, int]]:
    """(column title, dots) for every column of the board, in order."""
    return [(c.title, tally(board.session, dots_key(c.key))) for c in board.template.columns]


def dots_chart(counts: list[tuple[str, int]], width: float) -> Drawing:
    """One horizontal bar per column, its count written at the end of the bar."""
    row, label_w = 24.0, min(170.0, width * 0.32)
    drawing = Drawing(width, row * len(counts) + 4)
    drawing.initialFontName, drawing.initialFontSize = FAMILY, 10
    top = max([1, *(n for _, n in counts)])
    span = width - label_w - 40
    for i, (title, count) in enumerate(counts):
        y = drawing.height - (i + 1) * row
        drawing.add(String(0, y + 7, title, fontName=FAMILY, fontSize=10.5, fillColor=INK))
        bar = span * count / top
        drawing.add(Rect(label_w, y + 3, span, row - 8, fillColor=PANEL, strokeColor=None))
        if count:
            drawing.add(Rect(label_w, y + 3, bar, row - 8, fillColor=ACCENT, strokeColor=None))
        drawing.add(String(label_w + bar + 5, y + 7, str(count), fontName=BOLD, fontSize=10.5))
    alt = "Bar chart of the dots in each column. " + "; ".join(
        f"{title}: {count}" for title, count in counts
    )
    return describe(drawing, alt)


def dots(board: Board, st: Styles, width: float) -> list[Flowable]:
    counts = dots_counts(board)
    total = sum(n for _, n in counts)
    story: list[Flowable] = [
        Heading("Anonymous dots", st.heading, run=None),
        Paragraph(DOTS_LEAD, st.body),
    ]
    if not total:
        story.append(Paragraph("No dots were placed in this session.", st.body))
        return story
    story += [
        Paragraph(f"{total} dot{'s' if total != 1 else ''} in all.", st.body),
        dots_chart(counts, width),
        Spacer(0, 6),
    ]
    return story


def agreements(board: Board, st: Styles) -> list[Flowable]:
    """The ranked result column's cards as numbered agreements; those past the limit apart."""
    template = board.template
    if not template.ranked or not template.result_column:
        return []
    column = template.column(template.result_column)
    cards = [c for c in board.cards(column.key) if not c.hidden]
    title = markup(column.title)
    story: list[Flowable] = [Heading(title, st.heading, run=None)]
    if not cards:
        story.append(Paragraph(f"Nothing was placed in {title} yet.", st.body))
        return story
    limit = template.keep_top or len(cards)
    kept, beyond = cards[:limit], cards[limit:]
    story.append(
        Paragraph(
            "What the team agreed, in order. These are the lines of the break room poster.",
            st.lead_in,
        )
    )
    numbered = [
        Paragraph(f"<b>{number}.</b>\u2002{markup(card.text)}", st.box_line)
        for number, card in enumerate(kept, start=1)
    ]
    story.append(KeepTogether(numbered))  # the list reads as one, like the poster
    if beyond:
        story.append(Spacer(0, 4))
        story.append(
            Paragraph(
                f"Past the top {limit}, so not on the poster: "
                + "; ".join(markup(c.text) for c in beyond),
                st.meta,
            )
        )
    return story


def survey_trend(board: Board, chosen: Survey, st: Styles, width: float) -> list[Flowable]:
    """A table of each statement's average and agreement at each stage that has answers."""
    stages = stages_with_answers(board.session, chosen)
    if not stages:
        return []
    answers = len(chosen.answers)

    def cell(stage: str, question: str) -> Paragraph:
        found = result(board.session, stage, question, answers)
        if found.average is None:
            return Paragraph("<font color='#555B63'>no answers</font>", st.table_cell)
        return Paragraph(
            f"<b>{found.average:.1f}</b><br/>"
            f"<font size='9' color='#555B63'>{found.agree} of {found.people} agree</font>",
            st.table_cell,
        )

    head = [Paragraph("Statement", st.table_head)]
    head += [Paragraph(STAGE_TITLES[s], st.table_head) for s in stages]
    rows: list[list[Paragraph]] = [head]
    for q in chosen.questions:
        rows.append([Paragraph(markup(q.text), st.table_cell), *(cell(s, q.key) for s in stages)])
    number_w = 92.0
    table = Table(
        rows,
        colWidths=[width - number_w * len(stages), *([number_w] * len(stages))],
        repeatRows=1,
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, 0), 1, INK),
                ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
                ("BACKGROUND", (0, 0), (-1, 0), PANEL),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return [
        CondPageBreak(160),
        Heading("Survey", st.heading, run=None),
        Paragraph(SURVEY_LEAD, st.lead_in),
        table,
    ]
