"""The dots board (Section 3): each column shows how many anonymous dots it holds. On the console
a tap or click on + or − (or Ctrl+digit / Alt+digit) adds or takes away one dot; the room view
shows the counts large. Only the count per column is kept, never who placed a dot.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from crt_desktop.domain.session import dots_key, tally
from crt_desktop.domain.session_operations import AddDots
from crt_desktop.qt_models.board_controller import BoardController
from crt_desktop.session import Changes

from .labels import plain_label

DOT = "\u25cf"  # ●
# Past this many, the dots would not fit: the number alone says it.
MAX_DRAWN = 40


def dots_text(count: int) -> str:
    """The dots drawn under a count, a space between each so they can wrap."""
    return " ".join(DOT * min(count, MAX_DRAWN)) if count <= MAX_DRAWN else ""


def _plain(name: str, text: str = "") -> QLabel:
    return plain_label(
        text, name=name, align=Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
    )


class DotColumn(QFrame):
    def __init__(
        self, controller: BoardController, column: str, *, interactive: bool, key: str = ""
    ) -> None:
        super().__init__()
        self.setObjectName("dotColumn")
        self.controller = controller
        self.column = column
        spec = controller.board.template.column(column)
        self.title = _plain("dotTitle", spec.title)
        self.help = _plain("dotHelp", spec.help)
        self.count = _plain("dotCount")
        self.dots = _plain("dotDots")
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.help)
        layout.addWidget(self.count)
        layout.addWidget(self.dots, 1)
        self.add_button: QPushButton | None = None
        self.remove_button: QPushButton | None = None
        if interactive:
            self.add_button = QPushButton("+ Dot")
            self.remove_button = QPushButton("− Dot")
            hint = f" ({key})" if key else ""
            self.add_button.setToolTip(f"Add one dot to {spec.title}{hint}")
            self.add_button.setAccessibleName(f"Add a dot to {spec.title}")
            self.remove_button.setAccessibleName(f"Take a dot away from {spec.title}")
            self.add_button.clicked.connect(lambda: self.add(1))
            self.remove_button.clicked.connect(lambda: self.add(-1))
            buttons = QHBoxLayout()
            buttons.addWidget(self.remove_button)
            buttons.addWidget(self.add_button)
            layout.addLayout(buttons)
        self.refresh()

    @property
    def value(self) -> int:
        return tally(self.controller.board.session, dots_key(self.column))

    def add(self, delta: int) -> bool:
        return self.controller.do(AddDots(self.column, delta))

    def refresh(self) -> None:
        n = self.value
        self.count.setText(str(n))
        self.count.setAccessibleName(f"{n} dot" + ("" if n == 1 else "s"))
        self.dots.setText(dots_text(n))
        if self.remove_button is not None:
            self.remove_button.setEnabled(n > 0)

    def set_points(self, points: float) -> None:
        for label, factor, bold in (
            (self.title, 1.15, True),
            (self.help, 0.62, False),
            (self.count, 3.2, True),
            (self.dots, 1.0, False),
        ):
            font = QFont(label.font())
            font.setPointSizeF(points * factor)
            font.setBold(bold)
            label.setFont(font)


class DotsBoard(QWidget):
    """One DotColumn per column of the board's template."""

    def __init__(
        self,
        controller: BoardController,
        *,
        interactive: bool = True,
        keys: tuple[str, ...] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dotsBoard")
        self.setAccessibleName("Anonymous dots")
        self.controller = controller
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14 if not interactive else 8)
        self.columns: list[DotColumn] = []
        for i, column in enumerate(controller.board.template.columns):
            key = keys[i] if i < len(keys) else ""
            widget = DotColumn(controller, column.key, interactive=interactive, key=key)
            self.columns.append(widget)
            layout.addWidget(widget, 1)
        if not interactive:
            # Projector colours, like the room view's columns.
            self.setStyleSheet(
                "QFrame#dotColumn { background: #161616; border-radius: 8px; }"
                "QLabel#dotTitle, QLabel#dotCount { color: #FFFFFF; }"
                "QLabel#dotHelp { color: #D8D8D8; }"
                "QLabel#dotDots { color: #FFD966; }"
            )
        controller.changed.connect(self._on_changed)

    def counts(self) -> dict[str, int]:
        return {c.column: c.value for c in self.columns}

    def column(self, key: str) -> DotColumn:
        return next(c for c in self.columns if c.column == key)

    def set_points(self, points: float) -> None:
        for column in self.columns:
            column.set_points(points)

    def _on_changed(self, changes: Changes) -> None:
        if changes.session_fields:
            for column in self.columns:
                column.refresh()
