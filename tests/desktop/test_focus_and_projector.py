"""On a laptop with a projector, typed notes reach the console whatever the room view does, and
the room view follows the projector being unplugged and plugged in again (real X11 focus under
Xvfb and openbox, keys typed with xdotool)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from crt_desktop.storage.database import open_database
from tests.unit.builders import control_board

from .conftest import plug_projector, unplug_projector

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.xvfb


def _xdotool(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True, timeout=30)
    return done.stdout.strip()


def _wait_for_window(env: dict[str, str], name: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not _xdotool(env, "search", "--onlyvisible", "--name", name):
        assert time.monotonic() < deadline, f"no window named {name!r}"
        time.sleep(0.05)


def _wait_for_texts(db: Path, expected: list[str], app: subprocess.Popen[bytes]) -> list[str]:
    # The app saves every note at once; give the keys a moment to arrive, then look.
    deadline = time.monotonic() + 10
    texts: list[str] = []
    while time.monotonic() < deadline:
        app_alive = app.poll() is None
        texts = _read_while_open(db)
        if texts == expected or not app_alive:
            break
        time.sleep(0.2)
    return texts


def _read_while_open(db: Path) -> list[str]:
    import sqlite3

    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        return sorted(row[0] for row in connection.execute("select text from notes"))


def _start(env: dict[str, str], db: Path, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "crt_desktop", "--db", str(db), "--session", "1", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _stop(app: subprocess.Popen[bytes]) -> str:
    app.terminate()
    _, err = app.communicate(timeout=20)
    return err.decode("utf-8", "replace")


def _new_session(tmp_path: Path) -> Path:
    db = tmp_path / "crt.db"
    with open_database(db) as database:
        database.store.save_board(control_board([]))
    return db


def _type_note(env: dict[str, str], text: str) -> None:
    _xdotool(env, "type", "--delay", "20", text)
    _xdotool(env, "key", "Return")


def test_the_first_note_typed_reaches_the_console_at_start_and_after_a_restart(
    tmp_path, two_monitors
):
    """Typing the moment the console opens, while the room view opens on the projector: the
    note is added (it used to go to the room view, which had taken the focus). The same after
    closing the app and starting it again."""
    env = two_monitors
    db = _new_session(tmp_path)
    for attempt, text in enumerate(("Too many meetings", "Charting after hours")):
        app = _start(env, db)
        _wait_for_window(env, "Outpatient nursing")
        _type_note(env, text)
        expected = ["Too many meetings", "Charting after hours"][: attempt + 1]
        assert _wait_for_texts(db, sorted(expected), app) == sorted(expected)
        active = _xdotool(env, "getactivewindow", "getwindowname")
        rooms = _xdotool(env, "search", "--onlyvisible", "--name", "^Room view")
        geometry = _xdotool(env, "getwindowgeometry", rooms.split()[0]) if rooms else ""
        errors = _stop(app)
        assert active.startswith("Outpatient nursing"), active
        assert "Position: 1366,0" in geometry and "1920x1080" in geometry, geometry
        assert "requestActivate" not in errors, errors


def test_show_on_screen_leaves_the_keyboard_with_the_console(tmp_path, two_monitors):
    """Started with the room view held on the laptop (--screen 1), then Room view → Show on
    screen → Screen 2 from the keyboard: the room view fills the projector and the next note
    typed still lands on the board."""
    env = two_monitors
    db = _new_session(tmp_path)
    app = _start(env, db, "--screen", "1")
    _wait_for_window(env, "Outpatient nursing")
    time.sleep(0.5)  # the menu bar answers once the window is up
    for keys in (("alt+v",), ("Up",), ("Right",), ("Down", "Return")):
        _xdotool(env, "key", *keys)
        time.sleep(0.3)
    _wait_for_window(env, "^Room view")
    _type_note(env, "Second screen")
    texts = _wait_for_texts(db, ["Second screen"], app)
    rooms = _xdotool(env, "search", "--onlyvisible", "--name", "^Room view")
    geometry = _xdotool(env, "getwindowgeometry", rooms.split()[0]) if rooms else ""
    _stop(app)
    assert texts == ["Second screen"]
    assert "Position: 1366,0" in geometry and "1920x1080" in geometry, geometry


PROJECTOR_SCRIPT = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from tests.qt.fakes import MemoryStore, sample_board
from crt_desktop.views.console import open_board_windows
store = MemoryStore()
from crt_desktop.app import make_services
from crt_desktop.content import content
console, room = open_board_windows(sample_board(store, 12), make_services(store, content()))

def settle(seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)

def report(step):
    follower = console.projector
    print(step, room.isVisible(), room.isFullScreen(), room.screen().name(),
          follower.notice.isVisible(), flush=True)

settle(1.5)
report("start")
print("unplug", flush=True)
sys.stdin.readline()
settle(1.5)
report("gone")
print("plug", flush=True)
sys.stdin.readline()
settle(1.5)
report("back")
print("active", QApplication.activeWindow() is console, flush=True)
"""


def test_the_room_view_follows_the_projector_out_and_back(tmp_path, two_monitors):
    """Unplugging the projector puts the room view away (not behind the console) and a notice
    stays on the console; plugging it back puts the room view full screen on it again, the
    keyboard still with the console."""
    env = two_monitors
    lines = []
    with subprocess.Popen(
        [sys.executable, "-c", PROJECTOR_SCRIPT],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as script:
        assert script.stdin is not None and script.stdout is not None
        for line in script.stdout:
            lines.append(line.split())
            if line.startswith("unplug"):
                unplug_projector(env)
            elif line.startswith("plug"):
                plug_projector(env)
            else:
                continue
            script.stdin.write("\n")
            script.stdin.flush()
    states = {line[0]: line[1:] for line in lines}
    assert states["start"] == ["True", "True", "projector", "False"]
    assert states["gone"][0] == "False" and states["gone"][3] == "True"
    assert states["back"] == ["True", "True", "projector", "False"]
    assert states["active"] == ["True"]
