"""The organisation view on a seeded organisation (200 teams × 24 sessions × 40 notes by
default: 192,000 notes): opening the window, a filter, a sort, grouping recurring drivers the
first time and again after a merge, and peak memory over the app's idle figure.

Run on its own (`python benchmarks/organisation.py`): seeding the organisation takes longer
than the rest of the suite together. Memory is measured in child processes, the idle figure
being the same process with the session list only.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from .stats import Figure, Limit

TODAY = date(2026, 12, 2)


def seed(db: Path, teams: int, sessions: int, notes: int) -> None:
    from crt_desktop.storage.database import open_database

    from .org_fixture import seed_organisation

    with open_database(db) as database:
        seed_organisation(database.store, teams, sessions, notes)


def _window(db: Path):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from crt_desktop.content import content
    from crt_desktop.organisation_services import column_titles, organisation_services
    from crt_desktop.storage.database import open_database
    from crt_desktop.views.organisation_window import OrganisationWindow

    app = QApplication.instance() or QApplication([])
    database = open_database(db)
    started = time.perf_counter()
    window = OrganisationWindow(
        organisation_services(database.engine, content()),
        lambda _id: None,
        column_titles(content()),
        today=lambda: TODAY,
    )
    window.show()
    app.processEvents()
    return window, database, time.perf_counter() - started


def _wait_for_groups(window) -> float:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    started = time.perf_counter()
    while window.groups_model.rowCount() == 0:
        QApplication.processEvents()
        time.sleep(0.005)
    return time.perf_counter() - started


def measure(db: Path, runs: int) -> list[Figure]:
    from crt_desktop.organisation.recurring import RecurringDrivers

    opens, filters, sorts, first_groupings, regroupings = [], [], [], [], []
    for _ in range(runs):
        window, database, opened = _window(db)
        opens.append(opened * 1000)
        _wait_for_groups(window)
        f = window.filters
        for team in ("Team 007", None):
            started = time.perf_counter()
            f.team.setCurrentIndex(max(0, f.team.findData(team)))
            filters.append((time.perf_counter() - started) * 1000)
        for column in (4, 0):
            started = time.perf_counter()
            window.items_view.sortByColumn(
                column, window.items_view.horizontalHeader().sortIndicatorOrder()
            )
            sorts.append((time.perf_counter() - started) * 1000)
        source = window._services.source
        started = time.perf_counter()
        drivers = RecurringDrivers(source.driver_notes())
        shown = drivers.shown(source.stored_groups())
        first_groupings.append(time.perf_counter() - started)
        a, b = shown[0], shown[1]
        group_id = source.merge_groups([], extra=[n.key for n in (*a.notes, *b.notes)])
        started = time.perf_counter()
        drivers.shown(source.stored_groups())
        regroupings.append((time.perf_counter() - started) * 1000)
        source.ungroup([n.key for n in (*a.notes, *b.notes)])
        del group_id
        window.close()
        database.close()
    return [
        Figure("org_open", "Organisation view opens", "ms", opens, (Limit("median", 1000),)),
        Figure("org_filter", "A filter answers", "ms", filters, (Limit("median", 100),)),
        Figure("org_sort", "A sort answers", "ms", sorts, (Limit("median", 100),)),
        Figure(
            "org_group", "Recurring drivers, first grouping", "s", first_groupings,
            (Limit("median", 3),),
        ),
        Figure(
            "org_regroup", "Recurring drivers after a merge", "ms", regroupings,
            (Limit("median", 200),),
        ),
    ]  # fmt: skip


def measure_pdf(db: Path, runs: int) -> list[Figure]:
    """The organisation PDF of every item: wall-clock time, and the processor time it used
    (the fairer figure on a machine shared with other work)."""
    from crt_desktop.content import content
    from crt_desktop.export.organisation_pdf import OrganisationReport, write_organisation_pdf
    from crt_desktop.organisation.recurring import RecurringDrivers
    from crt_desktop.organisation.teams import by_team, with_answers
    from crt_desktop.storage.database import open_database
    from crt_desktop.storage.organisation import OrganisationStore

    walls, cpus = [], []
    with open_database(db) as database:
        store = OrganisationStore(database.engine, content().templates)
        items = store.leadership_items()
        drivers = RecurringDrivers(store.driver_notes()).shown(store.stored_groups())
        teams = by_team(with_answers(store.standings(), items))
        report = OrganisationReport(items, drivers, teams, TODAY, 6)
        for _ in range(runs):
            wall, cpu = time.perf_counter(), time.process_time()
            write_organisation_pdf(report, db.with_suffix(".pdf"))
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
    note = f"{len(items):,} items"
    budget = (Limit("median", 30),)
    return [
        Figure("org_pdf", "Organisation PDF, every item", "s", walls, budget, note=note),
        Figure("org_pdf_cpu", "Organisation PDF, processor time", "s", cpus, budget, note=note),
    ]


_CHILD = """
import sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from PySide6.QtWidgets import QApplication
app = QApplication([])
if {open_view!r}:
    from benchmarks.bench_organisation import _wait_for_groups, _window
    window, database, _ = _window(Path({db!r}))
    _wait_for_groups(window)
else:
    from crt_desktop.content import content
    from crt_desktop.storage.database import open_database
    from crt_desktop.views.session_picker import SessionPicker
    database = open_database(Path({db!r}))
    picker = SessionPicker(database.store, {{s.number: s.title for s in content().sections}},
                           lambda n: content().section(n).template, lambda i: None)
    picker.show()
    for _ in range(20):
        app.processEvents()
        time.sleep(0.01)
# VmHWM, not ru_maxrss: the latter keeps the parent's peak across exec.
print(next(l.split()[1] for l in open("/proc/self/status") if l.startswith("VmHWM:")))
"""


def measure_memory(db: Path, runs: int) -> Figure:
    """Peak RSS of the app with the organisation view open, beside the session list alone."""
    root = str(Path(__file__).resolve().parent.parent)
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}

    def peak(open_view: bool) -> float:
        code = _CHILD.format(root=root, db=str(db), open_view=open_view)
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
        ).stdout
        return int(out.split()[-1]) / 1024  # kB → MB

    samples, floor = [], []
    for _ in range(runs):
        floor.append(peak(False))
        samples.append(peak(True))
    return Figure(
        "org_memory", "Peak memory, organisation view open", "MB", samples,
        (Limit("over_floor", 200),), floor, note="floor: the session list alone",
    )  # fmt: skip
