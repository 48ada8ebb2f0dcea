"""The report-back board: the leadership items grouped by where they stand, in large type.

Shown to the room (projector theme) in a later session, and in the console's report-back
window (console theme). Each item shows its text, its kind in words and colour, the reason
and the latest progress update; nothing names who wrote or answered it. It follows the board
at once, because it listens to the same controller as everything else.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsOpacityEffect,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from crt_desktop.domain.dates import written_date
from crt_desktop.domain.note import Note
from crt_desktop.domain.report_back import (
    ABOUT,
    StatusGroup,
    group_by_status,
    group_heading,
    latest_update,
    leadership_items,
)
from crt_desktop.domain.vocabulary import ResponseStatus
from crt_desktop.qt_models.board_controller import BoardController
from crt_desktop.session import Changes
from crt_desktop.widgets.theme import NoteTheme

from .labels import plain_label

TITLE = "Where our leadership items stand"
# Type sizes relative to the body size: (role, factor, bold).
ROLES = {
    "rbTitle": (1.25, True),
    "groupTitle": (1.05, True),
    "groupAbout": (0.7, False),
    "rbKind": (0.6, True),
    "rbText": (1.0, False),
    "rbDetail": (0.75, False),
    "rbEmpty": (0.9, False),
    "rbMore": (0.75, True),
}
WIDE = 1500  # at least this wide (pixels): three groups side by side, else two


def _style(theme: NoteTheme) -> str:
    rules = [
        f"QWidget#reportBack, QWidget#rbGrid {{ background: {theme.background}; }}",
        "QScrollArea#rbScroll { background: transparent; border: none; }",
        f"QFrame#statusGroup {{ background: {theme.column_fill}; border-radius: 8px; }}",
        f"QLabel#rbTitle, QLabel#groupTitle, QLabel#rbEmpty {{ color: {theme.title}; }}",
        f"QLabel#groupAbout {{ color: {theme.help}; }}",
        "QLabel#rbMore { color: #FFD966; }",
        f"QLabel#rbText, QLabel#rbDetail {{ color: {theme.note_text}; }}",
    ]
    for kind, colours in theme.kinds.items():
        rules.append(
            f'QFrame#rbCard[kind="{kind.value}"] {{ background: {colours.fill}; '
            f"border-left: 8px solid {colours.edge}; border-radius: 4px; }}"
        )
        rules.append(f'QLabel#rbKind[kind="{kind.value}"] {{ color: {colours.ink}; }}')
    return "\n".join(rules)


def _label(text: str, role: str) -> QLabel:
    label = plain_label(text, name=role)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return label


def item_lines(note: Note) -> list[tuple[str, str]]:
    """What a card shows, as (role, text): kind and level, the note, reason, latest update."""
    kind = note.kind.label + (f" · {note.level.label}" if note.level else "")
    if note.carried_from is not None:
        kind += " · from an earlier session"
    lines = [("rbKind", kind), ("rbText", note.text)]
    response = note.response
    if response is not None and response.reason:
        lines.append(("rbDetail", f"Reason: {response.reason}"))
    if response is not None and response.status is ResponseStatus.UNLIKELY_TWO_YEARS:
        lines.append(
            (
                "rbDetail",
                "Change is not possible."
                if response.change_impossible
                else "To be looked at again later.",
            )
        )
    update = latest_update(note)
    if update is not None:
        lines.append(("rbDetail", f"Latest, {written_date(update.on)}: {update.text}"))
    return lines


class ReportBackBoard(QWidget):
    """The grouped leadership items of the controller's board; `points()` gives the body size."""

    def __init__(
        self,
        controller: BoardController,
        theme: NoteTheme,
        points: Callable[[], float],
        parent: QWidget | None = None,
        *,
        in_room: bool = False,
    ) -> None:
        super().__init__(parent)
        # In the room nobody scrolls: no scroll bar, only whole cards, and what does not fit
        # is counted at the foot ("3 more below"), as on the board.
        self.in_room = in_room
        self.setObjectName("reportBack")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(_style(theme))
        self.controller = controller
        self.points = points
        self._columns = 0
        self.groups: list[StatusGroup] = []
        self.title = _label(TITLE, "rbTitle")
        self.grid_host = QWidget()
        self.grid_host.setObjectName("rbGrid")
        self.grid = QGridLayout(self.grid_host)
        self.grid.setSpacing(14)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.scroller = QScrollArea()
        self.scroller.setObjectName("rbScroll")
        self.scroller.setWidgetResizable(True)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.setWidget(self.grid_host)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 18, 18)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.scroller, 1)
        self.more = _label("", "rbMore")
        self.more.hide()
        layout.addWidget(self.more)
        self._hidden_cards: list[QWidget] = []
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.timeout.connect(self.fit_to_view)
        if in_room:
            self.scroller.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.timeout.connect(self.rebuild)
        controller.changed.connect(self._on_changed)
        self.rebuild()

    def _on_changed(self, _changes: Changes) -> None:
        self._pending.start(0)  # many changes in one turn of the loop: one rebuild

    def _column_count(self) -> int:
        return 3 if self.width() >= WIDE else 2

    def rebuild(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(None)  # gone from texts() and layout now, freed later
                widget.deleteLater()
        self._hidden_cards = []  # those widgets are gone
        self.groups = group_by_status(leadership_items(self.controller.board))
        self._columns = self._column_count()
        if not self.groups:
            self.grid.addWidget(
                _label("There are no leadership items on this board yet.", "rbEmpty"), 0, 0
            )
        for i, group in enumerate(self.groups):
            row, col = divmod(i, self._columns)
            self.grid.addWidget(self._group_panel(group), row, col, Qt.AlignmentFlag.AlignTop)
        for col in range(max(self.grid.columnCount(), 3)):
            # Columns of an earlier, wider layout keep no share of the width.
            self.grid.setColumnStretch(col, 1 if col < self._columns else 0)
        self.apply_fonts()

    def _group_panel(self, group: StatusGroup) -> QFrame:
        panel = QFrame()
        panel.setObjectName("statusGroup")
        panel.setAccessibleName(f"{group_heading(group.status)}: {len(group.items)}")
        box = QVBoxLayout(panel)
        box.setContentsMargins(10, 10, 10, 10)
        box.setSpacing(6)
        box.addWidget(_label(f"{group_heading(group.status)} · {len(group.items)}", "groupTitle"))
        box.addWidget(_label(ABOUT[group.status], "groupAbout"))
        for note in group.items:
            box.addWidget(self._card(note))
        return panel

    def _card(self, note: Note) -> QFrame:
        card = QFrame()
        card.setObjectName("rbCard")
        card.setProperty("kind", note.kind.value)
        card.setAccessibleName(f"{note.text} ({note.kind.label})")
        box = QVBoxLayout(card)
        box.setContentsMargins(14, 8, 10, 8)
        box.setSpacing(3)
        for role, text in item_lines(note):
            label = _label(text, role)
            if role == "rbKind":
                label.setProperty("kind", note.kind.value)
            box.addWidget(label)
        return card

    def apply_fonts(self) -> None:
        body = self.points()
        for label in self.findChildren(QLabel):
            factor, bold = ROLES.get(label.objectName(), (1.0, False))
            font = QFont(label.font())
            font.setPointSizeF(max(8.0, body * factor))
            font.setBold(bold)
            label.setFont(font)
        if self.in_room:
            self._fit_timer.start(0)  # once the new sizes are laid out

    def fit_to_view(self) -> None:
        """In the room: hide what the screen cannot show whole (a group's heading, a card),
        keeping its place so nothing else moves, and count the cards hidden at the foot."""
        for widget in self._hidden_cards:
            effect = widget.graphicsEffect()
            if effect is not None:
                effect.setEnabled(False)
        self._hidden_cards = []
        bottom = self.scroller.viewport().height()
        hidden = 0
        for panel in self.grid_host.findChildren(QFrame, "statusGroup"):
            cards = panel.findChildren(QFrame, "rbCard")
            heading = [w for w in panel.findChildren(QLabel) if w.parentWidget() is panel]
            if any(self._bottom_of(label) > bottom for label in heading):
                self._hide(panel)  # no cards under a heading the room cannot read
                hidden += len(cards)
                continue
            for card in cards:
                if self._bottom_of(card) > bottom:
                    self._hide(card)
                    hidden += 1
        self.more.setText(f"{hidden} more below" if hidden else "")
        self.more.setVisible(bool(hidden))

    def _bottom_of(self, widget: QWidget) -> int:
        return widget.mapTo(self.grid_host, widget.rect().bottomLeft()).y()

    def _hide(self, widget: QWidget) -> None:
        # Transparent rather than hidden: its place is kept, so nothing else moves up into it.
        effect = widget.graphicsEffect()
        if effect is None:
            widget.setGraphicsEffect(QGraphicsOpacityEffect(widget, opacity=0.0))
        else:
            effect.setEnabled(True)
        self._hidden_cards.append(widget)

    def texts(self) -> list[str]:
        """Every text shown, in reading order (for tests and screen readers)."""
        return [label.text() for label in self.findChildren(QLabel) if label.text()]

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._column_count() != self._columns:
            self.rebuild()
        else:
            self.apply_fonts()
        if self.in_room:
            self._fit_timer.start(0)
