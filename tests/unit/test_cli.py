"""The command line contract: sub-commands, their output, exit statuses and messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from crt_desktop.__main__ import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        status = main(list(argv))
    except SystemExit as exc:  # --version and --help exit through argparse
        status = int(exc.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "crt.db")


def test_new_prints_an_id_and_sessions_lists_it(capsys, db):
    """`new` prints the new session's id; `sessions` lists id, date, team, section and notes."""
    status, out, _ = run(
        capsys,
        "new",
        "--team",
        "Outpatient nursing",
        "--section",
        "4",
        "--date",
        "2026-11-20",
        "--db",
        db,
    )
    assert status == 0 and out.strip() == "1"
    status, out, _ = run(capsys, "sessions", "--db", db)
    assert status == 0
    row = out.splitlines()[1].split()
    assert row[:3] == ["1", "2026-11-20", "0"]
    assert "Outpatient nursing" in out and "4 ·" in out


def test_every_section_can_be_created(capsys, db):
    """`new` works for every section from 1 to 12."""
    for section in range(1, 13):
        status, out, err = run(capsys, "new", "--team", "T", "--section", str(section), "--db", db)
        assert (status, err) == (0, "")
        assert out.strip() == str(section)


def test_import_then_export_is_identical(capsys, db, tmp_path):
    """A file imported and exported again comes back byte for byte."""
    source = tmp_path / "in.json"
    source.write_text(
        json.dumps(
            {
                "format": "crt-desktop-session",
                "version": 1,
                "session": {
                    "team": "Outpatient nursing",
                    "section": 4,
                    "held_on": "2026-11-20",
                    "template": "control-board",
                },
                "notes": [
                    {
                        "text": "Charting after hours",
                        "kind": "fatigue",
                        "level": "system",
                        "column": "leadership_controls",
                        "votes": 3,
                        "leader_added": False,
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    status, out, _ = run(capsys, "import", str(source), "--db", db)
    assert status == 0
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    assert run(capsys, "export", out.strip(), "--json", str(first), "--db", db)[0] == 0
    status, out, _ = run(capsys, "import", str(first), "--db", db)
    assert run(capsys, "export", out.strip(), "--json", str(second), "--db", db)[0] == 0
    assert first.read_bytes() == second.read_bytes()
    assert json.loads(first.read_text())["notes"][0]["votes"] == 3


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["new", "--team", "", "--section", "4"], "The team needs a name."),
        (["new", "--team", "T", "--section", "13"], "number from 1 to 12"),
        (["new", "--team", "T", "--section", "4", "--date", "20/11/2026"], "YYYY-MM-DD"),
        (["export", "7", "--json", "x.json"], "There is no session 7"),
        (["export", "one", "--json", "x.json"], "a session id is a number"),
        (["frobnicate"], "Argument COMMAND: invalid choice"),
        (["import", "missing.json"], "There is no file"),
    ],
)
def test_bad_input_gets_one_sentence_and_status_2(capsys, db, argv, message):
    """Bad input: one line on stderr, exit status 2, and no database written."""
    run(capsys, "new", "--team", "Seed", "--section", "4", "--db", db)
    before = Path(db).read_bytes()
    status, _out, err = run(capsys, *argv, "--db", db)
    assert status == 2
    assert message in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert Path(db).read_bytes() == before


def test_export_from_a_missing_database_creates_nothing(capsys, tmp_path):
    """Reading from a database file that does not exist says so and creates no file."""
    db = tmp_path / "none.db"
    status, _, err = run(capsys, "export", "1", "--json", str(tmp_path / "x.json"), "--db", str(db))
    assert status == 2 and "There is no database" in err
    assert not db.exists()


def test_hostile_import_is_refused_and_writes_nothing(capsys, db, tmp_path):
    """A broken session file is refused with the field named; no session is created."""
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "format": "crt-desktop-session",
                "version": 1,
                "session": {
                    "team": "T",
                    "section": 4,
                    "held_on": "2026-11-20",
                    "template": "control-board",
                },
                "notes": [
                    {
                        "text": "x",
                        "kind": "tired",
                        "level": None,
                        "column": "unsorted",
                        "votes": 0,
                        "leader_added": False,
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    status, _, err = run(capsys, "import", str(bad), "--db", db)
    assert status == 2 and "notes[0].kind" in err
    assert run(capsys, "sessions", "--db", db)[1].startswith("No sessions")


def test_version_and_no_traceback_in_a_real_process(tmp_path):
    """The installed entry point prints its version, and errors never show a traceback."""
    exe = [sys.executable, "-m", "crt_desktop"]
    version = subprocess.run([*exe, "--version"], capture_output=True, text=True, check=True)
    assert version.stdout.startswith("crt-desktop ")
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\xff\xfe not json")
    result = subprocess.run(
        [*exe, "import", str(bad), "--db", str(tmp_path / "x.db")], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and result.stderr.startswith("crt-desktop: ")


def test_a_note_in_a_column_its_board_lacks_is_one_sentence(capsys, db, tmp_path):
    """A database edited to put a note in an unknown column: one sentence, status 1."""
    import sqlite3

    run(capsys, "new", "--team", "T", "--section", "4", "--db", db)
    source = tmp_path / "in.json"
    source.write_text(
        json.dumps(
            {
                "format": "crt-desktop-session",
                "version": 1,
                "session": {"team": "T", "section": 4, "held_on": "2026-11-20",
                            "template": "control-board"},
                "notes": [{"text": "Charting", "kind": "fatigue", "level": None,
                           "column": "unsorted", "votes": 0, "leader_added": False}],
            }
        ),
        encoding="utf-8",
    )  # fmt: skip
    status, out, _ = run(capsys, "import", str(source), "--db", db)
    assert status == 0
    session_id = out.strip()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE notes SET column_key = 'nowhere'")
    conn.close()
    for argv in (("--json", str(tmp_path / "out.json")), ("--pdf", str(tmp_path / "out.pdf"))):
        status, out, err = run(capsys, "export", session_id, *argv, "--db", db)
        assert status == 1
        assert "Traceback" not in err and len(err.strip().splitlines()) == 1
        assert "'nowhere'" in err and "column" in err
    assert not (tmp_path / "out.json").exists() and not (tmp_path / "out.pdf").exists()


@pytest.mark.parametrize("option", ["--json", "--pdf"])
def test_export_to_a_missing_folder_is_one_sentence(capsys, db, tmp_path, option):
    """Exporting into a folder that is not there: one sentence naming it, status 2, no temp file."""
    run(capsys, "new", "--team", "T", "--section", "4", "--db", db)
    target = tmp_path / "no such folder" / "out.x"
    status, out, err = run(capsys, "export", "1", option, str(target), "--db", db)
    assert status == 2 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert "does not exist" in err and str(target.parent) in err
    assert ".tmp" not in err and ".part" not in err and "Errno" not in err
    if option == "--json":
        assert "session file" in err and "summary" not in err


def test_commands_wait_for_the_app_to_close(capsys, db, tmp_path, monkeypatch):
    """While the app holds the database, every command that opens it refuses in one sentence
    (status 1), reading ones too, and changes nothing."""
    from crt_desktop.instance_lock import acquire_lock, lock_path_for
    from crt_desktop.storage.database import sqlite_url

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert run(capsys, "new", "--team", "T", "--section", "4", "--db", db)[0] == 0
    assert run(capsys, "export", "1", "--json", str(tmp_path / "a.json"), "--db", db)[0] == 0
    lock = acquire_lock(lock_path_for(sqlite_url(Path(db)), tmp_path / "data"))
    assert lock is not None
    try:
        for argv in (
            ("new", "--team", "T", "--section", "4"),
            ("import", str(tmp_path / "a.json")),
            ("sessions",),
            ("export", "1", "--json", str(tmp_path / "b.json")),
        ):
            status, out, err = run(capsys, *argv, "--db", db)
            assert (status, out) == (1, "")
            assert err.count("\n") == 1 and "has this database open" in err
        assert not (tmp_path / "b.json").exists()
    finally:
        lock.unlock()
    assert [
        line.split()[0] for line in run(capsys, "sessions", "--db", db)[1].splitlines()[1:]
    ] == ["1"]
    assert run(capsys, "import", str(tmp_path / "a.json"), "--db", db)[0] == 0


@pytest.mark.parametrize("option", ["--pdf", "--json", "--report-back"])
def test_export_onto_a_folder_is_bad_input(capsys, db, tmp_path, option):
    """A folder given where the file belongs is a path to correct: status 2, one sentence."""
    run(capsys, "new", "--team", "T", "--section", "4", "--db", db)
    folder = tmp_path / "summaries"
    folder.mkdir()
    status, out, err = run(capsys, "export", "1", option, str(folder), "--db", db)
    assert (status, out) == (2, "")
    assert err.count("\n") == 1 and f"{folder} is a folder" in err
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize(
    "argv",
    [
        ("sessions",),
        ("new", "--team", "T", "--section", "4"),
        ("export", "1", "--json", "x.json"),
    ],
)
def test_a_database_in_a_missing_folder_is_bad_input(capsys, tmp_path, argv):
    """A --db path whose folder is not there: status 2 and the missing folder named, for the
    commands that read as for the one that writes; nothing is created."""
    db = tmp_path / "missing" / "dir" / "x.db"
    status, out, err = run(capsys, *argv, "--db", str(db))
    assert (status, out) == (2, "")
    assert err == f"crt-desktop: The folder {db.parent} does not exist.\n"
    assert not (tmp_path / "missing").exists()


def test_sessions_and_export_read_a_read_only_database(capsys, db, tmp_path):
    """A database file that cannot be written (its folder too) is read without a change."""
    run(capsys, "new", "--team", "Night shift", "--section", "4", "--db", db)
    folder = Path(db).parent
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    Path(db).chmod(0o444)
    folder.chmod(0o555)
    try:
        status, out, err = run(capsys, "sessions", "--db", db)
        assert (status, err) == (0, "") and "Night shift" in out
        target = tmp_path.parent / f"{tmp_path.name}-out.json"
        status, out, err = run(capsys, "export", "1", "--json", str(target), "--db", db)
        assert (status, err) == (0, "") and json.loads(target.read_text())["session"]["team"]
        assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    finally:
        folder.chmod(0o755)
        Path(db).chmod(0o600)


def test_an_empty_file_is_set_up_and_the_command_says_so(capsys, tmp_path):
    """An empty (0-byte) file given with --db: the reading commands leave it as it is and find
    no sessions; `new` makes it a database and says so on stderr."""
    db = tmp_path / "empty.db"
    db.touch()
    status, out, err = run(capsys, "sessions", "--db", str(db))
    assert (status, err) == (0, "") and out.startswith("No sessions yet")
    status, out, err = run(capsys, "export", "1", "--json", "x.json", "--db", str(db))
    assert (status, out) == (2, "") and "is empty: it holds no sessions yet" in err
    assert db.stat().st_size == 0
    status, out, err = run(capsys, "new", "--team", "T", "--section", "4", "--db", str(db))
    assert (status, out) == (0, "1\n")
    assert err == f"crt-desktop: {db} was an empty file; it is now a new CRT Desktop database.\n"
    assert run(capsys, "sessions", "--db", str(db))[1].splitlines()[1].split()[0] == "1"


def test_lone_surrogates_are_removed_as_the_docs_say(capsys, db, tmp_path):
    """Half of a UTF-16 pair written as an escape is not a character: it is removed on import,
    as from typed text, and docs/interchange.md says so."""
    data = json.loads((Path(__file__).parents[1] / "data" / "design_example.json").read_text())
    data["notes"][0]["text"] = "Charting\ud800 after hours"
    source = tmp_path / "in.json"
    source.write_text(json.dumps(data), encoding="utf-8")  # ensure_ascii: "\ud800" as escape
    assert run(capsys, "import", str(source), "--db", db)[0] == 0
    run(capsys, "export", "1", "--json", str(tmp_path / "out.json"), "--db", db)
    out = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    texts = [n["text"] for n in out["notes"] if n["text"].startswith("Charting")]
    assert texts == ["Charting after hours"]
    docs = (Path(__file__).parents[2] / "docs" / "interchange.md").read_text(encoding="utf-8")
    assert "lone surrogates" in docs
