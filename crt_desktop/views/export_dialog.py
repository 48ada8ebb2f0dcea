"""Export leader summary…: choose where, write the PDF, offer to open its folder."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from crt_desktop.domain.board import Board
from crt_desktop.services import Exporters, ExportFailed, Services

from .app_settings import default_folder, remember_folder
from .messages import Icon, message_box, warn

__all__ = ["ask_pdf_path", "default_file_name", "default_folder", "remember_folder"]

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def default_file_name(board: Board, kind: str = "") -> str:
    """e.g. "Outpatient nursing - Section 4 - 2026-11-20.pdf", or with a kind ("poster")
    "… - 2026-11-20 - poster.pdf"; safe on every file system, whatever the team is called."""
    session = board.session
    team = " ".join(_UNSAFE.sub(" ", session.team).split()).strip(" .") or "Team"
    suffix = f" - {kind}" if kind else ""
    return f"{team[:80]} - Section {session.section} - {session.held_on.isoformat()}{suffix}.pdf"


def write_summary(exporters: Exporters, board: Board, path: Path) -> str | None:
    """Write the PDF; None when done, else the one sentence to show."""
    try:
        exporters.leader_summary(board, path)
    except ExportFailed as exc:
        return str(exc)
    return None


def ask_pdf_path(parent: QWidget | None, caption: str, suggested: str) -> Path | None:
    """Ask where to save a PDF; a name typed without a suffix gets ".pdf". None: cancelled."""
    dialog = QFileDialog(parent, caption, suggested, "PDF files (*.pdf)")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setDefaultSuffix("pdf")
    dialog.selectFile(suggested)
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])


def export_leader_summary(parent: QWidget, board: Board, services: Services) -> Path | None:
    """Ask where to save, write the summary, and offer to open the folder. Returns the file."""
    suggested = str(services.settings.export_folder() / default_file_name(board))
    path = ask_pdf_path(parent, "Export leader summary", suggested)
    if path is None:
        return None
    problem = write_summary(services.exporters, board, path)
    if problem is not None:
        warn(parent, "Export leader summary", problem)
        return None
    services.settings.remember_export_folder(path)
    box = message_box(
        parent,
        "Export leader summary",
        f"The leader summary is saved as {path.name}.",
        icon=Icon.Information,
    )
    open_folder = box.addButton("Open folder", QMessageBox.ButtonRole.ActionRole)
    box.addButton("Done", QMessageBox.ButtonRole.AcceptRole)
    box.exec()
    if box.clickedButton() is open_folder:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
    return path
