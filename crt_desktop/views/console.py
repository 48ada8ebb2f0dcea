"""The console: the facilitator's window on the laptop, with every control for the board.

Every action has a key (see docs/user-guide.md); single-letter keys work whenever the note entry
is not being typed in (Esc or a click on the board leaves it, N comes back).
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crt_desktop.content import Content
from crt_desktop.domain.board import Board
from crt_desktop.domain.dates import written_date
from crt_desktop.domain.operations import (
    DeleteNotes,
    MoveNotes,
    RevealAll,
    SetHidden,
    SetScreening,
    StackNotes,
    Unstack,
    Vote,
)
from crt_desktop.qt_models.board_controller import BoardController
from crt_desktop.qt_models.column_model import ColumnModel
from crt_desktop.qt_models.countdown import Countdown
from crt_desktop.qt_models.history_actions import HistoryAction
from crt_desktop.services import Services
from crt_desktop.session import Changes
from crt_desktop.widgets.board_selection import BoardSelection
from crt_desktop.widgets.column_view import ColumnPanel, ColumnView
from crt_desktop.widgets.note_delegate import NoteDelegate
from crt_desktop.widgets.theme import CONSOLE, style_sheet
from crt_desktop.widgets.wrap_row import WrapRow

from .action_registry import ActionRegistry
from .console_menus import COLUMN_KEYS, console_rows, fill_screen_menu
from .first_paint import AfterFirstPaint
from .foot_overlays import FootOverlays
from .guide_panel import SectionTools
from .leadership_menu import LeadershipMenu
from .message_banner import BANNER_SECONDS, MessageBanner
from .note_entry import NoteEntry
from .projector_follower import follow_projector
from .room_view import RoomView, choose_screen
from .timer import TimerControls

BLANK_NOTICE = "The room view is blank — press B to show it"
# The room view's blank button says what the room sees.
BLANK_LABELS = {False: "Blank room view", True: "Room view is blank"}
# Screens narrower than this open the console with the guide hidden, so the board fits.
GUIDE_SHOWN_FROM = 1280


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def window_title(board: Board, content: Content) -> str:
    """e.g. "Outpatient nursing — Section 4: <the section's title> — 20 November 2026 —
    session 12": the team, the section as the rest of the app names it, the day (a team meets
    many times) and the session's number, as in the session list (one file imported twice)."""
    session = board.session
    try:
        section = f"Section {session.section}: {content.section(session.section).title}"
    except KeyError:
        section = f"Section {session.section}"
    number = f" — session {session.id}" if session.id is not None else ""
    return f"{session.team} — {section} — {written_date(session.held_on)}{number}"


class ConsoleWindow(QMainWindow):
    """The facilitator's window. Tools plug in through its ConsoleHost surface (registry,
    add_dock, add_strip_above_columns, show_column_titles, show_message, dialog_parent)."""

    def __init__(
        self,
        controller: BoardController,
        room_view: RoomView | None = None,
        *,
        services: Services,
        countdown: Countdown | None = None,
    ) -> None:
        super().__init__()
        self.controller = controller
        self.services = services
        self.countdown = countdown or (room_view.countdown if room_view else Countdown(self))
        self.room_view = room_view or RoomView(controller, self.countdown, content=services.content)
        self.room_view.keep_focus_with(self)
        board = controller.board
        self.setWindowTitle(window_title(board, services.content))
        self.setStyleSheet(style_sheet(CONSOLE))

        self.entry = NoteEntry(controller)
        self.timer = TimerControls(self.countdown)
        self.delegate = NoteDelegate(CONSOLE, console=True, parent=self)
        self.views: list[ColumnView] = []
        self.panels: list[ColumnPanel] = []
        columns = QHBoxLayout()
        columns.setSpacing(8)
        for column in board.template.columns:
            view = ColumnView(ColumnModel(controller, column.key), self.delegate)
            panel = ColumnPanel(view)
            self.views.append(view)
            self.panels.append(panel)
            columns.addWidget(panel, 1)
        self.selection = BoardSelection(self.views, self)
        self.selection.current_note_changed.connect(self.room_view.show_note)

        self.screening = QCheckBox("Screen new notes")
        self.screening.setToolTip("New notes stay hidden from the room until you reveal them")
        self.screening.setChecked(board.session.screening)
        self.screening.toggled.connect(self._screening_toggled)
        self.blank_button = QPushButton(BLANK_LABELS[False])
        self.blank_button.setObjectName("blankButton")  # red while the room is blank
        self.blank_button.setCheckable(True)
        self.blank_button.setAutoDefault(False)
        self.blank_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.blank_button.setToolTip("Blank the projector at once (B or .), again to restore")
        self.blank_button.toggled.connect(self.room_view.set_blank)
        self.room_view.blank_changed.connect(self._blank_changed)

        room_controls = QWidget()
        room_layout = QHBoxLayout(room_controls)
        room_layout.setContentsMargins(0, 0, 0, 0)
        room_layout.addStretch(1)
        room_layout.addWidget(self.screening)
        room_layout.addWidget(self.blank_button)
        # On a narrow screen the room's controls go under the timer.
        room_row = WrapRow([(self.timer, 0), (room_controls, 1)])

        central = QWidget()
        central.setObjectName("consoleBoard")
        layout = QVBoxLayout(central)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.entry)
        layout.addWidget(room_row)
        layout.addLayout(columns, 1)
        self._board_layout = layout
        self.setCentralWidget(central)
        # Floating over the foot of the board: showing them never moves the board.
        self.blank_notice = QLabel(BLANK_NOTICE, central)
        self.blank_notice.setObjectName("blankNotice")
        self.blank_notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.blank_notice.hide()
        self.banner = MessageBanner(central)
        self.banner.dismissed.connect(self.statusBar().clearMessage)
        self._overlays = FootOverlays(
            central,
            lambda: self.panels[0].geometry().bottom() - 6,
            [self.banner, self.blank_notice],
        )
        self.entry.setFocus(Qt.FocusReason.OtherFocusReason)  # typing starts at once

        self._registry = ActionRegistry(self)
        self.undo_action = HistoryAction(controller, redo=False, parent=self)
        self.redo_action = HistoryAction(controller, redo=True, parent=self)
        self._registry.register(
            console_rows(self, board.template.columns, self.undo_action, self.redo_action)
        )
        controller.history_changed.connect(self._registry.refresh)
        self.screen_menu = self._registry.menu("room/screens")
        self.screen_menu.aboutToShow.connect(self.fill_screen_menu)
        self.leadership = LeadershipMenu(self, controller, self.room_view, services)
        self.entry.left.connect(self.focus_board)
        controller.message.connect(self.show_message)
        controller.changed.connect(self._on_changed)
        self.room_view.full_screen_changed.connect(self._room_full_screen_changed)
        # The section's guide, its menu and tools (dots, card parts, surveys, poster, plan).
        self.section_tools = SectionTools(
            self,
            controller,
            services,
            column_keys=COLUMN_KEYS,
            current_note=lambda: next(reversed(self.selected_ids()), None),
        )
        self._fit_small_screen()
        self.projector = follow_projector(self, self.room_view, self.show_message)

    # --- what the tools plugged into the console use (ConsoleHost) --------------------------

    @property
    def registry(self) -> ActionRegistry:
        return self._registry

    def add_dock(self, dock: QDockWidget) -> None:
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)

    def add_strip_above_columns(self, strip: QWidget) -> None:
        self._board_layout.insertWidget(self._board_layout.count() - 1, strip)

    def show_column_titles(self, shown: bool) -> None:
        for panel in self.panels:
            panel.title.setVisible(shown)
            panel.help.setVisible(shown)

    def dialog_parent(self) -> QWidget:
        return self

    # --- menus and keys ----------------------------------------------------------------------

    def fill_screen_menu(self) -> None:
        fill_screen_menu(self.screen_menu, self.room_view, self.show_on_screen)

    def export_leader_summary(self) -> None:
        from .export_dialog import export_leader_summary  # loaded when first used

        export_leader_summary(self, self.controller.board, self.services)

    def new_note(self) -> None:
        self.entry.focus()

    # --- selection ---------------------------------------------------------------------------

    def selected_ids(self) -> list[str]:
        return self.selection.ids()

    def active_view(self) -> ColumnView:
        return self.selection.active_view()

    def focus_board(self) -> None:
        """Leave the note entry for the board, on the last note of the entry column."""
        view = self.views[0]
        for candidate in self.views:
            if candidate.column_model().column == self.controller.board.template.entry_column:
                view = candidate
        view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not view.selected_ids() and view.column_model().note_ids():
            view.select_ids(view.column_model().note_ids()[-1:])

    def _require_selection(self) -> list[str]:
        ids = self.selected_ids()
        if not ids:
            self.show_message("Select a note first: click it, or use the arrow keys.")
        return ids

    # --- actions -----------------------------------------------------------------------------

    def send_to(self, column: str) -> None:
        ids = self._require_selection()
        if not ids:
            return
        view = self.active_view()
        row = view.current_row()
        if self.controller.do(MoveNotes(tuple(ids), column)):
            # Keep the eye where it was: the next note up for sorting takes the place.
            remaining = view.column_model().note_ids()
            if view.column_model().column != column and remaining:
                view.select_ids([remaining[min(max(row, 0), len(remaining) - 1)]])
            else:
                view.select_ids(ids)

    def vote(self, delta: int) -> None:
        ids = self._require_selection()
        if ids:
            self.controller.do(Vote(tuple(ids), delta))

    def stack_selected(self) -> None:
        ids = self._require_selection()
        if len(ids) == 1:
            self.show_message(
                "Select two or more notes to stack: Ctrl+click adds a note, in any column."
            )
            return
        if not ids:
            return
        # Under the note picked first: the one the group is keeping.
        onto = self.selection.first_picked(ids)
        others = tuple(i for i in ids if i != onto)
        if self.controller.do(StackNotes(others, onto=onto)):
            for view in self.views:
                if view.column_model().row_of(onto) >= 0:
                    view.select_ids([onto])
                    view.setFocus(Qt.FocusReason.OtherFocusReason)

    def unstack_selected(self) -> None:
        ids = self._require_selection()
        if ids:
            self.controller.do(Unstack(tuple(ids)))

    def toggle_hidden(self) -> None:
        ids = self._require_selection()
        if ids:
            notes = self.controller.board.notes
            hide = not all(notes[i].hidden for i in ids)
            self.controller.do(SetHidden(tuple(ids), hide))

    def reveal_all(self) -> None:
        self.controller.do(RevealAll())

    def delete_selected(self) -> None:
        ids = self._require_selection()
        if not ids:
            return
        gone = len(ids) + sum(len(self.controller.board.stacked_under(i)) for i in ids)
        view = self.active_view()
        row = view.current_row()
        if self.controller.do(DeleteNotes(tuple(ids))):
            self.statusBar().showMessage(f"Deleted {_plural(gone, 'note')}. Ctrl+Z brings back.")
            remaining = view.column_model().note_ids()
            if remaining:
                view.select_ids([remaining[min(max(row, 0), len(remaining) - 1)]])

    def edit_current(self) -> None:
        view = self.active_view()
        index = view.currentIndex()
        if index.isValid():
            view.edit(index)

    def show_message(self, text: str) -> None:
        self.banner.show_message(text)
        self.statusBar().showMessage(text, BANNER_SECONDS * 1000)
        self._overlays.place()

    def _blank_changed(self, on: bool) -> None:
        self.blank_button.setChecked(on)
        self.blank_button.setText(BLANK_LABELS[on])
        self.blank_notice.setVisible(on)
        self._overlays.place()

    def _screening_toggled(self, on: bool) -> None:
        if not self.controller.do(SetScreening(on)):
            self._show_screening(self.controller.board.session.screening)  # it did not change

    def _show_screening(self, on: bool) -> None:
        if self.screening.isChecked() != on:
            with QSignalBlocker(self.screening):
                self.screening.setChecked(on)

    def _on_changed(self, changes: Changes) -> None:
        if "screening" in changes.session_fields:
            self._show_screening(self.controller.board.session.screening)

    # --- the room view -----------------------------------------------------------------------

    def show_room_view(self) -> None:
        self.room_view.show_beside()

    def present(self) -> None:
        self.room_view.present()

    def show_on_screen(self, number: int) -> None:
        try:
            screen = choose_screen(QGuiApplication.screens(), self.screen(), number)
        except ValueError as exc:
            self.show_message(str(exc))
            return
        if screen is self.screen():
            self.room_view.move_to(screen)
            self.room_view.show_beside()
        else:
            self.room_view.present(screen)

    def _room_full_screen_changed(self, full: bool) -> None:
        # With one screen the room view covers the console; leaving it brings the console back.
        if not full and self.room_view.screen() is self.screen():
            self.raise_()
            self.activateWindow()

    def _fit_small_screen(self) -> None:
        """Below a wide screen the guide starts hidden (F9 shows it), so the board fits."""
        dock = self.section_tools.dock
        screen = self.screen()
        if (
            dock is not None
            and screen is not None
            and screen.availableGeometry().width() < (GUIDE_SHOWN_FROM)
        ):
            dock.hide()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.room_view.close()
        super().closeEvent(event)


def open_board_windows(
    board: Board,
    services: Services,
    screen: int | None = None,
    present: bool = False,
    *,
    room_after_console: bool = False,
) -> tuple[ConsoleWindow, RoomView]:
    """Open the console and the room view for a saved board.

    With two or more screens the room view goes full screen on the second one (or on screen
    `screen`, numbered from 1); with one screen it stays closed until the facilitator presents,
    unless `present` is set. The windows are shown; keep a reference to them. With
    `room_after_console` the room view is placed and shown once the console has painted (at
    start-up: the facilitator's window comes first, the projector a frame later)."""
    controller = BoardController(board, services.store)
    countdown = Countdown(controller)
    room = RoomView(controller, countdown, content=services.content)
    console = ConsoleWindow(controller, room, services=services, countdown=countdown)
    screens = QGuiApplication.screens()
    primary = QGuiApplication.primaryScreen()
    try:
        target = choose_screen(screens, primary, screen)
    except ValueError as exc:
        console.show_message(str(exc))
        target = choose_screen(screens, primary)
    console_screen = primary or target
    console.setScreen(console_screen)
    console.setGeometry(console_screen.availableGeometry())
    console.show()

    def place_room() -> None:
        if target is not console_screen or present:
            room.present(target)
        else:
            room.move_to(target)

    if room_after_console:
        AfterFirstPaint(console, place_room)
    else:
        place_room()
    return console, room
