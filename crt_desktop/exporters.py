"""The app's Exporters (see services.py): the PDF writers and the filled-in summary reader,
each loaded when first used (not at start-up) and given the app's content."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from crt_desktop.services import ExportFailed

if TYPE_CHECKING:
    from crt_desktop.content import Content
    from crt_desktop.domain.board import Board
    from crt_desktop.domain.report_back import Answer
    from crt_desktop.domain.session import Session


class PdfExporters:
    def __init__(self, content: Content) -> None:
        self.content = content

    def leader_summary(self, board: Board, path: Path) -> Path:
        from crt_desktop.export.pdf.files import ExportError
        from crt_desktop.export.summary import write_leader_summary

        try:
            return write_leader_summary(board, path, content=self.content)
        except ExportError as exc:
            raise ExportFailed(str(exc)) from exc

    def report_back(self, board: Board, path: Path) -> Path:
        from crt_desktop.export.pdf.files import ExportError
        from crt_desktop.export.report_back_pdf import write_report_back

        try:
            return write_report_back(board, path, content=self.content)
        except ExportError as exc:
            raise ExportFailed(str(exc)) from exc

    def poster(self, board: Board, path: Path, paper: str) -> Path:
        from crt_desktop.export.pdf.files import ExportError
        from crt_desktop.export.poster import write_poster

        try:
            return write_poster(board, path, paper=paper, content=self.content)
        except (ExportError, ValueError) as exc:
            raise ExportFailed(str(exc)) from exc

    def poster_papers(self) -> tuple[tuple[str, ...], str]:
        from crt_desktop.export.pdf.paper import paper_for_locale
        from crt_desktop.export.poster import PAPERS

        return PAPERS, paper_for_locale()

    def read_answers(self, path: Path, session: Session) -> dict[str, Answer]:
        from crt_desktop.export.responses_read import ResponsesError, answers_for, read_filled_file

        try:
            return answers_for(read_filled_file(path), session)
        except ResponsesError as exc:
            raise ExportFailed(str(exc)) from exc
