"""The console as a screen reader meets it: named columns, notes read with kind and level, and a
note added without a mouse (AT-SPI under Xvfb; skipped where the system lacks it)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from crt_desktop.domain.operations import AddNote, MoveNotes
from crt_desktop.domain.patch import apply_patch
from crt_desktop.domain.vocabulary import Kind, Level
from crt_desktop.storage.database import open_database
from tests.unit.builders import control_board

SYSTEM_PYTHON = "/usr/bin/python3"
CLIENT = Path(__file__).with_name("atspi_client.py")


def _has_atspi() -> bool:
    if not (
        Path(SYSTEM_PYTHON).exists() and shutil.which("Xvfb") and shutil.which("dbus-run-session")
    ):
        return False
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True)
    return probe.returncode == 0


pytestmark = pytest.mark.skipif(not _has_atspi(), reason="needs Xvfb, dbus and python3-pyatspi")

LAUNCH = r"""
set -e
Xvfb -displayfd 5 -screen 0 1366x768x24 -nolisten tcp -noreset 5>"$DISPLAY_FILE" 2>/dev/null &
XPID=$!
for _ in $(seq 200); do [ -s "$DISPLAY_FILE" ] && break; sleep 0.05; done
export DISPLAY=:$(head -1 "$DISPLAY_FILE")
"$APP_PYTHON" -m crt_desktop --db "$DB" --session "$SESSION" &
APP=$!
set +e
"$SYSTEM_PYTHON" "$CLIENT" "$APP"
rc=$?
kill $APP $XPID 2>/dev/null
wait $APP $XPID 2>/dev/null
exit $rc
"""


def test_columns_and_notes_have_names_and_a_note_can_be_added(tmp_path):
    """Columns are lists named by title; notes read as text, kind and level; typing into "New
    note" and pressing "Add note" puts the note in Unsorted and clears the field."""
    board = control_board(["Charting after hours"])
    apply_patch(board, AddNote("Peer support", kind=Kind.RESILIENCE, level=Level.TEAM).patch(board))
    first = next(n for n in board.notes.values() if n.text == "Charting after hours")
    apply_patch(board, MoveNotes((first.id,), "leadership_controls").patch(board))
    db = tmp_path / "crt.db"
    with open_database(db) as database:
        session = database.store.save_board(board)
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="xcb",
        QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
        XDG_DATA_HOME=str(tmp_path),
        DISPLAY_FILE=str(tmp_path / "display"),
        APP_PYTHON=sys.executable,
        SYSTEM_PYTHON=SYSTEM_PYTHON,
        CLIENT=str(CLIENT),
        DB=str(db),
        SESSION=str(session.id),
    )
    result = subprocess.run(
        ["dbus-run-session", "--", "bash", "-c", LAUNCH],
        capture_output=True,
        text=True,
        timeout=90,
        env=env,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["columns"]["Leadership controls"] == ["Charting after hours, Fatigue"]
    assert report["columns"]["Unsorted"] == ["Peer support, Resilience, Team pattern"]
    assert report["columns"]["I control"] == []
    assert report["added"] and report["added"][0].startswith("Walking meetings, Fatigue")
    assert report["entry_after"] == ""
