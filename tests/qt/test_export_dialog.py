"""Export leader summary… from the console: file name, writing, and a clear failure."""

from __future__ import annotations

from pypdf import PdfReader

from crt_desktop.content import content
from crt_desktop.exporters import PdfExporters
from crt_desktop.views.export_dialog import (
    default_file_name,
    default_folder,
    remember_folder,
    write_summary,
)
from tests.unit.builders import control_board

EXPORTERS = PdfExporters(content())


def test_default_file_name_names_team_section_and_date():
    """The suggested name carries team, section and date, without characters files forbid."""
    board = control_board(team='Nurses: "A/B" <night>')
    name = default_file_name(board)
    assert name.endswith(" - Section 4 - 2026-11-20.pdf")
    assert not set('/\\:*?"<>|') & set(name)


def test_write_summary_writes_a_pdf(tmp_path):
    """Writing the summary produces a PDF holding the notes."""
    board = control_board(["Charting after hours"])
    path = tmp_path / "summary.pdf"
    assert write_summary(EXPORTERS, board, path) is None
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    assert "Charting after hours" in text


def test_write_summary_reports_a_missing_folder(tmp_path):
    """A folder that does not exist gives one sentence, and no file."""
    path = tmp_path / "gone" / "summary.pdf"
    problem = write_summary(EXPORTERS, control_board(["x"]), path)
    assert problem is not None and "does not exist" in problem
    assert not path.exists()


def test_export_dialogs_start_in_the_last_export_folder(tmp_path):
    """After an export the next dialog starts in its folder; a folder gone since is not used."""
    first = default_folder()
    folder = tmp_path / "exports"
    folder.mkdir()
    remember_folder(folder / "summary.pdf")
    assert default_folder() == folder
    folder.rmdir()
    assert default_folder() == first
