"""Writes the report-back samples: screenshots of the report-back view (console and room view,
1920×1080 and 1024×768) into docs/screenshots, and a sample report-back PDF with PNGs of its
pages here. A realistic Section 4 session three months on, with leaders' answers recorded.

Run from the project folder under Xvfb (the PNG pages need pdftoppm from poppler-utils):

    Xvfb :77 -screen 0 1920x1080x24 -noreset &
    DISPLAY=:77 QT_QPA_PLATFORM=xcb .venv/bin/python docs/samples/report-back-make.py
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from crt_desktop.content import content  # noqa: E402
from crt_desktop.domain.board import Board  # noqa: E402
from crt_desktop.domain.note import ProgressUpdate  # noqa: E402
from crt_desktop.domain.operations import SetResponse  # noqa: E402
from crt_desktop.domain.report_back import make_response  # noqa: E402
from crt_desktop.domain.vocabulary import ResponseStatus as S  # noqa: E402
from crt_desktop.export.report_back_pdf import write_report_back  # noqa: E402
from crt_desktop.views.console import open_board_windows  # noqa: E402
from crt_desktop.views.report_back import ReportBackWindow  # noqa: E402
from tests.qt.fakes import MemoryStore, sample_board  # noqa: E402

HERE = Path(__file__).resolve().parent
SHOTS = ROOT / "docs" / "screenshots"
AS_OF = date(2027, 2, 26)


def u(day: tuple[int, int, int], text: str) -> ProgressUpdate:
    return ProgressUpdate(date(*day), text)


# (note id, status, reason, change impossible, updates): our own invented answers.
ANSWERS = [
    (
        "n000",
        S.THIS_YEAR,
        "We will trial two protected charting hours a week.",
        False,
        [
            u((2027, 1, 12), "Pilot on the day shift from February."),
            u((2027, 2, 20), "Pilot started; first check-in in March."),
        ],
    ),
    (
        "n001",
        S.TEAM_ENGAGED,
        "A staffing group of four meets every month.",
        False,
        [u((2027, 1, 20), "Weekend rota drafted with the group.")],
    ),
    ("n003", S.NEEDS_CLARIFICATION, "Which meetings felt unheard? Tell us more.", False, []),
    ("n009", S.NEXT_YEAR, "The EHR vendor's training budget opens in July.", False, []),
    ("n011", S.UNLIKELY_TWO_YEARS, "The car park belongs to the city.", True, []),
    (
        "n019",
        S.UNLIKELY_TWO_YEARS,
        "No spare room until the new wing opens.",
        False,
        [u((2027, 2, 2), "Asked facilities about a shared quiet corner.")],
    ),
    ("n014", S.THIS_YEAR, "Supervisors will be asked to keep doing this.", False, []),
]


def answered_board(store: MemoryStore) -> Board:
    board = sample_board(store, 40)
    for note_id, status, reason, impossible, updates in ANSWERS:
        op = SetResponse(note_id, make_response(status, reason, impossible, updates))
        store.save_patch(board.session.id, op.patch(board))  # type: ignore[arg-type]
        board = store.load_board(board.session.id)  # type: ignore[arg-type]
    return board


def settle(app: QApplication) -> None:
    for _ in range(15):
        app.processEvents()


def screenshots(app: QApplication) -> None:
    for width, height in ((1920, 1080), (1024, 768)):
        store = MemoryStore()
        board = answered_board(store)
        console, room = open_board_windows(board, store)
        room.leave_full_screen()
        room.setGeometry(0, 0, width, height)
        room.show()
        console.leadership.toggle_view()
        window = console.leadership.report_back_window()
        window.setGeometry(0, 0, width, height)
        settle(app)
        room.grab().save(str(SHOTS / f"report-back-room-{width}x{height}.png"))
        window.grab().save(str(SHOTS / f"report-back-console-{width}x{height}.png"))
        if width == 1920:
            window.responses.select("n019")
            window.show_tab(ReportBackWindow.RESPONSES)
            window.setGeometry(0, 0, 1280, 800)
            settle(app)
            window.grab().save(str(SHOTS / "report-back-responses-1280x800.png"))
        console.close()


def pdf() -> None:
    board = answered_board(MemoryStore())
    path = write_report_back(
        board, HERE / "report-back-sample.pdf", content=content(), as_of=AS_OF, pagesize="A4"
    )
    for old in HERE.glob("report-back-sample-*.png"):
        old.unlink()
    prefix = HERE / "report-back-sample"
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(path), str(prefix)], check=True)


def main() -> None:
    app = QApplication(sys.argv)
    screenshots(app)
    pdf()


if __name__ == "__main__":
    main()
