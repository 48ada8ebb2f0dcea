"""Small charts of how one team stands over its sessions, drawn with ReportLab's graphics:
the same drawings go into the organisation PDF and, as SVG, into the organisation window.

Four panels, each over the team's sessions in date order: notes by column and kind, notes by
level, the share of leadership items answered, and the team survey's average agreement at each
stage. Every panel says its numbers in `describe` too, for the PDF's alternative text and for
people who do not read charts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.graphics import renderSVG
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from crt_desktop.domain.session import SURVEY_STAGES
from crt_desktop.domain.vocabulary import (
    CANNOT_CONTROL,
    I_CONTROL,
    LEADERSHIP_CONTROLS,
    Kind,
    Level,
)
from crt_desktop.organisation.teams import SessionStanding

from .pdf.fonts import FAMILY, fonts
from .pdf.styles import INK, KIND_LOOKS, MUTED, RULE

LABEL_SIZE = 8.5
PANEL_HEIGHT = 175.0
COLUMNS = (
    (I_CONTROL, "I control"),
    (LEADERSHIP_CONTROLS, "Leadership"),
    (CANNOT_CONTROL, "Cannot control"),
)
LEVEL_COLOURS = {
    Level.MINDSET: colors.HexColor("#4C6A92"),
    Level.TEAM: colors.HexColor("#6B8F5E"),
    Level.SYSTEM: colors.HexColor("#8E5A86"),
    None: colors.HexColor("#A0A6AD"),
}
STAGE_COLOURS = {
    "pre": colors.HexColor("#7A8793"),
    "mid": colors.HexColor("#B86E00"),
    "post": colors.HexColor("#1F6F8B"),
}
STAGE_NAMES = {"pre": "Before", "mid": "Midway", "post": "After"}


def _session_label(s: SessionStanding) -> str:
    return s.held_on.strftime("%d %b %y").lstrip("0")


def _title(drawing: Drawing, text: str, height: float) -> None:
    drawing.add(String(0, height - 12, text, fontName=FAMILY, fontSize=10.5, fillColor=INK))


def _style_axes(chart: VerticalBarChart, names: list[str]) -> None:
    chart.valueAxis.labels.fontName = FAMILY
    chart.valueAxis.labels.fontSize = LABEL_SIZE
    chart.valueAxis.labels.fillColor = MUTED
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.gridStrokeColor = RULE
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.valueAxis.visibleGrid = True
    chart.categoryAxis.categoryNames = names
    chart.categoryAxis.labels.fontName = FAMILY
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.labels.fillColor = INK
    chart.categoryAxis.labels.angle = 45 if len(names) > 8 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(names) > 8 else "n"
    chart.categoryAxis.strokeColor = RULE


def _legend(drawing: Drawing, pairs: list[tuple[colors.Color, str]], x: float) -> None:
    """The series' names in a list to the right of the chart."""
    legend = Legend()
    legend.x, legend.y = x, PANEL_HEIGHT - 24
    legend.alignment = "right"
    legend.columnMaximum = len(pairs)
    legend.deltay = 11
    legend.boxAnchor = "nw"
    legend.fontName = FAMILY
    legend.fontSize = LABEL_SIZE
    legend.fillColor = INK
    legend.dx = legend.dy = 8
    legend.strokeWidth = 0
    legend.colorNamePairs = pairs
    drawing.add(legend)


def _bars(
    title: str,
    names: list[str],
    series: list[tuple[colors.Color, str, list[float]]],
    width: float,
    *,
    stacked: bool = False,
    top: float | None = None,
) -> Drawing:
    drawing = Drawing(width, PANEL_HEIGHT)
    drawing.initialFontName, drawing.initialFontSize = FAMILY, LABEL_SIZE
    _title(drawing, title, PANEL_HEIGHT)
    if not series:
        drawing.add(
            String(
                30,
                PANEL_HEIGHT / 2,
                "No answers yet.",
                fontName=FAMILY,
                fontSize=10,
                fillColor=MUTED,
            )
        )
        return drawing
    chart = VerticalBarChart()
    chart.x, chart.y = 30, 48
    chart.width, chart.height = width - 170, PANEL_HEIGHT - 72
    chart.data = [values for _c, _n, values in series] or [[0]]
    if stacked:
        chart.categoryAxis.style = "stacked"
    chart.valueAxis.valueMin = 0
    if top is not None:
        chart.valueAxis.valueMax = top
    _style_axes(chart, names)
    for i, (colour, _name, _values) in enumerate(series):
        chart.bars[i].fillColor = colour
        chart.bars[i].strokeColor = colors.white
        chart.bars[i].strokeWidth = 0.3
    drawing.add(chart)
    _legend(drawing, [(c, n) for c, n, _v in series], chart.x + chart.width + 14)
    return drawing


def team_panels(sessions: Sequence[SessionStanding], width: float = 520.0) -> list[Drawing]:
    """The four panels for one team's sessions (oldest first)."""
    fonts()  # the app's fonts, registered once: labels are measured in them
    names = [_session_label(s) for s in sessions]
    by_column = [
        (
            KIND_LOOKS[kind].strong if column == LEADERSHIP_CONTROLS else _shade(column, kind),
            f"{label}, {kind.label.lower()}",
            [float(s.by_column_kind.get((column, kind), 0)) for s in sessions],
        )
        for column, label in COLUMNS
        for kind in Kind
    ]
    levels = [
        (
            LEVEL_COLOURS[level],
            level.label if level else "No level",
            [float(s.by_level.get(level, 0)) for s in sessions],
        )
        for level in (*Level, None)
    ]
    answered = [(INK, "Answered", [100 * (s.answered_share or 0) for s in sessions])]
    survey = [
        (STAGE_COLOURS[stage], STAGE_NAMES[stage], [s.survey_average(stage) or 0 for s in sessions])
        for stage in SURVEY_STAGES
        if any(s.survey_average(stage) is not None for s in sessions)
    ]
    return [
        _bars("Notes by column and kind", names, by_column, width, stacked=True),
        _bars("Notes by level", names, levels, width, stacked=True),
        _bars("Leadership items answered (%)", names, answered, width, top=100),
        _bars("Team survey: average agreement (1 to 5)", names, survey, width, top=5),
    ]


def _shade(column: str, kind: Kind) -> colors.Color:
    base = {I_CONTROL: "#3D7A5A", CANNOT_CONTROL: "#7A7F87"}.get(column, "#555B63")
    colour = colors.HexColor(base)
    return (
        colour
        if kind is Kind.FATIGUE
        else colors.linearlyInterpolatedColor(colour, colors.white, 0, 1, 0.5)
    )


def panel_texts(sessions: Sequence[SessionStanding]) -> list[str]:
    """What each of the four panels shows, in words (the PDF's alternative text for them)."""

    def each(numbers: Callable[[SessionStanding], str]) -> str:
        return "; ".join(f"{s.held_on.isoformat()}: {numbers(s)}" for s in sessions)

    def columns(s: SessionStanding) -> str:
        return ", ".join(
            f"{label} {s.by_column_kind.get((key, kind), 0)} {kind.label.lower()}"
            for key, label in COLUMNS
            for kind in Kind
        )

    def levels(s: SessionStanding) -> str:
        return ", ".join(
            f"{(level.label if level else 'no level')} {s.by_level.get(level, 0)}"
            for level in (*Level, None)
        )

    def answered(s: SessionStanding) -> str:
        return f"{s.answered} of {s.leadership_items} answered"

    def survey(s: SessionStanding) -> str:
        found = [
            f"{STAGE_NAMES[stage].lower()} {avg:.1f}"
            for stage in SURVEY_STAGES
            if (avg := s.survey_average(stage)) is not None
        ]
        return ", ".join(found) or "no answers"

    return [
        f"Notes by column and kind, by session. {each(columns)}.",
        f"Notes by level, by session. {each(levels)}.",
        f"Leadership items answered, by session. {each(answered)}.",
        f"Team survey, average agreement from 1 to 5, by session. {each(survey)}.",
    ]


def describe(sessions: Sequence[SessionStanding]) -> list[str]:
    """The panels' numbers in words, one line per session."""
    lines = []
    for s in sessions:
        columns = ", ".join(f"{label} {s.column_total(key)}" for key, label in COLUMNS)
        share = (
            "no leadership items"
            if s.answered_share is None
            else f"{s.answered} of {s.leadership_items} leadership items answered"
        )
        surveys = [
            f"{STAGE_NAMES[stage].lower()} {avg:.1f}"
            for stage in SURVEY_STAGES
            if (avg := s.survey_average(stage)) is not None
        ]
        survey = f"; survey {', '.join(surveys)}" if surveys else ""
        lines.append(f"{s.held_on.isoformat()} (section {s.section}): {columns}; {share}{survey}.")
    return lines


def team_svg(sessions: Sequence[SessionStanding], width: float = 520.0) -> str:
    """The four panels stacked in one SVG, for the organisation window."""
    panels = team_panels(sessions, width)
    drawing = Drawing(width, PANEL_HEIGHT * len(panels))
    for i, panel in enumerate(panels):
        panel.translate(0, PANEL_HEIGHT * (len(panels) - 1 - i))
        drawing.add(panel)
    # useClip: a clip property rather than a clipPath, which Qt's SVG Tiny renderer would
    # paint as a black rectangle; the font by the family name the system knows it under.
    return renderSVG.drawToString(
        drawing, useClip=True, fontHacks={FAMILY: {"family": "DejaVu Sans"}}
    )
