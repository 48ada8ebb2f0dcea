"""A team's plan: the twelve sections with the day each is planned for, the days it was held,
which are done, and what comes next. Planned days are saved at once in the injected PlanStore.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crt_desktop.domain.dates import written_date
from crt_desktop.domain.plan import SECTIONS, same_team
from crt_desktop.domain.store import (
    PlanStore,
    SessionStore,
    SessionSummary,
    StorageError,
)
from crt_desktop.domain.store import plan_store_of as plan_store_of  # where the views look
from crt_desktop.domain.validation import ValidationError

HEADERS = ("Section", "Title", "Planned", "Held", "Done")
DONE = "\u2713 Done"  # ✓


def short_date(day: date) -> str:
    """e.g. "1 Mar 2027": short, for the table's columns."""
    return written_date(day, short=True)


@dataclass(frozen=True)
class PlanRow:
    section: int
    title: str
    planned_on: date | None
    held_on: tuple[date, ...]  # the days the team held a session on this section
    done: bool


def plan_rows(
    team: str,
    titles: Mapping[int, str],
    planned: Mapping[int, date],
    sessions: Sequence[SessionSummary],
    today: date,
) -> list[PlanRow]:
    """The team's twelve sections in order; a section is done once a session on it has been
    held (on or before today)."""
    rows = []
    for section in SECTIONS:
        held = tuple(
            sorted(s.held_on for s in sessions if same_team(s.team, team) and s.section == section)
        )
        rows.append(
            PlanRow(
                section=section,
                title=titles.get(section, ""),
                planned_on=planned.get(section),
                held_on=held,
                done=any(day <= today for day in held),
            )
        )
    return rows


def next_up(rows: Sequence[PlanRow]) -> PlanRow | None:
    """The first section not done yet (None when all twelve are)."""
    return next((row for row in rows if not row.done), None)


def next_sentence(rows: Sequence[PlanRow]) -> str:
    row = next_up(rows)
    if row is None:
        return "All twelve sections are done. Well done, all of you."
    when = f"planned for {short_date(row.planned_on)}" if row.planned_on else "not planned yet"
    return f"Next: Section {row.section} · {row.title} ({when})."


class TeamPlanDialog(QDialog):
    def __init__(
        self,
        plans: PlanStore,
        sessions: SessionStore,
        titles: Mapping[int, str],
        team: str | None = None,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Team plan")
        self.plans = plans
        self.sessions = sessions
        self.titles = dict(titles)
        self.today = today or date.today()
        self.rows: list[PlanRow] = []

        self.team = QComboBox()
        self.team.setEditable(True)
        self.team.setAccessibleName("Team")
        self.team.setMinimumWidth(260)
        # On a storage failure refresh() below reads the store again and says what is wrong.
        with contextlib.suppress(StorageError):
            self.team.addItems(plans.team_names())
        if team:
            self.team.setCurrentText(team)
        self.team.currentTextChanged.connect(lambda _t: self.refresh())

        self.table = QTableWidget(len(SECTIONS), len(HEADERS))
        self.table.setAccessibleName("The team's sections")
        self.table.setHorizontalHeaderLabels(list(HEADERS))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda *_a: self._row_chosen())

        self.next_label = QLabel()
        self.next_label.setObjectName("planNext")
        self.next_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("d MMM yyyy")
        self.day.setAccessibleName("Planned date")
        self.day.setDate(QDate(self.today.year, self.today.month, self.today.day))
        self.plan_button = QPushButton("Plan for this day")
        self.plan_button.clicked.connect(self.plan_selected)
        self.clear_button = QPushButton("Clear planned day")
        self.clear_button.clicked.connect(lambda: self.set_planned(self.selected_section(), None))

        top = QHBoxLayout()
        top.addWidget(QLabel("Team:"))
        top.addWidget(self.team, 1)
        edit = QHBoxLayout()
        edit.addWidget(QLabel("Selected section:"))
        edit.addWidget(self.day)
        edit.addWidget(self.plan_button)
        edit.addWidget(self.clear_button)
        edit.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.next_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(edit)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(820, 560)
        self.refresh()
        self.table.selectRow(0)

    @property
    def team_name(self) -> str:
        return " ".join(self.team.currentText().split())

    def selected_section(self) -> int:
        row = self.table.currentRow()
        return SECTIONS[row] if row >= 0 else SECTIONS[0]

    def refresh(self) -> None:
        team = self.team_name
        self.message.clear()
        try:
            planned = self.plans.team_plan(team) if team else {}
            sessions = self.sessions.list_sessions()
        except StorageError as exc:
            self.message.setText(str(exc))
            planned, sessions = {}, []
        self.rows = plan_rows(team, self.titles, planned, sessions, self.today)
        for r, row in enumerate(self.rows):
            cells = (
                str(row.section),
                row.title,
                short_date(row.planned_on) if row.planned_on else "—",
                ", ".join(short_date(d) for d in row.held_on) or "—",
                DONE if row.done else "",
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(r, c, item)
        self.next_label.setText(next_sentence(self.rows) if team else "Choose or type a team.")
        enabled = bool(team)
        self.plan_button.setEnabled(enabled)
        self.clear_button.setEnabled(enabled)

    def _row_chosen(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows) and self.rows[row].planned_on is not None:
            day = self.rows[row].planned_on
            assert day is not None
            self.day.setDate(QDate(day.year, day.month, day.day))

    def plan_selected(self) -> None:
        chosen: Any = self.day.date()
        self.set_planned(self.selected_section(), date(chosen.year(), chosen.month(), chosen.day()))

    def set_planned(self, section: int, day: date | None) -> bool:
        row = self.table.currentRow()
        try:
            self.plans.set_planned(self.team_name, section, day)
        except (ValidationError, StorageError) as exc:
            self.message.setText(str(exc))
            return False
        self.refresh()
        self.table.selectRow(max(row, 0))
        return True
