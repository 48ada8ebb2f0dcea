"""The app's Exporters (see services.py): the PDF writers and the filled-in summary reader,
each loaded when first used (not at start-up) and given the app's content."""

from __future__ import annotations

from pathlib import Path

from crt_desktop.content import Content
from crt_desktop.domain.board import Board
from crt_desktop.domain.report_back import Answer
from crt_desktop.services import ExportFailed


class PdfExporters:
    def __init__(self, content: Content) -> None:
        self.content = content

    def leader_summary(self, board: Board, path: Path) -> Path:
        from crt_desktop.export.summary import write_leader_summary
        from crt_desktop.export.summary.errors import ExportError

        try:
            return write_leader_summary(board, path, content=self.content)
        except ExportError as exc:
            raise ExportFailed(str(exc)) from exc

    def report_back(self, board: Board, path: Path) -> Path:
        from crt_desktop.export.report_back_pdf import write_report_back
        from crt_desktop.export.summary.errors import ExportError

        try:
            return write_report_back(board, path, content=self.content)
        except ExportError as exc:
            raise ExportFailed(str(exc)) from exc

    def poster(self, board: Board, path: Path, paper: str) -> Path:
        from crt_desktop.export.poster import write_poster
        from crt_desktop.export.summary.errors import ExportError

        try:
            return write_poster(board, path, paper=paper, content=self.content)
        except (ExportError, ValueError) as exc:
            raise ExportFailed(str(exc)) from exc

    def poster_papers(self) -> tuple[tuple[str, ...], str]:
        from crt_desktop.export.poster import PAPERS
        from crt_desktop.export.summary.paper import paper_for_locale

        return PAPERS, paper_for_locale()

    def read_answers(self, path: Path, session_id: int) -> dict[str, Answer]:
        from crt_desktop.export.responses_read import ResponsesError, answers_for, read_filled_file

        try:
            return answers_for(read_filled_file(path), session_id)
        except ResponsesError as exc:
            raise ExportFailed(str(exc)) from exc
