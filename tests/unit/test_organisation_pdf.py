"""The organisation PDF: what it says, in order, user text as written, and progress told."""

from __future__ import annotations

import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest

from benchmarks.org_fixture import seed_organisation
from crt_desktop.content import content
from crt_desktop.domain.note import Note
from crt_desktop.domain.vocabulary import Kind
from crt_desktop.export.organisation_pdf import (
    ROWS_PER_TABLE,
    OrganisationReport,
    write_organisation_pdf,
)
from crt_desktop.organisation.recurring import RecurringDrivers
from crt_desktop.organisation.teams import by_team, with_answers
from crt_desktop.storage import open_database
from crt_desktop.storage.organisation import OrganisationStore
from tests.unit.builders import control_board
from tests.unit.test_cli import run

TODAY = date(2026, 12, 2)


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture
def report(tmp_path: Path) -> OrganisationReport:
    with open_database(tmp_path / "org.db") as database:
        seed_organisation(database.store, 3, 6, 30, last_session=TODAY - timedelta(weeks=1))
        hostile = control_board(team="Team <b>&amp;", held_on=TODAY - timedelta(weeks=60))
        hostile.notes["x"] = Note(
            '<font size="40">Big</font> & "quoted"', column="leadership_controls", id="x"
        )
        database.store.save_board(hostile)
        store = OrganisationStore(database.engine, content().templates)
        items = store.leadership_items()
        drivers = RecurringDrivers(store.driver_notes()).shown(store.stored_groups())
        teams = by_team(with_answers(store.standings(), items))
    return OrganisationReport(items, drivers, teams, TODAY, 6)


def test_the_pdf_reads_in_order_with_every_item_and_user_text_as_written(report, tmp_path):
    progress: list[tuple[int, int]] = []
    path = write_organisation_pdf(
        report, tmp_path / "org.pdf", progress=lambda d, t: progress.append((d, t))
    )
    text = pdf_text(path)
    headings = [
        "What staff ask of leaders",
        "Waiting longest for an answer",
        "Drivers that recur across teams",
        "Where each team stands",
        "Every leadership item",
    ]
    places = [text.index(h) for h in headings]
    assert places == sorted(places)
    assert f"{len(report.items):,} leadership items from 4 teams" in text
    # Markup in a note or a team's name is printed, never obeyed.
    assert '<font size="40">Big</font> & "quoted"' in text
    assert "Team <b>&amp;" in text
    # The hostile item is the one waiting longest.
    waiting = text[text.index("Waiting longest") : text.index("Drivers that recur")]
    assert waiting.index("Big") < waiting.index("Team 00")
    # Progress: once per table of items, up to the total.
    total = len(report.items)
    assert progress[-1] == (total, total)
    assert len(progress) == -(-total // ROWS_PER_TABLE)
    assert [d for d, _ in progress] == sorted(d for d, _ in progress)


def test_a_team_without_overdue_items_or_drivers_says_so(tmp_path):
    report = OrganisationReport((), (), {}, TODAY, 6)
    text = pdf_text(write_organisation_pdf(report, tmp_path / "empty.pdf"))
    assert "No item is overdue." in text and "No driver was named by more than one team." in text


def test_the_command_line_writes_the_pdf_beside_the_csv(capsys, tmp_path):
    db = tmp_path / "org.db"
    with open_database(db) as database:
        seed_organisation(database.store, 2, 3, 20, last_session=TODAY)
    out = tmp_path / "org.pdf"
    status, printed, err = run(
        capsys, "organisation", "--csv", str(tmp_path / "o.csv"), "--pdf", str(out),
        "--team", "Team 001", "--paper", "Letter", "--db", str(db),
    )  # fmt: skip
    assert (status, err) == (0, "")
    assert printed.split() == [str(tmp_path / "o.csv"), str(out)]
    text = pdf_text(out)
    assert "Only: teams Team 001." in text and "Team 002" not in text


def test_many_teams_stand_in_one_table_rather_than_pages_of_charts(tmp_path):
    from crt_desktop.export.organisation_pdf import TEAMS_CHARTED

    with open_database(tmp_path / "org.db") as database:
        seed_organisation(database.store, TEAMS_CHARTED + 1, 2, 10, last_session=TODAY)
        store = OrganisationStore(database.engine, content().templates)
        items = store.leadership_items()
        teams = by_team(with_answers(store.standings(), items))
    report = OrganisationReport(items, (), teams, TODAY, 6)
    text = pdf_text(write_organisation_pdf(report, tmp_path / "org.pdf"))
    stands = text[text.index("Where each team stands") : text.index("Every leadership item")]
    assert "Answered" in stands and "Overdue" in stands and "Notes by level" not in stands
    for team in teams:
        assert team in stands


def test_the_pdf_is_tagged_and_each_team_chart_says_its_numbers(tmp_path):
    import pikepdf

    with open_database(tmp_path / "org.db") as database:
        seed_organisation(database.store, 2, 3, 12, last_session=TODAY)
        store = OrganisationStore(database.engine, content().templates)
        items = store.leadership_items()
        teams = by_team(with_answers(store.standings(), items))
    path = write_organisation_pdf(
        OrganisationReport(items, (), teams, TODAY, 6), tmp_path / "o.pdf"
    )
    with pikepdf.open(path) as pdf:
        assert pdf.Root.MarkInfo.Marked
        alts: list[str] = []

        def walk(element: object) -> None:
            if isinstance(element, pikepdf.Dictionary):
                if element.get("/S") == "/Figure":
                    alts.append(str(element.get("/Alt")))
                walk(element.get("/K"))
            elif isinstance(element, pikepdf.Array):
                for kid in element:
                    walk(kid)

        walk(pdf.Root.StructTreeRoot)
    assert len(alts) == 4 * len(teams)
    first = next(iter(teams.values()))[0]
    assert alts[0].startswith("Notes by column and kind, by session. ")
    fatigue = first.by_column_kind.get(("i_control", Kind.FATIGUE), 0)
    assert f"{first.held_on.isoformat()}: I control {fatigue} fatigue" in alts[0]
