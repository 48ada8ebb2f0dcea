"""One autosaved edit (the store's commit) beside a bare sqlite3 insert + commit, same mode."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from crt_desktop.domain.operations import EditNote
from crt_desktop.domain.patch import apply_patch
from crt_desktop.storage.database import open_database

from .stats import Figure, Limit


def _bare_connection(path: Path) -> sqlite3.Connection:
    """The floor: the driver alone, in the app's mode (WAL, synchronous=FULL)."""
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute("CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, text TEXT)")
    return connection


def measure_save(db: Path, session_id: int, edits: int, floor_db: Path) -> Figure:
    samples: list[float] = []
    floor: list[float] = []
    bare = _bare_connection(floor_db)
    try:
        with open_database(db) as database:
            store = database.store
            board = store.load_board(session_id)
            ids = sorted(board.notes)
            token = time.monotonic_ns()  # every text new, so no edit is a no-op on a rerun
            for run in range(edits + 1):
                # The edit a facilitator makes most: a note's text, typed and confirmed.
                text = f"Edited note {token}-{run}"
                patch = EditNote(ids[run % len(ids)], text=text).patch(board)
                start = time.perf_counter()
                store.save_patch(session_id, patch)
                elapsed = time.perf_counter() - start
                apply_patch(board, patch)
                start = time.perf_counter()
                bare.execute("BEGIN")
                bare.execute("INSERT INTO notes (text) VALUES (?)", (f"Note {run}",))
                bare.execute("COMMIT")
                bare_elapsed = time.perf_counter() - start
                if run:  # the first of each warms statement caches
                    samples.append(elapsed * 1000)
                    floor.append(bare_elapsed * 1000)
    finally:
        bare.close()
    return Figure(
        key="autosave",
        title="One autosaved edit (commit)",
        unit="ms",
        samples=samples,
        floor=floor,
        limits=(Limit("p95", 2),),
        note="floor: a bare sqlite3 INSERT + COMMIT in WAL / synchronous=FULL",
    )
