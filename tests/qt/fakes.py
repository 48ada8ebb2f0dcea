"""An in-memory SessionStore for UI tests: it keeps its own copy of each board, applying every
saved patch, so a test can compare what was saved with what is shown. It can be told to fail."""

from __future__ import annotations

import copy
from datetime import date

from crt_desktop.content import content
from crt_desktop.domain.board import Board
from crt_desktop.domain.note import Note
from crt_desktop.domain.patch import Patch, apply_patch
from crt_desktop.domain.session import Session
from crt_desktop.domain.store import SessionSummary, StorageError
from crt_desktop.domain.vocabulary import Kind, Level


class MemoryStore:
    def __init__(self) -> None:
        self.boards: dict[int, Board] = {}
        self.saved: list[Patch] = []
        self.fail: str | None = None  # when set, every save raises StorageError with this text

    def list_sessions(self) -> list[SessionSummary]:
        return [
            SessionSummary(
                i,
                b.session.held_on,
                b.session.team,
                b.session.section,
                b.session.template,
                len(b.notes),
            )
            for i, b in self.boards.items()
        ]

    def create_session(self, session: Session) -> Session:
        saved = Session(**{**session.__dict__, "id": len(self.boards) + 1})
        template = content().templates[session.template]
        self.boards[saved.id] = Board(session=saved, template=template)  # type: ignore[index]
        return saved

    def load_board(self, session_id: int, *, remember: bool = True) -> Board:
        return copy.deepcopy(self.boards[session_id])

    def save_patch(self, session_id: int, patch: Patch) -> None:
        if self.fail:
            raise StorageError(self.fail)
        apply_patch(self.boards[session_id], patch)
        self.saved.append(patch)

    def delete_session(self, session_id: int) -> None:
        if self.fail:
            raise StorageError(self.fail)
        del self.boards[session_id]

    def save_board(self, board: Board) -> Session:
        session = self.create_session(board.session)
        self.boards[session.id].notes = dict(board.notes)  # type: ignore[index]
        return session


def new_board(store: MemoryStore, *, screening: bool = False) -> Board:
    session = store.create_session(
        Session(
            team="Outpatient nursing",
            section=4,
            held_on=date(2026, 11, 20),
            template="control-board",
            screening=screening,
        )
    )
    assert session.id is not None
    return store.load_board(session.id)


# A realistic session: what a team might say in fifteen minutes (our own invented examples).
SAMPLE_NOTES: list[tuple[str, Kind, Level | None, str, int]] = [
    (
        "Charting after hours, every single night",
        Kind.FATIGUE,
        Level.SYSTEM,
        "leadership_controls",
        4,
    ),
    ("Short staffing on weekends", Kind.FATIGUE, Level.SYSTEM, "leadership_controls", 5),
    ("Walking with a colleague at lunch", Kind.RESILIENCE, Level.MINDSET, "i_control", 2),
    (
        'Staff & "leadership" <rarely> listen 😞 — ¿por qué?',
        Kind.FATIGUE,
        Level.TEAM,
        "leadership_controls",
        3,
    ),
    ("Patients' families who say thank you", Kind.RESILIENCE, None, "cannot_control", 1),
    ("Pager going off during breaks", Kind.FATIGUE, Level.TEAM, "i_control", 0),
    ("Huddles that actually end on time", Kind.RESILIENCE, Level.TEAM, "i_control", 2),
    ("Insurance denials and prior authorisations", Kind.FATIGUE, Level.SYSTEM, "cannot_control", 2),
    ("Saying no to extra shifts without guilt", Kind.RESILIENCE, Level.MINDSET, "i_control", 1),
    ("New EHR rollout with little training", Kind.FATIGUE, Level.SYSTEM, "leadership_controls", 3),
    ("Coffee club on Thursdays", Kind.RESILIENCE, Level.TEAM, "i_control", 0),
    ("Parking is far and unsafe at night", Kind.FATIGUE, Level.SYSTEM, "leadership_controls", 2),
    ("Feeling I must answer email at home", Kind.FATIGUE, Level.MINDSET, "i_control", 1),
    ("Community violence affecting our clients", Kind.FATIGUE, None, "cannot_control", 0),
    (
        "Supervisor who checks in after hard cases",
        Kind.RESILIENCE,
        Level.TEAM,
        "leadership_controls",
        2,
    ),
    ("Meetings that could have been an email", Kind.FATIGUE, Level.TEAM, "leadership_controls", 1),
    ("Peer support after a patient death", Kind.RESILIENCE, Level.TEAM, "leadership_controls", 2),
    (
        "State reporting requirements changing monthly",
        Kind.FATIGUE,
        Level.SYSTEM,
        "cannot_control",
        1,
    ),
    ("Music in the car on the way home", Kind.RESILIENCE, Level.MINDSET, "i_control", 0),
    ("No quiet room to decompress", Kind.FATIGUE, Level.SYSTEM, "leadership_controls", 2),
    (
        "Rotating on-call without a clear schedule",
        Kind.FATIGUE,
        Level.TEAM,
        "leadership_controls",
        1,
    ),
    ("Celebrating small wins in team meeting", Kind.RESILIENCE, Level.TEAM, "i_control", 1),
    ("Caseloads above forty clients", Kind.FATIGUE, Level.SYSTEM, "leadership_controls", 3),
    ("Pandemic-era backlog still not cleared", Kind.FATIGUE, None, "cannot_control", 0),
    ("Taking my full lunch break", Kind.RESILIENCE, Level.MINDSET, "i_control", 0),
    (
        "Interpreters hard to book for Vietnamese clients (Tiếng Việt)",
        Kind.FATIGUE,
        Level.SYSTEM,
        "leadership_controls",
        1,
    ),
    ("Kind notes left in the break room", Kind.RESILIENCE, Level.TEAM, "i_control", 0),
    ("Phone trees that drop calls", Kind.FATIGUE, Level.SYSTEM, "unsorted", 0),
    ("Knowing why we do this work", Kind.RESILIENCE, Level.MINDSET, "unsorted", 0),
    ("Double documentation in two systems", Kind.FATIGUE, Level.SYSTEM, "unsorted", 0),
    ("Mentoring the new graduates", Kind.RESILIENCE, Level.TEAM, "unsorted", 0),
    ("Hearing about budget cuts from the news first", Kind.FATIGUE, Level.SYSTEM, "unsorted", 0),
    ("Stretching before the shift", Kind.RESILIENCE, Level.MINDSET, "unsorted", 0),
    ("Unclear who approves overtime", Kind.FATIGUE, Level.TEAM, "unsorted", 0),
    ("Laughing together at handover", Kind.RESILIENCE, Level.TEAM, "unsorted", 0),
    ("Waiting lists growing every month", Kind.FATIGUE, None, "unsorted", 0),
    ("Flexible start times", Kind.RESILIENCE, Level.SYSTEM, "unsorted", 0),
    ("Being the only bilingual staff member", Kind.FATIGUE, Level.TEAM, "unsorted", 0),
    ("Training budget for conferences", Kind.RESILIENCE, Level.SYSTEM, "unsorted", 0),
    ("Alarm fatigue from the monitors", Kind.FATIGUE, Level.SYSTEM, "unsorted", 0),
]


def sample_board(store: MemoryStore, count: int = 40) -> Board:
    """A saved board with `count` realistic notes spread over the columns (two stacked)."""
    board = new_board(store)
    positions: dict[str, int] = {}
    notes: list[Note] = []
    for i in range(count):
        text, kind, level, column, votes = SAMPLE_NOTES[i % len(SAMPLE_NOTES)]
        if i >= len(SAMPLE_NOTES):
            text = f"{text} ({i // len(SAMPLE_NOTES) + 1})"
        position = positions.get(column, 0)
        positions[column] = position + 1
        notes.append(
            Note(
                text,
                kind,
                level,
                column,
                position,
                votes=votes,
                leader_added=(i == 14),
                id=f"n{i:03d}",
            )
        )
    by_id = {n.id: n for n in notes}
    board.notes = by_id
    store.save_patch(board.session.id, Patch(put=tuple(notes)))  # type: ignore[arg-type]
    return board
