"""A list model over one column's cards, updated row by row from the controller's patches.

Drag and drop carries note ids as JSON in `application/x-crt-note-ids`; a drop between cards
moves the notes there, a drop onto a card stacks them under it. Both go through the controller,
so they are saved and undoable like any other change.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from crt_desktop.domain.note import Note
from crt_desktop.domain.operations import EditNote, MoveNotes, StackNotes
from crt_desktop.session import Changes

from .board_controller import BoardController

MIME_TYPE = "application/x-crt-note-ids"

Index = QModelIndex | QPersistentModelIndex


class NoteRole(IntEnum):
    NOTE = Qt.ItemDataRole.UserRole + 1
    ID = Qt.ItemDataRole.UserRole + 2
    KIND = Qt.ItemDataRole.UserRole + 3
    LEVEL = Qt.ItemDataRole.UserRole + 4
    VOTES = Qt.ItemDataRole.UserRole + 5
    STACK_COUNT = Qt.ItemDataRole.UserRole + 6
    HIDDEN = Qt.ItemDataRole.UserRole + 7
    LEADER_ADDED = Qt.ItemDataRole.UserRole + 8


def accessible_text(note: Note, stack_count: int = 0) -> str:
    """What a screen reader says for a note: text, kind, level, votes (no author, no time)."""
    parts = [note.text, note.kind.label]
    if note.level is not None:
        parts.append(note.level.label)
    if note.votes:
        parts.append(f"{note.votes} vote" + ("" if note.votes == 1 else "s"))
    if stack_count:
        parts.append(f"{stack_count} more stacked")
    if note.leader_added:
        parts.append("added by a leader")
    if note.hidden:
        parts.append("hidden from the room")
    return ", ".join(parts)


def ids_to_mime(ids: Sequence[str]) -> QMimeData:
    mime = QMimeData()
    mime.setData(MIME_TYPE, QByteArray(json.dumps(list(ids)).encode("utf-8")))
    return mime


def ids_from_mime(mime: QMimeData) -> list[str]:
    """The note ids a drag carries; empty for anything that is not ours or is malformed."""
    if not mime.hasFormat(MIME_TYPE):
        return []
    try:
        ids = json.loads(bytes(mime.data(MIME_TYPE).data()).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return []
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        return []
    return ids


def shuffle_key(session_id: int | None, note_id: str) -> str:
    """A note's place in a shuffled column: random-looking, the same every time for a session."""
    return hashlib.sha1(f"{session_id}:{note_id}".encode()).hexdigest()


class ColumnModel(QAbstractListModel):
    """The cards (stack tops) of one column, in board order.

    With `include_hidden=False` (the room view) screened notes are left out entirely."""

    # Once per change that touches this column: headers recount.
    counts_changed = Signal()

    def __init__(
        self,
        controller: BoardController,
        column: str,
        *,
        include_hidden: bool = True,
        editable: bool = True,
        shuffled: bool = False,
    ) -> None:
        super().__init__(controller)
        self.controller = controller
        self.column = column
        self.include_hidden = include_hidden
        self.editable = editable
        # Cards in an order that looks random but stays the same for the session (stories).
        self.shuffled = shuffled
        template = controller.board.template
        # A ranked result column numbers its cards the room sees, and marks those past the top N.
        self.ranked = template.ranked and column == template.result_column
        self.keep_top = template.keep_top if column == template.result_column else 0
        self._parts = {p.key: p.title for p in template.card_parts}
        # A board with one kind of note (culture agreements) does not label each card with it;
        # screen readers still say it.
        self.shows_kind = len(template.kinds) > 1
        self._ids: list[str] = self._current_ids()
        self._stack_counts = self._count_stacks()
        self._ranks = self._count_ranks()
        controller.changed.connect(self._on_changed)

    # --- reading -----------------------------------------------------------------------------

    @property
    def title(self) -> str:
        return self.controller.board.template.column(self.column).title

    @property
    def help(self) -> str:
        return self.controller.board.template.column(self.column).help

    def note_ids(self) -> list[str]:
        return list(self._ids)

    def note_at(self, row: int) -> Note:
        return self.controller.board.notes[self._ids[row]]

    def row_of(self, note_id: str) -> int:
        try:
            return self._ids.index(note_id)
        except ValueError:
            return -1

    def card(self, row: int) -> tuple[Note | None, int]:
        """The note at a row and its stack count, (None, 0) past the end: one call per card
        for the delegate, which asks for every card at every layout."""
        if 0 <= row < len(self._ids):
            note_id = self._ids[row]
            return self.controller.board.notes[note_id], self._stack_counts.get(note_id, 0)
        return None, 0

    def stack_count(self, note_id: str) -> int:
        return self._stack_counts.get(note_id, 0)

    def rank(self, note_id: str) -> int | None:
        """The card's number in a ranked column (1 first); None for hidden or unranked cards."""
        return self._ranks.get(note_id)

    def past_limit(self, note_id: str) -> bool:
        """True for a card numbered past the number of cards the column keeps."""
        rank = self._ranks.get(note_id)
        return bool(self.keep_top and rank and rank > self.keep_top)

    def card_text(self, note: Note) -> str:
        """What the card says: its number when ranked, its text, then its parts (why, …)."""
        rank = self._ranks.get(note.id)
        text = f"{rank}.  {note.text}" if rank is not None else note.text
        lines = [f"{self._parts[k]}: {v}" for k, v in note.details if v and k in self._parts]
        return "\n".join((text, *lines)) if lines else text

    def shown(self, note: Note) -> tuple[str, int]:
        """What the card says, and the number its column keeps when it is numbered past it."""
        return self.card_text(note), self.keep_top if self.past_limit(note.id) else 0

    def kinds_shown(self) -> bool:
        return self.shows_kind

    def note_count(self) -> int:
        """Notes in the column, stacked duplicates included (what the column header counts)."""
        return len(self._ids) + sum(self._stack_counts.get(i, 0) for i in self._ids)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        note = self.controller.board.notes[self._ids[index.row()]]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return note.text
        if role == Qt.ItemDataRole.AccessibleTextRole:
            said = accessible_text(note, self.stack_count(note.id))
            rank = self._ranks.get(note.id)
            return f"Number {rank}, {said}" if rank is not None else said
        if role == NoteRole.NOTE:
            return note
        if role == NoteRole.ID:
            return note.id
        if role == NoteRole.KIND:
            return note.kind.value
        if role == NoteRole.LEVEL:
            return note.level.value if note.level else None
        if role == NoteRole.VOTES:
            return note.votes
        if role == NoteRole.STACK_COUNT:
            return self.stack_count(note.id)
        if role == NoteRole.HIDDEN:
            return note.hidden
        if role == NoteRole.LEADER_ADDED:
            return note.leader_added
        return None

    def roleNames(self) -> dict[int, QByteArray]:
        names = super().roleNames()
        for role in NoteRole:
            names[int(role)] = QByteArray(role.name.lower().encode())
        return names

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            # Dropping on the empty part of a column adds the notes at its end.
            return Qt.ItemFlag.ItemIsDropEnabled if self.editable else Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable:
            flags |= (
                Qt.ItemFlag.ItemIsEditable
                | Qt.ItemFlag.ItemIsDragEnabled
                | Qt.ItemFlag.ItemIsDropEnabled
            )
        return flags

    # --- editing and drag and drop ---------------------------------------------------------

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not isinstance(value, str):
            return False
        return self.controller.do(EditNote(self._ids[index.row()], text=value))

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        # Copy is offered only so a finished drop can report it: the notes were already moved.
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Iterable[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return ids_to_mime([self._ids[r] for r in rows])

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return self.editable and bool(ids_from_mime(data))

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        ids = ids_from_mime(data)
        if not self.editable or not ids or action == Qt.DropAction.IgnoreAction:
            return False
        if parent.isValid():
            onto = self._ids[parent.row()]
            if onto in ids:
                return False  # a note dropped onto itself: nothing to do
            return self.controller.do(StackNotes(tuple(ids), onto=onto))
        return self.controller.do(MoveNotes(tuple(ids), self.column, self._target_index(ids, row)))

    def _target_index(self, ids: Sequence[str], row: int) -> int | None:
        """MoveNotes counts the column's cards without the moved ones; the view counts all rows.

        Screened notes left out of this model still count for MoveNotes, so map through ids."""
        if row < 0 or row >= len(self._ids):
            return None
        moving = set(ids)
        before = self._ids[row]
        cards = [n.id for n in self.controller.board.cards(self.column) if n.id not in moving]
        while before in moving:
            row += 1
            if row >= len(self._ids):
                return None
            before = self._ids[row]
        return cards.index(before)

    # --- keeping up with the board ---------------------------------------------------------

    def _current_ids(self) -> list[str]:
        cards = self.controller.board.cards(self.column)
        ids = [n.id for n in cards if self.include_hidden or not n.hidden]
        if self.shuffled:
            session_id = self.controller.board.session.id
            ids.sort(key=lambda i: shuffle_key(session_id, i))
        return ids

    def _count_ranks(self) -> dict[str, int]:
        if not self.ranked:
            return {}
        notes = self.controller.board.notes
        shown = [i for i in self._ids if not notes[i].hidden]
        return {note_id: number for number, note_id in enumerate(shown, start=1)}

    def _count_stacks(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for note in self.controller.board.notes.values():
            visible = self.include_hidden or not note.hidden
            if note.stack is not None and note.column == self.column and visible:
                counts[note.stack] = counts.get(note.stack, 0) + 1
        return counts

    def _on_changed(self, changes: Changes) -> None:
        if self.column not in changes.columns:
            return
        old, new = self._ids, self._current_ids()
        old_counts, self._stack_counts = self._stack_counts, self._count_stacks()
        if old != new:
            self._replace_rows(old, new)
        old_ranks, self._ranks = self._ranks, self._count_ranks()
        # Repaint only cards whose face changed (not those that merely shifted position).
        changed = set(changes.faces)
        changed |= {
            i
            for i in self._stack_counts.keys() | old_counts.keys()
            if self._stack_counts.get(i) != old_counts.get(i)
        }
        changed |= {i for i in self._ranks if self._ranks.get(i) != old_ranks.get(i)}
        rows = sorted(r for r in (self.row_of(i) for i in changed) if r >= 0)
        # One signal per run of neighbouring rows: views measure again only the rows named.
        start = 0
        for at in range(1, len(rows) + 1):
            if at == len(rows) or rows[at] != rows[at - 1] + 1:
                self.dataChanged.emit(self.index(rows[start]), self.index(rows[at - 1]))
                start = at
        self.counts_changed.emit()

    def _replace_rows(self, old: list[str], new: list[str]) -> None:
        """Replace only the rows between the common head and tail: one move touches few rows."""
        head = 0
        limit = min(len(old), len(new))
        while head < limit and old[head] == new[head]:
            head += 1
        tail = 0
        while tail < limit - head and old[-1 - tail] == new[-1 - tail]:
            tail += 1
        old_end, new_end = len(old) - tail, len(new) - tail
        if old_end > head:
            self.beginRemoveRows(QModelIndex(), head, old_end - 1)
            self._ids = old[:head] + old[old_end:]
            self.endRemoveRows()
        if new_end > head:
            self.beginInsertRows(QModelIndex(), head, new_end - 1)
            self._ids = new
            self.endInsertRows()
        self._ids = new
