"""Report-back in the console: the window where responses are recorded and where things stand
is shown (as the room sees it), and the answers a leader filled into the summary PDF.

Every change goes through the board controller as one undoable operation, saved at once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QTabWidget, QVBoxLayout, QWidget

from crt_desktop.domain.board import Board
from crt_desktop.domain.operations import SetResponses
from crt_desktop.domain.report_back import AnswerPlan, plan_answers
from crt_desktop.domain.validation import ValidationError
from crt_desktop.qt_models.board_controller import BoardController
from crt_desktop.qt_models.history_actions import REDO_KEYS, UNDO_KEYS, HistoryAction
from crt_desktop.services import Exporters, ExportFailed
from crt_desktop.widgets.theme import CONSOLE

from .messages import ask
from .quitting import add_quit_key
from .responses_panel import ResponsesPanel
from .room_report_back import ReportBackBoard

CONSOLE_POINTS = 14.0


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
        # Undo and redo work here too, as in the console (keys only: a dialog has no menus).
        for redo, keys in ((False, UNDO_KEYS), (True, REDO_KEYS)):
            action = HistoryAction(controller, redo=redo, parent=self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            self.addAction(action)
        add_quit_key(self)

    def show_tab(self, index: int) -> None:
        if not self.isVisible():
            self.responses.reset_order()  # opened anew: board order again
        self.tabs.setCurrentIndex(index)
        self.show()
        self.raise_()
        self.activateWindow()


# --- answers from a filled-in PDF ------------------------------------------------------------


def plan_from_pdf(exporters: Exporters, board: Board, path: Path) -> AnswerPlan:
    """What the PDF's answers would change; ExportFailed (one sentence) if it cannot."""
    assert board.session.id is not None
    return plan_answers(board, exporters.read_answers(path, board.session))


def import_responses(
    controller: BoardController,
    exporters: Exporters,
    path: Path,
    confirm: Callable[[AnswerPlan], bool],
) -> str:
    """Read the answers, ask, record them as one undoable change; returns a sentence."""
    try:
        plan = plan_from_pdf(exporters, controller.board, path)
    except (ExportFailed, ValidationError) as exc:
        return str(exc)
    if not plan.changes:
        return " ".join(plan.describe())
    if not confirm(plan):
        return "Nothing was changed."
    if not controller.do(SetResponses(plan.pairs())):
        return "The answers were not recorded."
    count = len(plan.changes)
    return f"Recorded {count} response{'s' if count != 1 else ''}. Ctrl+Z takes them back."


def confirm_plan(parent: QWidget) -> Callable[[AnswerPlan], bool]:
    def confirm(plan: AnswerPlan) -> bool:
        lines = plan.describe()
        details = "\n".join(line.strip() for line in lines[1:])
        return ask(parent, "Import responses", lines[0], "Record these", details=details)

    return confirm
