"""The facilitator's guide beside the board: the section's steps with suggested minutes, the
current step, the discussion prompts (one can be shown to the room) and the comprehensive
components checklist. Every change is an undoable, saved operation like any other.

`SectionTools` adds the guide and the section's other tools to a console. The room view's side
is `room_band.RoomBand`; the poster is `print_visual`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDockWidget,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from crt_desktop.content import Component, Section
from crt_desktop.domain.board import Board
from crt_desktop.domain.session_operations import SetComponent, SetStep, ShowPrompt
from crt_desktop.domain.template import BoardMode
from crt_desktop.qt_models.board_controller import BoardController
from crt_desktop.services import Services
from crt_desktop.session import Changes

from .action_registry import Act, Menu, Placed, Row, Separator
from .console_host import ConsoleHost
from .labels import plain_label

CURRENT = "\u25b6"  # ▶ marks the current step
SHOWN = "\u25cf"  # ● marks the prompt the room sees


class GuidePanel(QScrollArea):
    """Steps, prompts and checklist for one session's section."""

    # The facilitator asked for a tool the window provides (surveys, print visual).
    surveys_requested = Signal()
    print_requested = Signal()

    def __init__(
        self,
        controller: BoardController,
        section: Section,
        components: tuple[Component, ...] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("guidePanel")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.controller = controller
        self.section = section
        self.components = components or section.components
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(6, 6, 6, 6)

        heading = plain_label(f"Section {section.number} · {section.title}", name="guideHeading")
        font = QFont(heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)
        layout.addWidget(heading)

        steps_box = QGroupBox(f"Steps · about {section.minutes} minutes")
        steps_layout = QVBoxLayout(steps_box)
        self.steps = QListWidget()
        self.steps.setAccessibleName("Steps of the activity")
        self.steps.setWordWrap(True)
        self.steps.itemActivated.connect(lambda item: self.go_to_step(self.steps.row(item)))
        self.steps.itemClicked.connect(lambda item: self.go_to_step(self.steps.row(item)))
        self.guidance = plain_label(name="stepGuidance")
        self.previous = QPushButton("Previous step")
        self.next = QPushButton("Next step")
        self.previous.clicked.connect(lambda: self.go_to_step(self.step - 1))
        self.next.clicked.connect(lambda: self.go_to_step(self.step + 1))
        step_buttons = QHBoxLayout()
        step_buttons.addWidget(self.previous)
        step_buttons.addWidget(self.next)
        steps_layout.addWidget(self.steps)
        steps_layout.addLayout(step_buttons)
        steps_layout.addWidget(self.guidance)
        layout.addWidget(steps_box)

        prompts_box = QGroupBox("Discussion prompts")
        prompts_layout = QVBoxLayout(prompts_box)
        self.prompts = QListWidget()
        self.prompts.setAccessibleName("Discussion prompts")
        self.prompts.setWordWrap(True)
        for prompt in section.prompts:
            self.prompts.addItem(QListWidgetItem(prompt))
        self.prompts.currentRowChanged.connect(self._prompt_chosen)
        self.show_prompt = QPushButton("Show to room")
        self.show_prompt.setCheckable(True)
        self.show_prompt.setToolTip("Show the chosen prompt on the room view, or hide it")
        self.show_prompt.toggled.connect(self._show_toggled)
        prompts_layout.addWidget(self.prompts)
        prompts_layout.addWidget(self.show_prompt)
        layout.addWidget(prompts_box)

        checklist_box = QGroupBox("Comprehensive components")
        checklist_layout = QVBoxLayout(checklist_box)
        self.checks: dict[str, QCheckBox] = {}
        keys = tuple(c.key for c in self.components)
        for component in self.components:
            box = QCheckBox(component.title)
            box.setToolTip(component.help)
            box.setAccessibleDescription(component.help)
            box.toggled.connect(
                lambda on, key=component.key: controller.do(SetComponent(key, on, keys))
            )
            self.checks[component.key] = box
            checklist_layout.addWidget(box)
        tools = QHBoxLayout()
        self.print_button = QPushButton("Print visual…")
        self.print_button.clicked.connect(self.print_requested)
        self.surveys_button = QPushButton("Surveys…")
        self.surveys_button.clicked.connect(self.surveys_requested)
        tools.addWidget(self.print_button)
        tools.addWidget(self.surveys_button)
        checklist_layout.addLayout(tools)
        layout.addWidget(checklist_box)
        layout.addStretch(1)
        self.setWidget(inner)

        controller.changed.connect(self._on_changed)
        self.refresh()

    # --- reading the session -----------------------------------------------------------------

    @property
    def step(self) -> int:
        return min(self.controller.board.session.step, max(0, len(self.section.steps) - 1))

    def refresh(self) -> None:
        """Show the session as it is: current step, prompt on show, ticked components."""
        session = self.controller.board.session
        with QSignalBlocker(self.steps):
            self.steps.clear()
            for i, step in enumerate(self.section.steps):
                mark = f"{CURRENT} " if i == self.step else ""
                item = QListWidgetItem(f"{mark}{i + 1}. {step.title} · {step.minutes} min")
                if i == self.step:
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                self.steps.addItem(item)
            self.steps.setCurrentRow(self.step)
        if self.section.steps:
            self.guidance.setText(self.section.steps[self.step].guidance)
        self.previous.setEnabled(self.step > 0)
        self.next.setEnabled(self.step < len(self.section.steps) - 1)

        shown = session.prompt
        with QSignalBlocker(self.prompts):
            for i in range(self.prompts.count()):
                item = self.prompts.item(i)
                text = self.section.prompts[i]
                item.setText(f"{SHOWN} {text}" if i == shown else text)
            if shown is not None and 0 <= shown < self.prompts.count():
                self.prompts.setCurrentRow(shown)
        with QSignalBlocker(self.show_prompt):
            self.show_prompt.setChecked(shown is not None)
            self.show_prompt.setText("Hide from room" if shown is not None else "Show to room")

        for key, box in self.checks.items():
            with QSignalBlocker(box):
                box.setChecked(key in session.components)

    def _on_changed(self, changes: Changes) -> None:
        if changes.session_fields:
            self.refresh()

    # --- actions -----------------------------------------------------------------------------

    def go_to_step(self, index: int) -> None:
        count = len(self.section.steps)
        if 0 <= index < count:
            self.controller.do(SetStep(index, count))
        else:
            self.refresh()

    def show_to_room(self, index: int | None) -> None:
        """Show prompt `index` to the room (None hides the prompt)."""
        self.controller.do(ShowPrompt(index, len(self.section.prompts)))
        self.refresh()

    def _show_toggled(self, on: bool) -> None:
        row = self.prompts.currentRow()
        self.show_to_room(max(row, 0) if on else None)

    def _prompt_chosen(self, row: int) -> None:
        # While a prompt is on show, choosing another shows that one instead.
        if self.controller.board.session.prompt is not None and row >= 0:
            self.show_to_room(row)


def _keep_top_message(board: Board) -> str:
    """What to tell the facilitator when a ranked column holds more cards than it keeps."""
    template = board.template
    if not template.keep_top or not template.result_column:
        return ""
    shown = [c for c in board.cards(template.result_column) if not c.hidden]
    if len(shown) <= template.keep_top:
        return ""
    title = template.column(template.result_column).title.lower()
    keep = template.keep_top
    extra = len(shown) - keep
    if extra == 1:
        more = f"1 more is marked “Past the top {keep}”. Move one out, or stack it with one "
        more += "that says the same."
    else:
        more = f"{extra} more are marked “Past the top {keep}”. Move some out, or stack those "
        more += "that say the same."
    return f"Only the top {keep} {title} go on the poster; {more}"


class SectionTools:
    """Adds the section's tools to a console: the guide panel as a dock, a Section menu (steps,
    prompt, surveys, print visual, team plan), the dots board and card-part editing where the
    board uses them, and a message when a ranked column holds more than it keeps."""

    def __init__(
        self,
        host: ConsoleHost,
        controller: BoardController,
        services: Services,
        *,
        section: Section | None = None,
        components: tuple[Component, ...] = (),
        column_keys: str = "",
        current_note: Callable[[], str | None] | None = None,
    ) -> None:
        from .dots import DotsBoard

        self.services = services
        self.content = services.content
        if section is None:
            try:
                section = self.content.section(controller.board.session.section)
            except KeyError:
                section = None  # a section the content does not know: no guide
        components = components or self.content.components
        self.host = host
        self.controller = controller
        self.show_message = host.show_message
        self.current_note = current_note or (lambda: None)
        template = controller.board.template
        self.guide: GuidePanel | None = None
        self.dock: QDockWidget | None = None
        # Alt+C: Alt+S chooses the System level while typing a note.
        rows: list[Row] = [Menu("section", "Se&ction")]
        if section is not None:
            self.guide = GuidePanel(controller, section, components)
            self.guide.print_requested.connect(self.print_visual)
            self.guide.surveys_requested.connect(self.open_surveys)
            self.dock = QDockWidget("Guide")
            self.dock.setObjectName("guideDock")
            self.dock.setWidget(self.guide)
            self.dock.setFeatures(
                QDockWidget.DockWidgetFeature.DockWidgetClosable
                | QDockWidget.DockWidgetFeature.DockWidgetMovable
            )
            self.dock.setMinimumWidth(300)
            host.add_dock(self.dock)
            toggle = self.dock.toggleViewAction()
            toggle.setText("Show the guide")
            guide = self.guide
            rows += [
                Placed("guide", toggle, "section", ("F9",)),
                Act("step-next", "Next step", lambda: guide.go_to_step(guide.step + 1),
                    "section", ("Ctrl+]",)),
                Act("step-previous", "Previous step", lambda: guide.go_to_step(guide.step - 1),
                    "section", ("Ctrl+[",)),
                Act("prompt", "Show or hide the prompt", guide.show_prompt.toggle, "section",
                    ("Ctrl+Shift+P",)),
            ]  # fmt: skip
        rows.append(Separator("section"))

        self.dots: DotsBoard | None = None
        digits = tuple(column_keys[: len(template.columns)])
        if template.mode is BoardMode.DOTS:
            keys = tuple(f"Ctrl+{d}" for d in digits)
            self.dots = DotsBoard(controller, keys=keys)
            host.add_strip_above_columns(self.dots)
            self.dots.set_points(11)
            host.show_column_titles(False)  # the dots above name each column
            for digit, column in zip(digits, self.dots.columns, strict=False):
                title = template.column(column.column).title
                rows += [
                    Act(f"dot-add-{column.column}", f"Add a dot: {title}",
                        partial(column.add, 1), "section", (f"Ctrl+{digit}",)),
                    Act(f"dot-take-{column.column}", f"Take a dot away: {title}",
                        partial(column.add, -1), "section", (f"Alt+{digit}",)),
                ]  # fmt: skip
            rows.append(Separator("section"))
        if template.card_parts:
            names = " / ".join(p.title.lower() for p in template.card_parts)
            rows.append(
                Act("card-parts", f"Edit {names}…", self.edit_card_parts, "section",
                    ("Ctrl+Shift+E",))
            )  # fmt: skip
        has_plans = services.plans is not None
        rows += [
            Act("surveys", "Survey tallies…", self.open_surveys, "section"),
            Act("print-visual", "Print visual…", self.print_visual, "section"),
            Act("team-plan", "Team plan…", self.open_team_plan, "section",
                enabled_when=lambda: has_plans),
        ]  # fmt: skip
        host.registry.register(rows)
        self.plan_action = host.registry.action("team-plan")
        self._over_limit = bool(_keep_top_message(controller.board))
        controller.changed.connect(self._on_changed)

    def _on_changed(self, _changes: Changes) -> None:
        message = _keep_top_message(self.controller.board)
        if message and not self._over_limit:
            self.show_message(message)
        self._over_limit = bool(message)

    def open_surveys(self) -> QDialog:
        from .surveys import SurveyDialog

        dialog = SurveyDialog(self.controller, parent=self.host.dialog_parent())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_team_plan(self) -> QDialog | None:
        from .team_plan import TeamPlanDialog

        plans = self.services.plans
        if plans is None:
            return None
        titles = {s.number: s.title for s in self.content.sections}
        team = self.controller.board.session.team
        dialog = TeamPlanDialog(plans, self.services.store, titles, team, self.host.dialog_parent())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def print_visual(self) -> Path | None:
        from .print_visual import print_visual  # loaded when first used, not at start-up

        path = print_visual(self.host.dialog_parent(), self.controller.board, self.services)
        if path is not None:
            self.show_message(f"The poster was saved as {path}.")
        return path

    def edit_card_parts(self) -> QDialog | None:
        from .note_entry import CardPartsDialog

        note_id = self.current_note()
        if note_id is None:
            self.show_message("Select a card first: click it, or use the arrow keys.")
            return None
        dialog = CardPartsDialog(self.controller, note_id, self.host.dialog_parent())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
