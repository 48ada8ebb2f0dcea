"""The running app: one instance per database, clear messages when the database cannot open."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from crt_desktop.instance_lock import acquire_lock, lock_path_for
from crt_desktop.storage.database import sqlite_url


def launch(*argv: str, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **(env_extra or {}))
    return subprocess.run(
        [sys.executable, "-m", "crt_desktop", *argv],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


def test_lock_is_beside_a_sqlite_file(tmp_path):
    """The one-instance lock of a SQLite database sits beside the file."""
    db = tmp_path / "crt.db"
    assert lock_path_for(sqlite_url(db), tmp_path / "data") == Path(f"{db}.lock")
    other = lock_path_for("postgresql://host/crt", tmp_path / "data")
    assert other.parent == tmp_path / "data" and other.suffix == ".lock"


def test_second_instance_is_told_and_leaves(qtbot, tmp_path):
    """While one instance holds the database, a second says so in one sentence and exits 1."""
    db = tmp_path / "crt.db"
    lock = acquire_lock(lock_path_for(sqlite_url(db), tmp_path))
    assert lock is not None
    try:
        result = launch("--db", str(db), env_extra={"XDG_DATA_HOME": str(tmp_path)})
    finally:
        lock.unlock()
    assert result.returncode == 1
    assert "already open on this database" in result.stderr
    assert "Traceback" not in result.stderr


def test_damaged_database_is_reported_and_kept(tmp_path):
    """A file that is not a database: one sentence, exit 1, and the file is untouched."""
    db = tmp_path / "notes.db"
    db.write_bytes(b"These are my notes, not a database.\n" * 50)
    before = db.read_bytes()
    result = launch("--db", str(db), env_extra={"XDG_DATA_HOME": str(tmp_path)})
    assert result.returncode == 1
    assert result.stderr.startswith("crt-desktop: ") and "Traceback" not in result.stderr
    assert db.read_bytes() == before
