"""Composition root: sets up Qt, opens storage, builds the windows and injects their services."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from crt_desktop import __version__
from crt_desktop.content import Content, ContentError
from crt_desktop.content import content as packaged_content
from crt_desktop.domain.store import SessionStore, StorageError
from crt_desktop.instance_lock import acquire_lock, lock_path_for
from crt_desktop.services import Services
from crt_desktop.views.messages import fail, warn

if TYPE_CHECKING:
    from crt_desktop.organisation.source import OrganisationServices
    from crt_desktop.views.organisation_window import OrganisationWindow
    from crt_desktop.views.session_picker import SessionPicker


def _application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # Fractional scaling (125 %, 150 %) is common on facilitators' laptops: do not round it.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication(sys.argv[:1])
    app.setApplicationName("CRT Desktop")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("crt-desktop")
    app.setDesktopFileName("crt-desktop")
    return app


class _OnClose(QObject):
    """Calls `action` as a watched window starts to close, so the next window is shown before
    the last one goes and Qt does not quit."""

    def __init__(self, action: Callable[[], None]) -> None:
        super().__init__()
        self._action = action

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close:
            self._action()
        return False


def make_services(store: SessionStore, content: Content) -> Services:
    """The one Services object the windows are given (see services.py)."""
    from crt_desktop.exporters import PdfExporters
    from crt_desktop.views.app_settings import QtSettings

    return Services(
        content=content, store=store, exporters=PdfExporters(content), settings=QtSettings()
    )


class Desktop:
    """The running app: the session picker, and the console and room view of an open session."""

    def __init__(
        self,
        services: Services,
        screen: int | None,
        present: bool,
        open_marker: Path | None = None,
        organisation: Callable[[], OrganisationServices] | None = None,
    ) -> None:
        self.services = services
        self.store = services.store
        self.content = services.content
        # Builds the organisation window's services (on the same database), when asked for.
        self.organisation = organisation
        self._organisation_window: OrganisationWindow | None = None
        # Holds the id of the session whose console is open; left behind only by a crash.
        self.open_marker = open_marker
        self.screen = screen
        self.present = present
        self.windows: tuple[QWidget, ...] = ()
        self._picker: SessionPicker | None = None
        self._closing = _OnClose(self.back_to_picker)

    @property
    def picker(self) -> SessionPicker:
        """The session picker, built when first needed (`--session` starts without it)."""
        if self._picker is None:
            from crt_desktop.views.session_picker import SessionPicker

            self._picker = SessionPicker(
                self.store,
                {s.number: s.title for s in self.content.sections},
                lambda number: self.content.section(number).template,
                self.open_session,
                self.open_organisation if self.organisation is not None else None,
            )
        return self._picker

    def open_organisation(self) -> None:
        """The organisation window, built once and brought forward after."""
        if self.organisation is None:
            return
        if self._organisation_window is None:
            from crt_desktop.organisation_services import column_titles
            from crt_desktop.views.organisation_window import OrganisationWindow

            self._organisation_window = OrganisationWindow(
                self.organisation(), self.open_session, column_titles(self.content)
            )
        else:
            self._organisation_window.reload()  # sessions may have changed since
        self._organisation_window.show()
        self._organisation_window.raise_()
        self._organisation_window.activateWindow()

    def open_session(self, session_id: int) -> None:
        from crt_desktop.views.console import open_board_windows

        try:
            board = self.store.load_board(session_id)
        except KeyError:
            warn(self.picker, "CRT Desktop", f"There is no session {session_id}.")
            self.picker.show()
            return
        except StorageError as exc:
            warn(self.picker, "CRT Desktop", str(exc))
            self.picker.show()
            return
        console, room = open_board_windows(
            board, self.services, self.screen, self.present, room_after_console=True
        )
        self.windows = (console, room)
        self.present = False  # only the first session opened starts presenting
        console.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        console.installEventFilter(self._closing)
        self._mark_open(session_id)
        if self._picker is not None:
            self._picker.hide()

    def interrupted_session(self) -> int | None:
        """The session whose console was open when the app last stopped without closing it."""
        if self.open_marker is None:
            return None
        try:
            text = self.open_marker.read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            return None
        return int(text) if text.isdigit() else None

    def resume(self, session_id: int) -> None:
        """Reopen the session that was open when the app stopped, and say so."""
        self.open_session(session_id)
        if not self.windows:  # gone since: do not try again at the next start
            self._mark_open(None)
        else:
            show = getattr(self.windows[0], "show_message", None)
            if show is not None:
                show(
                    "CRT Desktop stopped unexpectedly and has reopened this session: "
                    "everything that was saved is here."
                )

    def _mark_open(self, session_id: int | None) -> None:
        if self.open_marker is None:
            return
        try:
            if session_id is None:
                self.open_marker.unlink(missing_ok=True)
            else:
                self.open_marker.write_text(f"{session_id}\n", encoding="ascii")
        except OSError:
            pass  # only a convenience: the saved board never depends on it

    def back_to_picker(self) -> None:
        """Closing a session's console brings back the session list (the console closes the
        room view itself)."""
        self._mark_open(None)
        self.windows = ()
        self.picker.refresh()
        self.picker.show()


# Benchmarks set this: the app prints the monotonic clock at its first window's first paint, then
# quits (benchmarks/bench_startup.py measures start-up with it).
FIRST_PAINT_VARIABLE = "CRT_DESKTOP_QUIT_AFTER_FIRST_PAINT"


class FirstPaintProbe(QObject):
    """Prints `first-paint <seconds>` once `window` has painted for the first time, then quits;
    with `then` (the room view, shown once the console has painted), quits only after that
    window has painted too (printing `then-paint <seconds>`), so the process's peak memory
    includes it."""

    def __init__(self, window: QWidget, then: QWidget | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.then = then
        self._reported = False
        app = QApplication.instance()
        assert app is not None
        self.app: QCoreApplication = app
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self.window
        ):
            self.app.removeEventFilter(self)
            # The rest of the window paints in this same pass; report once it is done.
            QTimer.singleShot(0, self._report_next if self._reported else self._report)
        return False

    def _report(self) -> None:
        print(f"first-paint {time.clock_gettime(time.CLOCK_MONOTONIC):.6f}", flush=True)
        self._reported = True
        if self.then is None:
            QApplication.quit()
        else:
            self.window = self.then
            self.then = None
            # The room view is placed by a call queued with this one: look once it has run.
            QTimer.singleShot(0, self._wait_for_next)

    def _wait_for_next(self) -> None:
        if not self.window.isVisible():
            QApplication.quit()
            return
        self.app.installEventFilter(self)
        QTimer.singleShot(3000, QApplication.quit)  # never hang a benchmark

    def _report_next(self) -> None:
        print(f"then-paint {time.clock_gettime(time.CLOCK_MONOTONIC):.6f}", flush=True)
        QApplication.quit()


def _fail(message: str) -> int:
    print(f"crt-desktop: {message}", file=sys.stderr)
    if QGuiApplication.platformName() != "offscreen":  # nobody could see, or close, the dialog
        fail(None, "CRT Desktop", message)
    return 1


def run_gui(args: argparse.Namespace) -> int:
    from crt_desktop.commands import CommandError, database_url
    from crt_desktop.storage.database import default_database_path, open_database

    app = _application()
    try:
        url = database_url(args)
    except CommandError as exc:
        _fail(str(exc))
        return exc.status
    data_dir = default_database_path().parent  # the same folder storage uses
    lock_path = lock_path_for(url, data_dir)
    try:
        lock = acquire_lock(lock_path)
    except OSError:
        # A read-only folder or a full disk: opening the database below names the cause.
        lock = None
    else:
        if lock is None:
            return _fail(
                "CRT Desktop is already open on this database; switch to that window, "
                "or close it before opening another."
            )
    try:
        loaded = packaged_content()
        database = open_database(url, templates=loaded.templates)
        store = database.store
    except (StorageError, ContentError) as exc:
        return _fail(str(exc))
    if lock is None:
        return _fail(
            f"CRT Desktop could not make its lock file {lock_path}, which keeps a second "
            "window from opening the same database; check that the folder can be written to."
        )
    marker = Path(f"{lock_path}.session")
    services = make_services(store, loaded)

    def organisation() -> OrganisationServices:
        from crt_desktop.organisation_services import organisation_services

        return organisation_services(database.engine, loaded)

    desktop = Desktop(
        services, args.screen, args.present, open_marker=marker, organisation=organisation
    )
    interrupted = desktop.interrupted_session()
    if args.session is not None:
        desktop.open_session(args.session)
    elif interrupted is not None:
        desktop.resume(interrupted)
    else:
        desktop.picker.show()
    if os.environ.get(FIRST_PAINT_VARIABLE):
        if desktop.windows:
            FirstPaintProbe(desktop.windows[0], then=desktop.windows[1])
        else:
            FirstPaintProbe(desktop.picker)
    try:
        return app.exec()
    finally:
        lock.unlock()
