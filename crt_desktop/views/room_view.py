"""The room view: what the projector shows. The board and the timer only, in large high-contrast
type; no controls, no screened notes, no author or time. It mirrors the board at once, because
its models listen to the same controller as the console's.

Keys (like a presentation remote): B or . blanks and restores, F5/F11 toggle full screen,
Esc leaves full screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QGuiApplication, QKeySequence, QResizeEvent, QScreen, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from crt_desktop.content import Content
from crt_desktop.domain.template import BoardMode
from crt_desktop.qt_models.board_controller import BoardController
from crt_desktop.qt_models.column_model import ColumnModel
from crt_desktop.qt_models.countdown import Countdown
from crt_desktop.widgets.column_view import ColumnPanel, ColumnView
from crt_desktop.widgets.note_delegate import NoteDelegate
from crt_desktop.widgets.theme import PROJECTOR, NoteTheme, style_sheet
from crt_desktop.widgets.timer_display import TimerDisplay

from .dots import DotsBoard
from .quitting import add_quit_key
from .room_band import RoomBand, section_prompts
from .room_note_overlay import NoteOverlay

if TYPE_CHECKING:
    from .room_report_back import ReportBackBoard

# Text sizes the facilitator can step through (the room view's text-size control).
TEXT_SCALES = (0.7, 0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0)


def choose_screen(
    screens: Sequence[QScreen], primary: QScreen | None, requested: int | None = None
) -> QScreen:
    """The screen for the room view: screen `requested` (numbered from 1) if given, else the
    first one that is not the primary (the projector) when there are two, else the only one."""
    if not screens:
        raise ValueError("There is no screen to show the room view on.")
    if requested is not None:
        if not 1 <= requested <= len(screens):
            count = len(screens)
            raise ValueError(
                f"There is no screen {requested}; this computer has {count} "
                f"screen{'s' if count != 1 else ''}."
            )
        return screens[requested - 1]
    for screen in screens:
        if screen is not primary:
            return screen
    return screens[0]


def screen_fit(width: int, height: int) -> float:
    """How much to scale type for a window size: 1 at 1920×1080, never below 0.75."""
    return max(0.75, min(1.5, min(width / 1920, height / 1080)))


def out_of_sight(view: ColumnView) -> tuple[int, int]:
    """How many notes of a column are out of sight above and below what its view shows whole
    (a card cut off at an edge is not painted in the room, so it counts as out of sight)."""
    rows = view.model().rowCount()
    if not rows:
        return 0, 0
    shown = view.whole_rows()
    if not shown:
        return 0, rows
    return shown.start, rows - shown.stop


def snap_to_card(view: ColumnView) -> None:
    """Scroll on to the next card's top when the first card in sight is cut off at the top,
    so the room reads each card from its first line (unless the column cannot scroll on)."""
    bar = view.verticalScrollBar()
    if not 0 < bar.value() < bar.maximum():
        return
    viewport = view.viewport().rect()
    index = view.indexAt(QPoint(viewport.center().x(), viewport.top() + 1))
    if not index.isValid():
        return
    rect = view.visualRect(index)
    if rect.top() < viewport.top():
        bar.setValue(min(bar.maximum(), bar.value() + rect.bottom() + 1 - viewport.top()))


class RoomView(QWidget):
    blank_changed = Signal(bool)
    full_screen_changed = Signal(bool)
    text_scale_changed = Signal(float)
    report_back_changed = Signal(bool)
    placed = Signal()  # shown, or moved to a screen
    # The report-back page is built the first time it is shown; the board shows until then.
    report_back: ReportBackBoard | None = None
    _content_page = 0  # the page blanking returns to: 0 the board, 2 the report-back

    def __init__(
        self,
        controller: BoardController,
        countdown: Countdown | None = None,
        *,
        theme: NoteTheme = PROJECTOR,
        parent: QWidget | None = None,
        content: Content | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("roomView")
        # The section's title, as the console, the session list and the PDFs name it.
        template_title = controller.board.template.title
        section_title = (
            template_title
            if content is None
            else content.title_of(controller.board.session.section, template_title)
        )
        self.setWindowTitle(f"Room view — {section_title}")
        self.setStyleSheet(style_sheet(theme))
        self.controller = controller
        self.theme = theme
        self.countdown = countdown or Countdown(self)
        self._text_scale = 1.0

        self.delegate = NoteDelegate(theme, console=False, parent=self)
        self.views: list[ColumnView] = []
        self.panels: list[ColumnPanel] = []
        # Under each column, how many notes are out of sight: nothing is cut off silently.
        self.more_labels: list[QLabel] = []
        self._overflow_timer = QTimer(self)
        self._overflow_timer.setSingleShot(True)
        self._overflow_timer.timeout.connect(self.update_overflow)
        columns = QHBoxLayout()
        columns.setSpacing(14)
        for column in controller.board.template.columns:
            template = controller.board.template
            # Anonymous stories: the room sees the entry column in a shuffled, steady order.
            shuffled = template.shuffle and column.key == template.entry_column
            model = ColumnModel(
                controller, column.key, include_hidden=False, editable=False, shuffled=shuffled
            )
            view = ColumnView(model, self.delegate, interactive=False)
            model.rowsInserted.connect(view.show_inserted)
            panel = ColumnPanel(view)
            more = QLabel()
            more.setObjectName("columnMore")
            more.setTextFormat(Qt.TextFormat.PlainText)
            more.setWordWrap(True)
            panel.box.addWidget(more)
            bar = view.verticalScrollBar()
            bar.rangeChanged.connect(self._schedule_overflow)
            bar.valueChanged.connect(self._schedule_overflow)
            model.rowsRemoved.connect(self._schedule_overflow)
            self.views.append(view)
            self.panels.append(panel)
            self.more_labels.append(more)
            columns.addWidget(panel, 1)
            if column.key == template.entry_column and template.mode is not BoardMode.DOTS:
                # Empty (all sorted, or not begun), it would take a share of the width for
                # nothing: it shows only while it holds notes.
                self._follow_emptiness(model, panel)

        self.title = QLabel(section_title)
        self.title.setObjectName("roomTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.timer = TimerDisplay(self.countdown, glow="#5B9BD5")
        self.timer.setObjectName("roomTimer")
        # Its room is kept while no timer runs, so starting one never moves the columns down.
        policy = self.timer.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.timer.setSizePolicy(policy)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.timer)

        board = QWidget()
        board.setObjectName("roomBoard")
        board_layout = QVBoxLayout(board)
        board_layout.setContentsMargins(18, 12, 18, 18)
        board_layout.addLayout(header)
        # The prompt on show and the board's reminder; on a dots board, the dots.
        self.band = RoomBand(controller, section_prompts(controller.board, content))
        board_layout.addWidget(self.band)
        self.dots: DotsBoard | None = None
        if controller.board.template.mode is BoardMode.DOTS:
            self.dots = DotsBoard(controller, interactive=False)
            board_layout.addWidget(self.dots)
            for panel in self.panels:  # the dots above name each column already
                panel.title.hide()
                panel.help.hide()
        board_layout.addLayout(columns, 1)
        # A selected note too long for its column, shown whole over the board.
        self.note_overlay = NoteOverlay(board, theme)
        controller.changed.connect(self._schedule_overflow)
        for view in self.views:
            view.column_model().rowsInserted.connect(self._note_added)
        blank = QWidget()
        blank.setObjectName("roomBlank")
        blank.setAccessibleName("The room view is blank")
        self.pages = QStackedWidget()
        self.pages.setObjectName("roomPages")
        self.pages.addWidget(board)
        self.pages.addWidget(blank)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)

        for keys, slot in (
            (("B", "."), self.toggle_blank),
            (("F5", "F11"), self.toggle_full_screen),
            (("Esc",), self.leave_full_screen),
        ):
            for key in keys:
                QShortcut(QKeySequence(key), self, slot)
        add_quit_key(self)
        self._apply_fonts()

    @staticmethod
    def _follow_emptiness(model: ColumnModel, panel: ColumnPanel) -> None:
        def update() -> None:
            panel.setVisible(model.rowCount() > 0)

        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset):
            signal.connect(update)
        update()

    # --- blanking ----------------------------------------------------------------------------

    @property
    def blanked(self) -> bool:
        return self.pages.currentIndex() == 1

    def set_blank(self, on: bool) -> None:
        if on != self.blanked:
            self.pages.setCurrentIndex(1 if on else self._content_page)
            self.blank_changed.emit(on)

    def toggle_blank(self) -> None:
        self.set_blank(not self.blanked)

    # --- report-back -------------------------------------------------------------------------

    @property
    def showing_report_back(self) -> bool:
        return self._content_page == 2

    def set_report_back(self, on: bool) -> None:
        """Show the leadership items grouped by where they stand instead of the board, or the
        board again. A blanked room view stays blank until restored."""
        if on == self.showing_report_back:
            return
        if on and self.report_back is None:
            from .room_report_back import ReportBackBoard

            self.report_back = ReportBackBoard(
                self.controller, self.theme, self.body_points, in_room=True
            )
            self.pages.addWidget(self.report_back)
            self.text_scale_changed.connect(self.report_back.apply_fonts)
        self._content_page = 2 if on else 0
        if not self.blanked:
            self.pages.setCurrentIndex(self._content_page)
        self.report_back_changed.emit(on)

    # --- full screen and screens -------------------------------------------------------------

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.leave_full_screen()
        else:
            self.present()

    def keep_focus_with(self, console: QWidget) -> None:
        """Showing or moving the room view onto another screen than `console`'s leaves the
        keyboard with the console: the room view never takes focus there (what the
        facilitator types must never land in a window nobody types into)."""
        self._console = console

    _console: QWidget | None = None

    def _apart(self) -> bool:
        console = self._console
        return console is not None and self.screen() is not console.screen()

    def _show_window(self, full: bool) -> None:
        # Only full screen on the console's own screen does the room view take the keyboard,
        # so its Esc comes back; anywhere else (the projector) it is shown without focus.
        takes_focus = not self._apart() and (full or self._console is None)
        flag = Qt.WindowType.WindowDoesNotAcceptFocus
        if bool(self.windowFlags() & flag) == takes_focus:
            self.setWindowFlag(flag, not takes_focus)  # hides the window until shown again
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, not takes_focus)
        if full and takes_focus:
            self.showFullScreen()
        elif full:  # showFullScreen() would also ask to activate the window
            self.setWindowState(self.windowState() | Qt.WindowState.WindowFullScreen)
            self.show()
        else:
            self.show()
        if self._console is not None and self._apart():
            self._console.activateWindow()  # a window manager may have moved it regardless
        self.placed.emit()

    def show_beside(self) -> None:
        """Show the room view where it is, leaving the keyboard with the console."""
        self._show_window(self.isFullScreen())
        self.raise_()

    def present(self, screen: QScreen | None = None) -> None:
        """Full screen on `screen` (or where the window is now)."""
        if screen is not None:
            self.move_to(screen)
        self._show_window(True)
        self.full_screen_changed.emit(True)

    def leave_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
            self.full_screen_changed.emit(False)

    def move_to(self, screen: QScreen) -> None:
        was_full = self.isFullScreen()
        if was_full:
            self.showNormal()
        self.setScreen(screen)
        area = screen.availableGeometry()
        self.setGeometry(area.adjusted(40, 40, -40, -40))
        if was_full:
            self._show_window(True)

    @staticmethod
    def screens() -> list[QScreen]:
        return list(QGuiApplication.screens())

    # --- text size ---------------------------------------------------------------------------

    @property
    def text_scale(self) -> float:
        return self._text_scale

    def set_text_scale(self, scale: float) -> None:
        scale = max(TEXT_SCALES[0], min(TEXT_SCALES[-1], scale))
        if scale != self._text_scale:
            self._text_scale = scale
            self._apply_fonts()
            self.text_scale_changed.emit(scale)

    def step_text_size(self, steps: int) -> None:
        """Larger (steps > 0) or smaller text, through TEXT_SCALES."""
        scale = self._text_scale
        for _ in range(abs(steps)):
            if steps > 0:
                scale = next((s for s in TEXT_SCALES if s > scale + 1e-6), scale)
            else:
                scale = next((s for s in reversed(TEXT_SCALES) if s < scale - 1e-6), scale)
        self.set_text_scale(scale)

    def body_points(self) -> float:
        """The note text size now shown: 24 pt at 1920×1080 and normal size, scaled from there."""
        return self.theme.body_pt * screen_fit(self.width(), self.height()) * self._text_scale

    def _apply_fonts(self) -> None:
        body = self.body_points()
        self.delegate.set_body_points(body)
        for panel in self.panels:
            panel.set_title_points(body * 1.15)
        more = [(label, 0.75) for label in self.more_labels]
        for label, factor in ((self.title, 1.0), (self.timer, 1.6), *more):
            font = QFont(label.font())
            font.setPointSizeF(body * factor)
            font.setBold(True)
            label.setFont(font)
        self.band.set_points(body)
        if self.dots is not None:
            self.dots.set_points(body)
        for view in self.views:
            view.relayout()
        self._schedule_overflow()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if abs(self.delegate.body_font.pointSizeF() - self.body_points()) > 0.05:
            self._apply_fonts()

    # --- notes out of sight ------------------------------------------------------------------

    def _schedule_overflow(self) -> None:
        self._overflow_timer.start(0)

    def update_overflow(self) -> None:
        for view, label in zip(self.views, self.more_labels, strict=True):
            snap_to_card(view)
            above, below = out_of_sight(view)
            parts = []
            if above:
                parts.append(f"{above} more above")
            if below:
                parts.append(f"{below} more below")
            label.setText(" · ".join(parts))
            label.setVisible(bool(parts))
        if self._long_note is not None:
            self._update_long_note()

    # --- following the console ---------------------------------------------------------------

    def show_note(self, note_id: str) -> None:
        """Scroll the note into view (the facilitator is pointing at it on the console); one
        too long for its column shows whole over the board."""
        self.note_overlay.put_away()
        self._long_note = note_id
        for view in self.views:
            row = view.column_model().row_of(note_id)
            if row >= 0:
                index: QModelIndex = view.model().index(row, 0)
                view.scrollTo(index)
        self._update_long_note()

    _long_note: str | None = None

    def _update_long_note(self) -> None:
        """Show the note last pointed at over the board while its card is taller than its
        column; put it away once it fits (larger screen, smaller text) or leaves the room."""
        overlay = self.note_overlay
        note_id = self._long_note
        in_room = False
        for view in self.views:
            model = view.column_model()
            row = model.row_of(note_id) if note_id is not None else -1
            if row < 0:
                continue
            in_room = True
            card = view.visualRect(model.index(row, 0))
            if view.isVisible() and card.height() > view.viewport().height():
                note, count = model.card(row)
                if note is not None:
                    overlay.show_note(note, count, self.body_points(), kind=model.shows_kind)
                    return
        overlay.put_away()
        if not in_room:  # deleted, hidden from the room: nothing to come back to
            self._long_note = None

    def _note_added(self) -> None:
        # The room's eyes go to the new note: the long one is put away.
        self._long_note = None
        self.note_overlay.put_away()
