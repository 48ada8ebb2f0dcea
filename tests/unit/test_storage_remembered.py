"""The store remembers the open session's notes to save moves narrowly; it never trusts that
memory over the database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import delete, event, update

from crt_desktop.domain.board import Board
from crt_desktop.domain.note import Note, Response
from crt_desktop.domain.operations import (
    DeleteNotes,
    EditNote,
    MoveNotes,
    Operation,
    SetResponse,
    StackNotes,
    Unstack,
)
from crt_desktop.domain.patch import apply_patch
from crt_desktop.domain.vocabulary import ResponseStatus
from crt_desktop.storage import Database, StorageError, open_database
from crt_desktop.storage.repository import NOTES
from tests.unit.builders import control_board


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "crt.db")
    yield database
    database.close()


def opened(db: Database, count: int = 12) -> Board:
    """A saved board of `count` notes over two columns, loaded as the app loads it."""
    board = control_board()
    for i in range(count):
        column = "unsorted" if i % 2 else "leadership_controls"
        board.notes[f"n{i:02d}"] = Note(f"Note {i}", column=column, position=i // 2, id=f"n{i:02d}")
    session = db.store.save_board(board)
    assert session.id is not None
    return db.store.load_board(session.id)


def do(db: Database, board: Board, operation: Operation) -> None:
    assert board.session.id is not None
    patch = operation.patch(board)
    db.store.save_patch(board.session.id, patch)
    apply_patch(board, patch)


def test_moves_edits_and_stacks_reload_exactly(db: Database) -> None:
    """A run of moves mixed with edits, stacks and responses reloads as the board shows it."""
    board = opened(db)
    assert board.session.id is not None
    for operation in (
        MoveNotes(("n03",), "leadership_controls", 0),
        EditNote("n03", text="Edited after a move"),
        MoveNotes(("n00", "n05"), "i_control"),
        StackNotes(("n07",), onto="n00"),
        MoveNotes(("n00",), "unsorted", 1),
        SetResponse("n02", Response(ResponseStatus.THIS_YEAR, reason="Soon")),
        MoveNotes(("n02",), "leadership_controls", 3),
        Unstack(("n00",)),
        DeleteNotes(("n01",)),
        MoveNotes(("n09",), "cannot_control"),
    ):
        do(db, board, operation)
        assert db.store.load_board(board.session.id).snapshot() == board.snapshot()


def test_a_move_writes_only_the_moved_notes_places(db: Database) -> None:
    """A note that only changed place is saved without reading or rewriting its text."""
    board = opened(db)
    statements: list[str] = []

    def record(_conn: object, _cursor: object, sql: str, *_args: object) -> None:
        statements.append(sql)

    event.listen(db.engine, "before_cursor_execute", record)
    do(db, board, MoveNotes(("n11",), "leadership_controls", 0))
    event.remove(db.engine, "before_cursor_execute", record)
    assert not any(s.lstrip().upper().startswith("SELECT") for s in statements)
    assert not any("text" in s.split("WHERE")[0] for s in statements if "UPDATE notes" in s)


def test_a_note_gone_from_the_database_is_saved_again(db: Database) -> None:
    """When the database no longer holds a remembered note, the save reads it and still lands."""
    board = opened(db)
    assert board.session.id is not None
    with db.engine.begin() as conn:
        conn.execute(delete(NOTES).where(NOTES.c.id == "n04"))
    do(db, board, MoveNotes(("n00",), "leadership_controls", 5))
    assert db.store.load_board(board.session.id).snapshot() == board.snapshot()


def test_a_failed_save_forgets_what_it_remembered(db: Database) -> None:
    """After a save that failed, the next one reads the database rather than trusting memory."""
    board = opened(db)
    assert board.session.id is not None
    patch = MoveNotes(("n01",), "leadership_controls", 0).patch(board)

    def refuse(*_args: object) -> None:
        raise OSError("disk full")

    event.listen(db.engine, "before_cursor_execute", refuse)
    with pytest.raises(StorageError):
        db.store.save_patch(board.session.id, patch)
    event.remove(db.engine, "before_cursor_execute", refuse)
    with db.engine.begin() as conn:  # someone else changes a note meanwhile
        conn.execute(update(NOTES).where(NOTES.c.id == "n00").values(text="Changed elsewhere"))
    do(db, board, MoveNotes(("n01",), "leadership_controls", 0))
    assert db.store.load_board(board.session.id).snapshot() == board.snapshot()


def test_reading_another_board_without_remembering_keeps_the_fast_path(db: Database) -> None:
    """Looking at another session (remember=False) keeps what the store knows of the open one."""
    board = opened(db)
    other = db.store.save_board(control_board(team="Night shift"))
    assert board.session.id is not None and other.id is not None
    remembered = dict(db.store._stored)
    assert board.session.id in remembered
    db.store.load_board(other.id, remember=False)
    assert db.store._stored == remembered
    db.store.load_board(other.id)
    assert set(db.store._stored) == {other.id}
