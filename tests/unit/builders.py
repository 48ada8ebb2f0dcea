"""Small builders of domain objects for tests."""

from __future__ import annotations

from datetime import date

from crt_desktop.content import content
from crt_desktop.domain.board import Board
from crt_desktop.domain.operations import AddNote
from crt_desktop.domain.patch import apply_patch
from crt_desktop.domain.session import Session


def control_board(texts: list[str] | tuple[str, ...] = (), **session: object) -> Board:
    """A Section 4 board holding notes with the given texts, all in Unsorted."""
    fields: dict[str, object] = {
        "team": "Outpatient nursing",
        "section": 4,
        "held_on": date(2026, 11, 20),
        "template": "control-board",
    }
    fields.update(session)
    board = Board(session=Session(**fields), template=content().templates["control-board"])  # type: ignore[arg-type]
    for text in texts:
        apply_patch(board, AddNote(text).patch(board))
    return board
