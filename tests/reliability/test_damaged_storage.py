"""Damaged and awkward storage: one clear sentence from the command line and the GUI alike,
the file left byte for byte as it was, and a backup named where one exists."""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest

from crt_desktop.domain.operations import AddNote
from crt_desktop.domain.patch import apply_patch
from crt_desktop.storage.database import open_database
from tests.reliability.scripted_edits import new_session

from .harness import ROOT, Child, child_env


def make_good_database(path: Path) -> None:
    """A real database with two sessions and some notes, its write-ahead log merged in."""
    with open_database(path) as database:
        for team in ("Outpatient nursing", "Night shift"):
            session = database.store.create_session(new_session())
            assert session.id is not None
            board = database.store.load_board(session.id)
            for text in (f"{team}: charting after hours", "Peer support huddles"):
                patch = AddNote(text).patch(board)
                apply_patch(board, patch)
                database.store.save_patch(session.id, patch)


@pytest.fixture(scope="module")
def good_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("good") / "crt.db"
    make_good_database(path)
    assert not Path(f"{path}-wal").exists()
    return path


def run_both(db: Path, home: Path) -> tuple[subprocess.CompletedProcess[str], ...]:
    """`crt-desktop sessions --db` and the GUI start on the same database, one after the other
    (each takes the database's one-instance lock, so side by side one would see the other)."""
    env = child_env(XDG_DATA_HOME=str(home / "data"), HOME=str(home))
    commands = (["sessions", "--db", str(db)], ["--db", str(db)])
    return tuple(
        subprocess.run(
            [sys.executable, "-m", "crt_desktop", *argv],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=60,
        )
        for argv in commands
    )


def folder_state(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def assert_one_sentence(
    results: tuple[subprocess.CompletedProcess[str], ...], db: Path, pattern: str
) -> str:
    sentences = []
    for result in results:
        assert result.returncode == 1, (result.args, result.stderr)
        assert "Traceback" not in result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        assert lines[0].startswith("crt-desktop: "), lines[0]
        sentences.append(lines[0])
    cli, gui = sentences
    assert cli == gui, "the command line and the GUI say different things"
    assert re.search(pattern, cli, re.IGNORECASE), cli
    assert str(db) in cli or db.name in cli, "the sentence does not name the database"
    return cli


# --- the scenarios: each puts a database in a folder and says what the sentence is about -----


def truncated(good: Path, folder: Path) -> Path:
    data = good.read_bytes()
    (folder / "crt.db").write_bytes(data[: len(data) // 2])
    return folder / "crt.db"


def random_bytes(good: Path, folder: Path) -> Path:
    import random

    (folder / "crt.db").write_bytes(random.Random(7).randbytes(30_000))
    return folder / "crt.db"


def text_file(good: Path, folder: Path) -> Path:
    (folder / "crt.db").write_text("Things to raise at the next meeting\n" * 40)
    return folder / "crt.db"


def newer_version(good: Path, folder: Path) -> Path:
    db = folder / "crt.db"
    shutil.copy(good, db)
    connection = sqlite3.connect(db)
    connection.execute("UPDATE alembic_version SET version_num = '9001'")
    connection.commit()
    connection.close()
    return db


DAMAGE = {
    "truncated": (truncated, r"damaged"),
    "random bytes": (random_bytes, r"not a CRT Desktop database|not an SQLite"),
    "text file": (text_file, r"not a CRT Desktop database|not an SQLite"),
    "newer version": (newer_version, r"newer version"),
}


@pytest.mark.parametrize("name", list(DAMAGE))
def test_damaged_database_is_refused_and_kept(good_db, tmp_path, name):
    """Truncated, random, text or newer: one sentence, exit 1, every byte in the folder kept."""
    make, pattern = DAMAGE[name]
    folder = tmp_path / "folder"
    folder.mkdir()
    db = make(good_db, folder)
    before = folder_state(folder)
    assert_one_sentence(run_both(db, tmp_path), db, pattern)
    assert folder_state(folder) == before


@pytest.mark.parametrize("name", ["truncated", "newer version"])
def test_refusal_names_the_backup(good_db, tmp_path, name):
    """Where a backup made before an update sits beside the database, the sentence names it."""
    make, pattern = DAMAGE[name]
    folder = tmp_path / "folder"
    folder.mkdir()
    db = make(good_db, folder)
    backup = folder / f"{db.name}.backup-0001-20260101-090000.db"
    shutil.copy(good_db, backup)
    before = folder_state(folder)
    sentence = assert_one_sentence(run_both(db, tmp_path), db, pattern)
    assert backup.name in sentence
    assert folder_state(folder) == before


@contextmanager
def mounted(folder: Path, options: str) -> Iterator[None]:
    """A small tmpfs at `folder`, or a skipped test where mounting is not allowed."""
    folder.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.decode().strip()}")
    try:
        yield
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_read_only_media_is_read_and_the_gui_says_why_it_cannot_write(good_db, tmp_path):
    """A database on read-only media: `sessions` and `export` read it (nothing can change it),
    the app, which writes, refuses in one sentence naming the read-only folder; the files are
    unchanged."""
    folder = tmp_path / "ro"
    with mounted(folder, "size=1m,mode=0755"):
        db = folder / "crt.db"
        shutil.copy(good_db, db)
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        before = folder_state(folder)
        listing, gui = run_both(db, tmp_path)
        assert (listing.returncode, listing.stderr) == (0, "")
        assert len(listing.stdout.splitlines()) == 3  # the heading and both sessions
        exported = tmp_path / "one.json"
        argv = ["export", "1", "--json", str(exported), "--db", str(db)]
        result = subprocess.run(
            [sys.executable, "-m", "crt_desktop", *argv],
            capture_output=True,
            text=True,
            env=child_env(XDG_DATA_HOME=str(tmp_path / "data"), HOME=str(tmp_path)),
            cwd=ROOT,
            timeout=60,
        )
        assert (result.returncode, result.stderr) == (0, ""), result.stderr
        assert "Peer support huddles" in exported.read_text(encoding="utf-8")
        assert gui.returncode == 1 and "read-only" in gui.stderr
        assert len(gui.stderr.strip().splitlines()) == 1 and "Traceback" not in gui.stderr
        assert folder_state(folder) == before


def test_full_disk_is_named(good_db, tmp_path):
    """A database on a full disk: one sentence saying the disk is full, the file unchanged."""
    folder = tmp_path / "full"
    # Room for the database (each table and index takes a page or two), then filled up.
    with mounted(folder, "size=256k"):
        db = folder / "crt.db"
        shutil.copy(good_db, db)
        with (folder / "filler").open("wb") as filler, suppress(OSError):
            filler.write(b"\0" * 400_000)
        before = db.read_bytes()
        assert_one_sentence(run_both(db, tmp_path), db, "full")
        assert db.read_bytes() == before


def test_a_new_database_that_does_not_fit_leaves_no_file(tmp_path):
    """`new` on a full disk: one sentence saying so, and no empty database file left behind
    (a later run would otherwise take the 0-byte file for a database)."""
    folder = tmp_path / "full"
    with mounted(folder, "size=64k"):
        with (folder / "filler").open("wb") as filler, suppress(OSError):
            filler.write(b"\0" * 200_000)
        db = folder / "crt.db"
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "crt_desktop",
                "new",
                "--team",
                "T",
                "--section",
                "4",
                "--db",
                str(db),
            ],
            capture_output=True,
            text=True,
            env=child_env(XDG_DATA_HOME=str(tmp_path / "data"), HOME=str(tmp_path)),
            cwd=ROOT,
            timeout=60,
        )
        assert result.returncode == 1 and "full" in result.stderr, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
        assert sorted(p.name for p in folder.iterdir()) == ["filler"]


@pytest.mark.slow  # waits out the app's five-second busy timeout
def test_locked_database_is_named(good_db, tmp_path):
    """A database another program holds an exclusive lock on: one sentence, the file unchanged."""
    db = tmp_path / "crt.db"
    shutil.copy(good_db, db)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("UPDATE sessions SET team = team")
    try:
        assert_one_sentence(run_both(db, tmp_path), db, r"busy|another program|in use")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert db.read_bytes() == good_db.read_bytes()


def test_second_instance_is_told_and_the_first_keeps_working(good_db, tmp_path):
    """While one instance runs, a second GUI is told in one sentence, the command line is
    refused in one sentence too, and the first instance's data stays intact."""
    db = tmp_path / "crt.db"
    shutil.copy(good_db, db)
    env = child_env(XDG_DATA_HOME=str(tmp_path / "data"), HOME=str(tmp_path))
    first = Child(["-m", "crt_desktop", "--db", str(db)], env=env)
    try:
        assert wait_for_lock(db, first)
        second = subprocess.run(
            [sys.executable, "-m", "crt_desktop", "--db", str(db)],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=60,
        )
        listing = subprocess.run(
            [sys.executable, "-m", "crt_desktop", "sessions", "--db", str(db)],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=60,
        )
    finally:
        first.kill()
    assert second.returncode == 1
    lines = second.stderr.strip().splitlines()
    assert len(lines) == 1 and "already open" in lines[0], second.stderr
    assert listing.returncode == 1 and listing.stdout == "", listing.stdout
    assert "has this database open" in listing.stderr.strip(), listing.stderr


def wait_for_lock(db: Path, child: Child, timeout: float = 30) -> bool:
    import time

    deadline = time.monotonic() + timeout
    lock = Path(f"{db}.lock")
    while time.monotonic() < deadline:
        if lock.exists() and lock.stat().st_size > 0:
            return True
        if child.proc.poll() is not None:
            return False
        time.sleep(0.05)
    return False
