"""Scripted random edits through the board controller, as the crash harness's child process.

    python -m tests.reliability.scripted_edits --db PATH --seed N --steps N [--session ID]

Opens the real database through `open_database`, builds the same `BoardController` the console
uses, and performs a seeded random script of edits: add, edit, move, stack, unstack, vote, hide,
respond, delete, undo and redo. The script is deterministic for a seed (note ids come from the
seed too), so a second run replays it exactly. It prints, flushed line by line:

    session <id>                      once the session is saved
    step <n> <done|refused> <digest>  after each edit returned; <digest> names the board state
                                      that is now committed
    finished
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import sys
from collections.abc import Callable
from datetime import date
from typing import Protocol

from crt_desktop.domain.board import Board
from crt_desktop.domain.note import Response
from crt_desktop.domain.operations import (
    AddNote,
    DeleteNotes,
    EditNote,
    MoveNotes,
    Operation,
    SetHidden,
    SetResponse,
    StackNotes,
    Unstack,
    Vote,
)
from crt_desktop.domain.session import Session
from crt_desktop.domain.store import SessionStore
from crt_desktop.domain.vocabulary import Kind, Level, ResponseStatus
from crt_desktop.qt_models.board_controller import BoardController

# Text fragments with the characters that break naive code: markup, quotes, emoji, accents,
# right-to-left scripts, combining marks.
FRAGMENTS = (
    'Staff & "leadership" <rarely> listen 😞 — ¿por qué?',
    "Charting after hours",
    "<b>bold</b> <br/> &amp; &#x41;",
    "נהלים חדשים כל שבוע",
    "الاجتماعات الطويلة",
    "e\u0301te\u0301 cafe\u0301",
    "Night shifts 🌙 and coffee ☕",
    "Peer support huddles",
    "Tab\there",
    "Two\nlines",
)
EMPTY_DIGEST_LABEL = "empty"


def board_digest(board: Board) -> str:
    """A short fingerprint of everything a board stores (session settings and every note)."""
    notes = sorted(board.notes.values(), key=lambda n: n.id)
    text = repr((board.session.screening, notes))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def new_session(section_date: date = date(2026, 11, 20)) -> Session:
    return Session(
        team="Crash test team", section=4, held_on=section_date, template="control-board"
    )


class Script:
    """The seeded choice of the next edit, made from the board as it stands."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def _ids(self, board: Board, count: int = 1) -> tuple[str, ...]:
        ids = sorted(board.notes)
        return tuple(self.rng.sample(ids, min(count, len(ids))))

    def _text(self) -> str:
        parts = self.rng.sample(FRAGMENTS, self.rng.randint(1, 2))
        return f"{' '.join(parts)} #{self.rng.randrange(10_000)}"

    def next(self, board: Board) -> Operation | str:
        """An operation, or "undo" / "redo"."""
        rng = self.rng
        count = len(board.notes)
        columns = board.template.column_keys
        adding = 8 if count < 30 else 2
        kinds = ["add"] * adding + ["undo", "redo"] * 2
        if count:
            kinds += ["edit", "move", "move", "move", "stack", "unstack", "vote", "vote"]
            kinds += ["hide", "respond", "delete"] + ["delete"] * (count // 15)
        kind = rng.choice(kinds)
        if kind in ("undo", "redo"):
            return kind
        if kind == "add":
            return AddNote(
                self._text(),
                kind=rng.choice(board.template.kinds),
                level=rng.choice([None, *Level]),
                leader_added=rng.random() < 0.1,
                note_id=f"{rng.getrandbits(128):032x}",
            )
        if kind == "edit":
            return EditNote(self._ids(board)[0], text=self._text(), kind=rng.choice(list(Kind)))
        if kind == "move":
            index = rng.choice([None, 0, 1, 3])
            return MoveNotes(self._ids(board, rng.randint(1, 3)), rng.choice(columns), index)
        if kind == "stack":
            ids = self._ids(board, rng.randint(2, 3))
            return StackNotes(ids[1:], onto=ids[0]) if len(ids) > 1 else Vote(ids)
        if kind == "unstack":
            return Unstack(self._ids(board))
        if kind == "vote":
            return Vote(self._ids(board, rng.randint(1, 2)), rng.choice([1, 1, 2, -1]))
        if kind == "hide":
            return SetHidden(self._ids(board), hidden=rng.random() < 0.5)
        if kind == "respond":
            status = rng.choice(list(ResponseStatus))
            return SetResponse(self._ids(board)[0], Response(status, reason=self._text()))
        return DeleteNotes(self._ids(board, rng.randint(1, 2)))


class Controller(Protocol):
    """What the script needs of the board controller."""

    @property
    def board(self) -> Board: ...

    def do(self, operation: Operation) -> bool: ...  # pragma: no cover

    def undo(self) -> bool: ...  # pragma: no cover

    def redo(self) -> bool: ...  # pragma: no cover


def run_script(
    controller: Controller,
    seed: int,
    steps: int,
    emit: Callable[[int, bool, str], None],
) -> None:
    """Perform `steps` scripted edits, calling `emit(step, done, digest)` after each returned."""
    script = Script(seed)
    for step in range(steps):
        action = script.next(controller.board)
        if action == "undo":
            done = controller.undo()
        elif action == "redo":
            done = controller.redo()
        else:
            assert isinstance(action, Operation)
            done = controller.do(action)
        emit(step, done, board_digest(controller.board))


def open_controller(store: SessionStore, session_id: int | None) -> tuple[BoardController, int]:
    """The board controller (the console's) for a session, creating one when no id is given."""
    if session_id is None:
        session = store.create_session(new_session())
        assert session.id is not None
        session_id = session.id
    return BoardController(store.load_board(session_id), store), session_id


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripted_edits")
    parser.add_argument("--db", required=True)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--steps", type=int, default=1_000_000)
    parser.add_argument("--session", type=int)
    args = parser.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from crt_desktop.storage.database import open_database

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    database = open_database(args.db)
    controller, session_id = open_controller(database.store, args.session)
    controller.message.connect(lambda text: None)  # refusals are expected in a random script

    def emit(step: int, done: bool, digest: str) -> None:
        print(f"step {step} {'done' if done else 'refused'} {digest}", flush=True)

    print(f"session {session_id}", flush=True)
    run_script(controller, args.seed, args.steps, emit)
    print("finished", flush=True)
    # Drop the undo history before Qt goes away: PySide6 can crash while collecting a long
    # stack of Python undo commands at interpreter exit.
    controller.core.history.clear()
    database.close()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
