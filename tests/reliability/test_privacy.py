"""Privacy by design, checked: no author anywhere, no time of writing shown, files readable by
their owner only, and no network connection at all."""

from __future__ import annotations

import os
import re
import shutil
import socket
import sqlite3
import stat
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from crt_desktop.app import make_services
from crt_desktop.content import content
from crt_desktop.domain.note import Note
from crt_desktop.export.interchange import write_board_file
from crt_desktop.export.summary import write_leader_summary
from crt_desktop.export.summary.sections import long_date
from crt_desktop.storage.database import open_database
from crt_desktop.storage.migration import MIGRATIONS, known_revisions
from tests.reliability.scripted_edits import open_controller, run_script

# Column name parts that would say who wrote something, or from where.
PERSONAL = {
    "author", "user", "username", "device", "address", "ip", "host", "hostname", "mac",
    "email", "person", "owner", "writer", "creator", "login", "account", "client", "agent",
    "name", "by",
}  # fmt: skip


def test_migrated_schema_has_no_column_about_a_person(tmp_path):
    """The schema the migrations build (not just the models) has no author-like column."""
    with open_database(tmp_path / "crt.db"):
        pass
    connection = sqlite3.connect(tmp_path / "crt.db")
    tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    columns = {
        f"{table}.{row[1]}"
        for table in tables
        for row in connection.execute(f"PRAGMA table_info('{table}')")
    }
    connection.close()
    assert "notes.text" in columns
    personal = {c for c in columns if PERSONAL & set(re.split(r"[._]", c.lower()))}
    assert not personal


def test_a_note_carries_no_author_and_no_time():
    """The note itself has nothing to say who wrote it or when."""
    fields = set(Note.__dataclass_fields__)
    assert not {f for f in fields if PERSONAL & set(f.split("_"))}
    assert not {f for f in fields if re.search(r"time|date|created|updated|_at$", f)}


def scripted_session(folder: Path, qapp):
    """A database with a session edited by the scripted facilitator (200 edits)."""
    database = open_database(folder / "crt.db")
    controller, session_id = open_controller(database.store, None)
    run_script(controller, seed=5, steps=200, emit=lambda *_: None)
    return database, controller, session_id


CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")


def today_forms() -> list[str]:
    today = date.today()
    return [today.isoformat(), long_date(today), today.strftime("%d/%m/%Y"), f"{today:%Y%m%d}"]


def test_room_view_shows_no_author_and_no_time(qapp, tmp_path):
    """Everything the room view can show: no author, no date or time of writing."""
    from crt_desktop.views.room_view import RoomView

    database, controller, _ = scripted_session(tmp_path, qapp)
    room = RoomView(controller, content=content())
    shown = [room.windowTitle()]
    for label in room.findChildren(QLabel):
        if label.objectName() != "roomTimer":  # the countdown, not a time of writing
            shown.append(label.text())
    roles = (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.StatusTipRole,
        Qt.ItemDataRole.WhatsThisRole,
    )
    rows = 0
    for view in room.views:
        model = view.model()
        for row in range(model.rowCount()):
            rows += 1
            for role in roles:
                value = model.data(model.index(row, 0), role)
                if value is not None:
                    shown.append(str(value))
    assert rows > 0
    text = "\n".join(shown)
    assert not CLOCK.search(text)
    assert not [form for form in today_forms() if form in text]
    assert not re.search(r"\b(author|written by|wrote|added by (?!a leader))", text, re.I)
    room.close()
    controller.core.history.clear()
    database.close()


def test_pdf_shows_no_author_and_no_time_of_writing(qapp, tmp_path):
    """The leader summary names no author and no time of writing, inside or in its metadata."""
    database, controller, session_id = scripted_session(tmp_path, qapp)
    board = database.store.load_board(session_id)
    assert board.session.held_on != date.today()
    pdf = write_leader_summary(board, tmp_path / "summary.pdf", pagesize="A4", content=content())
    reader = PdfReader(pdf)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert not CLOCK.search(text)
    assert not [form for form in today_forms() if form in text]
    assert "anonymous" in text.lower()
    info = reader.metadata or {}
    assert not str(info.get("/Author", "")).strip()
    # invariant=1: the document's own creation date is a fixed one, not when it was made.
    assert f"{date.today():%Y%m%d}" not in str(info.get("/CreationDate", ""))
    assert f"{date.today():%Y%m%d}" not in str(info.get("/ModDate", ""))
    controller.core.history.clear()
    database.close()


def add_newer_migration(folder: Path) -> Path:
    """A copy of the packaged migrations with one more, empty revision (to force a backup)."""
    migrations = folder / "migrations"
    shutil.copytree(MIGRATIONS, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    head = known_revisions()[-1]
    following = f"{int(head) + 1:04d}"
    (migrations / "versions" / f"{following}_nothing.py").write_text(
        f'"""An empty revision."""\n\nrevision = "{following}"\ndown_revision = "{head}"\n'
        "branch_labels = None\ndepends_on = None\n\n\n"
        "def upgrade() -> None:\n    pass\n\n\ndef downgrade() -> None:\n    pass\n",
        encoding="utf-8",
    )
    return migrations


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_database_backups_and_exports_are_owner_only(qapp, tmp_path):
    """Whatever the umask, the database, its side files, its backups and exports are 0600."""
    old = os.umask(0)
    try:
        database, controller, session_id = scripted_session(tmp_path, qapp)
        db = tmp_path / "crt.db"
        side = [Path(f"{db}{suffix}") for suffix in ("-wal", "-shm")]
        assert all(p.exists() for p in side)
        board = database.store.load_board(session_id)
        exports = [
            write_leader_summary(board, tmp_path / "summary.pdf", pagesize="A4", content=content()),
            tmp_path / "session.json",
        ]
        write_board_file(board, exports[1])
        controller.core.history.clear()
        database.close()
        with open_database(db, migrations=add_newer_migration(tmp_path)) as migrated:
            assert migrated.backup is not None
            backup = migrated.backup
        for path in [db, *side, backup, *exports]:
            if path.exists():  # the side files go when the last connection closes
                assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    finally:
        os.umask(old)


def test_no_network_connection_is_ever_made(qapp, tmp_path, monkeypatch):
    """A whole scripted session, its windows and both exports never touch the network."""
    from crt_desktop.views.console import open_board_windows

    attempts: list[str] = []

    def refuse(name: str):
        def attempt(*args: object, **kwargs: object) -> None:
            attempts.append(name)
            raise OSError("no network in this test")

        return attempt

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse(f"socket.{name}"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))

    database, controller, session_id = scripted_session(tmp_path, qapp)
    board = database.store.load_board(session_id)
    console, room = open_board_windows(board, make_services(database.store, content()))
    qapp.processEvents()
    write_leader_summary(board, tmp_path / "summary.pdf", pagesize="Letter", content=content())
    write_board_file(board, tmp_path / "session.json")
    console.close()
    room.close()
    controller.core.history.clear()
    database.close()
    assert attempts == []
