"""The organisation window: every team's leadership items and where each answer stands, the
drivers that recur across teams, and where each team stands over time.

Opened from the session list. Everything shown is counted or quoted from what rooms saw:
nothing names or hints at who wrote a note. Grouping recurring drivers can take a few seconds
on a large organisation, so it runs beside the window with a progress bar, and the items are
usable meanwhile.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QDate, QObject, QSettings, QSignalBlocker, Qt, Signal, Slot
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMainWindow,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crt_desktop.domain.store import StorageError
from crt_desktop.domain.validation import ValidationError
from crt_desktop.domain.vocabulary import Kind, Level, ResponseStatus
from crt_desktop.organisation.items import DEFAULT_OVERDUE_WEEKS, ItemFilter, OrgItem, filtered
from crt_desktop.organisation.recurring import DriverGroup, RecurringDrivers
from crt_desktop.organisation.source import ExportFailed, OrganisationServices
from crt_desktop.organisation.teams import SessionStanding, by_team, with_answers
from crt_desktop.qt_models.organisation_models import (
    DriverGroupsModel,
    DriverNotesModel,
    OrgItemsModel,
)

from . import collector
from .messages import warn
from .quitting import add_quit_key

ANY = "Any"
TEAMS_TAB = 2
WEEKS_SETTING = "organisation/overdue_weeks"


class _Stopped(Exception):
    """The person stopped the PDF part way; nothing is written."""


class _PdfWriting(QObject):
    """Writes the organisation PDF on a worker thread, telling the window how far it is."""

    moved = Signal(int, int)
    done = Signal(object)  # the file written, or None when stopped
    failed = Signal(str)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.stop = threading.Event()
        # Connected first, so the collector runs again before anything else sees the result.
        self.done.connect(lambda _path: collector.resume())
        self.failed.connect(lambda _message: collector.resume())

    def start(self, work: Callable[[Callable[[int, int], None]], Path]) -> None:
        self.stop.clear()
        collector.pause()

        def progress(done: int, total: int) -> None:
            if self.stop.is_set():
                raise _Stopped
            self.moved.emit(done, total)

        def run() -> None:
            try:
                self.done.emit(work(progress))
            except _Stopped:
                self.done.emit(None)
            except ExportFailed as exc:
                self.failed.emit(str(exc))
            except Exception as exc:  # a bug: still say so, and let the collector run again
                self.failed.emit(f"The organisation PDF could not be written ({exc}).")

        threading.Thread(target=run, name="organisation-pdf", daemon=True).start()


class _Grouping(QObject):
    """Runs the first grouping of recurring drivers on a worker thread; the result comes back
    to the window on the GUI thread through a queued signal."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.done.connect(lambda _drivers: collector.resume())
        self.failed.connect(lambda _message: collector.resume())

    def start(self, work: Callable[[], RecurringDrivers]) -> None:
        collector.pause()

        def run() -> None:
            try:
                self.done.emit(work())
            except StorageError as exc:
                self.failed.emit(str(exc))
            except Exception as exc:  # a bug: still say so, and let the collector run again
                self.failed.emit(f"The recurring drivers could not be grouped ({exc}).")

        threading.Thread(target=run, name="recurring-drivers", daemon=True).start()


@dataclass
class _Filters:
    """The filter row's widgets."""

    team: QComboBox
    section: QComboBox
    status: QComboBox
    kind: QComboBox
    level: QComboBox
    use_dates: QCheckBox
    held_from: QDateEdit
    held_to: QDateEdit
    overdue: QCheckBox
    weeks: QSpinBox


def _combo(name: str, choices: list[tuple[str, object]]) -> QComboBox:
    box = QComboBox()
    box.setAccessibleName(name)
    box.addItem(ANY, None)
    for text, value in choices:
        box.addItem(text, value)
    return box


def _labelled(text: str, widget: QWidget) -> QWidget:
    holder = QWidget()
    row = QVBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(2)
    label = QLabel(text)
    label.setBuddy(widget)
    row.addWidget(label)
    row.addWidget(widget)
    return holder


class OrganisationWindow(QMainWindow):
    def __init__(
        self,
        services: OrganisationServices,
        open_session: Callable[[int], None],
        column_titles: dict[str, str],
        *,
        today: Callable[[], date] = date.today,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__()
        self._services = services
        self._open_session = open_session
        self._today = today
        self._settings = settings if settings is not None else QSettings()
        self._all_items: list[OrgItem] = []
        # Each team's sessions in counts, read when the Teams tab is first shown.
        self._teams: dict[str, list[SessionStanding]] | None = None
        self._drivers: RecurringDrivers | None = None
        self._labels: dict[tuple[int, str], str] = {}  # note → its recurring driver's label
        self._grouping = _Grouping(self)
        self._pdf = _PdfWriting(self)
        self._pdf.moved.connect(self._pdf_moved)
        self._pdf.done.connect(self._pdf_done)
        self._pdf.failed.connect(self._pdf_failed)
        self._pdf_progress: QProgressDialog | None = None
        self.last_pdf: Path | None = None
        self._grouping.done.connect(self._grouped)
        self._grouping.failed.connect(self._grouping_failed)
        self.setWindowTitle("CRT Desktop — across the organisation")
        self.resize(1280, 760)

        self.tabs = QTabWidget()
        self.items_model = OrgItemsModel(today)
        self.groups_model = DriverGroupsModel()
        self.notes_model = DriverNotesModel(column_titles)
        self.tabs.addTab(self._items_tab(), "Leadership items")
        self.tabs.addTab(self._drivers_tab(), "Recurring drivers")
        self.tabs.addTab(self._teams_tab(), "Teams over time")
        self.tabs.currentChanged.connect(self._show_team)
        self.setCentralWidget(self.tabs)
        add_quit_key(self)
        self.reload()

    # -- building ---------------------------------------------------------------------------

    def _items_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        weeks = QSpinBox()
        weeks.setRange(1, 520)
        weeks.setSuffix(" weeks")
        weeks.setAccessibleName("Overdue after")
        stored = self._settings.value(WEEKS_SETTING, DEFAULT_OVERDUE_WEEKS)
        weeks.setValue(int(str(stored)) if str(stored).isdigit() else DEFAULT_OVERDUE_WEEKS)
        held_from, held_to = QDateEdit(), QDateEdit()
        for edit, name in ((held_from, "Held from"), (held_to, "Held to")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
            edit.setEnabled(False)
        self.filters = _Filters(
            team=_combo("Team", []),
            section=_combo("Section", [(str(n), n) for n in range(1, 13)]),
            status=_combo("Status", [(s.label, s) for s in ResponseStatus]),
            kind=_combo("Kind", [(k.label, k) for k in Kind]),
            level=_combo("Level", [(lv.label, lv) for lv in Level] + [("No level", "none")]),
            use_dates=QCheckBox("Only sessions held"),
            held_from=held_from,
            held_to=held_to,
            overdue=QCheckBox("Overdue only"),
            weeks=weeks,
        )
        f = self.filters
        row = QHBoxLayout()
        for text, widget in (
            ("Team", f.team),
            ("Section", f.section),
            ("Status", f.status),
            ("Kind", f.kind),
            ("Level", f.level),
        ):
            row.addWidget(_labelled(text, widget))
        dates = QHBoxLayout()
        dates.addWidget(f.use_dates)
        dates.addWidget(QLabel("from"))
        dates.addWidget(f.held_from)
        dates.addWidget(QLabel("to"))
        dates.addWidget(f.held_to)
        holder = QWidget()
        holder.setLayout(dates)
        row.addWidget(holder)
        row.addWidget(_labelled("Unanswered is overdue after", f.weeks))
        row.addWidget(f.overdue)
        row.addStretch(1)
        layout.addLayout(row)
        for box in (f.team, f.section, f.status, f.kind, f.level):
            box.currentIndexChanged.connect(self.apply_filters)
        f.use_dates.toggled.connect(f.held_from.setEnabled)
        f.use_dates.toggled.connect(f.held_to.setEnabled)
        f.use_dates.toggled.connect(self.apply_filters)
        f.held_from.dateChanged.connect(self.apply_filters)
        f.held_to.dateChanged.connect(self.apply_filters)
        f.overdue.toggled.connect(self.apply_filters)
        f.weeks.valueChanged.connect(self._weeks_changed)

        self.summary = QLabel()
        layout.addWidget(self.summary)
        self.items_view = QTableView()
        self.items_view.setModel(self.items_model)
        self.items_view.setSortingEnabled(True)
        self.items_view.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        self.items_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items_view.setWordWrap(False)
        self.items_view.setAlternatingRowColors(True)
        self.items_view.verticalHeader().setVisible(False)
        header = self.items_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((150, 60, 90, 320, 55, 90, 120, 130, 170, 160, 90, 120)):
            self.items_view.setColumnWidth(column, width)
        self.items_view.doubleClicked.connect(lambda _index: self.open_selected_session())
        layout.addWidget(self.items_view, 1)

        buttons = QHBoxLayout()
        open_button = QPushButton("Open its session")
        open_button.clicked.connect(self.open_selected_session)
        csv_button = QPushButton("Export as CSV…")
        csv_button.clicked.connect(self.export_csv)
        self.pdf_button = QPushButton("Export as PDF…")
        self.pdf_button.setToolTip(
            "The items shown, the drivers that recur across teams and each team's charts"
        )
        self.pdf_button.clicked.connect(self.export_pdf)
        buttons.addWidget(open_button)
        buttons.addStretch(1)
        buttons.addWidget(csv_button)
        buttons.addWidget(self.pdf_button)
        layout.addLayout(buttons)
        return tab

    def _drivers_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(
            QLabel(
                "Notes of different teams that say nearly the same thing. Merge groups that "
                "belong together, take notes out of a group they do not belong in, and name a "
                "group so it is kept."
            )
        )
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # grouping cannot tell how far it is: a busy bar
        self.progress.setFormat("Finding drivers that recur across teams…")
        self.progress.setTextVisible(True)
        self.progress.setAccessibleName("Finding drivers that recur across teams")
        layout.addWidget(self.progress)
        split = QSplitter()
        self.groups_view = QTableView()
        self.groups_view.setModel(self.groups_model)
        self.groups_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.groups_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.groups_view.verticalHeader().setVisible(False)
        self.groups_view.setWordWrap(False)
        groups_header = self.groups_view.horizontalHeader()
        groups_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        groups_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.groups_view.selectionModel().selectionChanged.connect(self._group_chosen)
        self.notes_view = QTableView()
        self.notes_view.setModel(self.notes_model)
        self.notes_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.notes_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.notes_view.verticalHeader().setVisible(False)
        self.notes_view.setWordWrap(False)
        notes_header = self.notes_view.horizontalHeader()
        notes_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        notes_header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        split.addWidget(self.groups_view)
        split.addWidget(self.notes_view)
        split.setSizes([700, 500])
        layout.addWidget(split, 1)
        buttons = QHBoxLayout()
        self.merge_button = QPushButton("Merge the selected groups")
        self.merge_button.clicked.connect(self.merge_selected)
        self.split_button = QPushButton("Take the selected notes out into a group of their own")
        self.split_button.clicked.connect(self.split_selected)
        self.name_button = QPushButton("Name the group…")
        self.name_button.clicked.connect(self.name_selected)
        for button in (self.merge_button, self.split_button, self.name_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return tab

    def _teams_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.team_choice = QComboBox()
        self.team_choice.setAccessibleName("Team")
        self.team_choice.setMinimumContentsLength(30)
        self.team_choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.team_choice.currentIndexChanged.connect(self._show_team)
        layout.addWidget(_labelled("Team", self.team_choice))
        self.chart = QSvgWidget()
        self.chart.setAccessibleName("Charts of the team's sessions")
        self.chart.setStyleSheet("background: white;")
        self.team_numbers = QLabel()
        self.team_numbers.setWordWrap(True)
        self.team_numbers.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addWidget(self.chart)
        column.addWidget(self.team_numbers)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout.addWidget(scroll, 1)
        return tab

    # -- data -------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read everything again: items and standings now, recurring drivers beside."""
        source = self._services.source
        try:
            self._all_items = source.leadership_items()
        except StorageError as exc:
            warn(self, "CRT Desktop", str(exc))
            return
        self._teams = None
        self._fill_teams(sorted({i.team for i in self._all_items}, key=lambda t: (t.casefold(), t)))
        if not self.filters.use_dates.isChecked() and self._all_items:
            # The range offered starts at the first session, ends today.
            first = min(i.held_on for i in self._all_items)
            for edit, day in (
                (self.filters.held_from, first),
                (self.filters.held_to, self._today()),
            ):
                with QSignalBlocker(edit):
                    edit.setDate(QDate(day.year, day.month, day.day))
        self.apply_filters()
        self.progress.show()
        self._grouping.start(lambda: RecurringDrivers(source.driver_notes()))

    def _fill_teams(self, names: list[str], *, show: bool = True) -> None:
        for box in (self.filters.team, self.team_choice):
            current = box.currentData()
            with QSignalBlocker(box):
                while box.count() > (1 if box is self.filters.team else 0):
                    box.removeItem(box.count() - 1)
                for name in names:
                    box.addItem(name, name)
                box.setCurrentIndex(max(0, box.findData(current)))
        if show:
            self._show_team()

    def _standings(self) -> dict[str, list[SessionStanding]]:
        if self._teams is None:
            try:
                read = self._services.source.standings()
            except StorageError as exc:
                warn(self, "CRT Desktop", str(exc))
                read = []
            self._teams = by_team(with_answers(read, self._all_items))
            names = list(self._teams)
            if names != [self.team_choice.itemData(i) for i in range(self.team_choice.count())]:
                # Teams without leadership items have sessions too.
                self._fill_teams(names, show=False)
        return self._teams

    def current_filter(self) -> ItemFilter:
        f = self.filters

        def chosen(box: QComboBox) -> frozenset[Any]:
            value = box.currentData()
            return frozenset() if value is None else frozenset({value})

        def day(edit: QDateEdit) -> date | None:
            if not f.use_dates.isChecked():
                return None
            picked = edit.date()
            return date(picked.year(), picked.month(), picked.day())

        return ItemFilter(
            teams=chosen(f.team),
            sections=chosen(f.section),
            statuses=chosen(f.status),
            kinds=chosen(f.kind),
            levels=frozenset(None if v == "none" else v for v in chosen(f.level)),
            held_from=day(f.held_from),
            held_to=day(f.held_to),
            overdue_only=f.overdue.isChecked(),
        )

    @Slot()
    def apply_filters(self) -> None:
        weeks = self.filters.weeks.value()
        shown = filtered(self._all_items, self.current_filter(), self._today(), weeks)
        self.items_model.set_items(shown, weeks)
        overdue = sum(self.items_model.overdue(i) for i in shown)
        self.summary.setText(
            f"{len(shown):,} of {len(self._all_items):,} leadership items shown; "
            f"{overdue:,} overdue (no answer {weeks} weeks after their session)."
        )

    @Slot(int)
    def _weeks_changed(self, weeks: int) -> None:
        self._settings.setValue(WEEKS_SETTING, weeks)
        self.apply_filters()

    def set_date_range(self, held_from: date, held_to: date) -> None:
        self.filters.held_from.setDate(QDate(held_from.year, held_from.month, held_from.day))
        self.filters.held_to.setDate(QDate(held_to.year, held_to.month, held_to.day))
        self.filters.use_dates.setChecked(True)

    # -- items ------------------------------------------------------------------------------

    def selected_item(self) -> OrgItem | None:
        rows = self.items_view.selectionModel().selectedRows()
        return self.items_model.item_at(rows[0].row()) if rows else None

    @Slot()
    def open_selected_session(self) -> None:
        item = self.selected_item()
        if item is None:
            warn(self, "CRT Desktop", "Choose an item first; its session then opens.")
            return
        self._open_session(item.session_id)

    def group_label_of(self, item: OrgItem) -> str:
        return self._labels.get(item.key, "")

    @Slot()
    def export_csv(self, path: Path | None = None) -> Path | None:
        if path is None:
            path = self._ask_path(
                "Export leadership items as CSV", "CSV files (*.csv)", "csv", "leadership-items.csv"
            )
            if path is None:
                return None
        try:
            return self._services.write_csv(
                self.items_model.items(),
                path,
                self._today(),
                self.filters.weeks.value(),
                self.group_label_of,
            )
        except ExportFailed as exc:  # one sentence naming the file
            warn(self, "CRT Desktop", str(exc))
        return None

    def _ask_path(self, title: str, name_filter: str, suffix: str, name: str) -> Path | None:
        dialog = QFileDialog(self, title)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(name_filter)
        dialog.setDefaultSuffix(suffix)
        dialog.selectFile(name)
        return Path(dialog.selectedFiles()[0]) if dialog.exec() else None

    @Slot()
    def export_pdf(self, path: Path | None = None) -> None:
        """Write the items shown as the organisation PDF, with a progress bar (it can take a
        while for a large organisation) that can stop it."""
        if self._pdf_progress is not None:
            return  # one at a time
        if path is None:
            path = self._ask_path(
                "Export the organisation PDF", "PDF files (*.pdf)", "pdf", "organisation.pdf"
            )
            if path is None:
                return
        items = self.items_model.items()
        shown_teams = {i.team for i in items}
        teams = {t: s for t, s in self._standings().items() if t in shown_teams}
        drivers = list(self.groups_model.groups())
        today, weeks, target = self._today(), self.filters.weeks.value(), path
        progress = QProgressDialog(
            "Writing the organisation PDF…", "Stop", 0, max(1, len(items)), self
        )
        progress.setWindowTitle("CRT Desktop")
        progress.setMinimumDuration(500)  # only for a PDF that takes a while
        progress.canceled.connect(self._pdf.stop.set)
        self._pdf_progress = progress
        self.pdf_button.setEnabled(False)
        self._pdf.start(
            lambda told: self._services.write_pdf(items, drivers, teams, target, today, weeks, told)
        )

    @Slot(int, int)
    def _pdf_moved(self, done: int, total: int) -> None:
        if self._pdf_progress is not None:
            self._pdf_progress.setMaximum(max(1, total))
            self._pdf_progress.setValue(done)

    def _pdf_finished(self) -> None:
        if self._pdf_progress is not None:
            self._pdf_progress.close()
            self._pdf_progress.deleteLater()
        self._pdf_progress = None
        self.pdf_button.setEnabled(True)

    @Slot(object)
    def _pdf_done(self, path: Path | None) -> None:
        self._pdf_finished()
        self.last_pdf = path
        if path is not None:
            self.statusBar().showMessage(f"Saved {path}", 8000)

    @Slot(str)
    def _pdf_failed(self, message: str) -> None:
        self._pdf_finished()
        warn(self, "CRT Desktop", message)

    # -- recurring drivers ------------------------------------------------------------------

    @Slot(object)
    def _grouped(self, drivers: RecurringDrivers) -> None:
        self._drivers = drivers
        self.progress.hide()
        self._show_groups()

    @Slot(str)
    def _grouping_failed(self, message: str) -> None:
        self.progress.hide()
        warn(self, "CRT Desktop", message)

    def _show_groups(self) -> None:
        if self._drivers is None:
            return
        try:
            stored = self._services.source.stored_groups()
        except StorageError as exc:
            warn(self, "CRT Desktop", str(exc))
            return
        groups = self._drivers.shown(stored)
        self._labels = {n.key: g.label for g in groups for n in g.notes}
        self.groups_model.set_groups(groups)
        self.notes_model.set_notes([])

    def selected_groups(self) -> list[DriverGroup]:
        rows = sorted(r.row() for r in self.groups_view.selectionModel().selectedRows())
        return [self.groups_model.group_at(r) for r in rows]

    @Slot()
    def _group_chosen(self) -> None:
        groups = self.selected_groups()
        self.notes_model.set_notes(groups[0].notes if len(groups) == 1 else [])

    def _change(self, action: Callable[[], object]) -> None:
        try:
            action()
        except (StorageError, ValidationError) as exc:
            warn(self, "CRT Desktop", str(exc))
        self._show_groups()

    @Slot()
    def merge_selected(self) -> None:
        groups = self.selected_groups()
        if len(groups) < 2:
            warn(self, "CRT Desktop", "Choose two groups or more to merge (Ctrl+click).")
            return
        source = self._services.source
        stored = [g.group_id for g in groups if g.group_id is not None]
        loose = [n.key for g in groups if g.group_id is None for n in g.notes]
        self._change(lambda: source.merge_groups(stored, extra=loose))

    @Slot()
    def split_selected(self) -> None:
        rows = sorted(r.row() for r in self.notes_view.selectionModel().selectedRows())
        groups = self.selected_groups()
        if len(groups) != 1 or not rows or len(rows) == self.notes_model.rowCount():
            warn(
                self,
                "CRT Desktop",
                "Choose one group, then the notes in it that belong elsewhere (not all of them).",
            )
            return
        taken = [self.notes_model.note_at(r).key for r in rows]
        group = groups[0]
        source = self._services.source
        kept = [n.key for n in group.notes if n.key not in set(taken)]

        def split() -> None:
            source.make_group(taken)
            if group.group_id is None:  # keep what is left together as the user saw it
                source.make_group(kept)

        self._change(split)

    @Slot()
    def name_selected(self, name: str | None = None) -> None:
        groups = self.selected_groups()
        if len(groups) != 1:
            warn(self, "CRT Desktop", "Choose one group to name.")
            return
        group = groups[0]
        if name is None:
            name, ok = QInputDialog.getText(
                self, "Name the group", "What do these notes have in common?", text=group.label
            )
            if not ok:
                return
        source = self._services.source
        if group.group_id is not None:
            group_id = group.group_id
            self._change(lambda: source.rename_group(group_id, name))
        else:
            members = [n.key for n in group.notes]
            self._change(lambda: source.make_group(members, name))

    # -- teams ------------------------------------------------------------------------------

    @Slot()
    def _show_team(self) -> None:
        if self.tabs.currentIndex() != TEAMS_TAB:
            return  # drawn when the tab is shown: the charts take a moment
        teams = self._standings()
        team = self.team_choice.currentData()
        sessions = teams.get(team, []) if team is not None else []
        if not sessions:
            self.chart.load(QByteArray())
            self.team_numbers.setText("No sessions yet.")
            return
        svg = self._services.team_svg(sessions)
        self.chart.load(QByteArray(svg.encode("utf-8")))
        size = self.chart.renderer().defaultSize()
        self.chart.setFixedSize(size * 1.5)
        self.team_numbers.setText("\n".join(self._services.describe_team(sessions)))
