"""The benchmark suite: builds the 500-note session, runs every figure, reports the table."""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .fixture import make_database
from .screens import platform_for
from .stats import Figure, table

if TYPE_CHECKING:
    from crt_desktop.domain.board import Board


@dataclass(frozen=True)
class Plan:
    """How big the session is and how many times each figure is measured."""

    notes: int = 500
    starts: int = 10
    opens: int = 10
    moves: int = 200
    edits: int = 300
    pdfs: int = 9  # the summary's median needs more runs than five to hold still
    warm_up: bool = True  # one uncounted start of each process first


FULL = Plan()
QUICK = Plan(starts=4, opens=4, moves=60, edits=100, pdfs=3)
SMOKE = Plan(notes=12, starts=1, opens=1, moves=3, edits=3, pdfs=1, warm_up=False)


def fresh_board(db: Path, notes: int) -> Board:
    """The fixture session as written, saved to its own database `db` and loaded back.

    The summary is measured on this, not on the first database: by then the autosave figure has
    renamed hundreds of its notes."""
    from crt_desktop.storage.database import open_database

    session_id = make_database(db, notes)
    with open_database(db) as database:
        return database.store.load_board(session_id)


def run_suite(plan: Plan, folder: Path, log: Any = None) -> list[Figure]:
    """Measure every figure in `folder` (a scratch directory) and return them."""

    def say(text: str) -> None:
        if log is not None:
            print(text, file=log, flush=True)

    qt_platform = platform_for(folder)
    # In-process Qt figures use the same two offscreen screens as the child processes.
    os.environ["QT_QPA_PLATFORM"] = qt_platform
    db = folder / "bench.db"
    session_id = make_database(db, plan.notes)
    figures: list[Figure] = []

    from .bench_startup import measure_startup

    say(f"start-up and memory: {plan.starts} runs each of the app and the floor")
    figures.extend(
        measure_startup(db, session_id, plan.starts, folder, qt_platform, warm_up=plan.warm_up)
    )

    from .bench_board import measure_move, measure_open

    say(f"open a session: {plan.opens} runs")
    figures.append(measure_open(db, session_id, plan.opens))
    say(f"move a note: {plan.moves} moves")
    figures.append(measure_move(db, session_id, plan.moves))

    from .bench_save import measure_save

    say(f"autosave: {plan.edits} edits and bare inserts")
    figures.append(measure_save(db, session_id, plan.edits, folder / "floor.db"))

    from .bench_pdf import measure_pdf

    say(f"leader summary: {plan.pdfs} runs and bare documents")
    figures.append(measure_pdf(fresh_board(folder / "summary.db", plan.notes), folder, plan.pdfs))
    order = ["cold_start", "open_session", "move_note", "autosave", "leader_pdf", "peak_rss"]
    figures.sort(key=lambda f: order.index(f.key) if f.key in order else len(order))
    return figures


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    import PySide6
    import reportlab
    import sqlalchemy

    cpu = ""
    memory_kb = 0
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory_kb = int(line.split()[1])
    except OSError:
        pass
    return {
        "cpus": os.cpu_count(),
        "cpu": cpu or platform.processor(),
        "memory_gb": round(memory_kb / 1024 / 1024, 1),
        "system": platform.platform(),
        "python": platform.python_version(),
        "pyside6": PySide6.__version__,
        "sqlite": sqlite3.sqlite_version,
        "sqlalchemy": sqlalchemy.__version__,
        "reportlab": reportlab.Version,
        "load_average": os.getloadavg(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the CRT Desktop benchmarks.")
    parser.add_argument("--json", metavar="OUT", help="also write the results as JSON")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (about a minute)")
    parser.add_argument("--notes", type=int, help="notes in the session (default 500)")
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    if args.notes:
        plan = Plan(**{**asdict(plan), "notes": args.notes})
    started = time.monotonic()
    about = machine()
    with tempfile.TemporaryDirectory(prefix="crt-bench-") as scratch:
        figures = run_suite(plan, Path(scratch), log=sys.stderr)
    print(table(figures))
    failed = [f.key for f in figures if not f.passed]
    print(
        f"\n{len(figures) - len(failed)} of {len(figures)} within budget "
        f"in {time.monotonic() - started:.0f} s; load average at start "
        + " ".join(f"{x:.2f}" for x in about["load_average"])
    )
    if args.json:
        result = {
            "machine": about,
            "plan": asdict(plan),
            "qt_platform": "offscreen (two screens: 1366×768 laptop, 1920×1080 projector)",
            "figures": [f.as_json() for f in figures],
        }
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 1 if failed else 0
