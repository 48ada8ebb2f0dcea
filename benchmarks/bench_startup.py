"""Start-up to the first painted console, and peak memory, each beside the stack's own floor.

Every run is a fresh process. The app is started as a user starts it (`crt-desktop --db FILE
--session ID`) with CRT_DESKTOP_QUIT_AFTER_FIRST_PAINT set: it prints the monotonic clock when
its console first paints, then quits. The floor (`floor_window.py`) imports sqlalchemy.orm and
shows one PySide6 window, reporting its first paint the same way. Runs alternate app and floor,
so drift in the machine's load hits both alike. Peak RSS comes from the kernel (wait4).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .stats import Figure, Limit

FLOOR_SCRIPT = Path(__file__).with_name("floor_window.py")
FIRST_PAINT_VARIABLE = "CRT_DESKTOP_QUIT_AFTER_FIRST_PAINT"  # read by crt_desktop.app


@dataclass(frozen=True)
class Launch:
    seconds: float  # from spawning the process to its first painted window
    peak_mb: float  # the process's peak resident memory


def app_command(db: Path, session_id: int) -> list[str]:
    """`crt-desktop --db FILE --session ID`, through the installed script when there is one."""
    script = Path(sys.executable).with_name("crt-desktop")
    start = [str(script)] if script.exists() else [sys.executable, "-m", "crt_desktop"]
    return [*start, "--db", str(db), "--session", str(session_id)]


def child_environment(folder: Path, platform: str) -> dict[str, str]:
    """Offscreen Qt, private data folders, and byte-code caches written as an install would."""
    env = dict(os.environ)
    for name in ("PYTHONDONTWRITEBYTECODE", "CRT_DATABASE_URL", "PYTHONPROFILEIMPORTTIME"):
        env.pop(name, None)
    env.update(
        QT_QPA_PLATFORM=platform,
        # Shared between runs, so a short run starts from compiled caches as a long one does.
        PYTHONPYCACHEPREFIX=str(Path(tempfile.gettempdir()) / "crt-desktop-bench-pycache"),
        XDG_DATA_HOME=str(folder / "data"),
        XDG_CONFIG_HOME=str(folder / "config"),
        XDG_CACHE_HOME=str(folder / "cache"),
    )
    env[FIRST_PAINT_VARIABLE] = "1"
    return env


def launch(command: list[str], env: dict[str, str]) -> Launch:
    """Run one process to its first paint; RuntimeError if it never paints."""
    with tempfile.TemporaryFile("w+") as errors:
        start = time.clock_gettime(time.CLOCK_MONOTONIC)
        process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=errors)
        assert process.stdout is not None
        with process.stdout:
            output = process.stdout.read().decode("utf-8", "replace")
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        painted = [line for line in output.splitlines() if line.startswith("first-paint ")]
        if not painted:
            errors.seek(0)
            raise RuntimeError(
                f"{command[0]} never painted (exit {process.returncode}): {errors.read()[-2000:]}"
            )
    seconds = float(painted[0].split()[1]) - start
    return Launch(seconds=seconds, peak_mb=usage.ru_maxrss / 1024)  # ru_maxrss is in KiB


def measure_startup(
    db: Path, session_id: int, runs: int, folder: Path, platform: str, *, warm_up: bool = True
) -> tuple[Figure, Figure]:
    env = child_environment(folder, platform)
    app, floor = app_command(db, session_id), [sys.executable, str(FLOOR_SCRIPT)]
    if warm_up:  # writes the byte-code caches and fills the OS file cache
        launch(app, env)
        launch(floor, env)
    apps: list[Launch] = []
    floors: list[Launch] = []
    for _ in range(runs):
        apps.append(launch(app, env))
        floors.append(launch(floor, env))
    start = Figure(
        key="cold_start",
        title="Start to the first painted console (new process)",
        unit="s",
        samples=[r.seconds for r in apps],
        floor=[r.seconds for r in floors],
        limits=(Limit("ratio", 1.3),),
        note="floor: import sqlalchemy.orm, show and paint one PySide6 window",
    )
    memory = Figure(
        key="peak_rss",
        title="Peak memory with the session open",
        unit="MB",
        samples=[r.peak_mb for r in apps],
        floor=[r.peak_mb for r in floors],
        limits=(Limit("over_floor", 40),),
        note="peak RSS (wait4) of the same runs; floor as for start-up",
    )
    return start, memory
