"""Take the user guide's screenshots: a realistic 40-note session, console and room view, at
1920×1080 and 1024×768. Run under Xvfb from the project folder:

    Xvfb :77 -screen 0 1920x1080x24 -noreset &
    DISPLAY=:77 QT_QPA_PLATFORM=xcb .venv/bin/python docs/screenshots/take.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from crt_desktop.domain.operations import (  # noqa: E402
    AddNote,
    MoveNotes,
    SetHidden,
    SetScreening,
    StackNotes,
)
from crt_desktop.views.console import GUIDE_SHOWN_FROM, open_board_windows  # noqa: E402
from tests.qt.fakes import MemoryStore, sample_board  # noqa: E402

OUT = Path(__file__).resolve().parent
LONG_NOTE = (
    "When the unit is short on staff we are told to take on extra patients, the charting "
    "piles up until after the shift, nobody has time for a real break, and the next day it "
    "starts again with the same people covering the same gaps while the managers say it is "
    "only for one more month again"
)


def settle(app: QApplication) -> None:
    for _ in range(10):
        app.processEvents()


def main() -> None:
    app = QApplication(sys.argv)
    for width, height in ((1920, 1080), (1024, 768)):
        store = MemoryStore()
        board = sample_board(store, 40)
        console, room = open_board_windows(board, store)
        controller = console.controller
        controller.do(StackNotes(("n015",), onto="n001"))
        controller.do(SetScreening(True))
        controller.do(SetHidden(("n039",), True))
        console.countdown.start(10)
        console.setGeometry(0, 0, width, height)
        if width < GUIDE_SHOWN_FROM and console.section_tools.dock is not None:
            console.section_tools.dock.hide()  # as the console opens on a screen this narrow
        room.leave_full_screen()
        room.setGeometry(0, 0, width, height)
        room.show()
        unsorted = console.views[0]
        unsorted.setFocus()
        unsorted.select_ids(["n029"])
        settle(app)
        console.grab().save(str(OUT / f"console-{width}x{height}.png"))
        room.grab().save(str(OUT / f"room-view-{width}x{height}.png"))
        if width == 1024:
            # A note taller than its column, selected: the room sees it whole over the board.
            controller.do(AddNote(LONG_NOTE, note_id="long"))
            controller.do(MoveNotes(("long",), "leadership_controls", 0))
            controller.do(SetHidden(("long",), False))  # screening is on: show it to the room
            leadership = console.views[2]
            leadership.setFocus()
            leadership.select_ids(["long"])
            settle(app)
            room.grab().save(str(OUT / f"room-view-long-note-{width}x{height}.png"))
        console.close()


if __name__ == "__main__":
    main()
