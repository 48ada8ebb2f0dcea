"""The console's Leadership menu: record responses, import a leader's filled-in summary, show
the report-back to the room, export its PDF and carry open items into this session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu

from crt_desktop.domain.note import Note
from crt_desktop.domain.report_back import AnswerPlan
from crt_desktop.domain.session_operations import CarryNotes
from crt_desktop.domain.store import StorageError

from .carry_dialog import CarryDialog, team_candidates
from .report_back import ReportBackWindow, confirm_plan, import_responses

if TYPE_CHECKING:
    from .console import ConsoleWindow


class LeadershipMenu:
    """The console's Leadership menu and what its items do."""

    def __init__(self, console: ConsoleWindow) -> None:
        self.console = console
        self.controller = console.controller
        self.window: ReportBackWindow | None = None
        menu = console.menuBar().addMenu("Le&adership")  # Alt+L marks a leader's note
        self.menu = menu
        self._add(menu, "Record leader responses…", self.record, ("Ctrl+L",))
        self._add(menu, "Import responses from PDF…", self.ask_import)
        self.view_action = self._add(menu, "Report-back view", self.toggle_view, ("Ctrl+K",))
        self.view_action.setCheckable(True)
        console.room_view.report_back_changed.connect(self.view_action.setChecked)
        self._add(menu, "Export report-back PDF…", self.ask_export)
        menu.addSeparator()
        self._add(menu, "Carry open items into this session…", self.carry)

    def _add(
        self, menu: QMenu, text: str, slot: Callable[[], object], keys: tuple[str, ...] = ()
    ) -> QAction:
        action = QAction(text, self.console)
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        self.console.addAction(action)
        return action

    def report_back_window(self) -> ReportBackWindow:
        if self.window is None:
            self.window = ReportBackWindow(self.controller, self.console)
        return self.window

    def record(self) -> None:
        self.report_back_window().show_tab(ReportBackWindow.RESPONSES)

    def toggle_view(self) -> None:
        """Show the report-back on the room view (and in the console), or the board again."""
        room = self.console.room_view
        on = not room.showing_report_back
        room.set_report_back(on)
        if on:
            self.report_back_window().show_tab(ReportBackWindow.STANDING)

    def ask_import(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self.console, "Import responses from PDF", "", "PDF files (*.pdf)"
        )
        if chosen:
            self.import_file(Path(chosen))

    def import_file(self, path: Path, confirm: Callable[[AnswerPlan], bool] | None = None) -> str:
        message = import_responses(self.controller, path, confirm or confirm_plan(self.console))
        self.console.show_message(message)
        return message

    def ask_export(self) -> None:
        from .export_dialog import default_file_name, default_folder

        name = default_file_name(self.controller.board, "report-back")
        chosen, _ = QFileDialog.getSaveFileName(
            self.console, "Export report-back PDF", str(default_folder() / name), "PDF (*.pdf)"
        )
        if chosen:
            path = Path(chosen)
            self.export_to(path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf"))

    def export_to(self, path: Path) -> str:
        from crt_desktop.content import content as packaged_content
        from crt_desktop.export.pdf.files import ExportError
        from crt_desktop.export.report_back_pdf import write_report_back

        from .export_dialog import remember_folder

        try:
            write_report_back(self.controller.board, path, content=packaged_content())
        except ExportError as exc:
            message = str(exc)
        else:
            remember_folder(path)
            message = f"The report-back is saved as {path.name}."
        self.console.show_message(message)
        return message

    def carry(self) -> None:
        try:
            candidates = team_candidates(self.controller)
        except StorageError as exc:
            self.console.show_message(str(exc))
            return
        if not candidates:
            self.console.show_message(
                "The team has no open leadership items in earlier sessions to carry over."
            )
            return
        dialog = CarryDialog(candidates, self.console)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.carry_notes(dialog.chosen())

    def carry_notes(self, notes: tuple[Note, ...]) -> bool:
        if not notes:
            return False
        if self.controller.do(CarryNotes(notes)):
            count = len(notes)
            self.console.show_message(
                f"Carried {count} item{'s' if count != 1 else ''} into this session, with "
                "their responses and updates. Ctrl+Z takes them back."
            )
            return True
        return False
