"""The console: the facilitator's window on the laptop, with every control for the board.

Every action has a key (see docs/user-guide.md); single-letter keys work whenever the note entry
is not being typed in (Esc or a click on the board leaves it, N comes back).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QItemSelection, QKeyCombination, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crt_desktop.content import Content
from crt_desktop.domain.board import Board
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
from crt_desktop.domain.patch import Patch
from crt_desktop.domain.store import SessionStore
from crt_desktop.qt_models.board_controller import BoardController
from crt_desktop.qt_models.column_model import ColumnModel
from crt_desktop.qt_models.countdown import Countdown
from crt_desktop.widgets.column_view import ColumnPanel, ColumnView
from crt_desktop.widgets.note_delegate import NoteDelegate
from crt_desktop.widgets.theme import CONSOLE, style_sheet

from .guide_panel import SectionTools
from .note_entry import NoteEntry
from .room_view import RoomView, choose_screen
from .timer import PRESETS, TimerControls

# Number keys send the selection to the template's columns in order: 0 the first (Unsorted).
COLUMN_KEYS = "0123456789"
BANNER_SECONDS = 12
_KEYPAD = Qt.KeyboardModifier.KeypadModifier
PLUS_KEYS = (
    QKeyCombination(Qt.Key.Key_Plus),
    QKeyCombination(Qt.KeyboardModifier.ShiftModifier, Qt.Key.Key_Plus),
    QKeyCombination(Qt.Key.Key_Equal),  # + without Shift on many keyboards
    QKeyCombination(_KEYPAD, Qt.Key.Key_Plus),
)
MINUS_KEYS = (QKeyCombination(Qt.Key.Key_Minus), QKeyCombination(_KEYPAD, Qt.Key.Key_Minus))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


class MessageBanner(QFrame):
    """A non-blocking line at the top of the board for things the facilitator should know."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("messageBanner")
        self.text = QLabel()
        self.text.setObjectName("messageText")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        close = QToolButton()
        close.setText("Dismiss")
        close.clicked.connect(self.hide)
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
        self._timer.start(BANNER_SECONDS * 1000)


class ConsoleWindow(QMainWindow):
    def __init__(
        self,
        controller: BoardController,
        room_view: RoomView | None = None,
        *,
        countdown: Countdown | None = None,
        export_summary: Callable[[], None] | None = None,
        content: Content | None = None,
    ) -> None:
        super().__init__()
        self.controller = controller
        self.countdown = countdown or (room_view.countdown if room_view else Countdown(self))
        self.room_view = room_view or RoomView(controller, self.countdown)
        self.export_summary = export_summary
        board = controller.board
        self.setWindowTitle(
            f"{board.session.team} — Section {board.session.section} — {board.template.title}"
        )
        self.setStyleSheet(style_sheet(CONSOLE))

        self.entry = NoteEntry(controller)
        self.timer = TimerControls(self.countdown)
        self.banner = MessageBanner()
        self.delegate = NoteDelegate(CONSOLE, console=True, parent=self)
        self.views: list[ColumnView] = []
        self.panels: list[ColumnPanel] = []
        columns = QHBoxLayout()
        columns.setSpacing(8)
        for column in board.template.columns:
            view = ColumnView(ColumnModel(controller, column.key), self.delegate)
            view.step_sideways.connect(lambda step, v=view: self._step_sideways(v, step))
            view.selectionModel().selectionChanged.connect(
                lambda selected, _deselected, v=view: self._selection_changed(v, selected)
            )
            view.selectionModel().currentChanged.connect(self._current_changed)
            panel = ColumnPanel(view)
            self.views.append(view)
            self.panels.append(panel)
            columns.addWidget(panel, 1)

        self.screening = QCheckBox("Screen new notes")
        self.screening.setToolTip("New notes stay hidden from the room until you reveal them")
        self.screening.setChecked(board.session.screening)
        self.screening.toggled.connect(self._screening_toggled)
        self.blank_button = QPushButton("Blank room view")
        self.blank_button.setCheckable(True)
        self.blank_button.setToolTip("Blank the projector at once (B or .), again to restore")
        self.blank_button.toggled.connect(self.room_view.set_blank)
        self.room_view.blank_changed.connect(self.blank_button.setChecked)

        room_row = QHBoxLayout()
        room_row.addWidget(self.timer)
        room_row.addStretch(1)
        room_row.addWidget(self.screening)
        room_row.addWidget(self.blank_button)

        central = QWidget()
        central.setObjectName("consoleBoard")
        layout = QVBoxLayout(central)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.entry)
        layout.addLayout(room_row)
        layout.addWidget(self.banner)
        layout.addLayout(columns, 1)
        self.setCentralWidget(central)

        self._build_menus()
        self.entry.left.connect(self.focus_board)
        controller.message.connect(self.show_message)
        controller.patched.connect(self._on_patched)
        self.room_view.full_screen_changed.connect(self._room_full_screen_changed)
        self._selecting = False
        # The section's guide, its menu and tools (dots, card parts, surveys, poster, plan).
        self.section_tools = SectionTools(
            self,
            controller,
            column_keys=COLUMN_KEYS,
            show_message=self.show_message,
            current_note=lambda: next(reversed(self.selected_ids()), None),
            content=content,
        )

    # --- menus and keys ----------------------------------------------------------------------

    def _action(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        keys: tuple[str | QKeySequence.StandardKey | QKeyCombination, ...] = (),
    ) -> QAction:
        action = QAction(text, self)
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        self.addAction(action)  # keys work even while the menu bar is hidden or closed
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        board_menu = bar.addMenu("&Board")
        self.export_action = self._action(
            board_menu, "Export leader summary…", self._export, ("Ctrl+E",)
        )
        self.export_action.setEnabled(self.export_summary is not None)
        board_menu.addSeparator()
        self._action(board_menu, "Reveal all notes to the room", self.reveal_all, ("Ctrl+Shift+H",))
        board_menu.addSeparator()
        self._action(board_menu, "Close", self.close, (QKeySequence.StandardKey.Close,))

        edit = bar.addMenu("&Edit")
        self.undo_action = self._action(edit, "Undo", self.controller.undo, ("Ctrl+Z",))
        self.redo_action = self._action(
            edit, "Redo", self.controller.redo, ("Ctrl+Y", "Ctrl+Shift+Z")
        )
        stack = self.controller.undo_stack
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        # Bound methods (not lambdas): Qt disconnects them when this window goes away.
        stack.undoTextChanged.connect(self._undo_text_changed)
        stack.redoTextChanged.connect(self._redo_text_changed)
        edit.addSeparator()
        self._action(edit, "New note", self.entry.focus, ("N",))
        self._action(edit, "Edit note", self.edit_current, ("F2",))
        self._action(edit, "Delete", self.delete_selected, ("Del", "Backspace"))
        edit.addSeparator()
        send = edit.addMenu("Send to column")
        for number, column in enumerate(self.controller.board.template.columns):
            if number < len(COLUMN_KEYS):
                self._action(
                    send,
                    column.title,
                    partial(self.send_to, column.key),
                    (COLUMN_KEYS[number],),
                )
        self._action(edit, "Add a vote", lambda: self.vote(1), PLUS_KEYS)
        self._action(edit, "Take a vote away", lambda: self.vote(-1), MINUS_KEYS)
        self._action(edit, "Stack the selected notes", self.stack_selected, ("Ctrl+G",))
        self._action(edit, "Unstack", self.unstack_selected, ("Ctrl+Shift+G",))
        self._action(edit, "Hide or reveal the selected notes", self.toggle_hidden, ("H",))

        room = bar.addMenu("Room &view")
        self._action(room, "Show the room view", self.show_room_view, ("Ctrl+R",))
        self._action(room, "Present full screen", self.present, ("F5",))
        self._action(room, "Blank or restore", self.room_view.toggle_blank, ("B", ".", "Ctrl+B"))
        self._action(room, "Larger text", lambda: self.room_view.step_text_size(1), ("Ctrl+=",))
        self._action(room, "Smaller text", lambda: self.room_view.step_text_size(-1), ("Ctrl+-",))
        self.screen_menu = room.addMenu("Show on screen")
        self.screen_menu.aboutToShow.connect(self._fill_screen_menu)

        timer = bar.addMenu("T&imer")
        for minutes in PRESETS:
            self._action(timer, f"{minutes} minutes", partial(self.countdown.start, minutes))
        self._action(timer, "Pause or resume", self.timer.toggle_pause, ("Ctrl+P",))
        self._action(timer, "Clear", self.countdown.reset)

        from .leadership_menu import LeadershipMenu  # loaded with the menus, not at import

        self.leadership = LeadershipMenu(self)

    def _undo_text_changed(self, text: str) -> None:
        self.undo_action.setText(f"Undo {text.lower()}" if text else "Undo")

    def _redo_text_changed(self, text: str) -> None:
        self.redo_action.setText(f"Redo {text.lower()}" if text else "Redo")

    def _fill_screen_menu(self) -> None:
        self.screen_menu.clear()
        group = QActionGroup(self.screen_menu)
        for number, screen in enumerate(QGuiApplication.screens(), start=1):
            size = screen.size()
            action = QAction(
                f"Screen {number}: {screen.name()} ({size.width()}×{size.height()})", group
            )
            action.setCheckable(True)
            action.setChecked(screen is self.room_view.screen())
            action.triggered.connect(lambda _c=False, n=number: self.show_on_screen(n))
            self.screen_menu.addAction(action)

    # --- selection ---------------------------------------------------------------------------

    def selected_ids(self) -> list[str]:
        return [i for view in self.views for i in view.selected_ids()]

    def active_view(self) -> ColumnView:
        for view in self.views:
            if view.hasFocus() or view.selected_ids():
                return view
        return self.views[0]

    def _selection_changed(self, view: ColumnView, selected: QItemSelection) -> None:
        # One column holds the selection at a time, so the keys act on what the eye sees.
        if self._selecting or selected.isEmpty():
            return
        self._selecting = True
        for other in self.views:
            if other is not view:
                other.clearSelection()
        self._selecting = False

    def _current_changed(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.room_view.show_note(ids[-1])

    def _step_sideways(self, view: ColumnView, step: int) -> None:
        index = self.views.index(view) + step
        if not 0 <= index < len(self.views):
            return
        target = self.views[index]
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        rows = target.model().rowCount()
        if rows:
            row = min(max(view.current_row(), 0), rows - 1)
            target.select_ids([target.column_model().note_ids()[row]])

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
            self.show_message("Select two or more notes to stack (Ctrl+click or Shift+arrows).")
        elif ids and self.controller.do(StackNotes(tuple(ids[1:]), onto=ids[0])):
            self.active_view().select_ids([ids[0]])

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

    def _export(self) -> None:
        if self.export_summary is not None:
            self.export_summary()

    def _screening_toggled(self, on: bool) -> None:
        if not self.controller.do(SetScreening(on)):
            self._show_screening(self.controller.board.session.screening)  # it did not change

    def _show_screening(self, on: bool) -> None:
        if self.screening.isChecked() != on:
            self.screening.blockSignals(True)
            self.screening.setChecked(on)
            self.screening.blockSignals(False)

    def _on_patched(self, patch: Patch, _inverse: Patch) -> None:
        if patch.session is not None:
            self._show_screening(patch.session.screening)

    # --- the room view -----------------------------------------------------------------------

    def show_room_view(self) -> None:
        self.room_view.show()
        self.room_view.raise_()

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
            self.room_view.show()
        else:
            self.room_view.present(screen)

    def _room_full_screen_changed(self, full: bool) -> None:
        # With one screen the room view covers the console; leaving it brings the console back.
        if not full and self.room_view.screen() is self.screen():
            self.raise_()
            self.activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.room_view.close()
        super().closeEvent(event)


def open_board_windows(
    board: Board,
    store: SessionStore,
    screen: int | None = None,
    present: bool = False,
    export_summary: Callable[[], None] | None = None,
    content: Content | None = None,
) -> tuple[ConsoleWindow, RoomView]:
    """Open the console and the room view for a saved board.

    With two or more screens the room view goes full screen on the second one (or on screen
    `screen`, numbered from 1); with one screen it stays closed until the facilitator presents,
    unless `present` is set. The windows are shown; keep a reference to them."""
    controller = BoardController(board, store)
    countdown = Countdown(controller)
    room = RoomView(controller, countdown, content=content)
    console = ConsoleWindow(
        controller, room, countdown=countdown, export_summary=export_summary, content=content
    )
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
    if target is not console_screen or present:
        room.present(target)
    else:
        room.move_to(target)
    return console, room
