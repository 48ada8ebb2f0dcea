"""Report-back in the console: record leaders' responses and progress updates, import the
answers a leader filled into the summary PDF, show where items stand, export the report-back
PDF, and carry a team's open items into this session.

Every change goes through the board controller as one undoable operation, saved at once.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crt_desktop.domain.board import Board
from crt_desktop.domain.dates import written_date
from crt_desktop.domain.note import Note, Response
from crt_desktop.domain.operations import SetResponse, SetResponses
from crt_desktop.domain.patch import Patch
from crt_desktop.domain.report_back import (
    AnswerPlan,
    CarryCandidate,
    carry_candidates,
    leadership_items,
    make_response,
    plan_answers,
    same_team,
    status_of,
    with_update,
    without_update,
)
from crt_desktop.domain.session_operations import CarryNotes
from crt_desktop.domain.store import StorageError
from crt_desktop.domain.validation import ValidationError
from crt_desktop.domain.vocabulary import ResponseStatus
from crt_desktop.qt_models.board_controller import BoardController
from crt_desktop.widgets.theme import CONSOLE

from .labels import plain_label
from .messages import ask
from .room_report_back import ReportBackBoard

if TYPE_CHECKING:
    from .console import ConsoleWindow

HINT = (
    "“Unlikely to change within two years” moves the item to Cannot control. It will be "
    "looked at again later, unless you tick that change is not possible."
)
CONSOLE_POINTS = 14.0


def _item_text(note: Note) -> str:
    return f"{note.text}\n— {status_of(note).label}"


def _answer(response: Response) -> tuple[ResponseStatus, str, bool]:
    """The part of a response the editor's status, reason and tick show."""
    return response.status, response.reason, response.change_impossible


class ResponsesPanel(QWidget):
    """The leadership items on the left; the chosen item's response and updates on the right."""

    def __init__(self, controller: BoardController) -> None:
        super().__init__()
        self.controller = controller
        self.items = QListWidget()
        self.items.setAccessibleName("Leadership items")
        self.items.setSpacing(4)
        self.items.setWordWrap(True)
        self.items.currentItemChanged.connect(lambda *_: self.load())
        self.note_text = plain_label()
        font = self.note_text.font()
        font.setBold(True)
        self.note_text.setFont(font)
        self.status = QComboBox()
        self.status.setAccessibleName("Response status")
        for status in ResponseStatus:
            self.status.addItem(status.label, status.value)
        self.status.currentIndexChanged.connect(self._status_changed)
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName("Reason")
        self.reason.setPlaceholderText("A short reason, in the leader's words")
        self.reason.setMaximumHeight(90)
        self.impossible = QCheckBox("Change is not possible")
        self.save = QPushButton("Save response")
        self.save.clicked.connect(self.save_response)
        self.updates = QListWidget()
        self.updates.setAccessibleName("Progress updates")
        self.updates.setWordWrap(True)
        self.update_day = QDateEdit(QDate.currentDate())
        self.update_day.setCalendarPopup(True)
        self.update_day.setDisplayFormat("d MMMM yyyy")
        self.update_day.setAccessibleName("Day of the update")
        self.update_text = QLineEdit()
        self.update_text.setAccessibleName("Progress update")
        self.update_text.setPlaceholderText("What has happened since")
        self.update_text.returnPressed.connect(self.add_update)
        add = QPushButton("Add update")
        add.clicked.connect(self.add_update)
        remove = QPushButton("Remove update")
        remove.clicked.connect(self.remove_update)
        self.problem = plain_label()
        self.problem.setStyleSheet("color: #9B1C1C;")

        form = QVBoxLayout()
        form.addWidget(self.note_text)
        form.addWidget(plain_label("Status"))
        form.addWidget(self.status)
        form.addWidget(plain_label("Reason"))
        form.addWidget(self.reason)
        form.addWidget(self.impossible)
        hint = plain_label(HINT)
        hint.setStyleSheet("color: #4A4A4A;")
        form.addWidget(hint)
        form.addWidget(self.save, 0, Qt.AlignmentFlag.AlignLeft)
        form.addSpacing(10)
        form.addWidget(plain_label("Progress updates"))
        form.addWidget(self.updates, 1)
        row = QHBoxLayout()
        row.addWidget(self.update_day)
        row.addWidget(self.update_text, 1)
        row.addWidget(add)
        form.addLayout(row)
        form.addWidget(remove, 0, Qt.AlignmentFlag.AlignLeft)
        form.addWidget(self.problem)
        self.editor = QWidget()
        self.editor.setLayout(form)
        layout = QHBoxLayout(self)
        layout.addWidget(self.items, 2)
        layout.addWidget(self.editor, 3)
        # The chosen item and its response as the editor last showed them.
        self._shown_id: str | None = None
        self._shown = Response()
        controller.patched.connect(self._on_patched)
        self.refresh()

    # --- the list ------------------------------------------------------------------------

    def current_id(self) -> str | None:
        item = self.items.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def current_note(self) -> Note | None:
        note_id = self.current_id()
        return None if note_id is None else self.controller.board.notes.get(note_id)

    def refresh(self) -> None:
        """Bring the list up to date; the editor is reloaded only where the chosen item's
        response changed, so a reason being typed survives other changes to the board."""
        chosen = self.current_id()
        notes = leadership_items(self.controller.board, include_hidden=True)
        listed = [
            self.items.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.items.count())
        ]
        if listed == [n.id for n in notes]:
            for row, note in enumerate(notes):
                self.items.item(row).setText(_item_text(note))
        else:
            self.items.blockSignals(True)
            self.items.clear()
            for note in notes:
                item = QListWidgetItem(_item_text(note))
                item.setData(Qt.ItemDataRole.UserRole, note.id)
                self.items.addItem(item)
                if note.id == chosen:
                    self.items.setCurrentItem(item)
            if self.items.currentItem() is None and self.items.count():
                self.items.setCurrentRow(0)
            self.items.blockSignals(False)
        self._sync_editor()

    def select(self, note_id: str) -> None:
        for row in range(self.items.count()):
            if self.items.item(row).data(Qt.ItemDataRole.UserRole) == note_id:
                self.items.setCurrentRow(row)

    def _on_patched(self, _patch: Patch, _inverse: Patch) -> None:
        self.refresh()

    # --- the editor ----------------------------------------------------------------------

    def load(self) -> None:
        """Show the chosen item's response (or an empty one) in the editor."""
        note = self.current_note()
        self.editor.setEnabled(note is not None)
        self.problem.clear()
        self._shown_id = None if note is None else note.id
        if note is None:
            self.note_text.setText("There are no leadership items on this board yet.")
            return
        response = note.response or Response()
        self.note_text.setText(note.text)
        self._load_answer(response)
        self._load_updates(response)

    def _sync_editor(self) -> None:
        """Reload only what changed of the chosen item: its answer, its updates, or both."""
        note = self.current_note()
        if note is None or note.id != self._shown_id:
            self.load()
            return
        self.note_text.setText(note.text)
        response = note.response or Response()
        if _answer(response) != _answer(self._shown):
            self._load_answer(response)
        if response.updates != self._shown.updates:
            self._load_updates(response)

    def _load_answer(self, response: Response) -> None:
        self._shown = replace(response, updates=self._shown.updates)
        self.status.setCurrentIndex(self.status.findData(response.status.value))
        self.reason.setPlainText(response.reason)
        self.impossible.setChecked(response.change_impossible)
        self._status_changed()

    def _load_updates(self, response: Response) -> None:
        self._shown = replace(self._shown, updates=response.updates)
        self.updates.clear()
        for update in response.updates:
            self.updates.addItem(f"{written_date(update.on)} — {update.text}")

    def _status_changed(self) -> None:
        unlikely = self.status.currentData() == ResponseStatus.UNLIKELY_TWO_YEARS.value
        self.impossible.setEnabled(unlikely)

    def _record(self, build: Callable[[Response | None], Response]) -> bool:
        note = self.current_note()
        if note is None:
            return False
        try:
            response = build(note.response)
        except ValidationError as exc:
            self.problem.setText(str(exc))
            return False
        return self.controller.do(SetResponse(note.id, response))

    def save_response(self) -> bool:
        status = ResponseStatus(self.status.currentData())
        reason, impossible = self.reason.toPlainText(), self.impossible.isChecked()

        def build(old: Response | None) -> Response:
            return make_response(status, reason, impossible, old.updates if old else ())

        return self._record(build)

    def add_update(self) -> bool:
        day = self.update_day.date().toPython()
        assert isinstance(day, date)
        text = self.update_text.text()
        if self._record(lambda old: with_update(old, day, text)):
            self.update_text.clear()
            return True
        return False

    def remove_update(self) -> bool:
        row = self.updates.currentRow()
        if row < 0:
            self.problem.setText("Choose the update to remove first.")
            return False
        return self._record(lambda old: without_update(old or Response(), row))


class ReportBackWindow(QDialog):
    """Record responses, and see the items grouped by where they stand (as the room will)."""

    RESPONSES, STANDING = 0, 1

    def __init__(self, controller: BoardController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        session = controller.board.session
        self.setWindowTitle(f"Report-back — {session.team}")
        self.resize(1100, 720)
        self.responses = ResponsesPanel(controller)
        self.standing = ReportBackBoard(controller, CONSOLE, lambda: CONSOLE_POINTS)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.responses, "Leader responses")
        self.tabs.addTab(self.standing, "Where things stand")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        for keys, slot in (
            (("Ctrl+Z",), controller.undo),
            (("Ctrl+Y", "Ctrl+Shift+Z"), controller.redo),
        ):
            action = QAction(self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.triggered.connect(lambda _c=False, s=slot: s())
            self.addAction(action)

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)
        self.show()
        self.raise_()
        self.activateWindow()


# --- answers from a filled-in PDF ------------------------------------------------------------


def plan_from_pdf(board: Board, path: Path) -> AnswerPlan:
    """What the PDF's answers would change; ResponsesError (one sentence) if it cannot."""
    from crt_desktop.export.responses_read import answers_for, read_filled_file

    assert board.session.id is not None
    return plan_answers(board, answers_for(read_filled_file(path), board.session.id))


def import_responses(
    controller: BoardController, path: Path, confirm: Callable[[AnswerPlan], bool]
) -> str:
    """Read the answers, ask, record them as one undoable change; returns a sentence."""
    from crt_desktop.export.responses_read import ResponsesError

    try:
        plan = plan_from_pdf(controller.board, path)
    except (ResponsesError, ValidationError) as exc:
        return str(exc)
    if not plan.changes:
        return " ".join(plan.describe())
    if not confirm(plan):
        return "Nothing was changed."
    if not controller.do(SetResponses(plan.pairs())):
        return "The answers were not recorded."
    count = len(plan.changes)
    return f"Recorded {count} response{'s' if count != 1 else ''}. Ctrl+Z takes them back."


def _confirm_plan(parent: QWidget) -> Callable[[AnswerPlan], bool]:
    def confirm(plan: AnswerPlan) -> bool:
        lines = plan.describe()
        details = "\n".join(line.strip() for line in lines[1:])
        return ask(parent, "Import responses", lines[0], "Record these", details=details)

    return confirm


# --- carrying open items into this session ---------------------------------------------------


def team_candidates(controller: BoardController) -> list[CarryCandidate]:
    """Open items from the team's earlier sessions, read through the injected store."""
    board = controller.board
    others = []
    for summary in controller.store.list_sessions():
        if summary.id != board.session.id and same_team(summary.team, board.session.team):
            # Only looked at: the store keeps what it remembers of the open session.
            with contextlib.suppress(KeyError):  # deleted since it was listed
                others.append(controller.store.load_board(summary.id, remember=False))
    return carry_candidates(board, others)


class CarryDialog(QDialog):
    """Tick the open items to bring onto this board (all ticked to begin with)."""

    def __init__(self, candidates: list[CarryCandidate], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Carry open items into this session")
        self.candidates = candidates
        self.list = QListWidget()
        self.list.setAccessibleName("Open items")
        self.list.setWordWrap(True)
        for candidate in candidates:
            session = candidate.session
            where = f"Section {session.section}, {written_date(session.held_on)}"
            item = QListWidgetItem(
                f"{candidate.note.text}\n— {status_of(candidate.note).label} · {where}"
            )
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Carry the ticked items")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                "These items from the team's earlier sessions are still open. Each comes "
                "with its response and progress updates."
            )
        )
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(700, 480)

    def chosen(self) -> tuple[Note, ...]:
        return tuple(
            c.note
            for row, c in enumerate(self.candidates)
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        )


# --- the console's Leadership menu -----------------------------------------------------------


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
        message = import_responses(self.controller, path, confirm or _confirm_plan(self.console))
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
        from crt_desktop.export.report_back_pdf import write_report_back
        from crt_desktop.export.summary.errors import ExportError

        try:
            write_report_back(self.controller.board, path)
        except ExportError as exc:
            message = str(exc)
        else:
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
