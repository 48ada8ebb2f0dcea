"""Counts by column and kind: a grouped bar chart and the same numbers as a table."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.platypus import Paragraph, Table, TableStyle

from ..pdf.fonts import FAMILY, markup
from ..pdf.styles import INK, KIND_LOOKS, MUTED, PANEL, RULE, Styles
from ..pdf.tagging import describe
from .digest import Digest

LABEL_SIZE = 9.5


def _nice_step(top: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if top / step <= 6:
            return step
    return max(1, top // 5)


def counts_chart(digest: Digest, width: float, height: float = 190.0) -> Drawing:
    """Bars per column, one per kind, each kind in its colour and named in the legend."""
    drawing = Drawing(width, height)
    # The drawing's default font is Helvetica, which is never embedded: set ours.
    drawing.initialFontName, drawing.initialFontSize = FAMILY, LABEL_SIZE
    chart = VerticalBarChart()
    chart.x, chart.y = 40, 42
    chart.width, chart.height = width - 60, height - 70
    chart.data = [[c.counts.get(kind, 0) for c in digest.columns] for kind in digest.kinds]
    top = max([1, *(v for row in chart.data for v in row)])
    step = _nice_step(top)
    chart.valueAxis.valueMin = 0
    # Headroom above the tallest bar for its number.
    chart.valueAxis.valueMax = (top // step + 1) * step
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = FAMILY
    chart.valueAxis.labels.fontSize = LABEL_SIZE
    chart.valueAxis.labels.fillColor = MUTED
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.gridStrokeColor = RULE
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.valueAxis.visibleGrid = True
    chart.categoryAxis.categoryNames = [c.column.title for c in digest.columns]
    chart.categoryAxis.labels.fontName = FAMILY
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.labels.fillColor = INK
    chart.categoryAxis.labels.dy = -4
    chart.categoryAxis.strokeColor = RULE
    chart.barSpacing = 2
    chart.groupSpacing = 14
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = FAMILY
    chart.barLabels.fontSize = LABEL_SIZE
    chart.barLabels.fillColor = INK
    chart.barLabels.nudge = 7
    for i, kind in enumerate(digest.kinds):
        chart.bars[i].fillColor = KIND_LOOKS[kind].strong
        chart.bars[i].strokeColor = colors.white
        chart.bars[i].strokeWidth = 0.5
    drawing.add(chart)

    legend = Legend()
    legend.x, legend.y = 40, height - 6
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 110
    legend.fontName = FAMILY
    legend.fontSize = LABEL_SIZE + 0.5
    legend.fillColor = INK
    legend.dx = legend.dy = 10
    legend.strokeWidth = 0
    legend.colorNamePairs = [(KIND_LOOKS[k].strong, f"{k.label} notes") for k in digest.kinds]
    drawing.add(legend)
    # What a screen reader says instead of the picture: the numbers the bars show.
    return describe(drawing, chart_alt_text(digest))


def chart_alt_text(digest: Digest) -> str:
    """The chart in words: each column's notes of each kind."""
    columns = "; ".join(
        f"{c.column.title}: "
        + ", ".join(f"{c.counts.get(k, 0)} {k.label.lower()}" for k in digest.kinds)
        for c in digest.columns
    )
    kinds = " and ".join(k.label.lower() for k in digest.kinds)
    return f"Bar chart of the notes in each column, {kinds}. {columns}."


def counts_table(digest: Digest, st: Styles, width: float) -> Table:
    """Rows are columns of the board; one count per kind and a total, with a total row."""

    def head(text: str) -> Paragraph:
        return Paragraph(text, st.table_head)

    def cell(text: str, bold: bool = False) -> Paragraph:
        return Paragraph(f"<b>{text}</b>" if bold else text, st.table_cell)

    rows: list[list[Paragraph]] = [
        [head("Column"), *(head(k.label) for k in digest.kinds), head("All notes")]
    ]
    for column in digest.columns:
        rows.append(
            [
                cell(markup(column.column.title)),
                *(cell(str(column.counts.get(k, 0))) for k in digest.kinds),
                cell(str(column.total)),
            ]
        )
    rows.append(
        [
            cell("Total", bold=True),
            *(cell(str(digest.total(k)), bold=True) for k in digest.kinds),
            cell(str(digest.total()), bold=True),
        ]
    )
    number_width = 90.0
    first = width - number_width * (len(digest.kinds) + 1)
    table = Table(
        rows,
        colWidths=[first, *([number_width] * (len(digest.kinds) + 1))],
        repeatRows=1,
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FAMILY),
                ("FONTSIZE", (0, 0), (-1, -1), 10),
                ("LINEBELOW", (0, 0), (-1, 0), 1, INK),
                ("LINEABOVE", (0, -1), (-1, -1), 0.8, INK),
                ("LINEBELOW", (0, 1), (-1, -2), 0.4, RULE),
                ("BACKGROUND", (0, 0), (-1, 0), PANEL),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    for i, kind in enumerate(digest.kinds, start=1):
        # A coloured mark under each kind's header echoes the chart and the note stripes.
        table.setStyle(TableStyle([("LINEBELOW", (i, 0), (i, 0), 3, KIND_LOOKS[kind].strong)]))
    return table
