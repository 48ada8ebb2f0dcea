"""Organisation view benchmarks: `python benchmarks/organisation.py [--teams N] [--runs N]`."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_organisation import measure, measure_memory, measure_pdf, seed
from benchmarks.stats import table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark the organisation view.")
    parser.add_argument("--teams", type=int, default=200)
    parser.add_argument("--sessions", type=int, default=24)
    parser.add_argument("--notes", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="crt-org-bench-") as scratch:
        db = Path(scratch) / "org.db"
        started = time.monotonic()
        seed(db, args.teams, args.sessions, args.notes)
        print(
            f"seeded {args.teams} teams × {args.sessions} sessions × {args.notes} notes "
            f"in {time.monotonic() - started:.0f} s",
            file=sys.stderr,
        )
        figures = [
            *measure(db, args.runs),
            measure_memory(db, args.runs),
            *measure_pdf(db, max(1, args.runs // 3)),
        ]
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"load average at the end: {load}", file=sys.stderr)
    print(table(figures))
    return 0 if all(f.passed for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
