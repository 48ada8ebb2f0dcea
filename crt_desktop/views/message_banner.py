"""The message banner: a non-blocking line for things the facilitator should know."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

BANNER_SECONDS = 12


class MessageBanner(QFrame):
    """A non-blocking line for things the facilitator should know. It floats over the foot
    of the board (the console places it), so the board never jumps."""

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBanner")
        self.text = QLabel()
        self.text.setObjectName("messageText")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        close = QToolButton()
        close.setText("Dismiss")
        close.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(close)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def show_message(self, text: str) -> None:
        self.text.setText(text)
        self.show()
        self.raise_()
        self._timer.start(BANNER_SECONDS * 1000)

    def dismiss(self) -> None:
        self._timer.stop()
        self.hide()
        self.dismissed.emit()
