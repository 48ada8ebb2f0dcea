"""Survey tallies: for each stage (before, midway, after) and statement, how many people chose
each answer. Counts only: nothing here can say who answered what.

Each count typed is saved at once as an undoable change (SetTally), like any board change.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crt_desktop.content.survey import STAGE_TITLES, Survey, result, survey
from crt_desktop.domain.session import SURVEY_STAGES, survey_key, tally
from crt_desktop.domain.session_operations import SetTally
from crt_desktop.qt_models.board_controller import BoardController
from crt_desktop.session import Changes

from .labels import plain_label

MAX_COUNT = 999
PRIVACY = (
    "Type how many people chose each answer. Only these counts are kept: "
    "nobody's own answers are stored, shown or printed."
)


class SurveyDialog(QDialog):
    """A grid of counts: statements down, answers across, for the chosen stage."""

    def __init__(
        self,
        controller: BoardController,
        chosen: Survey | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Survey tallies")
        self.controller = controller
        self.survey = chosen or survey()
        self.stage = QComboBox()
        self.stage.setAccessibleName("Survey stage")
        for stage in SURVEY_STAGES:
            self.stage.addItem(STAGE_TITLES[stage], stage)
        self.stage.currentIndexChanged.connect(lambda _i: self.refresh())

        grid = QGridLayout()
        grid.addWidget(plain_label("Statement"), 0, 0)
        for a, answer in enumerate(self.survey.answers, start=1):
            head = plain_label(f"{a} · {answer}")
            head.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(head, 0, a)
        grid.addWidget(plain_label("People"), 0, len(self.survey.answers) + 1)
        self.spins: dict[tuple[str, str], QSpinBox] = {}
        self.people: dict[str, QLabel] = {}
        for row, question in enumerate(self.survey.questions, start=1):
            grid.addWidget(plain_label(question.text), row, 0)
            for col, answer in enumerate(self.survey.answer_keys, start=1):
                spin = QSpinBox()
                spin.setRange(0, MAX_COUNT)
                spin.setAccessibleName(
                    f"{question.text}: how many chose {self.survey.answers[col - 1]}"
                )
                spin.valueChanged.connect(
                    lambda value, q=question.key, a=answer: self.set_count(q, a, value)
                )
                self.spins[(question.key, answer)] = spin
                grid.addWidget(spin, row, col)
            total = plain_label()
            self.people[question.key] = total
            grid.addWidget(total, row, len(self.survey.answers) + 1)
        grid.setColumnStretch(0, 1)

        top = QHBoxLayout()
        top.addWidget(QLabel("Stage:"))
        top.addWidget(self.stage)
        top.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(PRIVACY))
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addWidget(buttons)
        self.resize(980, 420)
        controller.changed.connect(self._on_changed)
        self.refresh()

    @property
    def current_stage(self) -> str:
        return str(self.stage.currentData())

    def set_stage(self, stage: str) -> None:
        self.stage.setCurrentIndex(SURVEY_STAGES.index(stage))

    def set_count(self, question: str, answer: str, count: int) -> None:
        key = survey_key(self.current_stage, question, answer)
        if tally(self.controller.board.session, key) != count:
            self.controller.do(SetTally(key, count))

    def refresh(self) -> None:
        session = self.controller.board.session
        stage = self.current_stage
        for (question, answer), spin in self.spins.items():
            with QSignalBlocker(spin):
                spin.setValue(tally(session, survey_key(stage, question, answer)))
        for question, label in self.people.items():
            found = result(session, stage, question, len(self.survey.answers))
            label.setText(str(found.people))

    def _on_changed(self, changes: Changes) -> None:
        if changes.session_fields:
            self.refresh()
