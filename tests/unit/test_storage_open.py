"""Opening a database: where it is, how SQLite is set up, and refusing files it must not touch."""

from __future__ import annotations

import errno
import hashlib
import importlib.util
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError, OperationalError

import crt_desktop.storage.database as database_module
from crt_desktop.storage import (
    DatabaseProblem,
    StorageError,
    open_database,
    resolve_database_url,
)
from crt_desktop.storage.database import on_network_file_system, set_journal_mode, sqlite_url
from crt_desktop.storage.errors import explain
from tests.unit.builders import control_board


def fingerprint(folder: Path) -> dict[str, tuple[str, int, int]]:
    """Every file in a folder with its content hash, modification time and mode."""
    return {
        p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns, p.stat().st_mode)
        for p in sorted(folder.iterdir())
    }


def filled_database(path: Path) -> None:
    """A real database at head holding one session with notes, closed again."""
    with open_database(path) as db:
        db.store.save_board(control_board([f"note {i}" for i in range(200)]))


def set_revision(path: Path, revision: str) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    conn.close()


def random_bytes(path: Path) -> None:
    path.write_bytes(os.urandom(8192))


def text_file(path: Path) -> None:
    path.write_text("team,section\nOutpatient,4\n", encoding="utf-8")


def truncated_sqlite(path: Path) -> None:
    filled_database(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def scrambled_pages(path: Path) -> None:
    filled_database(path)
    data = bytearray(path.read_bytes())
    page = 4096
    data[page * 2 : page * 4] = os.urandom(page * 2)
    path.write_bytes(bytes(data))


def newer_revision(path: Path) -> None:
    filled_database(path)
    set_revision(path, "9999")


def other_program(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.close()


BAD_FILES: dict[str, tuple[Callable[[Path], None], str]] = {
    "random bytes": (random_bytes, "not an SQLite file"),
    "text file": (text_file, "not an SQLite file"),
    "truncated": (truncated_sqlite, "damaged"),
    "scrambled": (scrambled_pages, "damaged"),
    "newer revision": (newer_revision, "newer version"),
    "another program": (other_program, "another program"),
}


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_bad_files_are_refused_and_left_exactly_as_they_were(tmp_path: Path, name: str) -> None:
    """A file that is not ours, damaged or newer raises DatabaseProblem; nothing in its folder
    changes (bytes, modification time, mode, no side files, no backup)."""
    make, words = BAD_FILES[name]
    path = tmp_path / "crt.db"
    make(path)
    before = fingerprint(tmp_path)
    with pytest.raises(DatabaseProblem, match=words) as caught:
        open_database(path)
    assert fingerprint(tmp_path) == before
    message = str(caught.value)
    assert "\n" not in message and str(path) in message and message.endswith(".")


def test_read_only_file_is_refused_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database file the user may not write is refused with a sentence saying so."""
    path = tmp_path / "crt.db"
    filled_database(path)
    path.chmod(0o400)
    before = fingerprint(tmp_path)
    real_access = os.access
    # Tests may run as root, who may write anything: make the permission check see the mode.
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if Path(p) == path else real_access(p, mode)
    )
    with pytest.raises(DatabaseProblem, match="read-only"):
        open_database(path)
    assert fingerprint(tmp_path) == before


def test_new_database_file_is_private(tmp_path: Path) -> None:
    """A new database file is readable and writable by its owner only."""
    path = tmp_path / "crt.db"
    with open_database(path) as db:
        db.store.create_session(control_board().session)
        assert db.path == path and db.backup is None
    assert path.stat().st_mode & 0o777 == 0o600


def test_default_database_goes_in_a_private_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no target, the database is created in the user's data folder (made 0700)."""
    path = tmp_path / "data" / "crt-desktop" / "crt-desktop.db"
    monkeypatch.setattr(database_module, "default_database_path", lambda: path)
    with open_database() as db:
        assert db.path == path
    assert path.parent.stat().st_mode & 0o777 == 0o700
    assert path.stat().st_mode & 0o777 == 0o600


def test_missing_folder_for_a_given_path_is_refused(tmp_path: Path) -> None:
    """An explicit --db path in a folder that does not exist is a clear problem, not a crash."""
    with pytest.raises(DatabaseProblem, match="does not exist"):
        open_database(tmp_path / "nowhere" / "crt.db")
    assert not (tmp_path / "nowhere").exists()


def test_empty_file_becomes_a_database(tmp_path: Path) -> None:
    """A zero-byte file is an empty database: it is set up, not refused."""
    path = tmp_path / "crt.db"
    path.touch()
    with open_database(path) as db:
        assert db.store.list_sessions() == []


def test_sqlite_connections_are_tuned(tmp_path: Path) -> None:
    """Every connection has WAL, foreign keys on, synchronous FULL and a busy timeout."""
    with open_database(tmp_path / "crt.db") as db:
        assert db.journal_mode == "wal"
        with db.engine.connect() as conn:
            pragma = conn.exec_driver_sql
            assert pragma("PRAGMA journal_mode").scalar() == "wal"
            assert pragma("PRAGMA foreign_keys").scalar() == 1
            assert pragma("PRAGMA synchronous").scalar() == 2  # FULL: durable on power loss
            assert pragma("PRAGMA busy_timeout").scalar() == 5000


def test_network_file_system_uses_delete_journal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a network file system the database uses the DELETE journal, which works there."""
    monkeypatch.setattr(database_module, "on_network_file_system", lambda path: True)
    with open_database(tmp_path / "crt.db") as db:
        assert db.journal_mode == "delete"
        db.store.create_session(control_board().session)
    assert not (tmp_path / "crt.db-wal").exists()


def test_journal_mode_falls_back_when_wal_cannot_be_set(tmp_path: Path) -> None:
    """Where SQLite refuses WAL (here: a read-only connection), DELETE is kept instead."""
    path = tmp_path / "plain.db"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        assert set_journal_mode(conn, "WAL") == "delete"
    finally:
        conn.close()


MOUNTS = """\
/dev/sda1 / ext4 rw 0 0
server:/export /mnt/team nfs4 rw 0 0
/dev/sdb1 /mnt/team/local ext4 rw 0 0
//nas/share /media/My\\040Share cifs rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "network"),
    [
        ("/home/ana/crt.db", False),
        ("/mnt/team/crt.db", True),
        ("/mnt/team/local/crt.db", False),  # the longest mount point wins
        ("/mnt/teamwork/crt.db", False),  # a prefix of the name is not a parent folder
        ("/media/My Share/crt.db", True),
        ("\\\\server\\share\\crt.db", True),
    ],
)
def test_network_file_systems_are_recognised(path: str, network: bool) -> None:
    """Paths on NFS, SMB and Windows shares count as network file systems; local ones do not."""
    assert on_network_file_system(Path(path), MOUNTS) is network


def test_resolve_database_url_order(tmp_path: Path) -> None:
    """--db wins, then --database-url, then $CRT_DATABASE_URL, then the default file."""
    env = {"CRT_DATABASE_URL": "postgresql://org-server/crt"}
    file = tmp_path / "a.db"
    assert resolve_database_url(str(file), None, env) == f"sqlite:///{file}"
    assert resolve_database_url(None, "sqlite:///x.db", env) == "sqlite:///x.db"
    assert resolve_database_url(None, None, env) == "postgresql://org-server/crt"
    default = resolve_database_url(None, None, {})
    assert default == sqlite_url(database_module.default_database_path())
    assert default.endswith("crt-desktop.db")


def test_resolve_database_url_refuses_bad_input(tmp_path: Path) -> None:
    """Both options at once, or a URL that is not one, are ValueErrors with a sentence."""
    with pytest.raises(ValueError, match="not both"):
        resolve_database_url(str(tmp_path / "a.db"), "sqlite://", {})
    with pytest.raises(ValueError, match="not a database URL"):
        resolve_database_url(None, "no such :// thing", {})


def test_awkward_file_names_reach_the_right_file(tmp_path: Path) -> None:
    """Spaces, quotes, #, ? and % in a --db path open exactly that file."""
    path = tmp_path / "Team's #1 board? 100% ☕.db"
    with open_database(resolve_database_url(str(path), None, {})) as db:
        assert db.path == path
        db.store.create_session(control_board().session)
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_unknown_database_url_is_a_problem() -> None:
    """A URL for a database driver that is not installed is a clear DatabaseProblem."""
    with pytest.raises(DatabaseProblem, match="not a database URL"):
        open_database("nosuchdb://server/crt")


def test_missing_database_driver_is_a_problem_without_the_password() -> None:
    """A server URL whose driver is not installed is refused in a sentence that hides secrets."""
    if importlib.util.find_spec("psycopg") is not None:
        pytest.skip("the PostgreSQL driver is installed here")
    with pytest.raises(DatabaseProblem, match="driver") as caught:
        open_database("postgresql+psycopg://ana:secret@localhost:1/crt")
    assert "secret" not in str(caught.value)


def test_in_memory_database_works() -> None:
    """A `sqlite://` URL gives a working in-memory database (handy for tests and demos)."""
    with open_database("sqlite://") as db:
        assert db.path is None
        session = db.store.create_session(control_board().session)
        assert [s.id for s in db.store.list_sessions()] == [session.id]


def test_reopening_an_up_to_date_database_does_not_import_alembic(tmp_path: Path) -> None:
    """At start with a database already at head, Alembic is never imported (startup time)."""
    path = tmp_path / "crt.db"
    filled_database(path)
    code = (
        "import sys; from crt_desktop.storage import open_database; "
        f"db = open_database({str(path)!r}); print(len(db.store.list_sessions())); "
        "print(any(m == 'alembic' or m.startswith('alembic.') for m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["1", "False"]


def failed(statement: str, error: Exception) -> OperationalError:
    return OperationalError(statement, {}, error)


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (failed("INSERT", sqlite3.OperationalError("database or disk is full")), "disk is full"),
        (failed("INSERT", sqlite3.OperationalError("database is locked")), "busy"),
        (
            failed("UPDATE", sqlite3.OperationalError("attempt to write a readonly database")),
            "read-only",
        ),
        (failed("SELECT", sqlite3.DatabaseError("database disk image is malformed")), "damaged"),
        (failed("SELECT", sqlite3.OperationalError("disk I/O error")), "drive removed"),
        (IntegrityError("INSERT", {}, sqlite3.IntegrityError("UNIQUE failed")), "does not fit"),
        (OSError(errno.ENOSPC, "No space left on device"), "disk is full"),
        (OSError(errno.EROFS, "Read-only file system"), "read-only"),
    ],
)
def test_errors_are_explained_in_one_sentence(error: Exception, words: str) -> None:
    """Each common failure becomes one sentence naming the cause, with no driver jargon."""
    message = explain(error)
    assert words in message
    assert message.startswith("Could not save the change: ") and message.endswith(".")
    assert "\n" not in message and "sqlite3" not in message


def test_storage_error_is_what_callers_catch() -> None:
    """DatabaseProblem is a StorageError, so one except clause covers every storage failure."""
    assert issubclass(DatabaseProblem, StorageError)


def crash_after(path: Path, code: str) -> None:
    """Run code against the database in another process that dies without closing anything."""
    script = f"import os, sqlite3\n{code}\nos._exit(9)"
    subprocess.run([sys.executable, "-c", script], check=False, env={**os.environ, "DB": str(path)})


def test_changes_survive_a_crash(tmp_path: Path) -> None:
    """The battery dies right after a save: on restart the save is there (WAL recovery)."""
    path = tmp_path / "crt.db"
    crash_after(
        path,
        "from crt_desktop.storage import open_database\n"
        "from tests.unit.builders import control_board\n"
        "db = open_database(os.environ['DB'])\n"
        "db.store.save_board(control_board(['saved just before the crash']))",
    )
    assert Path(f"{path}-wal").stat().st_size > 0, "the crash should leave an unmerged log"
    with open_database(path) as db:
        (summary,) = db.store.list_sessions()
        assert [n.text for n in db.store.load_board(summary.id).notes.values()] == [
            "saved just before the crash"
        ]


def test_write_cut_off_in_rollback_journal_mode_is_undone_not_refused(tmp_path: Path) -> None:
    """After a crash mid-write with the DELETE journal (network drives), the database opens at
    its last committed state instead of being called damaged."""
    path = tmp_path / "crt.db"
    filled_database(path)
    sqlite3.connect(path).execute("PRAGMA journal_mode = DELETE").connection.close()
    crash_after(
        path,
        "c = sqlite3.connect(os.environ['DB'], isolation_level=None)\n"
        "c.execute('PRAGMA cache_size = 1'); c.execute('BEGIN'); c.execute('DELETE FROM notes')\n"
        "c.execute('UPDATE sessions SET team = 5 * randomblob(4000)')",
    )
    assert Path(f"{path}-journal").stat().st_size > 0, "the crash should leave a hot journal"
    with open_database(path) as db:
        (summary,) = db.store.list_sessions()
        assert summary.note_count == 200


def test_open_database_opens_boards_with_the_templates_given(tmp_path):
    """The templates handed to open_database are the ones its boards are opened with."""
    from dataclasses import replace
    from datetime import date

    from crt_desktop.content import content
    from crt_desktop.domain.session import Session

    templates = dict(content().templates)
    templates["control-board"] = replace(templates["control-board"], title="Our control board")
    with open_database(tmp_path / "crt.db", templates=templates) as database:
        saved = database.store.create_session(Session("T", 4, date(2026, 1, 1), "control-board"))
        assert saved.id is not None
        assert database.store.load_board(saved.id).template.title == "Our control board"
