"""Print visual: ask for a paper size and a file, then write the section's poster (its visual)
as a large-type PDF."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QInputDialog, QWidget

from crt_desktop.domain.board import Board

from .messages import warn


def print_visual(
    parent: QWidget,
    board: Board,
    *,
    choose_file: Callable[[str], str] | None = None,
    choose_paper: Callable[[], str | None] | None = None,
) -> Path | None:
    """Ask for a paper size and a file, then write the section's poster; the path, or None.

    The two choosers can be replaced (tests); by default they are dialogs."""
    from crt_desktop.export.poster import PAPERS, write_poster
    from crt_desktop.export.summary.errors import ExportError
    from crt_desktop.export.summary.paper import paper_for_locale

    def ask_paper() -> str | None:
        default = PAPERS.index(paper_for_locale())
        paper, ok = QInputDialog.getItem(
            parent, "Print visual", "Paper size:", list(PAPERS), default, False
        )
        return paper if ok else None

    def ask_file(suggested: str) -> str:
        from .export_dialog import ask_pdf_path

        path = ask_pdf_path(parent, "Save the poster", suggested)
        return "" if path is None else str(path)

    paper = (choose_paper or ask_paper)()
    if not paper:
        return None
    from .export_dialog import default_file_name, default_folder, remember_folder

    suggested = str(default_folder() / default_file_name(board, "poster"))
    name = (choose_file or ask_file)(suggested)
    if not name:
        return None
    try:
        path = write_poster(board, Path(name), paper=paper)
    except (ExportError, ValueError) as exc:
        warn(parent, "Print visual", str(exc))
        return None
    remember_folder(path)
    return path
