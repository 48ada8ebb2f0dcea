"""Which screen the room view uses: the second one when there are two, or the one asked for.

Qt's offscreen platform can pretend to have two screens (a laptop and a projector) from a JSON
file; a screen set is fixed when the application starts, so each case runs in a child process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from crt_desktop.views.room_view import choose_screen, screen_fit

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from tests.qt.fakes import MemoryStore, sample_board
from crt_desktop.app import make_services
from crt_desktop.content import content
from crt_desktop.views.console import open_board_windows
store = MemoryStore()
screen = int(sys.argv[1]) if sys.argv[1] != "-" else None
console, room = open_board_windows(
    sample_board(store, 12), make_services(store, content()), screen, sys.argv[2] == "present"
)
app.processEvents()
print(console.screen().name(), room.screen().name(), room.isVisible(), room.isFullScreen())
"""


def run(tmp_path: Path, screens: list[dict], screen: str = "-", present: str = "") -> list[str]:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": screens}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, screen, present or "-"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stdout.split()


LAPTOP = {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96}
PROJECTOR = {
    "name": "projector",
    "x": 1366,
    "y": 0,
    "width": 1920,
    "height": 1080,
    "logicalDpi": 96,
}


def test_two_screens_put_the_room_view_on_the_projector(tmp_path):
    """With a laptop and a projector, the console stays on the laptop and the room view fills
    the projector."""
    assert run(tmp_path, [LAPTOP, PROJECTOR]) == ["laptop", "projector", "True", "True"]


def test_screen_number_chooses_the_screen(tmp_path):
    """--screen 1 keeps the room view on the laptop (windowed until presented)."""
    assert run(tmp_path, [LAPTOP, PROJECTOR], "1") == ["laptop", "laptop", "False", "False"]


def test_one_screen_presents_only_when_asked(tmp_path):
    """With one screen, the room view waits; --present shows it full screen at once."""
    assert run(tmp_path, [LAPTOP]) == ["laptop", "laptop", "False", "False"]
    assert run(tmp_path, [LAPTOP], present="present") == ["laptop", "laptop", "True", "True"]


def test_choose_screen_rules():
    """Numbers count from 1; an unknown number is refused with a sentence."""
    laptop, projector = object(), object()
    screens = [laptop, projector]
    assert choose_screen(screens, laptop) is projector  # type: ignore[arg-type]
    assert choose_screen(screens, laptop, 1) is laptop  # type: ignore[arg-type]
    assert choose_screen([laptop], laptop) is laptop  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="no screen 3; this computer has 2 screens"):
        choose_screen(screens, laptop, 3)  # type: ignore[arg-type]


def test_type_scales_with_the_window():
    """Room text is full size at 1920×1080 and scales down, not below three quarters."""
    assert screen_fit(1920, 1080) == 1
    assert screen_fit(1024, 768) == 0.75
    assert screen_fit(3840, 2160) == 1.5


MOVE_SCRIPT = """
from PySide6.QtWidgets import QApplication, QFrame
app = QApplication([])
from tests.qt.fakes import MemoryStore, sample_board
from crt_desktop.domain.operations import SetResponse
from crt_desktop.domain.report_back import make_response
from crt_desktop.domain.vocabulary import ResponseStatus as S
from crt_desktop.app import make_services
from crt_desktop.content import content
from crt_desktop.views.console import open_board_windows
store = MemoryStore()
console, room = open_board_windows(sample_board(store, 40), make_services(store, content()))
for note_id, status in (("n000", S.TEAM_ENGAGED), ("n003", S.THIS_YEAR), ("n009", S.NEXT_YEAR)):
    console.controller.do(SetResponse(note_id, make_response(status, "Looked at.", False, [])))
room.set_report_back(True)
for _ in range(10):
    app.processEvents()
laptop = [s for s in app.screens() if s.name() == "laptop"][0]
room.present(laptop)
for _ in range(10):
    app.processEvents()
board = room.report_back
right = max(p.geometry().right() for p in board.grid_host.findChildren(QFrame, "statusGroup"))
print(room.width(), round(right / board.grid_host.width(), 2))
"""


def test_the_report_back_fills_a_smaller_screen_it_is_moved_to(tmp_path):
    """The room view's report-back, moved from the 1920 wide projector to a 1024 wide screen,
    spreads its groups across the whole width (a third of it stayed empty)."""
    small = dict(LAPTOP, width=1024, height=768)
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": [small, dict(PROJECTOR, x=1024)]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    done = subprocess.run(
        [sys.executable, "-c", MOVE_SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    width, share = done.stdout.split()
    assert width == "1024"
    assert float(share) > 0.9
