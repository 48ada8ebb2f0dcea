"""Start-up of the standalone build beside the virtual environment's, in one run.

`python benchmarks/bundle_startup.py build/app/crt-desktop [--runs N]` (after
`bash scripts/build-app.sh`). Both start as a user starts them, `crt-desktop --db FILE --session
ID` on the 500-note session, with the app's first-paint probe (see bench_startup.py); runs
alternate bundle and venv. The venv is the floor: the goal is a bundle no slower and no bigger
in memory.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_startup import Launch, app_command, child_environment, launch
from benchmarks.fixture import make_database
from benchmarks.screens import platform_for
from benchmarks.stats import Figure, Limit, table


def measure_bundle(bundle: Path, runs: int, folder: Path, notes: int = 500) -> list[Figure]:
    """Start-up and peak memory of `bundle`/crt-desktop, each beside this Python's venv."""
    platform = platform_for(folder)
    env = child_environment(folder, platform)
    commands: dict[str, list[str]] = {}
    for name in ("bundle", "venv"):
        db = folder / f"{name}.db"  # one database each: the same session, no shared lock
        session_id = make_database(db, notes)
        commands[name] = app_command(db, session_id)
    commands["bundle"][0] = str(bundle / "crt-desktop")
    launch(commands["bundle"], env)  # warm-up: the OS file cache and byte-code caches
    launch(commands["venv"], env)
    starts: dict[str, list[Launch]] = {"bundle": [], "venv": []}
    for _ in range(runs):
        for name, command in commands.items():
            starts[name].append(launch(command, env))
    return [
        Figure(
            key="bundle_start",
            title="Standalone build: start to the first painted console",
            unit="s",
            samples=[r.seconds for r in starts["bundle"]],
            floor=[r.seconds for r in starts["venv"]],
            limits=(Limit("ratio", 1.0),),
            note="floor: the same command from the virtual environment",
        ),
        Figure(
            key="bundle_rss",
            title="Standalone build: peak memory with the session open",
            unit="MB",
            samples=[r.peak_mb for r in starts["bundle"]],
            floor=[r.peak_mb for r in starts["venv"]],
            limits=(Limit("over_floor", 0),),
            note="peak RSS (wait4) of the same runs",
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path, help="the unpacked build's folder")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="crt-bench-") as scratch:
        figures = measure_bundle(args.bundle, args.runs, Path(scratch))
    print(table(figures))
    return 0 if all(f.passed for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
