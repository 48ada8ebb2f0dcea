"""The console's Leadership menu: record responses, import a leader's filled-in summary, show
the report-back to the room, export its PDF and carry open items into this session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFileDialog

from crt_desktop.domain.note import Note
from crt_desktop.domain.session_operations import CarryNotes
from crt_desktop.domain.store import StorageError
from crt_desktop.qt_models.board_controller import BoardController
from crt_desktop.services import ExportFailed, Services

from .action_registry import Act, Menu, Separator
from .console_host import ConsoleHost
from .room_view import RoomView

if TYPE_CHECKING:
    from crt_desktop.domain.report_back import AnswerPlan

    from .report_back import ReportBackWindow


class LeadershipMenu:
    """The console's Leadership menu and what its items do."""

    def __init__(
        self, host: ConsoleHost, controller: BoardController, room: RoomView, services: Services
    ) -> None:
        self.host = host
        self.controller = controller
        self.services = services
        self.room = room
        self.window: ReportBackWindow | None = None
        host.registry.register(
            [
                Menu("leadership", "Le&adership"),  # Alt+L marks a leader's note
                Act("record", "Record leader responses…", self.record, "leadership", ("Ctrl+L",)),
                Act(
                    "import-responses", "Import responses from PDF…", self.ask_import, "leadership"
                ),
                Act(
                    "report-back-view",
                    "Report-back view",
                    self.toggle_view,
                    "leadership",
                    ("Ctrl+K",),
                    checkable=True,
                ),
                Act("export-report-back", "Export report-back PDF…", self.ask_export, "leadership"),
                Separator("leadership"),
                Act("carry", "Carry open items into this session…", self.carry, "leadership"),
            ]
        )
        self.menu = host.registry.menu("leadership")
        self.view_action = host.registry.action("report-back-view")
        room.report_back_changed.connect(self.view_action.setChecked)

    def report_back_window(self) -> ReportBackWindow:
        from .report_back import ReportBackWindow  # loaded when first opened, not at start-up

        if self.window is None:
            self.window = ReportBackWindow(self.controller, self.host.dialog_parent())
        return self.window

    def record(self) -> None:
        window = self.report_back_window()
        window.show_tab(window.RESPONSES)

    def toggle_view(self) -> None:
        """Show the report-back on the room view (and in the console), or the board again."""
        room = self.room
        on = not room.showing_report_back
        room.set_report_back(on)
        if on:
            window = self.report_back_window()
            window.show_tab(window.STANDING)

    def ask_import(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self.host.dialog_parent(), "Import responses from PDF", "", "PDF files (*.pdf)"
        )
        if chosen:
            self.import_file(Path(chosen))

    def import_file(self, path: Path, confirm: Callable[[AnswerPlan], bool] | None = None) -> str:
        from .report_back import confirm_plan, import_responses

        message = import_responses(
            self.controller,
            self.services.exporters,
            path,
            confirm or confirm_plan(self.host.dialog_parent()),
        )
        self.host.show_message(message)
        return message

    def ask_export(self) -> None:
        from .export_dialog import ask_pdf_path, default_file_name

        name = default_file_name(self.controller.board, "report-back")
        suggested = str(self.services.settings.export_folder() / name)
        path = ask_pdf_path(self.host.dialog_parent(), "Export report-back PDF", suggested)
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> str:
        try:
            self.services.exporters.report_back(self.controller.board, path)
        except ExportFailed as exc:
            message = str(exc)
        else:
            self.services.settings.remember_export_folder(path)
            message = f"The report-back is saved as {path.name}."
        self.host.show_message(message)
        return message

    def carry(self) -> None:
        from .carry_dialog import CarryDialog, team_candidates

        try:
            candidates = team_candidates(self.controller.board, self.services.store)
        except StorageError as exc:
            self.host.show_message(str(exc))
            return
        if not candidates:
            self.host.show_message(
                "The team has no open leadership items in earlier sessions to carry over."
            )
            return
        dialog = CarryDialog(candidates, self.host.dialog_parent())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.carry_notes(dialog.chosen())

    def carry_notes(self, notes: tuple[Note, ...]) -> bool:
        if not notes:
            return False
        if self.controller.do(CarryNotes(notes)):
            count = len(notes)
            self.host.show_message(
                f"Carried {count} item{'s' if count != 1 else ''} into this session, with "
                "their responses and updates. Ctrl+Z takes them back."
            )
            return True
        return False
