"""Organisation view, storage: every session's leadership items in one read, and the driver
groups the user makes, kept across opens."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from crt_desktop.content import content
from crt_desktop.domain.note import Note, ProgressUpdate, Response
from crt_desktop.domain.validation import ValidationError
from crt_desktop.domain.vocabulary import ResponseStatus
from crt_desktop.storage import open_database
from crt_desktop.storage.organisation import OrganisationStore
from tests.unit.builders import control_board


def board_of(team: str, held_on: date, notes: list[Note]):  # type: ignore[no-untyped-def]
    board = control_board(team=team, held_on=held_on)
    for note in notes:
        board.notes[note.id] = note
    return board


@pytest.fixture
def org(tmp_path: Path):  # type: ignore[no-untyped-def]
    database = open_database(tmp_path / "org.db")
    yield database, OrganisationStore(database.engine, content().templates)
    database.close()


def test_leadership_items_of_every_team_with_their_status_reason_and_last_update(org) -> None:  # type: ignore[no-untyped-def]
    database, store = org
    answered = Response(
        ResponseStatus.THIS_YEAR,
        "Looking at rotas",
        updates=(
            ProgressUpdate(date(2026, 11, 1), "Met HR"),
            ProgressUpdate(date(2026, 11, 9), "Draft"),
        ),
    )
    first = database.store.save_board(
        board_of(
            "Nursing",
            date(2026, 10, 1),
            [
                Note("Charting after hours", column="leadership_controls", votes=4, id="a"),
                Note("Rotas", column="leadership_controls", response=answered, id="b"),
                Note("Breathing", column="i_control", id="c"),
                Note("Hidden one", column="leadership_controls", hidden=True, id="d"),
                Note("Duplicate", column="leadership_controls", stack="a", position=1, id="e"),
                # Moved on to Cannot control once a leader said it is unlikely to change.
                Note(
                    "Parking",
                    column="cannot_control",
                    response=Response(ResponseStatus.UNLIKELY_TWO_YEARS, "Lease"),
                    id="f",
                ),
            ],
        )
    ).id
    second = database.store.save_board(
        board_of(
            "Intake", date(2026, 11, 5), [Note("Phones", column="leadership_controls", id="a")]
        )
    ).id
    items = {(i.session_id, i.note_id): i for i in store.leadership_items()}
    assert set(items) == {(first, "a"), (first, "b"), (first, "f"), (second, "a")}
    charting = items[(first, "a")]
    assert (charting.team, charting.section, charting.held_on, charting.votes) == (
        "Nursing",
        4,
        date(2026, 10, 1),
        4,
    )
    assert charting.status is ResponseStatus.NOT_REVIEWED and charting.last_update is None
    rotas = items[(first, "b")]
    assert (rotas.status, rotas.reason, rotas.last_update) == (
        ResponseStatus.THIS_YEAR,
        "Looking at rotas",
        date(2026, 11, 9),
    )
    assert items[(first, "f")].column == "cannot_control"
    assert items[(second, "a")].team == "Intake"


def test_driver_notes_are_what_the_rooms_saw_in_every_column(org) -> None:  # type: ignore[no-untyped-def]
    database, store = org
    database.store.save_board(
        board_of(
            "Nursing",
            date(2026, 10, 1),
            [
                Note("Shown", column="i_control", id="a"),
                Note("Screened", column="i_control", hidden=True, id="b"),
                Note("Under a", column="i_control", stack="a", position=1, id="c"),
            ],
        )
    )
    assert [(n.team, n.column, n.text) for n in store.driver_notes()] == [
        ("Nursing", "i_control", "Shown")
    ]


def test_groups_are_made_merged_renamed_and_split_and_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "org.db"
    with open_database(path) as database:
        store = OrganisationStore(database.engine, content().templates)
        sid = database.store.save_board(
            board_of("Nursing", date(2026, 10, 1), [Note(t, id=t) for t in "abcd"])
        ).id
        assert sid is not None
        one = store.make_group([(sid, "a"), (sid, "b")], "Weekends")
        two = store.make_group([(sid, "c")])
        merged = store.merge_groups([one, two], extra=[(sid, "d")])
        store.rename_group(merged, "  Staffing   on weekends ")
        store.ungroup([(sid, "d")])
    with open_database(path) as database:
        store = OrganisationStore(database.engine, content().templates)
        groups = store.stored_groups()
        assert [(g.name, sorted(g.members)) for g in groups] == [
            ("Staffing on weekends", [(sid, "a"), (sid, "b"), (sid, "c")])
        ]
        # A note is in one group at most: placing it in a new one takes it out of the old.
        store.make_group([(sid, "a")], "Alone")
        assert sorted((g.name, len(g.members)) for g in store.stored_groups()) == [
            ("Alone", 1),
            ("Staffing on weekends", 2),
        ]
        # Deleting the session takes its notes out of every group; empty groups go.
        database.store.delete_session(sid)
        assert store.stored_groups() == []


def test_a_group_needs_a_note_and_a_name_fit_for_storing(org) -> None:  # type: ignore[no-untyped-def]
    _database, store = org
    with pytest.raises(ValidationError, match="at least one note"):
        store.make_group([])
    with pytest.raises(ValidationError, match="at most"):
        store.make_group([(1, "a")], "x" * 500)
