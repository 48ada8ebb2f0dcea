"""Killed while editing: after SIGKILL at any moment, every change reported done is on disk."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from crt_desktop.storage.database import open_database
from tests.reliability.scripted_edits import board_digest, open_controller, run_script

from .harness import Child, Figures, integrity

EDITOR = ["-m", "tests.reliability.scripted_edits"]


def reference_digests(folder: Path, seed: int, steps: int) -> list[str]:
    """The board digest before any edit, then after each step, from an unkilled replay."""
    with open_database(folder / f"reference-{seed}-{steps}.db") as database:
        controller, _ = open_controller(database.store, None)
        digests = [board_digest(controller.board)]
        run_script(controller, seed, steps, lambda _step, _done, digest: digests.append(digest))
        controller.core.history.clear()
    return digests


def kill_while_editing(folder: Path, seed: int, rng: random.Random) -> tuple[Path, list[str]]:
    """Run the editor on a fresh database and SIGKILL it at a random moment.

    One kill in ten lands during start-up (opening and migrating the new database)."""
    db = folder / f"killed-{seed}-{rng.randrange(10**9)}.db"
    child = Child([*EDITOR, "--db", str(db), "--seed", str(seed)])
    if rng.random() < 0.1:
        time.sleep(rng.uniform(0.2, 1.2))
    else:
        assert child.wait_for("session "), child.stderr
        time.sleep(rng.uniform(0, 0.8))
    assert child.network_sockets() == set()
    assert child.kill(), "the editor ended before it was killed"
    digests = [line.split()[3] for line in child.lines if line.startswith("step ")]
    return db, digests


def check_survived(folder: Path, seed: int, db: Path, reported: list[str]) -> str:
    """The database is sound and holds every reported change; returns how the kill landed."""
    assert integrity(db) == "ok"
    expected = reference_digests(folder, seed, len(reported) + 1)
    assert reported == expected[1 : len(reported) + 1], "the script did not replay exactly"
    with open_database(db) as database:
        sessions = database.store.list_sessions()
        if not sessions:
            assert not reported
            return "before the session was saved"
        assert [s.id for s in sessions] == [1]
        stored = board_digest(database.store.load_board(1))
    last, following = expected[len(reported)], expected[len(reported) + 1]
    assert stored in (last, following), "a change reported done is missing"
    return "after the last report" if stored == last else "after a commit, before its report"


def reopen_and_continue(db: Path) -> None:
    """The app's own code opens the killed database and goes on editing the session."""
    child = Child([*EDITOR, "--db", str(db), "--seed", "99", "--steps", "20", "--session", "1"])
    assert child.finish() == 0, child.stderr
    assert child.lines[-1] == "finished"
    assert integrity(db) == "ok"


def run_kills(folder: Path, figures: Figures, seeds: list[int], per_seed: int) -> None:
    rng = random.Random(sum(seeds) * 7919 + per_seed)
    for seed in seeds:
        for round_ in range(per_seed):
            db, reported = kill_while_editing(folder, seed, rng)
            landed = check_survived(folder, seed, db, reported)
            figures.add("edit kills survived")
            figures.add(f"edit kills landing {landed}")
            figures.add("edits reported done and found", len(reported))
            if round_ == 0:
                reopen_and_continue(db)
                figures.add("killed databases reopened and edited again")


def test_kills_while_editing_lose_nothing(qapp, tmp_path, figures):
    """Three SIGKILLs at random moments: database sound, every reported change kept."""
    run_kills(tmp_path, figures, seeds=[11], per_seed=3)


@pytest.mark.slow
def test_fifty_kills_while_editing_lose_nothing(qapp, tmp_path, figures):
    """Fifty SIGKILLs over ten scripts: database sound, every reported change kept."""
    run_kills(tmp_path, figures, seeds=list(range(100, 110)), per_seed=5)
