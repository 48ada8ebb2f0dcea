"""The first window: every session of every team, newest first; start a new one or open one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crt_desktop.domain.dates import written_date
from crt_desktop.domain.session import Session
from crt_desktop.domain.store import DamagedSessions, SessionStore, StorageError
from crt_desktop.domain.validation import ValidationError
from crt_desktop.qt_models.session_list_model import SessionListModel

from .messages import ask, warn
from .new_session_dialog import NewSessionDialog
from .quitting import add_quit_key
from .team_plan import TeamPlanDialog, plan_store_of


class SessionPicker(QMainWindow):
    """Lists sessions and hands the chosen session id to `open_session`."""

    def __init__(
        self,
        store: SessionStore,
        section_titles: dict[int, str],
        template_for_section: Callable[[int], str],
        open_session: Callable[[int], None],
        open_organisation: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self._store = store
        self._titles = section_titles
        self._template_for = template_for_section
        self._open_session = open_session
        self.setWindowTitle("CRT Desktop — sessions")
        self.resize(900, 560)

        heading = QLabel("Sessions")
        heading.setObjectName("heading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        self.empty_hint = QLabel(
            "No sessions yet. Start one with “New session”: it takes a team name and a section."
        )
        self.empty_hint.setWordWrap(True)

        self.model = SessionListModel(section_titles)
        self.table = QTableView()
        self.table.setAccessibleName("Sessions")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._open_index)

        self.new_button = QPushButton("New session…")
        self.new_button.setDefault(True)
        self.new_button.clicked.connect(self.new_session)
        self.open_button = QPushButton("Open")
        self.open_button.clicked.connect(self.open_selected)
        self.plan_button = QPushButton("Team plan…")
        self.plan_button.setToolTip("The twelve sections of a team: planned, held, what is next")
        self.plan_button.clicked.connect(self.show_team_plan)
        self.plan_button.setVisible(plan_store_of(store) is not None)
        self.organisation_button = QPushButton("Across the organisation…")
        self.organisation_button.setToolTip(
            "Every team's leadership items, the drivers that recur across teams, and where "
            "each team stands"
        )
        self.organisation_button.setVisible(open_organisation is not None)
        if open_organisation is not None:
            self.organisation_button.clicked.connect(open_organisation)
        self.delete_button = QPushButton("Delete session…")
        self.delete_button.setToolTip("Delete the selected session and all its notes, after asking")
        self.delete_button.clicked.connect(lambda: self.delete_selected())

        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.plan_button)
        buttons.addWidget(self.organisation_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout()
        layout.addWidget(heading)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)

        QShortcut(QKeySequence("Ctrl+N"), self, self.new_session)
        # Esc closes the list as it would a dialog: with no session open that ends CRT Desktop,
        # which has saved everything already.
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        add_quit_key(self)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, self.open_selected)
        self.refresh()

    def refresh(self, select: int | None = None) -> None:
        try:
            sessions = self._store.list_sessions()
        except DamagedSessions as exc:
            # Show what still reads, so it can be opened and exported, and say what does not.
            sessions = exc.readable
            warn(self, "CRT Desktop", str(exc))
        except StorageError as exc:
            warn(self, "CRT Desktop", str(exc))
            sessions = []
        self.model.set_sessions(sessions)
        self.empty_hint.setVisible(not sessions)
        self.open_button.setEnabled(bool(sessions))
        self.delete_button.setEnabled(bool(sessions))
        row = self.model.row_of(select) if select is not None else (0 if sessions else None)
        if row is not None:
            self.table.selectRow(row)

    def new_session(self) -> None:
        teams = [s.team for s in self.model.sessions()]
        dialog = NewSessionDialog(self._titles, teams, self)
        if dialog.exec() != NewSessionDialog.DialogCode.Accepted:
            return
        self.create_and_open(*dialog.values())

    def create_and_open(self, team: str, section: int, held_on: date, facilitators: str) -> None:
        session = Session(
            team=team,
            section=section,
            held_on=held_on,
            template=self._template_for(section),
            facilitation_team=facilitators,
        )
        try:
            saved = self._store.create_session(session)
        except (StorageError, ValidationError) as exc:
            warn(self, "CRT Desktop", str(exc))
            return
        assert saved.id is not None
        self.refresh(select=saved.id)
        self._open_session(saved.id)

    def show_team_plan(self) -> TeamPlanDialog | None:
        """The team plan, for the selected session's team; the dialog (shown) or None."""
        plans = plan_store_of(self._store)
        if plans is None:
            return None
        rows = self.table.selectionModel().selectedRows()
        team = self.model.session_at(rows[0].row()).team if rows else None
        dialog = TeamPlanDialog(plans, self._store, self._titles, team, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def delete_selected(self, confirm: Callable[[str], bool] | None = None) -> bool:
        """Ask (naming the team, day and notes), then delete the selected session for good.

        `confirm` gets the question and says yes or no (a dialog by default; tests replace
        it). True when the session was deleted."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return False
        summary = self.model.session_at(rows[0].row())
        notes = f"{summary.note_count} note{'' if summary.note_count == 1 else 's'}"
        question = (
            f"Delete the session of {summary.team} on {written_date(summary.held_on)} "
            f"(Section {summary.section}, {notes}, session {summary.id})? This cannot be undone."
        )
        asked = confirm or (lambda text: ask(self, "Delete session", text, "Delete"))
        if not asked(question):
            return False
        try:
            self._store.delete_session(summary.id)
        except KeyError:
            pass  # already gone: the list below catches up
        except StorageError as exc:
            warn(self, "CRT Desktop", str(exc))
            return False
        self.refresh()
        return True

    def open_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._open_index(rows[0])

    def _open_index(self, index: QModelIndex) -> None:
        self._open_session(self.model.session_at(index.row()).id)
