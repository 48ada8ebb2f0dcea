"""The note entry: type, Enter, the next note. Kind, level and leader mark are set with
Alt+letter while typing (or by clicking), and new notes land in the board's entry column."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from crt_desktop.domain.operations import AddNote
from crt_desktop.domain.validation import MAX_NOTE_LENGTH
from crt_desktop.domain.vocabulary import Kind, Level
from crt_desktop.qt_models.board_controller import BoardController

KIND_BUTTONS = {Kind.FATIGUE: "&Fatigue", Kind.RESILIENCE: "&Resilience"}
LEVEL_BUTTONS = {Level.MINDSET: "&Mindset", Level.TEAM: "&Team", Level.SYSTEM: "&System"}


class NoteEntry(QWidget):
    # Esc pressed in the entry: the window moves the focus to the board.
    left = Signal()

    def __init__(self, controller: BoardController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        template = controller.board.template
        self.text = QLineEdit()
        self.text.setPlaceholderText("Type a note and press Enter (N brings you back here)")
        self.text.setAccessibleName("New note")
        self.text.setMaxLength(MAX_NOTE_LENGTH)
        self.text.setClearButtonEnabled(True)
        self.text.returnPressed.connect(self.add)
        leave = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.text)
        leave.setContext(Qt.ShortcutContext.WidgetShortcut)
        leave.activated.connect(self.left)

        self.kinds = QButtonGroup(self)
        self.kinds.setExclusive(True)
        self.kind_buttons: dict[Kind, QPushButton] = {}
        for kind in template.kinds:
            button = QPushButton(KIND_BUTTONS[kind])
            button.setObjectName(f"{kind.value}Kind")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Alt+letter keeps typing in the entry
            button.setToolTip(
                f"New notes are {kind.label.lower()} notes (Alt+{KIND_BUTTONS[kind][1]})"
            )
            self.kinds.addButton(button)
            self.kind_buttons[kind] = button
        if self.kind_buttons:
            next(iter(self.kind_buttons.values())).setChecked(True)

        # Levels are optional: clicking the chosen level again clears it.
        self.level_buttons: dict[Level, QPushButton] = {}
        for level in template.levels:
            button = QPushButton(LEVEL_BUTTONS[level])
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setToolTip(f"{level.label} (Alt+{LEVEL_BUTTONS[level][1]}); again to clear")
            button.toggled.connect(lambda on, chosen=level: self._level_toggled(chosen, on))
            self.level_buttons[level] = button

        self.leader = QCheckBox("&Leader's view")
        self.leader.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.leader.setToolTip("Mark the note as added by a leader (Alt+L)")
        add = QPushButton("Add note")
        add.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        add.clicked.connect(self.add)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel("New note:")
        label.setBuddy(self.text)
        layout.addWidget(label)
        layout.addWidget(self.text, 1)
        for button in self.kind_buttons.values():
            layout.addWidget(button)
        if self.level_buttons:
            layout.addSpacing(8)
        for button in self.level_buttons.values():
            layout.addWidget(button)
        layout.addWidget(self.leader)
        layout.addWidget(add)

    @property
    def kind(self) -> Kind:
        for kind, button in self.kind_buttons.items():
            if button.isChecked():
                return kind
        return Kind.FATIGUE

    @property
    def level(self) -> Level | None:
        for level, button in self.level_buttons.items():
            if button.isChecked():
                return level
        return None

    def set_kind(self, kind: Kind) -> None:
        self.kind_buttons[kind].setChecked(True)

    def set_level(self, level: Level | None) -> None:
        for each, button in self.level_buttons.items():
            button.setChecked(each is level)

    def _level_toggled(self, level: Level, on: bool) -> None:
        if on:
            for other, button in self.level_buttons.items():
                if other is not level:
                    button.setChecked(False)

    def focus(self) -> None:
        self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.text.selectAll()

    def add(self) -> bool:
        """Add the typed note; the kind stays for the next note, level and leader mark reset."""
        if not self.text.text().strip():
            return False
        operation = AddNote(
            self.text.text(), kind=self.kind, level=self.level, leader_added=self.leader.isChecked()
        )
        if not self.controller.do(operation):
            return False  # the text stays, so nothing typed is lost
        self.text.clear()
        self.set_level(None)
        self.leader.setChecked(False)
        return True
