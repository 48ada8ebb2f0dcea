"""The SQL session store: domain objects in, the same domain objects out, one change at a time."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, event, func, inspect, select

from crt_desktop.content import content
from crt_desktop.domain.board import Board
from crt_desktop.domain.note import Note, ProgressUpdate, Response
from crt_desktop.domain.operations import (
    AddNote,
    DeleteNotes,
    EditNote,
    MoveNotes,
    Operation,
    RevealAll,
    SetHidden,
    SetResponse,
    SetScreening,
    StackNotes,
    Unstack,
    Vote,
)
from crt_desktop.domain.patch import Patch, apply_patch
from crt_desktop.domain.session_operations import (
    AddCard,
    AddDots,
    SetComponent,
    SetStep,
    SetTally,
    ShowPrompt,
)
from crt_desktop.domain.store import PlanStore, SessionStore
from crt_desktop.domain.validation import MAX_NOTE_LENGTH, ValidationError, clean_text
from crt_desktop.domain.vocabulary import Kind, Level, ResponseStatus
from crt_desktop.storage import Database, SqlSessionStore, StorageError, open_database
from crt_desktop.storage.models import Base, NoteRow, ResponseRow, SessionRow, UpdateRow
from tests.unit.builders import control_board

HOSTILE = [
    'Staff & "leadership" <rarely> listen 😞 — ¿por qué?',
    "Robert'); DROP TABLE notes;--",
    "Tom & Jerry <b>bold</b> <br> <script>alert(1)</script>",
    "Line one\nLine two\twith a tab",
    "会议太多 · Họp quá nhiều · الاجتماعات كثيرة",
    "👩🏽‍⚕️👨‍👩‍👧 flags 🇳🇿 and ZWJ",
    "%s %d {0} ${x} \\N \\x00",
    "x" * MAX_NOTE_LENGTH,
]


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "crt.db")
    yield database
    database.close()


def rich_board() -> Board:
    """A board using every field a session, a note and a response can have."""
    board = control_board(
        facilitation_team="Ana & Ben <leads>",
        screening=True,
        components=frozenset({"handout", "surveys"}),
        step=2,
        prompt=1,
        tallies=(("dots:i_control", 4), ("survey:pre:q1:agree", 7)),
    )
    notes = [
        Note(text, kind=Kind.RESILIENCE if i % 2 else Kind.FATIGUE, position=i, id=f"n{i}")
        for i, text in enumerate(HOSTILE)
    ]
    notes[0] = replace(
        notes[0],
        column="leadership_controls",
        position=0,
        votes=7,
        carried_from="an-earlier-note",
        details=(("why", "Safety & <sleep>"), ("what", ""), ("how", "Rota 🗓\nby March")),
    )
    notes[1] = replace(
        notes[1],
        column="leadership_controls",
        position=1,
        level=Level.SYSTEM,
        leader_added=True,
        hidden=True,
        response=Response(
            ResponseStatus.THIS_YEAR,
            reason="We will try <this> & that",
            updates=(
                ProgressUpdate(date(2027, 1, 5), "Pilot started 🚀"),
                ProgressUpdate(date(2027, 3, 1), "Second\nupdate"),
            ),
        ),
    )
    notes[2] = replace(
        notes[2],
        column="cannot_control",
        position=0,
        level=Level.MINDSET,
        response=Response(ResponseStatus.UNLIKELY_TWO_YEARS, change_impossible=True),
    )
    # A default response is a response, not the absence of one.
    notes[3] = replace(notes[3], column="i_control", position=0, response=Response())
    notes[4] = replace(notes[4], column="i_control", position=1, stack="n3", level=Level.TEAM)
    notes[5] = replace(notes[5], column="i_control", position=2, stack="n3")
    for position, note in enumerate(notes[6:]):
        notes[6 + position] = replace(note, position=position)
    board.notes = {n.id: n for n in notes}
    return board


def saved(store: SessionStore, board: Board) -> Board:
    """The board as saved by save_board and loaded again."""
    session = store.save_board(board)
    assert session.id is not None
    return store.load_board(session.id)


def test_store_implements_the_protocol(db: Database) -> None:
    """SqlSessionStore is a SessionStore and a PlanStore (checked by mypy through these)."""
    store: SessionStore = db.store
    plans: PlanStore = db.store
    assert isinstance(store, SqlSessionStore) and plans is store


def test_save_board_round_trips_every_field(db: Database) -> None:
    """A board with responses, updates, stacks, hidden notes and hostile text comes back equal."""
    board = rich_board()
    loaded = saved(db.store, board)
    assert loaded.session == replace(board.session, id=loaded.session.id)
    assert loaded.notes == board.notes
    assert loaded.template == board.template


def test_save_patch_round_trips_every_field(db: Database) -> None:
    """Writing every note through save_patch gives the same board as save_board."""
    board = rich_board()
    session = db.store.create_session(board.session)
    assert session.id is not None
    db.store.save_patch(session.id, Patch(put=tuple(board.notes.values())))
    assert db.store.load_board(session.id).notes == board.notes


def test_new_ids_ignore_the_id_a_session_brings(db: Database) -> None:
    """An imported session's own id is replaced by a fresh one, and each import is separate."""
    board = rich_board()
    board.session = replace(board.session, id=999)
    first = db.store.save_board(board)
    second = db.store.save_board(board)
    assert first.id != second.id and 999 not in (first.id, second.id)
    # The same note ids in two sessions do not collide.
    assert first.id is not None and second.id is not None
    assert db.store.load_board(first.id).notes == db.store.load_board(second.id).notes


def session_ops(board: Board) -> list[Operation]:
    """A facilitator's session: every kind of operation, in a plausible order."""
    return [
        AddNote("Charting after hours", note_id="a"),
        AddNote("Short staffing", kind=Kind.FATIGUE, level=Level.SYSTEM, note_id="b"),
        AddNote("Peer check-ins", kind=Kind.RESILIENCE, note_id="c"),
        AddNote(HOSTILE[0], leader_added=True, note_id="d"),
        AddNote("Not enough staff", note_id="e"),
        SetScreening(False),
        RevealAll(),
        EditNote("a", text="Charting after hours, every day", level=Level.TEAM),
        MoveNotes(("a", "b"), "leadership_controls"),
        MoveNotes(("c",), "i_control"),
        StackNotes(("e",), onto="b"),
        Vote(("b", "c"), 3),
        Vote(("c",), -1),
        SetHidden(("d",), True),
        SetResponse(
            "a",
            Response(
                ResponseStatus.THIS_YEAR,
                "On the agenda",
                updates=(ProgressUpdate(date(2027, 2, 1), "Started"),),
            ),
        ),
        SetResponse("b", Response(ResponseStatus.UNLIKELY_TWO_YEARS, "Budget")),
        SetResponse("a", Response(ResponseStatus.TEAM_ENGAGED, "A team owns it")),
        Unstack(("e",)),
        MoveNotes(("e",), "unsorted", index=0),
        DeleteNotes(("c",)),
        StackNotes(("e",), onto="b"),
        DeleteNotes(("b",)),
    ]


def test_each_operation_saved_as_a_patch_reloads_equal(db: Database) -> None:
    """After every operation's patch is saved, the stored board equals the board in memory."""
    board = control_board(screening=True)
    board.session = db.store.create_session(board.session)
    session_id = board.session.id
    assert session_id is not None
    undo: list[Patch] = []
    for op in session_ops(board):
        patch = op.patch(board)
        undo.append(apply_patch(board, patch))
        db.store.save_patch(session_id, patch)
        assert db.store.load_board(session_id).snapshot() == board.snapshot(), op
    # Undo everything, saving each inverse: the stored board goes back to empty.
    for inverse in reversed(undo):
        apply_patch(board, inverse)
        db.store.save_patch(session_id, inverse)
        assert db.store.load_board(session_id).snapshot() == board.snapshot()
    assert board.notes == {}
    assert row_counts(db) == {"sessions": 1, "notes": 0, "responses": 0, "progress_updates": 0}


def test_section_tool_operations_save_and_undo(db: Database) -> None:
    """Checklist, step, prompt, dots, tallies and card parts save as patches, and undo too."""
    session = replace(control_board().session, section=5, template="expectations")
    board = Board(session=session, template=content().templates["expectations"])
    board.session = db.store.create_session(board.session)
    session_id = board.session.id
    assert session_id is not None
    ops: list[Operation] = [
        SetComponent("handout", True),
        SetComponent("surveys", True),
        SetStep(3),
        ShowPrompt(2),
        AddDots("helpful", 3),
        AddDots("unclear"),
        SetTally("survey:mid:q2:often", 5),
        AddCard("Answer the phone", (("why", "Patients"), ("how", "Kindly"))),
        SetComponent("handout", False),
        ShowPrompt(None),
        AddDots("helpful", -1),
    ]
    undo: list[Patch] = []
    for op in ops:
        patch = op.patch(board)
        undo.append(apply_patch(board, patch))
        db.store.save_patch(session_id, patch)
        assert db.store.load_board(session_id).snapshot() == board.snapshot(), op
    assert board.session.tallies == (
        ("dots:helpful", 2), ("dots:unclear", 1), ("survey:mid:q2:often", 5),
    )  # fmt: skip
    for inverse in reversed(undo):
        apply_patch(board, inverse)
        db.store.save_patch(session_id, inverse)
        assert db.store.load_board(session_id).snapshot() == board.snapshot()
    assert db.store.load_board(session_id).session == replace(session, id=session_id)


def test_plans_are_kept_per_team_and_section(db: Database) -> None:
    """A team's plan keeps a day per section; None unplans; names are tidied like a team's."""
    store: PlanStore = db.store
    store.set_planned("  Outpatient   nursing ", 1, date(2027, 1, 12))
    store.set_planned("Outpatient nursing", 2, date(2027, 2, 9))
    store.set_planned("Outpatient nursing", 1, date(2027, 1, 19))
    store.set_planned("Night shift", 12, date(2027, 12, 1))
    store.set_planned("Night shift", 12, None)
    store.set_planned("Night shift", 3, None)
    assert store.team_plan("Outpatient nursing") == {1: date(2027, 1, 19), 2: date(2027, 2, 9)}
    assert store.team_plan("Night shift") == {}
    assert store.team_plan("Nobody") == {}


def test_team_names_come_from_sessions_and_plans(db: Database) -> None:
    """Every team with a session or a plan is listed once, sorted by name ignoring case."""
    db.store.save_board(control_board(team="outpatient nursing"))
    db.store.save_board(control_board(team="Acute care"))
    db.store.save_board(control_board(team="Acute care"))
    db.store.set_planned("Night shift", 4, date(2027, 4, 1))
    db.store.set_planned("Acute care", 5, date(2027, 5, 1))
    assert db.store.team_names() == ["Acute care", "Night shift", "outpatient nursing"]


def test_plans_match_teams_as_carry_over_does(db: Database) -> None:
    """A plan is found and kept whatever the case or spacing of the team's name."""
    db.store.save_board(control_board(team="Outpatient nursing"))
    db.store.set_planned("outpatient  NURSING", 3, date(2027, 3, 1))
    db.store.set_planned("Outpatient nursing", 4, date(2027, 4, 1))
    db.store.set_planned("OUTPATIENT nursing", 4, date(2027, 4, 8))
    expected = {3: date(2027, 3, 1), 4: date(2027, 4, 8)}
    assert db.store.team_plan("outpatient nursing") == expected
    assert db.store.team_plan(" Outpatient Nursing ") == expected
    assert db.store.team_names() == ["Outpatient nursing"]
    db.store.set_planned("outpatient nursing", 3, None)
    assert db.store.team_plan("Outpatient nursing") == {4: date(2027, 4, 8)}


@pytest.mark.parametrize(
    ("team", "section", "message"),
    [("", 1, "needs a name"), ("Team", 0, "no section 0"), ("Team", 13, "no section 13")],
)
def test_bad_plans_are_refused(db: Database, team: str, section: int, message: str) -> None:
    """An empty team name or a section outside 1 to 12 is refused with a sentence."""
    with pytest.raises(ValidationError, match=message):
        db.store.set_planned(team, section, date(2027, 1, 1))
    assert db.store.team_names() == []


def test_damaged_json_in_a_row_is_a_storage_error(db: Database) -> None:
    """A tally column that holds junk fails to open with a sentence, not a crash."""
    session = db.store.create_session(control_board().session)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE sessions SET tallies = '{\"dots:x\": -3}'")
    assert session.id is not None
    with pytest.raises(StorageError, match="does not know"):
        db.store.load_board(session.id)


def test_taking_a_response_away_deletes_it_and_its_updates(db: Database) -> None:
    """A note saved again without a response keeps no response row and no updates."""
    board = rich_board()
    session = db.store.save_board(board)
    assert session.id is not None
    note = replace(board.notes["n1"], response=None)
    db.store.save_patch(session.id, Patch(put=(note,)))
    assert db.store.load_board(session.id).notes["n1"].response is None
    assert row_counts(db)["progress_updates"] == 0


def test_empty_patch_writes_nothing(db: Database) -> None:
    """An empty patch is a no-op, even for a session id that does not exist."""
    db.store.save_patch(12345, Patch())
    assert db.store.list_sessions() == []


def test_patch_for_a_missing_session_is_a_storage_error(db: Database) -> None:
    """Saving into a session that is gone says so in a sentence."""
    with pytest.raises(StorageError, match="no longer there"):
        db.store.save_patch(12345, Patch(put=(Note("x"),)))


def test_load_of_a_missing_session_is_a_key_error(db: Database) -> None:
    """load_board raises KeyError for an unknown id, as the SessionStore protocol says."""
    with pytest.raises(KeyError):
        db.store.load_board(404)


def test_list_sessions_newest_first_with_note_counts(db: Database) -> None:
    """Sessions list most recently held first, counting every note (stacked ones too)."""
    old = db.store.save_board(control_board(["a", "b"], held_on=date(2026, 1, 1), team="Old"))
    new = db.store.create_session(replace(control_board().session, held_on=date(2026, 6, 1)))
    summaries = db.store.list_sessions()
    assert [(s.id, s.note_count) for s in summaries] == [(new.id, 0), (old.id, 2)]
    assert summaries[1].team == "Old" and summaries[1].section == 4
    assert summaries[1].template == "control-board" and summaries[1].held_on == date(2026, 1, 1)


def test_update_session_saves_its_details(db: Database) -> None:
    """update_session stores new details; an unknown session is a KeyError."""
    session = db.store.create_session(control_board().session)
    changed = replace(
        session,
        team="Renamed",
        facilitation_team="Kai",
        screening=True,
        components=frozenset({"visual_hung"}),
        step=1,
        prompt=0,
        tallies=(("survey:post:q9:never", 2),),
    )
    db.store.update_session(changed)
    assert changed.id is not None
    assert db.store.load_board(changed.id).session == changed
    with pytest.raises(KeyError):
        db.store.update_session(replace(changed, id=777))


def test_delete_session_removes_everything_it_held(db: Database) -> None:
    """Deleting a session deletes its notes, responses and progress updates, and nothing else."""
    doomed = db.store.save_board(rich_board())
    kept = db.store.save_board(rich_board())
    assert doomed.id is not None and kept.id is not None
    db.store.delete_session(doomed.id)
    assert [s.id for s in db.store.list_sessions()] == [kept.id]
    assert row_counts(db) == {"sessions": 1, "notes": 8, "responses": 3, "progress_updates": 2}
    with pytest.raises(KeyError):
        db.store.delete_session(doomed.id)


def fail_on(db: Database, table: str, message: str = "database or disk is full") -> None:
    """Make the next INSERT into a table fail as SQLite does when the disk is full."""

    def before(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.startswith(f"INSERT INTO {table}"):
            raise sqlite3.OperationalError(message)

    event.listen(db.engine, "before_cursor_execute", before)


def test_save_board_is_all_or_nothing(db: Database) -> None:
    """A failure half way through an import leaves no session and no notes behind."""
    fail_on(db, "progress_updates")
    with pytest.raises(StorageError, match="disk is full"):
        db.store.save_board(rich_board())
    assert db.store.list_sessions() == []
    assert row_counts(db) == {"sessions": 0, "notes": 0, "responses": 0, "progress_updates": 0}


def test_failed_patch_changes_nothing(db: Database) -> None:
    """A patch that fails half way is rolled back whole: the stored board is as before."""
    board = control_board(["a", "b"])
    session = db.store.save_board(board)
    assert session.id is not None
    before = db.store.load_board(session.id).notes
    fail_on(db, "responses", "database is locked")
    ids = list(board.notes)
    moved = replace(board.notes[ids[0]], column="i_control", position=0)
    answered = replace(board.notes[ids[1]], response=Response(ResponseStatus.NEXT_YEAR))
    with pytest.raises(StorageError, match="busy in another program"):
        db.store.save_patch(session.id, Patch(put=(moved, answered), remove=()))
    assert db.store.load_board(session.id).notes == before


def test_read_only_database_raises_storage_error(db: Database, tmp_path: Path) -> None:
    """Writing through a read-only connection fails with a sentence, not a traceback."""
    session = db.store.create_session(control_board().session)
    assert session.id is not None
    db.close()
    url = f"sqlite:///{(tmp_path / 'crt.db').as_uri()}?mode=ro&uri=true"
    store = SqlSessionStore(create_engine(url))
    assert store.load_board(session.id).session == session
    with pytest.raises(StorageError, match="read-only") as caught:
        store.save_patch(session.id, Patch(put=(Note("x"),)))
    assert "\n" not in str(caught.value)


def test_unknown_board_layout_is_a_storage_error(db: Database) -> None:
    """A session whose template this version lacks fails to open with a clear sentence."""
    session = db.store.create_session(replace(control_board().session, template="from-future"))
    assert session.id is not None
    with pytest.raises(StorageError, match="from-future"):
        db.store.load_board(session.id)


def test_no_author_like_column_anywhere(db: Database) -> None:
    """No table, in the models or the migrated database, can say who wrote or sent a note."""
    forbidden = {"author", "user", "username", "device", "ip", "address", "addr", "host"}
    forbidden |= {"hostname", "machine", "email", "owner", "by", "login", "account", "person"}
    inspector = inspect(db.engine)
    migrated = {
        (t, c["name"]) for t in inspector.get_table_names() for c in inspector.get_columns(t)
    }
    modelled = {(t.name, c.name) for t in Base.metadata.sorted_tables for c in t.columns}
    assert modelled <= migrated
    for table, column in migrated:
        assert not set(column.lower().split("_")) & forbidden, (table, column)


def row_counts(db: Database) -> dict[str, int]:
    counts = {}
    with db.engine.connect() as conn:
        for model in (SessionRow, NoteRow, ResponseRow, UpdateRow):
            table = model.__table__
            counts[table.name] = conn.execute(select(func.count()).select_from(table)).scalar_one()
    return counts


notes = st.builds(
    Note,
    text=st.text(min_size=1, max_size=300).map(clean_text).filter(bool),
    kind=st.sampled_from(Kind),
    level=st.none() | st.sampled_from(Level),
    column=st.sampled_from(["unsorted", "i_control", "leadership_controls", "cannot_control"]),
    position=st.integers(0, 10_000),
    votes=st.integers(0, 1_000_000),
    hidden=st.booleans(),
    leader_added=st.booleans(),
    details=st.lists(
        st.tuples(st.sampled_from(["why", "what", "how"]), st.text(max_size=50).map(clean_text)),
        max_size=3,
    ).map(tuple),
    carried_from=st.none() | st.text("abcdef0123456789", min_size=1, max_size=64),
    response=st.none()
    | st.builds(
        Response,
        status=st.sampled_from(ResponseStatus),
        reason=st.text(max_size=200).map(clean_text),
        change_impossible=st.booleans(),
        updates=st.lists(
            st.builds(ProgressUpdate, on=st.dates(), text=st.text(max_size=80).map(clean_text)),
            max_size=3,
        ).map(tuple),
    ),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(notes, max_size=6, unique_by=lambda n: n.id))
def test_any_cleaned_notes_round_trip(db: Database, drawn: list[Note]) -> None:
    """Any notes the domain can hold (any cleaned text, dates, counts) come back exactly."""
    board = control_board()
    board.notes = {n.id: n for n in drawn}
    session = db.store.save_board(board)
    assert session.id is not None
    assert db.store.load_board(session.id).notes == board.notes
