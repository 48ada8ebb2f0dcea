"""Child processes for the crash tests: start one, read its lines as they come, SIGKILL it.

Also the checks every crash test shares: SQLite's integrity check, reopening through the app's
own `open_database`, and a look at the child's open sockets (there must be no network ones).
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def child_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    env.update(extra)
    return env


class Child:
    """A child process whose stdout lines are collected by a thread as they arrive."""

    def __init__(self, argv: Sequence[str], env: dict[str, str] | None = None) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, *argv],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env=env or child_env(),
            cwd=ROOT,
        )
        self.lines: list[str] = []
        self.stderr = ""
        self._arrived = threading.Condition()
        self._threads = [
            threading.Thread(target=self._read_stdout, daemon=True),
            threading.Thread(target=self._read_stderr, daemon=True),
        ]
        for thread in self._threads:
            thread.start()

    def _read_stdout(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            with self._arrived:
                self.lines.append(line.rstrip("\n"))
                self._arrived.notify_all()

    def _read_stderr(self) -> None:
        assert self.proc.stderr is not None
        self.stderr = self.proc.stderr.read()

    def wait_for(self, prefix: str, timeout: float = 60) -> bool:
        """Wait until a line starting with `prefix` arrived (False if the child ended first)."""
        deadline = time.monotonic() + timeout
        with self._arrived:
            while not any(line.startswith(prefix) for line in self.lines):
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    return any(line.startswith(prefix) for line in self.lines)
                self._arrived.wait(0.05)
        return True

    def kill(self) -> bool:
        """SIGKILL the child; True if it was still running (the kill landed)."""
        running = self.proc.poll() is None
        if running:
            os.kill(self.proc.pid, signal.SIGKILL)
        self.finish()
        return running

    def finish(self, timeout: float = 120) -> int:
        code = self.proc.wait(timeout)
        for thread in self._threads:
            thread.join(10)
        for stream in (self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()
        return code

    def network_sockets(self) -> set[str]:
        """Inodes of the child's open internet sockets (TCP or UDP, IPv4 or IPv6)."""
        return network_sockets(self.proc.pid)


def network_sockets(pid: int) -> set[str]:
    proc = Path(f"/proc/{pid}")
    sockets = set()
    try:
        for fd in (proc / "fd").iterdir():
            target = os.readlink(fd)
            if target.startswith("socket:["):
                sockets.add(target[len("socket:[") : -1])
    except OSError:
        return set()  # the child ended meanwhile
    internet = set()
    for table in ("tcp", "tcp6", "udp", "udp6"):
        try:
            rows = (proc / "net" / table).read_text().splitlines()[1:]
        except OSError:
            continue
        internet.update(row.split()[9] for row in rows if len(row.split()) > 9)
    return sockets & internet


def integrity(path: Path) -> str:
    """SQLite's full integrity check of a database file ("ok" when it is sound)."""
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute("PRAGMA integrity_check").fetchall()
    finally:
        connection.close()
    return "; ".join(str(r[0]) for r in rows)


class Figures:
    """Counts for docs/reliability.md, written where $CRT_RELIABILITY_REPORT points (if set)."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}

    def add(self, key: str, amount: int = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + amount

    def save(self) -> None:
        target = os.environ.get("CRT_RELIABILITY_REPORT")
        if not target:
            return
        path = Path(target)
        old = json.loads(path.read_text()) if path.exists() else {}
        for key, value in self.counts.items():
            old[key] = old.get(key, 0) + value
        path.write_text(json.dumps(old, indent=2, sort_keys=True) + "\n")
