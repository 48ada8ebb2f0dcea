"""Recording leaders' responses: the leadership items on the left, the chosen item's status,
reason and dated progress updates on the right. Each change is one undoable, saved operation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crt_desktop.domain.dates import written_date
from crt_desktop.domain.note import Note, Response
from crt_desktop.domain.operations import SetResponse
from crt_desktop.domain.report_back import (
    leadership_items,
    make_response,
    status_of,
    with_update,
    without_update,
)
from crt_desktop.domain.validation import ValidationError
from crt_desktop.domain.vocabulary import ResponseStatus
from crt_desktop.qt_models.board_controller import BoardController
from crt_desktop.session import Changes

from .labels import plain_label

HINT = (
    "“Unlikely to change within two years” moves the item to Cannot control. It will be "
    "looked at again later, unless you tick that change is not possible."
)


def _item_text(note: Note) -> str:
    return f"{note.text}\n— {status_of(note).label}"


def _answer(response: Response) -> tuple[ResponseStatus, str, bool]:
    """The part of a response the editor's status, reason and tick show."""
    return response.status, response.reason, response.change_impossible


class ResponsesPanel(QWidget):
    """The leadership items on the left; the chosen item's response and updates on the right."""

    def __init__(self, controller: BoardController) -> None:
        super().__init__()
        self.controller = controller
        self.items = QListWidget()
        self.items.setAccessibleName("Leadership items")
        self.items.setSpacing(4)
        self.items.setWordWrap(True)
        self.items.currentItemChanged.connect(lambda *_: self.load())
        self.note_text = plain_label()
        font = self.note_text.font()
        font.setBold(True)
        self.note_text.setFont(font)
        self.status = QComboBox()
        self.status.setAccessibleName("Response status")
        for status in ResponseStatus:
            self.status.addItem(status.label, status.value)
        self.status.currentIndexChanged.connect(self._status_changed)
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName("Reason")
        self.reason.setPlaceholderText("A short reason, in the leader's words")
        self.reason.setMaximumHeight(90)
        self.impossible = QCheckBox("Change is not possible")
        self.save = QPushButton("Save response")
        self.save.clicked.connect(self.save_response)
        self.updates = QListWidget()
        self.updates.setAccessibleName("Progress updates")
        self.updates.setWordWrap(True)
        self.update_day = QDateEdit(QDate.currentDate())
        self.update_day.setCalendarPopup(True)
        self.update_day.setDisplayFormat("d MMMM yyyy")
        self.update_day.setAccessibleName("Day of the update")
        self.update_text = QLineEdit()
        self.update_text.setAccessibleName("Progress update")
        self.update_text.setPlaceholderText("What has happened since")
        self.update_text.returnPressed.connect(self.add_update)
        add = QPushButton("Add update")
        add.clicked.connect(self.add_update)
        remove = QPushButton("Remove update")
        remove.clicked.connect(self.remove_update)
        self.problem = plain_label()
        self.problem.setStyleSheet("color: #9B1C1C;")

        form = QVBoxLayout()
        form.addWidget(self.note_text)
        form.addWidget(plain_label("Status"))
        form.addWidget(self.status)
        form.addWidget(plain_label("Reason"))
        form.addWidget(self.reason)
        form.addWidget(self.impossible)
        hint = plain_label(HINT)
        hint.setStyleSheet("color: #4A4A4A;")
        form.addWidget(hint)
        form.addWidget(self.save, 0, Qt.AlignmentFlag.AlignLeft)
        form.addSpacing(10)
        form.addWidget(plain_label("Progress updates"))
        form.addWidget(self.updates, 1)
        row = QHBoxLayout()
        row.addWidget(self.update_day)
        row.addWidget(self.update_text, 1)
        row.addWidget(add)
        form.addLayout(row)
        form.addWidget(remove, 0, Qt.AlignmentFlag.AlignLeft)
        form.addWidget(self.problem)
        self.editor = QWidget()
        self.editor.setLayout(form)
        layout = QHBoxLayout(self)
        layout.addWidget(self.items, 2)
        layout.addWidget(self.editor, 3)
        # The list's order, kept while the window is open: an answer that moves an item to
        # Cannot control must not move it in the list, or the next click lands on another item.
        self._order: list[str] = []
        # The chosen item and its response as the editor last showed them.
        self._shown_id: str | None = None
        self._shown = Response()
        controller.changed.connect(self._on_changed)
        self.refresh()

    # --- the list ------------------------------------------------------------------------

    def current_id(self) -> str | None:
        item = self.items.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def current_note(self) -> Note | None:
        note_id = self.current_id()
        return None if note_id is None else self.controller.board.notes.get(note_id)

    def reset_order(self) -> None:
        """List the items in board order again (the window is opened anew)."""
        self._order = []
        self.refresh()

    def _in_order(self) -> list[Note]:
        """The leadership items: those listed before keep their places, new ones come last."""
        notes = {n.id: n for n in leadership_items(self.controller.board, include_hidden=True)}
        kept = [i for i in self._order if i in notes]
        known = set(kept)
        self._order = kept + [i for i in notes if i not in known]
        return [notes[i] for i in self._order]

    def refresh(self) -> None:
        """Bring the list up to date; the editor is reloaded only where the chosen item's
        response changed, so a reason being typed survives other changes to the board."""
        chosen = self.current_id()
        notes = self._in_order()
        listed = [
            self.items.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.items.count())
        ]
        if listed == [n.id for n in notes]:
            for row, note in enumerate(notes):
                self.items.item(row).setText(_item_text(note))
        else:
            with QSignalBlocker(self.items):
                self.items.clear()
                for note in notes:
                    item = QListWidgetItem(_item_text(note))
                    item.setData(Qt.ItemDataRole.UserRole, note.id)
                    self.items.addItem(item)
                    if note.id == chosen:
                        self.items.setCurrentItem(item)
                if self.items.currentItem() is None and self.items.count():
                    self.items.setCurrentRow(0)
        self._sync_editor()

    def select(self, note_id: str) -> None:
        for row in range(self.items.count()):
            if self.items.item(row).data(Qt.ItemDataRole.UserRole) == note_id:
                self.items.setCurrentRow(row)

    def _on_changed(self, _changes: Changes) -> None:
        self.refresh()

    # --- the editor ----------------------------------------------------------------------

    def load(self) -> None:
        """Show the chosen item's response (or an empty one) in the editor."""
        note = self.current_note()
        self.editor.setEnabled(note is not None)
        self.problem.clear()
        self._shown_id = None if note is None else note.id
        if note is None:
            self.note_text.setText("There are no leadership items on this board yet.")
            return
        response = note.response or Response()
        self.note_text.setText(note.text)
        self._load_answer(response)
        self._load_updates(response)

    def _sync_editor(self) -> None:
        """Reload only what changed of the chosen item: its answer, its updates, or both."""
        note = self.current_note()
        if note is None or note.id != self._shown_id:
            self.load()
            return
        self.note_text.setText(note.text)
        response = note.response or Response()
        if _answer(response) != _answer(self._shown):
            self._load_answer(response)
        if response.updates != self._shown.updates:
            self._load_updates(response)

    def _load_answer(self, response: Response) -> None:
        self._shown = replace(response, updates=self._shown.updates)
        self.status.setCurrentIndex(self.status.findData(response.status.value))
        self.reason.setPlainText(response.reason)
        self.impossible.setChecked(response.change_impossible)
        self._status_changed()

    def _load_updates(self, response: Response) -> None:
        self._shown = replace(self._shown, updates=response.updates)
        self.updates.clear()
        for update in response.updates:
            self.updates.addItem(f"{written_date(update.on)} — {update.text}")

    def _status_changed(self) -> None:
        unlikely = self.status.currentData() == ResponseStatus.UNLIKELY_TWO_YEARS.value
        self.impossible.setEnabled(unlikely)

    def _record(self, build: Callable[[Response | None], Response]) -> bool:
        note = self.current_note()
        if note is None:
            return False
        try:
            response = build(note.response)
        except ValidationError as exc:
            self.problem.setText(str(exc))
            return False
        return self.controller.do(SetResponse(note.id, response))

    def save_response(self) -> bool:
        status = ResponseStatus(self.status.currentData())
        reason, impossible = self.reason.toPlainText(), self.impossible.isChecked()

        def build(old: Response | None) -> Response:
            return make_response(status, reason, impossible, old.updates if old else ())

        return self._record(build)

    def add_update(self) -> bool:
        day = self.update_day.date().toPython()
        assert isinstance(day, date)
        text = self.update_text.text()
        if self._record(lambda old: with_update(old, day, text)):
            self.update_text.clear()
            return True
        return False

    def remove_update(self) -> bool:
        row = self.updates.currentRow()
        if row < 0:
            self.problem.setText("Choose the update to remove first.")
            return False
        return self._record(lambda old: without_update(old or Response(), row))
