"""Killed while importing or exporting: an import is all or nothing, an export whole or absent."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from crt_desktop.content import content
from crt_desktop.content import content as packaged_content
from crt_desktop.export.interchange import board_from_json
from crt_desktop.export.summary import write_leader_summary
from crt_desktop.storage.database import open_database
from tests.reliability.scripted_edits import board_digest

from .big_files import big_board, big_session_file
from .harness import Child, Figures, integrity


def timed_run(argv: list[str]) -> float:
    """Run a command to its end once; how long it took (kills then land inside that span)."""
    start = time.monotonic()
    child = Child(argv)
    assert child.finish() == 0, child.stderr
    return time.monotonic() - start


def kill_imports(folder: Path, figures: Figures, kills: int, notes: int) -> None:
    """Import a large file again and again into one database, killing each run at random."""
    source = folder / "big.json"
    source.write_text(big_session_file(notes), encoding="utf-8")
    expected = board_digest(board_from_json(source.read_bytes(), content()))
    db = folder / "imports.db"
    argv = ["-m", "crt_desktop", "import", str(source), "--db", str(db)]
    duration = timed_run(argv)
    rng = random.Random(kills * 31 + notes)
    for _ in range(kills):
        child = Child(argv)
        time.sleep(rng.uniform(0.1, 0.98) * duration)
        assert child.network_sockets() == set()
        landed = child.kill()
        assert landed or child.proc.returncode == 0, child.stderr
        assert integrity(db) == "ok"
        with open_database(db) as database:
            sessions = database.store.list_sessions()
            for summary in sessions:
                assert summary.note_count == notes, "an import was saved in part"
                assert board_digest(database.store.load_board(summary.id)) == expected
        figures.add("import kills survived" if landed else "imports finished before the kill")
        figures.add("notes checked after import kills", notes * len(sessions))


def kill_exports(folder: Path, figures: Figures, kills: int, notes: int) -> None:
    """Export a leader summary over an older file, killing each run at random."""
    db = folder / "export.db"
    with open_database(db) as database:
        session = database.store.save_board(big_board(notes))
        board = database.store.load_board(session.id or 0)
    reference = write_leader_summary(
        board, folder / "reference.pdf", pagesize="A4", content=packaged_content()
    ).read_bytes()
    target = folder / "summary.pdf"
    old = b"%PDF-1.4 an older summary the leader already has\n"
    argv = ["-m", "crt_desktop", "export", str(session.id), "--pdf", str(target)]
    argv += ["--paper", "A4", "--db", str(db)]
    duration = timed_run(argv)
    assert target.read_bytes() == reference, "the export is not the same bytes every time"
    rng = random.Random(kills * 17 + notes)
    for _ in range(kills):
        target.write_bytes(old)
        child = Child(argv)
        time.sleep(rng.uniform(0.1, 0.98) * duration)
        landed = child.kill()
        assert landed or child.proc.returncode == 0, child.stderr
        found = target.read_bytes()
        assert found in (old, reference), "a half-written summary sits under the final name"
        if found == reference:
            assert len(PdfReader(target).pages) > 1
        figures.add("export kills survived" if landed else "exports finished before the kill")
        figures.add(f"summary after an export kill: {'new' if found == reference else 'old'}")


def test_killed_import_is_all_or_nothing(tmp_path, figures):
    """A SIGKILL during a large import leaves the session complete or absent, never partial."""
    kill_imports(tmp_path, figures, kills=1, notes=1500)


def test_killed_export_leaves_no_half_file(tmp_path, figures):
    """A SIGKILL during a PDF export leaves the old file or the whole new one, never half."""
    kill_exports(tmp_path, figures, kills=1, notes=100)


@pytest.mark.slow
def test_many_killed_imports_are_all_or_nothing(tmp_path, figures):
    """Twenty SIGKILLs during 4,000-note imports: every stored session is whole."""
    kill_imports(tmp_path, figures, kills=20, notes=4000)


@pytest.mark.slow
def test_many_killed_exports_leave_no_half_file(tmp_path, figures):
    """Twenty SIGKILLs during PDF exports: the summary is always the old one or the whole new."""
    kill_exports(tmp_path, figures, kills=20, notes=400)
