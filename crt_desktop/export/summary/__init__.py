"""The leader summary: a PDF for the leader after each session.

ReportLab loads only when a summary is written, so importing this package stays cheap.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..pdf.files import ExportError
from ..pdf.paper import paper_for_locale

if TYPE_CHECKING:
    from crt_desktop.content import Content
    from crt_desktop.domain.board import Board


def write_leader_summary(
    board: Board,
    path: Path,
    *,
    content: Content,
    pagesize: str | None = None,
    lang: str = "en",
) -> Path:
    """Write the leader summary of `board` to `path` and return the path.

    `pagesize` is "A4" or "Letter"; None picks from the locale (Letter for the US, Canada,
    Mexico and the Philippines, A4 elsewhere). The file is written to a temporary name beside
    `path`, synced and renamed (mode 0600), so a failure never leaves half a file; anything
    that stops the write raises ExportError with one clear sentence. The PDF is tagged for
    screen readers in the language `lang` (a BCP 47 tag: "en" today).
    """
    from .document import write_leader_summary as write

    return write(board, path, content=content, pagesize=pagesize, lang=lang)


__all__ = ["ExportError", "paper_for_locale", "write_leader_summary"]
