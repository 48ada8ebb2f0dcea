"""The room view's band under its title: the discussion prompt on show (if any) and the
board's reminder line (if any), in projector colours."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QVBoxLayout, QWidget

from crt_desktop.content import Content
from crt_desktop.domain.board import Board
from crt_desktop.qt_models.board_controller import BoardController
from crt_desktop.session import Changes

from .labels import plain_label


class RoomBand(QWidget):
    """Under the room view's title: the prompt on show (if any) and the reminder (if any)."""

    def __init__(
        self, controller: BoardController, prompts: tuple[str, ...], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.prompts = prompts
        self.prompt = plain_label(name="roomPrompt")
        self.prompt.setAccessibleName("Discussion prompt")
        reminder = controller.board.template.reminder
        self.reminder = plain_label(reminder, name="roomReminder")
        self.reminder.setVisible(bool(reminder))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(4)
        layout.addWidget(self.prompt)
        layout.addWidget(self.reminder)
        # Projector colours: the prompt stands out from the board, the reminder stays quiet.
        self.setStyleSheet(
            "QLabel#roomPrompt { color: #FFD966; border-left: 6px solid #FFD966;"
            " padding-left: 12px; }"
            "QLabel#roomReminder { color: #D8D8D8; font-style: italic; }"
        )
        controller.changed.connect(self._on_changed)
        self.refresh()

    def shown_prompt(self) -> str:
        index = self.controller.board.session.prompt
        if index is None or not 0 <= index < len(self.prompts):
            return ""
        return self.prompts[index]

    def refresh(self) -> None:
        text = self.shown_prompt()
        self.prompt.setText(text)
        self.prompt.setVisible(bool(text))
        self.setVisible(bool(text) or bool(self.reminder.text()))

    def set_points(self, points: float) -> None:
        for label, factor, bold in ((self.prompt, 1.1, True), (self.reminder, 0.75, False)):
            font = QFont(label.font())
            font.setPointSizeF(points * factor)
            font.setBold(bold)
            label.setFont(font)

    def _on_changed(self, changes: Changes) -> None:
        if changes.session_fields:
            self.refresh()


def section_prompts(board: Board, content: Content | None) -> tuple[str, ...]:
    """The discussion prompts of the board's section, from the app's content (none for a
    section the content lacks, or when no content is given)."""
    if content is None:
        return ()
    try:
        return content.section(board.session.section).prompts
    except KeyError:
        return ()
