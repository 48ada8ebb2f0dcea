"""Follows the projector being unplugged and plugged in again.

When the screen the room view was shown on goes away, the room view would otherwise land on the
laptop behind the console and the projector stay black with nobody told. Instead it is put away,
the console says so for as long as the projector is gone, and it goes back full screen on the
projector when a screen other than the console's comes back.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QLabel, QMainWindow, QStatusBar, QWidget

from .room_view import RoomView

GONE_NOTICE = (
    "The projector is disconnected: the room view will go back to it when it is plugged in "
    "again (F5 shows it on this screen meanwhile)."
)
BACK_MESSAGE = "The projector is back: the room view is on it again."
# Screens come back in a burst of changes: place the room view once they have settled.
_SETTLE_MS = 300


class ProjectorFollower(QObject):
    def __init__(
        self,
        app: QGuiApplication,
        console: QWidget,
        room: RoomView,
        status_bar: QStatusBar,
        show_message: Callable[[str], None],
    ) -> None:
        super().__init__(console)
        self._console = console
        self._room = room
        self._show_message = show_message
        self._projector: str | None = None  # the screen the room view was last shown apart on
        self.waiting = False  # the room view's screen is gone; it goes back when one returns
        self.notice = QLabel(GONE_NOTICE)
        self.notice.setObjectName("projectorNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("QLabel#projectorNotice { color: #8B0000; font-weight: bold; }")
        self.notice.hide()
        status_bar.addPermanentWidget(self.notice, 1)
        self._return_timer = QTimer(self)
        self._return_timer.setSingleShot(True)
        self._return_timer.timeout.connect(self._return)
        room.placed.connect(self._room_placed)
        app.screenRemoved.connect(self._screen_removed)
        app.screenAdded.connect(self._screen_added)

    def _room_placed(self) -> None:
        screen = self._room.screen()
        if self._room.isVisible() and screen is not self._console.screen():
            self._projector = screen.name()
            self._set_waiting(False)

    def _screen_removed(self, screen: QScreen) -> None:
        if self._projector is None or screen.name() != self._projector:
            return
        if self._room.isVisible():
            self._room.leave_full_screen()
            self._room.hide()
        self._set_waiting(True)
        self._show_message(GONE_NOTICE)

    def _screen_added(self, _screen: QScreen) -> None:
        if self.waiting:
            self._return_timer.start(_SETTLE_MS)

    def _return(self) -> None:
        if not self.waiting:
            return
        screens = QGuiApplication.screens()
        elsewhere = [s for s in screens if s is not self._console.screen()]
        if not elsewhere:
            return
        # The same projector if it is back, else the first screen apart from the console's.
        target = next((s for s in elsewhere if s.name() == self._projector), elsewhere[0])
        self._room.present(target)
        self._show_message(BACK_MESSAGE)

    def _set_waiting(self, on: bool) -> None:
        self.waiting = on
        self.notice.setVisible(on)


def follow_projector(
    console: QMainWindow, room: RoomView, show_message: Callable[[str], None]
) -> ProjectorFollower:
    """The follower for a console, its notice in the console's status bar."""
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    return ProjectorFollower(app, console, room, console.statusBar(), show_message)
