"""The organisation PDF: what staff across the organisation ask of leaders, where each answer
stands, the drivers that recur across teams, and where each team stands over time.

Laid out on the pages every PDF of the app shares (export/pdf). Every leadership item is listed
at the end, most overdue first; a large organisation makes a long document, so the items go in
tables of a few hundred rows (one table of tens of thousands would be laid out far more slowly)
and `progress` is told how far the layout has got.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table, TableStyle

from crt_desktop.domain.dates import written_date
from crt_desktop.domain.vocabulary import CANNOT_CONTROL, I_CONTROL, LEADERSHIP_CONTROLS
from crt_desktop.organisation.items import OrgItem
from crt_desktop.organisation.recurring import DriverGroup
from crt_desktop.organisation.teams import SessionStanding

from .organisation_charts import describe, panel_texts, team_panels
from .pdf.blocks import Heading
from .pdf.files import write_atomically
from .pdf.fonts import FAMILY, fonts
from .pdf.pages import body_width, build_pdf
from .pdf.paragraphs import user_paragraph
from .pdf.styles import INK, PANEL, RULE, Styles, styles
from .pdf.tagging import describe as figure

ROWS_PER_TABLE = 250
CELL_PADDING = 6  # ReportLab's default left and right padding of a table cell
# Teams are shown as charts when the report covers this many or fewer; beyond that, a table
# of where each team stands (hundreds of charts would bury the page the reader needs).
TEAMS_CHARTED = 12
# At most this many drivers are listed: the rest recur less and are in the CSV.
DRIVERS_LISTED = 60


@dataclass(frozen=True)
class OrganisationReport:
    """What the PDF shows, as the window or the command line worked it out."""

    items: Sequence[OrgItem]
    drivers: Sequence[DriverGroup]
    teams: dict[str, list[SessionStanding]]
    today: date
    weeks: int
    # The filters the items were narrowed by, in words ("Team 007; overdue only"); "" for none.
    narrowed_by: str = ""


class _Progress(Flowable):
    """Tells `progress` how many items are laid out when the layout reaches it; draws nothing."""

    def __init__(self, done: int, total: int, progress: Callable[[int, int], None]) -> None:
        super().__init__()
        self.done, self.total, self.progress = done, total, progress
        self.width = self.height = 0

    def wrap(self, *_args: Any) -> tuple[float, float]:
        return (0, 0)

    def draw(self) -> None:
        self.progress(self.done, self.total)


def _table(rows: list[list[Any]], widths: list[float], *, numbers: Sequence[int] = ()) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    style = [
        ("FONTNAME", (0, 0), (-1, -1), FAMILY),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("LEADING", (0, 0), (-1, -1), 11),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("BACKGROUND", (0, 0), (-1, 0), PANEL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    style += [("ALIGN", (c, 0), (c, -1), "RIGHT") for c in numbers]
    table.setStyle(TableStyle(style))
    return table


def _head(
    texts: Sequence[str], st: Styles, numbers: Sequence[int] = (), size: float | None = None
) -> list[Paragraph]:
    """Header cells; those over numbers align right, as the numbers do."""
    left = st.table_head
    if size is not None:
        left = left.clone("table_head_small", fontSize=size, leading=size + 2)
    right = left.clone("table_head_right", alignment=TA_RIGHT)
    return [Paragraph(t, right if i in numbers else left) for i, t in enumerate(texts)]


def _summary(report: OrganisationReport, st: Styles) -> list[Flowable]:
    items = report.items
    overdue = sum(i.is_overdue(report.today, report.weeks) for i in items)
    answered = sum(i.status.value != "not_reviewed" for i in items)
    teams = len({i.team for i in items})
    lines = [
        f"{len(items):,} leadership items from {teams:,} teams; {answered:,} have an answer.",
        f"{overdue:,} are overdue: no answer {report.weeks} weeks after their session.",
    ]
    if report.narrowed_by:
        lines.append(f"Only: {report.narrowed_by}.")
    return [Paragraph(line, st.cover_line) for line in lines]


def _overdue(report: OrganisationReport, st: Styles, width: float) -> list[Flowable]:
    late = sorted(
        (i for i in report.items if i.is_overdue(report.today, report.weeks)),
        key=lambda i: (-i.waited_days(report.today), i.team.casefold(), i.note_id),
    )[:40]
    flow: list[Flowable] = [Heading("Waiting longest for an answer", st.heading, run=None)]
    if not late:
        return [*flow, Paragraph("No item is overdue.", st.body)]
    rows = [_head(("Team", "Session", "Note", "Votes", "Waiting"), st, (3, 4))]
    for item in late:
        rows.append(
            [
                user_paragraph(item.team, st.table_cell),
                item.held_on.isoformat(),
                user_paragraph(item.text, st.table_cell),
                str(item.votes),
                f"{item.waited_days(report.today)} days",
            ]
        )
    return [*flow, _table(rows, _split(width, (0.18, 0.14, 0.44, 0.1, 0.14)), numbers=(3, 4))]


def _drivers(report: OrganisationReport, st: Styles, width: float) -> list[Flowable]:
    flow: list[Flowable] = [
        Heading("Drivers that recur across teams", st.heading, run=None),
        Paragraph(
            "Notes of different teams that say nearly the same thing, with how many teams and "
            "sessions named them and where their notes sit.",
            st.body,
        ),
    ]
    if not report.drivers:
        return [*flow, Paragraph("No driver was named by more than one team.", st.body)]
    rows = [
        _head(
            ("Driver", "Teams", "Sessions", "I control", "Leadership", "Cannot control"),
            st,
            (1, 2, 3, 4, 5),
        )
    ]
    for group in report.drivers[:DRIVERS_LISTED]:
        counts = group.by_column()
        rows.append(
            [
                user_paragraph(group.label, st.table_cell),
                str(group.teams),
                str(group.sessions),
                str(counts.get(I_CONTROL, 0)),
                str(counts.get(LEADERSHIP_CONTROLS, 0)),
                str(counts.get(CANNOT_CONTROL, 0)),
            ]
        )
    widths = _split(width, (0.3, 0.1, 0.13, 0.13, 0.16, 0.18))
    return [*flow, _table(rows, widths, numbers=(1, 2, 3, 4, 5))]


def _teams(report: OrganisationReport, st: Styles, width: float) -> list[Flowable]:
    flow: list[Flowable] = [Heading("Where each team stands", st.heading, run=None)]
    if len(report.teams) > TEAMS_CHARTED:
        return [*flow, *_teams_table(report, st, width)]
    for team, sessions in report.teams.items():
        flow.append(CondPageBreak(120 * mm))
        flow.append(user_paragraph(team, st.subheading))
        for panel, text in zip(team_panels(sessions, width), panel_texts(sessions), strict=True):
            flow.append(figure(panel, text))
        for line in describe(sessions):
            flow.append(Paragraph(line, st.small))
        flow.append(Spacer(1, 6))
    return flow


def _teams_table(report: OrganisationReport, st: Styles, width: float) -> list[Flowable]:
    """One row per team: its sessions, its leadership items and how many are answered or
    overdue, and its survey's average agreement before and after (1 to 5)."""
    today, weeks = report.today, report.weeks
    overdue: dict[str, int] = {}
    for item in report.items:
        if item.is_overdue(today, weeks):
            overdue[item.team] = overdue.get(item.team, 0) + 1
    numbers = (1, 3, 4, 5, 6, 7)
    rows: list[list[Any]] = [
        _head(
            ("Team", "Sessions", "Last held", "Items", "Answered", "Overdue", "Before",
             "After"),
            st,
            numbers,
            size=8.5,
        )
    ]  # fmt: skip
    widths = _split(width, (0.2, 0.12, 0.14, 0.09, 0.13, 0.12, 0.1, 0.1))
    for team, sessions in report.teams.items():
        items = sum(s.leadership_items for s in sessions)
        answered = sum(s.answered for s in sessions)
        rows.append(
            [
                _cell(team, st.table_cell, widths[0]),
                str(len(sessions)),
                sessions[-1].held_on.isoformat() if sessions else "",
                str(items),
                f"{100 * answered / items:.0f} %" if items else "",
                str(overdue.get(team, 0)),
                _average(sessions, "pre"),
                _average(sessions, "post"),
            ]
        )
    note = Paragraph(
        f"{len(report.teams):,} teams. Items: their leadership items, how many have an answer "
        "and how many are overdue. Before and After: the team survey's average agreement "
        "(1 to 5). Each team's charts over time are in the organisation window (Teams over "
        "time), and in this PDF when it covers a few teams.",
        st.body,
    )
    return [note, _table(rows, widths, numbers=numbers)]


def _average(sessions: Sequence[SessionStanding], stage: str) -> str:
    total = people = 0
    for s in sessions:
        t, p = s.survey.get(stage, (0, 0))
        total, people = total + t, people + p
    return f"{total / people:.1f}" if people else ""


def _every_item(
    report: OrganisationReport,
    st: Styles,
    width: float,
    progress: Callable[[int, int], None] | None,
) -> list[Flowable]:
    flow: list[Flowable] = [
        Heading("Every leadership item", st.heading, run=None),
        Paragraph("Overdue items first, those waiting longest at the top.", st.body),
    ]
    today, weeks = report.today, report.weeks
    ordered = sorted(
        report.items,
        key=lambda i: (not i.is_overdue(today, weeks), -i.waited_days(today), i.team.casefold()),
    )
    head = _head(("Team", "Session", "Note", "Votes", "Status", "Waiting"), st, (3,))
    widths = _split(width, (0.15, 0.13, 0.29, 0.09, 0.19, 0.15))
    cell = st.table_cell.clone("item_cell", fontSize=9, leading=11)
    for start in range(0, len(ordered), ROWS_PER_TABLE):
        rows = [head]
        for item in ordered[start : start + ROWS_PER_TABLE]:
            late = item.is_overdue(today, weeks)
            rows.append(
                [
                    _cell(item.team, cell, widths[0]),
                    item.held_on.isoformat(),
                    _cell(item.text, cell, widths[2]),
                    str(item.votes),
                    item.status.label,
                    f"{item.waited_days(today)} days" + ("\noverdue" if late else ""),
                ]
            )
        flow.append(_table(rows, widths, numbers=(3,)))
        if progress is not None:
            flow.append(
                _Progress(min(start + ROWS_PER_TABLE, len(ordered)), len(ordered), progress)
            )
    return flow


def _cell(text: str, style: Any, width: float) -> str | Paragraph:
    """A table cell for user text: a plain string when it fits on one line in the bundled font
    (drawn as text, never read as markup, and far quicker to lay out), else a paragraph that
    wraps and falls back to other fonts."""
    flat = " ".join(text.split())
    fits = stringWidth(flat, style.fontName, style.fontSize) <= width - 2 * CELL_PADDING
    if flat == text and fits and fonts().covers(flat):
        return flat
    return user_paragraph(text, style)


def _split(width: float, shares: Sequence[float]) -> list[float]:
    return [width * share / sum(shares) for share in shares]


def write_organisation_pdf(
    report: OrganisationReport,
    path: Path,
    *,
    pagesize: str = "A4",
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Write the organisation PDF whole or not at all (ExportError, one sentence, if not)."""
    fonts()  # registered before any paragraph is made in them
    st = styles()
    width = body_width(pagesize)
    story: list[Flowable] = [
        Paragraph("Across the organisation", st.title),
        Paragraph("What staff ask of leaders, and where each answer stands", st.team),
        Paragraph(f"As of {written_date(report.today)}", st.cover_line),
        *_summary(report, st),
        *_overdue(report, st, width),
        *_drivers(report, st, width),
        *_teams(report, st, width),
        *_every_item(report, st, width, progress),
    ]

    def write(file: BinaryIO) -> None:
        build_pdf(
            story,
            file,
            st=st,
            pagesize=pagesize,
            footer="Across the organisation",
            title="Across the organisation: leadership items",
            subject="Leadership items of every team, recurring drivers and each team over time",
            made_on=report.today,
        )

    return write_atomically(path, write, "the organisation PDF")
