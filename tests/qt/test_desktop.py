"""Moving between the session list and a session's board."""

from __future__ import annotations

from datetime import date

import pytest

from crt_desktop.app import Desktop
from crt_desktop.domain.session import Session
from crt_desktop.storage.database import open_database

from .services import services_for


@pytest.fixture
def store(tmp_path):
    database = open_database(tmp_path / "crt.db")
    yield database.store
    database.close()


def test_closing_a_console_brings_back_the_session_list(qtbot, store):
    """Opening a session hides the list; closing its console shows the list again."""
    saved = store.create_session(Session("Outpatient", 4, date(2026, 11, 20), "control-board"))
    desktop = Desktop(services_for(store), screen=None, present=False)
    desktop.picker.show()
    qtbot.addWidget(desktop.picker)
    desktop.open_session(saved.id)
    console, room = desktop.windows
    assert console.isVisible() and not desktop.picker.isVisible()
    with qtbot.waitSignal(console.destroyed, timeout=2000):
        console.close()
    assert desktop.picker.isVisible() and not room.isVisible()
    assert desktop.windows == ()


def test_opening_a_missing_session_says_so(qtbot, store, monkeypatch):
    """A session id that is not in the database gives a message and the list."""
    shown: list[str] = []
    monkeypatch.setattr("crt_desktop.app.warn", lambda _parent, _title, text: shown.append(text))
    desktop = Desktop(services_for(store), screen=None, present=False)
    qtbot.addWidget(desktop.picker)
    desktop.open_session(99)
    assert shown == ["There is no session 99."]
    assert desktop.picker.isVisible()


def test_a_session_open_at_a_crash_is_reopened(qtbot, store, tmp_path):
    """A console left open by a crash is reopened at the next start, with a word about it; a
    console closed normally leaves nothing to reopen."""
    saved = store.create_session(Session("Outpatient", 4, date(2026, 11, 20), "control-board"))
    marker = tmp_path / "crt.db.lock.session"
    first = Desktop(services_for(store), screen=None, present=False, open_marker=marker)
    qtbot.addWidget(first.picker)
    first.open_session(saved.id)
    assert first.interrupted_session() == saved.id  # what a crash now would leave behind

    again = Desktop(services_for(store), screen=None, present=False, open_marker=marker)
    qtbot.addWidget(again.picker)
    again.resume(again.interrupted_session())
    console, _room = again.windows
    assert "reopened this session" in console.banner.text.text()
    with qtbot.waitSignal(console.destroyed, timeout=2000):
        console.close()
    assert again.interrupted_session() is None and not marker.exists()
    for window in first.windows:
        window.close()
