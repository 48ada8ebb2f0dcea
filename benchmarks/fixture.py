"""A realistic Section 4 session of N notes, written to a fresh SQLite database."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

from crt_desktop.content import content
from crt_desktop.domain.board import Board
from crt_desktop.domain.note import Note, Response
from crt_desktop.domain.session import Session
from crt_desktop.domain.vocabulary import Kind, Level, ResponseStatus

_PHRASES = (
    "charting after hours, short staffing, float pool, breaks skipped, overtime, family calls, "
    "new hires, orientation, supply closet, badge access, parking, shift handover, huddle, "
    "thank-you cards, peer support, quiet room, weekend coverage, pager alarms, meetings, "
    "schedule fairness, mentoring, lunch together, policies, paperwork, café, kindness, naïve"
)
_WORDS = _PHRASES.replace(",", "").split(" ")


def _text(rng: random.Random) -> str:
    # Mostly a short line, sometimes a few sentences: like notes typed or read out in a room.
    length = rng.choice((4, 6, 8, 12, 20, 40))
    words = [rng.choice(_WORDS) for _ in range(length)]
    return " ".join(words).capitalize() + rng.choice((".", "", "!", " & more <b>?</b>"))


def make_board(notes: int, seed: int = 4) -> Board:
    """A control board with `notes` notes spread over its columns, some stacked and voted."""
    rng = random.Random(seed)
    template = content().templates["control-board"]
    session = Session(
        team="Outpatient nursing",
        section=4,
        held_on=date(2026, 11, 20),
        template=template.key,
        facilitation_team="Ana and Lee",
    )
    board = Board(session=session, template=template)
    keys = template.column_keys
    positions = dict.fromkeys(keys, 0)
    tops: list[Note] = []
    for number in range(notes):
        column = keys[number % len(keys)]
        stack = None
        candidates = [t for t in tops[-8:] if t.column == column]
        if candidates and rng.random() < 0.1:
            stack = candidates[-1].id
        response = None
        if column == "leadership_controls" and rng.random() < 0.5:
            response = Response(rng.choice(list(ResponseStatus)), reason="We will look at it.")
        note = Note(
            text=_text(rng),
            kind=rng.choice((Kind.FATIGUE, Kind.RESILIENCE)),
            level=rng.choice((None, Level.MINDSET, Level.TEAM, Level.SYSTEM)),
            column=column,
            position=positions[column],
            stack=stack,
            votes=rng.choice((0, 0, 0, 1, 2, 5)),
            response=response,
            id=f"n{number:05d}",
        )
        positions[column] += 1
        board.notes[note.id] = note
        if stack is None:
            tops.append(note)
    _renumber(board)
    return board


def _renumber(board: Board) -> None:
    """Keep each stack's members right after their top note, as the operations do."""
    from dataclasses import replace

    for column in board.template.column_keys:
        position = 0
        for card in board.cards(column):
            for note in (card, *board.stacked_under(card.id)):
                board.notes[note.id] = replace(note, position=position)
                position += 1


def make_database(path: Path, notes: int) -> int:
    """Create `path` holding one session of `notes` notes; returns the session's id."""
    from crt_desktop.storage.database import open_database

    with open_database(path) as database:
        saved = database.store.save_board(make_board(notes))
    assert saved.id is not None
    return saved.id
