"""Print visual: ask for a paper size and a file, then write the section's poster (its visual)
as a large-type PDF."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QInputDialog, QWidget

from crt_desktop.domain.board import Board
from crt_desktop.services import ExportFailed, Services

from .messages import warn


def print_visual(
    parent: QWidget,
    board: Board,
    services: Services,
    *,
    choose_file: Callable[[str], str] | None = None,
    choose_paper: Callable[[], str | None] | None = None,
) -> Path | None:
    """Ask for a paper size and a file, then write the section's poster; the path, or None.

    The two choosers can be replaced (tests); by default they are dialogs."""
    papers, usual = services.exporters.poster_papers()

    def ask_paper() -> str | None:
        paper, ok = QInputDialog.getItem(
            parent, "Print visual", "Paper size:", list(papers), papers.index(usual), False
        )
        return paper if ok else None

    def ask_file(suggested: str) -> str:
        from .export_dialog import ask_pdf_path

        path = ask_pdf_path(parent, "Save the poster", suggested)
        return "" if path is None else str(path)

    paper = (choose_paper or ask_paper)()
    if not paper:
        return None
    from .export_dialog import default_file_name

    suggested = str(services.settings.export_folder() / default_file_name(board, "poster"))
    name = (choose_file or ask_file)(suggested)
    if not name:
        return None
    try:
        path = services.exporters.poster(board, Path(name), paper)
    except ExportFailed as exc:
        warn(parent, "Print visual", str(exc))
        return None
    services.settings.remember_export_folder(path)
    return path
