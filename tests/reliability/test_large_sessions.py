"""The largest sessions the app holds leave it and come back whole: the app's own file of a
100,000-note session imports, and export -> import -> export gives the same bytes, with the
memory of each command measured (docs/reliability.md gives the figures)."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from crt_desktop.domain.validation import clean_note_text
from crt_desktop.storage.database import open_database
from tests.reliability.big_files import big_board

from .harness import ROOT, child_env

# Runs one command and reports its peak resident memory (kB) on the last stderr line. VmHWM,
# not getrusage: Linux carries ru_maxrss over from the parent (this test) across exec.
_MEASURED = (
    "import re, sys\n"
    "from pathlib import Path\n"
    "from crt_desktop.__main__ import main\n"
    "status = main(sys.argv[1:])\n"
    "status_text = Path('/proc/self/status').read_text()\n"
    "print(re.search(r'VmHWM:\\s*(\\d+)', status_text)[1], file=sys.stderr)\n"
    "sys.exit(status)\n"
)


def measured(home: Path, *argv: str) -> tuple[str, int]:
    """The command's output and its peak memory in MiB."""
    result = subprocess.run(
        [sys.executable, "-c", _MEASURED, *argv],
        capture_output=True,
        text=True,
        env=child_env(XDG_DATA_HOME=str(home / "data"), HOME=str(home)),
        cwd=ROOT,
        timeout=600,
    )
    *messages, peak = result.stderr.strip().splitlines()
    assert result.returncode == 0 and not messages, result.stderr
    return result.stdout, int(peak) // 1024


def round_trip(tmp_path: Path, notes: int, figures, label: str) -> None:
    db = tmp_path / "crt.db"
    board = big_board(notes)
    # As typed into the app: its text is always cleaned (NFC) before it is stored.
    board.notes = {k: replace(n, text=clean_note_text(n.text)) for k, n in board.notes.items()}
    with open_database(db) as database:
        saved = database.store.save_board(board)
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    _out, exported = measured(
        tmp_path, "export", str(saved.id), "--json", str(first), "--db", str(db)
    )
    size = first.stat().st_size // (1024 * 1024)
    out, imported = measured(tmp_path, "import", str(first), "--db", str(db))
    measured(tmp_path, "export", out.strip(), "--json", str(second), "--db", str(db))
    assert first.read_bytes() == second.read_bytes()
    figures.add(f"{label} notes", notes)
    figures.add(f"{label} file MiB", size)
    figures.add(f"{label} import peak MiB", imported)
    figures.add(f"{label} export peak MiB", exported)
    # Memory follows the board, not a parse tree of the whole file: well under ten times the
    # file on top of the app's own start (about 70 MiB).
    assert imported < 100 + 8 * size and exported < 100 + 8 * size, (imported, exported, size)


def test_a_large_session_comes_back_whole(tmp_path, figures):
    """A 5,000-note session made by the app: export -> import -> export, same bytes."""
    round_trip(tmp_path, 5_000, figures, "large session")


pytestmark = pytest.mark.skipif(
    not Path("/proc/self/status").exists(), reason="peak memory is read from Linux's /proc"
)


@pytest.mark.slow
def test_a_hundred_thousand_notes_come_back_whole(tmp_path, figures):
    """The app's own file of a 100,000-note session (over 30 MiB, once over the size limit)
    imports back, and exporting it again gives the same bytes."""
    round_trip(tmp_path, 100_000, figures, "100,000-note session")
