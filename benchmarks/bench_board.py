"""In-process board figures: opening a session, and moving one note with the board full.

Both run the app's own code path: the store, the domain, the column models and both windows
(the room view presented on the second offscreen screen, as in a room with a projector).

A move is timed as the event loop runs it: the drop, then the layout and painting of what the
move changed in both windows, until nothing is left to paint. Forcing a repaint of every widget
of both windows instead would time the chrome a move never touches (a full-screen room view
costs several milliseconds to repaint with no change at all); each move checks that every
shown window did paint, so the figure cannot leave the repaint out.
"""

from __future__ import annotations

import gc
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget

from crt_desktop.app import make_services
from crt_desktop.content import content
from crt_desktop.domain.store import SessionStore
from crt_desktop.storage.database import open_database
from crt_desktop.views.console import ConsoleWindow, open_board_windows
from crt_desktop.views.room_view import RoomView

from .stats import Figure, Limit


def _application() -> QApplication:
    existing = QApplication.instance()
    return existing if isinstance(existing, QApplication) else QApplication([])


def _open(store: SessionStore, session_id: int) -> tuple[ConsoleWindow, RoomView]:
    """Query → domain → models → views, until the console has painted once."""
    board = store.load_board(session_id)
    console, room = open_board_windows(board, make_services(store, content()))
    console.repaint()
    room.repaint()
    return console, room


def _close(console: ConsoleWindow, room: RoomView) -> None:
    console.close()
    room.close()
    for window in (console, room):
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


class _PaintCounter(QObject):
    """Counts paint events per top-level window while installed on the application."""

    def __init__(self, windows: tuple[QWidget, ...]) -> None:
        super().__init__()
        self.windows = windows
        self.counts = dict.fromkeys(range(len(windows)), 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            top = watched.window()
            for number, window in enumerate(self.windows):
                if top is window:
                    self.counts[number] += 1
        return False


def _paint_pending(app: QApplication, counter: _PaintCounter) -> None:
    """Run the event loop until the change is laid out and painted and nothing is pending."""
    for _ in range(20):
        before = sum(counter.counts.values())
        app.processEvents()
        if sum(counter.counts.values()) == before:
            return


def measure_open(db: Path, session_id: int, repeats: int) -> Figure:
    app = _application()
    samples: list[float] = []
    with open_database(db) as database:
        for run in range(repeats + 1):
            start = time.perf_counter()
            console, room = _open(database.store, session_id)
            elapsed = time.perf_counter() - start
            if run:  # the first run warms caches (fonts, styles) and is not counted
                samples.append(elapsed * 1000)
            _close(console, room)
            app.processEvents()
    return Figure(
        key="open_session",
        title="Open a session (query → domain → models → views, painted)",
        unit="ms",
        samples=samples,
        limits=(Limit("median", 150),),
    )


def measure_move(db: Path, session_id: int, moves: int) -> Figure:
    app = _application()
    samples: list[float] = []
    with open_database(db) as database:
        console, room = _open(database.store, session_id)
        counter = _PaintCounter((console, room))
        app.installEventFilter(counter)
        _paint_pending(app, counter)
        models = [view.column_model() for view in console.views]
        for step in range(moves):
            source = max(models, key=lambda m: m.rowCount())
            target = models[(models.index(source) + 1 + step % (len(models) - 1)) % len(models)]
            row = (step * 7) % source.rowCount()
            mime = source.mimeData([source.index(row)])
            drop_row = (step * 3) % max(1, target.rowCount())
            counter.counts = dict.fromkeys(counter.counts, 0)
            start = time.perf_counter()
            moved = target.dropMimeData(mime, Qt.DropAction.MoveAction, drop_row, 0, QModelIndex())
            _paint_pending(app, counter)
            samples.append((time.perf_counter() - start) * 1000)
            if not moved:
                raise RuntimeError("A benchmark move was refused; the figure would be wrong.")
            shown = [n for n, w in enumerate(counter.windows) if w.isVisible()]
            if not shown or not all(counter.counts[n] for n in shown):
                raise RuntimeError("A benchmark move left a window unpainted; the figure is wrong.")
        app.removeEventFilter(counter)
        _close(console, room)
    return Figure(
        key="move_note",
        title="Move one note: drop → model → repaint both views → committed",
        unit="ms",
        samples=samples,
        limits=(Limit("p95", 8),),
    )
