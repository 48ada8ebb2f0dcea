"""A team's plan: twelve sections with planned and held days, which are done, what is next;
reachable from the session list and saved in the store."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate

from crt_desktop.content import content
from crt_desktop.domain.session import Session
from crt_desktop.domain.store import SessionSummary
from crt_desktop.storage.database import open_database
from crt_desktop.views.session_picker import SessionPicker
from crt_desktop.views.team_plan import TeamPlanDialog, next_sentence, plan_rows, plan_store_of

from .fakes import MemoryStore

TITLES = {s.number: s.title for s in content().sections}
TODAY = date(2027, 2, 1)


@pytest.fixture
def store(tmp_path: Path):
    return open_database(f"sqlite:///{tmp_path / 'crt.db'}").store


def held(store, team: str, section: int, day: date) -> None:
    template = content().section(section).template
    store.create_session(Session(team, section, day, template))


def test_rows_mark_held_sections_done_and_name_what_is_next():
    """A section is done once held; the next is the first not done, with its planned day."""
    sessions = [
        SessionSummary(1, date(2026, 11, 20), "Night shift", 1, "action-steps", 3),
        SessionSummary(2, date(2027, 1, 10), "Night shift", 2, "wellness-compass", 5),
        SessionSummary(3, date(2027, 1, 12), "Day shift", 3, "fatigue-stages", 0),
        SessionSummary(4, date(2027, 3, 1), "Night shift", 3, "fatigue-stages", 0),
    ]
    rows = plan_rows("Night shift", TITLES, {3: date(2027, 3, 1)}, sessions, TODAY)
    assert [r.section for r in rows] == list(range(1, 13))
    assert [r.done for r in rows[:4]] == [True, True, False, False]
    assert rows[2].held_on == (date(2027, 3, 1),)  # set up for a later day: not done yet
    assert next_sentence(rows) == (f"Next: Section 3 · {TITLES[3]} (planned for 1 Mar 2027).")


def test_rows_match_the_team_ignoring_case_and_spacing():
    """Sessions of "night  SHIFT" count for the team "Night shift", as carry-over counts them."""
    sessions = [SessionSummary(1, date(2026, 11, 20), "night  SHIFT", 1, "action-steps", 3)]
    rows = plan_rows("Night shift", TITLES, {}, sessions, TODAY)
    assert rows[0].done and rows[0].held_on == (date(2026, 11, 20),)


def test_plan_a_day_and_clear_it(qtbot, store):
    """Planning a section saves the day at once; clearing it removes it."""
    held(store, "Night shift", 1, date(2026, 11, 20))
    dialog = TeamPlanDialog(store, store, TITLES, "Night shift", today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.table.item(0, 4).text().endswith("Done")
    assert dialog.table.item(0, 3).text() == "20 Nov 2026"
    assert dialog.next_label.text().startswith("Next: Section 2")
    dialog.table.selectRow(1)
    dialog.day.setDate(QDate(2027, 2, 14))
    dialog.plan_button.click()
    assert store.team_plan("Night shift") == {2: date(2027, 2, 14)}
    assert dialog.table.item(1, 2).text() == "14 Feb 2027"
    assert "planned for 14 Feb 2027" in dialog.next_label.text()
    dialog.clear_button.click()
    assert store.team_plan("Night shift") == {}


def test_a_bad_team_name_is_one_sentence(qtbot, store):
    """A team name the store refuses shows its message and changes nothing."""
    dialog = TeamPlanDialog(store, store, TITLES, "x" * 300, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.plan_button.click()
    assert "at most" in dialog.message.text()
    assert store.team_names() == []


def test_reachable_from_the_session_list(qtbot, store):
    """The session list's "Team plan…" opens the plan of the selected session's team."""
    held(store, "Outpatient nursing", 4, date(2026, 11, 20))
    picker = SessionPicker(store, TITLES, lambda n: content().section(n).template, lambda i: None)
    qtbot.addWidget(picker)
    assert not picker.plan_button.isHidden()
    dialog = picker.show_team_plan()
    assert dialog is not None
    assert dialog.team_name == "Outpatient nursing"
    assert dialog.table.item(3, 4).text().endswith("Done")
    dialog.close()


def test_a_store_without_plans_hides_the_button(qtbot):
    """With a store that keeps no plans, the session list offers no team plan."""
    memory = MemoryStore()
    assert plan_store_of(memory) is None
    picker = SessionPicker(memory, TITLES, lambda n: "control-board", lambda i: None)
    qtbot.addWidget(picker)
    assert picker.plan_button.isHidden()
