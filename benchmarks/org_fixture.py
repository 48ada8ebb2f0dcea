"""A seeded organisation: many teams, each with a run of Section 4 sessions, in one database.

Notes are drawn from a bank of drivers said in different ways (case, punctuation, a typo, the
same words in another order), so that recurring drivers across teams are there to be found,
with some notes of their own among them. Some leadership items are answered, some have
progress updates, and the older unanswered ones are overdue.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from string import ascii_lowercase

from crt_desktop.content import content
from crt_desktop.domain.board import Board
from crt_desktop.domain.note import Note, ProgressUpdate, Response
from crt_desktop.domain.session import Session, survey_key
from crt_desktop.domain.store import SessionStore
from crt_desktop.domain.vocabulary import Kind, Level, ResponseStatus

DRIVERS = (
    "Too many meetings",
    "Charting after hours",
    "Short staffing on weekends",
    "No time for breaks",
    "Mandatory overtime",
    "Phones ringing all day",
    "New hires without orientation",
    "Supply closet always empty",
    "Parking is far from the building",
    "Shift handover runs late",
    "Peer support after hard calls",
    "Quiet room to reset",
    "Thank-you notes from families",
    "Unclear policies that keep changing",
    "Paperwork duplicated in two systems",
    "Schedule published too late",
    "Lunch together on Fridays",
    "Mentoring for new staff",
    "Caseloads too high",
    "Waiting on IT tickets for weeks",
    "Travel between sites eats the day",
    "Leaders visible on the floor",
    "Training time protected",
    "Moral distress when services are cut",
    "Pager alarms at night",
)
COLUMNS = ("unsorted", "i_control", "leadership_controls", "cannot_control")
STATUSES = tuple(ResponseStatus)


def _said_another_way(rng: random.Random, text: str) -> str:
    roll = rng.random()
    if roll < 0.25:
        return text.lower()
    if roll < 0.45:
        return text + rng.choice(("!", ".", "!!", " …"))
    if roll < 0.6 and len(text) > 8:  # a slip of the keys
        i = rng.randrange(1, len(text) - 2)
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    if roll < 0.7:
        words = text.split()
        return " ".join(words[1:] + words[:1]).capitalize()
    return text


def _note_text(rng: random.Random, own_share: float = 0.15) -> str:
    if rng.random() < own_share:  # a note of its own, like no other
        return " ".join(
            "".join(rng.choices(ascii_lowercase, k=rng.randrange(3, 9))) for _ in range(3)
        ).capitalize()
    return _said_another_way(rng, rng.choice(DRIVERS))


def make_session_board(
    rng: random.Random, team: str, held_on: date, notes: int, serial: int, own_share: float = 0.15
) -> Board:
    template = content().templates["control-board"]
    # Some sessions take the team survey: counts of each answer (1 to 5), never who.
    stage = rng.choice((None, None, "pre", "mid", "post"))
    tallies: tuple[tuple[str, int], ...] = ()
    if stage is not None:
        tallies = tuple(
            (survey_key(stage, question, str(answer)), rng.randrange(0, 4))
            for question in ("notice_signs", "refill", "team_support")
            for answer in range(1, 6)
        )
    session = Session(team=team, section=4, held_on=held_on, template=template.key, tallies=tallies)
    board = Board(session=session, template=template)
    positions = dict.fromkeys(COLUMNS, 0)
    for number in range(notes):
        column = rng.choices(COLUMNS, weights=(1, 3, 2, 2))[0]
        response = None
        if column == "leadership_controls" and rng.random() < 0.5:
            status = rng.choice(STATUSES[1:])
            updates: tuple[ProgressUpdate, ...] = ()
            if rng.random() < 0.3:
                updates = (ProgressUpdate(held_on + timedelta(days=rng.randrange(7, 60)), "On it"),)
            response = Response(status, "Looking at rotas", False, updates)
        board.notes[f"n{serial}-{number}"] = Note(
            text=_note_text(rng, own_share),
            kind=rng.choice((Kind.FATIGUE, Kind.RESILIENCE)),
            level=rng.choice((None, *Level)),
            column=column,
            position=positions[column],
            votes=rng.randrange(0, 6),
            response=response,
            id=f"n{serial}-{number}",
        )
        positions[column] += 1
    return board


def seed_organisation(
    store: SessionStore,
    teams: int,
    sessions: int,
    notes: int,
    *,
    seed: int = 16,
    last_session: date = date(2026, 11, 20),
    own_share: float = 0.15,
    team_names: tuple[str, ...] = (),
) -> None:
    """Write `teams` × `sessions` sessions of `notes` notes each, a month apart per team."""
    rng = random.Random(seed)
    serial = 0
    for t in range(teams):
        team = team_names[t] if t < len(team_names) else f"Team {t + 1:03d}"
        for s in range(sessions):
            held_on = last_session - timedelta(days=28 * (sessions - 1 - s) + t % 7)
            store.save_board(make_session_board(rng, team, held_on, notes, serial, own_share))
            serial += 1
