"""The note entry: type, Enter, the next note. Kind, level and leader mark are set with
Alt+letter while typing (or by clicking), and new notes land in the board's entry column.
Kind and level stay as chosen for the next note; the leader mark is for one note."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crt_desktop.domain.operations import AddNote, Operation
from crt_desktop.domain.session_operations import AddCard, SetDetails
from crt_desktop.domain.vocabulary import Kind, Level
from crt_desktop.qt_models.board_controller import BoardController
from crt_desktop.widgets.wrap_row import WrapRow

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
        self.text.setPlaceholderText(
            "Type the card, then its parts (Tab), and press Enter"
            if template.card_parts
            else "Type a note and press Enter (N brings you back here)"
        )
        self.text.setAccessibleName("New note")
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
        if len(self.kind_buttons) == 1:  # one kind: nothing to choose, so no lone button
            next(iter(self.kind_buttons.values())).hide()

        # Levels are optional: clicking the chosen level again clears it.
        self.level_buttons: dict[Level, QPushButton] = {}
        for level in template.levels:
            button = QPushButton(LEVEL_BUTTONS[level])
            button.setObjectName("levelButton")  # its checked look is in the theme
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setToolTip(f"{level.label} (Alt+{LEVEL_BUTTONS[level][1]}); again to clear")
            button.toggled.connect(lambda on, chosen=level: self._level_toggled(chosen, on))
            self.level_buttons[level] = button

        self.leader = QCheckBox("&Leader's view")
        self.leader.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.leader.setToolTip("Mark the note as added by a leader (Alt+L)")
        add = QPushButton("Add card" if template.card_parts else "Add note")
        add.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        add.setAutoDefault(False)
        add.clicked.connect(self.add)

        # A board whose cards are written in parts (why / what / how) gets a field for each,
        # on a second row; Enter in any of them adds the card.
        self.parts: dict[str, QLineEdit] = {}
        parts_row = QHBoxLayout()
        for part in template.card_parts:
            field = QLineEdit()
            field.setPlaceholderText(part.help)
            field.setToolTip(part.help)
            field.setAccessibleName(f"New card: {part.title}")
            field.returnPressed.connect(self.add)
            part_label = QLabel(f"{part.title}:")
            part_label.setBuddy(field)
            parts_row.addWidget(part_label)
            parts_row.addWidget(field, 1)
            self.parts[part.key] = field

        label = QLabel("New card:" if self.parts else "New note:")
        label.setBuddy(self.text)
        typing = QWidget()
        typing_row = QHBoxLayout(typing)
        typing_row.setContentsMargins(0, 0, 0, 0)
        typing_row.addWidget(label)
        typing_row.addWidget(self.text, 1)
        self.text.setMinimumWidth(260)
        marks = QWidget()
        marks_row = QHBoxLayout(marks)
        marks_row.setContentsMargins(0, 0, 0, 0)
        for button in self.kind_buttons.values():
            marks_row.addWidget(button)
        if self.level_buttons:
            marks_row.addSpacing(8)
        for button in self.level_buttons.values():
            marks_row.addWidget(button)
        marks_row.addWidget(self.leader)
        marks_row.addWidget(add)
        marks_row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        # On a narrow screen the kind and level buttons go under the text field.
        self.row = WrapRow([(typing, 1), (marks, 0)])
        outer.addWidget(self.row)
        if self.parts:
            outer.addLayout(parts_row)
        self.setFocusProxy(self.text)
        self._order_tabs()

    def _order_tabs(self) -> None:
        """Tab goes from the card's text through its parts, in reading order. Qt orders focus
        by when widgets joined the window (the kind buttons first), and again when the entry
        moves into a window, so this runs again when the entry is shown."""
        for first, second in pairwise([self.text, *self.parts.values()]):
            QWidget.setTabOrder(first, second)

    def showEvent(self, event: QShowEvent) -> None:
        self._order_tabs()
        super().showEvent(event)

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
        """Add the typed note; kind and level stay for the next note, the leader mark resets."""
        if not self.text.text().strip():
            return False
        operation: Operation = AddNote(
            self.text.text(), kind=self.kind, level=self.level, leader_added=self.leader.isChecked()
        )
        if self.parts:
            operation = AddCard(
                self.text.text(),
                details=tuple((key, field.text()) for key, field in self.parts.items()),
                kind=self.kind,
                level=self.level,
                leader_added=self.leader.isChecked(),
            )
        if not self.controller.do(operation):
            return False  # the text stays, so nothing typed is lost
        self.text.clear()
        for field in self.parts.values():
            field.clear()
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)
        self.leader.setChecked(False)
        return True


class CardPartsDialog(QDialog):
    """Edit the parts (why / what / how …) of a card already on the board."""

    def __init__(self, controller: BoardController, note_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.note_id = note_id
        note = controller.board.notes[note_id]
        self.setWindowTitle("Edit card")
        form = QFormLayout()
        heading = QLabel(note.text)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        form.addRow("Card:", heading)
        self.fields: dict[str, QLineEdit] = {}
        for part in controller.board.template.card_parts:
            field = QLineEdit(note.detail(part.key))
            field.setPlaceholderText(part.help)
            field.setAccessibleName(part.title)
            form.addRow(f"{part.title}:", field)
            self.fields[part.key] = field
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def save(self) -> bool:
        details = tuple((key, field.text()) for key, field in self.fields.items())
        if not self.controller.do(SetDetails(self.note_id, details)):
            return False  # the dialog stays open, so nothing typed is lost
        self.accept()
        return True
