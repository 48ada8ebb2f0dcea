"""`crt-desktop organisation` and importing a whole folder of session files."""

from __future__ import annotations

import csv
import sqlite3
from datetime import date, timedelta
from pathlib import Path

from crt_desktop.domain.note import Note, Response
from crt_desktop.domain.vocabulary import ResponseStatus
from crt_desktop.export.interchange import write_board_file
from crt_desktop.storage import open_database
from tests.unit.builders import control_board
from tests.unit.test_cli import run


def seeded(path: Path) -> None:
    old = date.today() - timedelta(weeks=10)
    recent = date.today() - timedelta(weeks=1)
    with open_database(path) as database:
        for team, held_on, notes in (
            (
                "Nursing",
                old,
                [
                    Note("Short staffing on weekends", column="leadership_controls", id="a"),
                    Note(
                        '=HYPERLINK("http://x")',
                        column="leadership_controls",
                        response=Response(ResponseStatus.THIS_YEAR, "On it"),
                        id="b",
                    ),
                ],
            ),
            (
                "Intake",
                recent,
                [Note("short staffing on weekends!", column="leadership_controls", id="a")],
            ),
        ):
            board = control_board(team=team, held_on=held_on)
            board.notes.update({n.id: n for n in notes})
            database.store.save_board(board)


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


def test_the_csv_has_a_row_per_item_with_overdue_and_recurring_driver(capsys, tmp_path):
    db = tmp_path / "org.db"
    seeded(db)
    out = tmp_path / "items.csv"
    status, printed, err = run(capsys, "organisation", "--csv", str(out), "--db", str(db))
    assert (status, err) == (0, "") and printed.strip() == str(out)
    found = rows(out)
    assert [(r["team"], r["overdue"], r["status"]) for r in found] == [
        ("Nursing", "yes", "Not reviewed yet"),
        ("Nursing", "no", "Exploring this year"),
        ("Intake", "no", "Not reviewed yet"),
    ]
    # Alike notes of two teams share the recurring driver's name.
    assert found[0]["recurring driver"] == found[2]["recurring driver"] != ""
    assert found[0]["column"] == "Leadership controls"
    # A note that looks like a formula stays text in a spreadsheet.
    assert found[1]["note"] == '\'=HYPERLINK("http://x")'


def test_filters_narrow_the_rows(capsys, tmp_path):
    db = tmp_path / "org.db"
    seeded(db)
    out = tmp_path / "items.csv"
    args = ("organisation", "--csv", str(out), "--db", str(db))
    assert run(capsys, *args, "--overdue")[0] == 0
    assert [r["team"] for r in rows(out)] == ["Nursing"]
    assert (
        run(capsys, *args, "--team", "Intake", "--team", "Nursing", "--status", "this_year")[0] == 0
    )
    assert [r["status"] for r in rows(out)] == ["Exploring this year"]
    assert run(capsys, *args, "--overdue", "--weeks", "12")[0] == 0
    assert rows(out) == []


def test_bad_filters_and_a_missing_database_are_one_sentence(capsys, tmp_path):
    out = str(tmp_path / "items.csv")
    status, _, err = run(capsys, "organisation", "--csv", out, "--status", "maybe")
    assert status == 2 and "must be one of" in err and err.count("\n") == 1
    status, _, err = run(capsys, "organisation", "--csv", out, "--db", str(tmp_path / "no.db"))
    assert status == 2 and "There is no database" in err
    assert not Path(out).exists()


def folder_of_sessions(folder: Path, count: int) -> None:
    folder.mkdir()
    for n in range(count):
        write_board_file(control_board([f"Note {n}"], team=f"Team {n}"), folder / f"s{n}.json")


def session_count(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        (count,) = conn.execute("SELECT count(*) FROM sessions").fetchone()
    conn.close()
    return int(count)


def test_a_folder_of_session_files_imports_every_one(capsys, tmp_path):
    folder = tmp_path / "from-laptops"
    folder_of_sessions(folder, 3)
    db = tmp_path / "org.db"
    status, out, err = run(capsys, "import", str(folder), "--db", str(db))
    assert (status, err) == (0, "") and out.split() == ["1", "2", "3"]
    assert session_count(db) == 3


def test_a_broken_file_in_the_folder_is_named_and_nothing_is_imported(capsys, tmp_path):
    folder = tmp_path / "from-laptops"
    folder_of_sessions(folder, 3)
    (folder / "s1.json").write_text('{"format": "crt-desktop-session", "version": 1', "utf-8")
    db = tmp_path / "org.db"
    with open_database(db):
        pass
    before = db.read_bytes()
    status, out, err = run(capsys, "import", str(folder), "--db", str(db))
    assert status == 2 and out == ""
    assert err.startswith("crt-desktop: Nothing was imported: ") and "s1.json" in err
    assert err.count("\n") == 1
    assert session_count(db) == 0 and db.read_bytes() == before


def test_an_empty_folder_is_refused(capsys, tmp_path):
    (tmp_path / "empty").mkdir()
    status, _, err = run(capsys, "import", str(tmp_path / "empty"), "--db", str(tmp_path / "x.db"))
    assert status == 2 and "no session files" in err
