"""Page footers of the leader summary and the report-back print the team's name as written."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pypdf import PdfReader

from crt_desktop.content import content
from crt_desktop.content import content as packaged_content
from crt_desktop.domain.board import Board
from crt_desktop.domain.note import Note
from crt_desktop.domain.session import Session
from crt_desktop.domain.vocabulary import Kind
from crt_desktop.export.report_back_pdf import write_report_back
from crt_desktop.export.summary import write_leader_summary

TEAM = "R&D <Night> & \"Day\" 'shift'"


def _board() -> Board:
    template = content().templates["control-board"]
    board = Board(Session(TEAM, 4, date(2026, 11, 20), template.key, id=7), template)
    for i in range(40):
        note = Note(f"Note {i} & more", Kind.FATIGUE, column="leadership_controls", position=i)
        board.notes[note.id] = note
    return board


def _footers(path: Path) -> list[str]:
    return [page.extract_text().splitlines()[-1] for page in PdfReader(path).pages]


def test_summary_footer_names_the_team_as_written(tmp_path: Path) -> None:
    """Every page ends with the team as typed, the date and "Page N of M"."""
    footers = _footers(
        write_leader_summary(
            _board(), tmp_path / "s.pdf", pagesize="A4", content=packaged_content()
        )
    )
    assert len(footers) > 2
    for number, footer in enumerate(footers, start=1):
        assert " ".join(footer.split()) == (
            f"{TEAM} · 20 November 2026 · Page {number} of {len(footers)}"
        )


def test_report_back_footer_names_the_team_as_written(tmp_path: Path) -> None:
    """The report-back's footer prints the team as typed too, never its escaped form."""
    path = write_report_back(
        _board(),
        tmp_path / "r.pdf",
        as_of=date(2027, 2, 1),
        pagesize="A4",
        content=packaged_content(),
    )
    footers = _footers(path)
    assert footers
    for number, footer in enumerate(footers, start=1):
        assert " ".join(footer.split()) == (
            f"{TEAM} · Report-back as of 1 February 2027 · Page {number} of {len(footers)}"
        )
