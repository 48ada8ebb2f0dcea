"""The organisation window on a seeded organisation: filters and sorting of the items, overdue
items standing out, opening an item's session, merging, splitting and naming recurring
drivers (kept in the database), the CSV, and a team's charts."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QSettings, Qt
from PySide6.QtWidgets import QAbstractItemView

from benchmarks.org_fixture import seed_organisation
from crt_desktop.content import content
from crt_desktop.domain.vocabulary import ResponseStatus
from crt_desktop.organisation_services import column_titles, organisation_services
from crt_desktop.qt_models.organisation_models import OVERDUE_BACKGROUND
from crt_desktop.storage import open_database
from crt_desktop.views.organisation_window import OrganisationWindow

TODAY = date(2026, 12, 2)
ADD_ROW = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows


@pytest.fixture
def window(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    database = open_database(tmp_path / "org.db")
    seed_organisation(
        database.store, teams=3, sessions=4, notes=30, last_session=TODAY - timedelta(weeks=2)
    )
    opened: list[int] = []
    shown = OrganisationWindow(
        organisation_services(database.engine, content()),
        opened.append,
        column_titles(content()),
        today=lambda: TODAY,
    )
    qtbot.addWidget(shown)
    shown.opened = opened  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: shown.groups_model.rowCount() > 0, timeout=10_000)
    yield shown
    database.close()


def column_texts(view: QAbstractItemView, column: int) -> list[str]:
    model = view.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_filters_narrow_the_items_and_the_summary_counts_them(window) -> None:  # type: ignore[no-untyped-def]
    total = window.items_model.rowCount()
    assert total > 0
    f = window.filters
    f.team.setCurrentIndex(f.team.findData("Team 002"))
    assert set(column_texts(window.items_view, 0)) == {"Team 002"}
    f.status.setCurrentIndex(f.status.findData(ResponseStatus.NOT_REVIEWED))
    assert set(column_texts(window.items_view, 8)) == {"Not reviewed yet"}
    shown = window.items_model.rowCount()
    assert f"{shown:,} of {total:,} leadership items shown" in window.summary.text()
    f.team.setCurrentIndex(0)
    f.status.setCurrentIndex(0)
    window.set_date_range(TODAY - timedelta(weeks=3), TODAY)
    dates = column_texts(window.items_view, 2)
    assert dates and all(d >= (TODAY - timedelta(weeks=3)).isoformat() for d in dates)
    assert window.items_model.rowCount() < total


def test_overdue_items_stand_out_and_the_weeks_are_remembered(window) -> None:  # type: ignore[no-untyped-def]
    model = window.items_model
    overdue_rows = [r for r in range(model.rowCount()) if model.overdue(model.item_at(r))]
    assert overdue_rows, "the seeded organisation has unanswered items months old"
    index = model.index(overdue_rows[0], 11)
    assert index.data().endswith("days, overdue")
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() == OVERDUE_BACKGROUND
    window.filters.overdue.setChecked(True)
    assert all(model.overdue(model.item_at(r)) for r in range(model.rowCount()))
    before = model.rowCount()
    window.filters.weeks.setValue(30)  # more patience: fewer overdue
    assert model.rowCount() < before
    assert QSettings().value("organisation/overdue_weeks") in (30, "30")


def test_sorting_by_a_column_header_and_opening_the_session(window) -> None:  # type: ignore[no-untyped-def]
    window.items_view.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    votes = [int(v) for v in column_texts(window.items_view, 4)]
    assert votes == sorted(votes, reverse=True)
    window.items_view.selectRow(0)
    window.open_selected_session()
    assert window.opened == [window.items_model.item_at(0).session_id]


def test_merge_split_and_name_are_kept_in_the_database(window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    groups = window.groups_model
    first, second = groups.group_at(0), groups.group_at(1)
    window.groups_view.selectRow(0)
    window.groups_view.selectionModel().select(
        groups.index(1, 0),
        window.groups_view.selectionModel().SelectionFlag.Select
        | window.groups_view.selectionModel().SelectionFlag.Rows,
    )
    window.merge_selected()
    merged = groups.group_at(0)
    assert merged.group_id is not None
    assert {n.key for n in merged.notes} == {n.key for n in first.notes} | {
        n.key for n in second.notes
    }
    window.groups_view.selectRow(0)
    window.name_selected("Staffing and meetings")
    assert groups.group_at(0).label == "Staffing and meetings"
    # Split: take the first two notes out into a group of their own.
    window.groups_view.selectRow(0)
    window.notes_view.selectRow(0)
    window.notes_view.selectionModel().select(
        window.notes_model.index(1, 0),
        window.notes_view.selectionModel().SelectionFlag.Select
        | window.notes_view.selectionModel().SelectionFlag.Rows,
    )
    taken = {window.notes_model.note_at(0).key, window.notes_model.note_at(1).key}
    window.split_selected()
    stored = window._services.source.stored_groups()
    assert [g.name for g in stored] == ["Staffing and meetings", ""]
    assert stored[1].members == taken
    assert not (stored[0].members & taken)


def test_the_csv_holds_the_items_shown_with_their_recurring_driver(window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window.filters.overdue.setChecked(True)
    path = window.export_csv(tmp_path / "items.csv")
    with path.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    assert len(rows) == window.items_model.rowCount() > 0
    assert {r["overdue"] for r in rows} == {"yes"}
    assert any(r["recurring driver"] for r in rows)


def test_a_team_shows_its_charts_and_their_numbers_in_words(window) -> None:  # type: ignore[no-untyped-def]
    window.tabs.setCurrentIndex(2)
    window.team_choice.setCurrentIndex(1)
    assert window.chart.renderer().isValid()
    lines = window.team_numbers.text().splitlines()
    assert len(lines) == 4 and "leadership items answered" in lines[0]


def test_the_session_list_opens_the_organisation_window_and_it_opens_a_session(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    from crt_desktop.app import Desktop, make_services

    database = open_database(tmp_path / "org.db")
    seed_organisation(database.store, teams=2, sessions=2, notes=12, last_session=TODAY)
    desktop = Desktop(
        make_services(database.store, content()),
        screen=None,
        present=False,
        organisation=lambda: organisation_services(database.engine, content()),
    )
    qtbot.addWidget(desktop.picker)
    desktop.picker.show()
    assert desktop.picker.organisation_button.isVisibleTo(desktop.picker)
    desktop.picker.organisation_button.click()
    window = desktop._organisation_window
    assert window is not None and window.isVisible()
    qtbot.addWidget(window)
    window.items_view.selectRow(0)
    window.open_selected_session()
    console, _room = desktop.windows
    assert console.windowTitle().find(window.items_model.item_at(0).team) >= 0
    for shown in desktop.windows:
        shown.close()
    database.close()


def test_without_an_organisation_the_session_list_has_no_such_button(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    from crt_desktop.app import Desktop, make_services

    database = open_database(tmp_path / "org.db")
    desktop = Desktop(make_services(database.store, content()), screen=None, present=False)
    qtbot.addWidget(desktop.picker)
    assert not desktop.picker.organisation_button.isVisibleTo(desktop.picker)
    database.close()


def test_the_pdf_of_the_items_shown_is_written_beside_the_window(qtbot, window, tmp_path):  # type: ignore[no-untyped-def]
    window.filters.team.setCurrentIndex(window.filters.team.findData("Team 001"))
    target = tmp_path / "organisation.pdf"
    window.export_pdf(target)
    qtbot.waitUntil(lambda: window.last_pdf is not None, timeout=20_000)
    assert window.last_pdf == target and target.read_bytes().startswith(b"%PDF")
    assert window.pdf_button.isEnabled()


def test_stopping_the_pdf_part_way_leaves_no_file(qtbot, window, tmp_path):  # type: ignore[no-untyped-def]
    import threading

    from crt_desktop.views.organisation_window import _PdfWriting

    writing = _PdfWriting(window)
    release = threading.Event()
    target = tmp_path / "never.pdf"

    def work(told):  # type: ignore[no-untyped-def]
        release.wait(5)
        told(1, 2)  # the layout goes on: the stop is noticed here
        target.write_bytes(b"%PDF")
        return target

    with qtbot.waitSignal(writing.done, timeout=5000) as finished:
        writing.start(work)
        writing.stop.set()
        release.set()
    assert finished.args == [None] and not target.exists()


def test_the_collector_is_paused_while_a_worker_runs_and_runs_again_after(qtbot, window):  # type: ignore[no-untyped-def]
    """A collection on a worker thread could free Qt objects of the interface thread."""
    import gc

    assert gc.isenabled()  # the fixture's grouping is done
    window.reload()
    assert not gc.isenabled()
    qtbot.waitUntil(gc.isenabled, timeout=10_000)
