"""Large session files and boards for the crash tests, built directly (no operation per note)."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

from crt_desktop.content import content
from crt_desktop.domain.board import Board
from crt_desktop.domain.note import Note, Response
from crt_desktop.domain.session import Session
from crt_desktop.domain.vocabulary import Kind, Level, ResponseStatus
from crt_desktop.export.interchange import board_to_json
from tests.reliability.scripted_edits import FRAGMENTS


def big_board(notes: int, seed: int = 1) -> Board:
    """A Section 4 board with many varied notes spread over its columns."""
    rng = random.Random(seed)
    template = content().templates["control-board"]
    session = Session(
        team="Outpatient nursing", section=4, held_on=date(2026, 11, 20), template=template.key
    )
    board = Board(session=session, template=template)
    positions = dict.fromkeys(template.column_keys, 0)
    for i in range(notes):
        column = rng.choice(template.column_keys)
        note = Note(
            text=f"{rng.choice(FRAGMENTS)} — item {i}",
            kind=rng.choice(list(Kind)),
            level=rng.choice([None, *Level]),
            column=column,
            position=positions[column],
            votes=rng.randrange(4),
            id=f"n{i:06d}",
        )
        if column == "leadership_controls" and rng.random() < 0.5:
            note = replace(note, response=Response(rng.choice(list(ResponseStatus)), "Because"))
        positions[column] += 1
        board.notes[note.id] = note
    return board


def big_session_file(notes: int, seed: int = 1) -> str:
    return board_to_json(big_board(notes, seed))
