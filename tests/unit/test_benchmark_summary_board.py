"""The benchmark's leader summary figure is measured on the session its README describes."""

from __future__ import annotations

from pathlib import Path

from benchmarks.fixture import make_board
from benchmarks.suite import fresh_board


def test_the_summary_is_measured_on_the_fixture_as_written(tmp_path: Path) -> None:
    """A saved copy of the fixture: every note as written, with a session id (so answer fields)."""
    board = fresh_board(tmp_path / "summary.db", 40)
    written = make_board(40)
    assert board.session.id is not None
    assert {i: n.text for i, n in board.notes.items()} == {
        i: n.text for i, n in written.notes.items()
    }
    assert not any(n.text.startswith("Edited note") for n in board.notes.values())
