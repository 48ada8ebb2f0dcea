"""Operations: every change a person can make to a board, each compiled to an exact patch.

An operation validates against the board and returns a Patch (or raises ValidationError);
it never changes the board itself. `apply_patch` does that and gives back the inverse.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, replace
from enum import Enum

from .board import Board
from .note import Note, Response, new_id
from .patch import Patch
from .validation import ValidationError, clean_note_text
from .vocabulary import CANNOT_CONTROL, Kind, Level, ResponseStatus


class Operation(ABC):
    """Base of all operations. `label` names the change for the undo menu."""

    label = "Change"

    @property
    def merge_key(self) -> Hashable | None:
        """Consecutive operations with one key (the same field) make one undo step; None: never."""
        return None

    @abstractmethod
    def patch(self, board: Board) -> Patch:
        """Validate against `board` and return the exact change, without applying it."""


def _require(board: Board, ids: Iterable[str]) -> list[Note]:
    notes = []
    for note_id in ids:
        if note_id not in board.notes:
            raise ValidationError("That note is no longer on the board.")
        notes.append(board.notes[note_id])
    return notes


def _require_column(board: Board, column: str) -> None:
    if column not in board.template.column_keys:
        raise ValidationError(f"This board has no column called {column!r}.")


def _placed(note: Note, column: str, position: int) -> Note:
    """`replace(note, column=column, position=position)`, without running __init__ again: a
    move renumbers hundreds of notes. Note has no __post_init__, so the result is the same."""
    placed = object.__new__(Note)
    placed.__dict__.update(note.__dict__, column=column, position=position)
    return placed


def _with_members(board: Board, notes: Sequence[Note]) -> list[Note]:
    """The given notes, each followed by the notes stacked under it, without repeats."""
    seen: set[str] = set()
    out: list[Note] = []
    for note in notes:
        for n in (note, *board.stacked_under(note.id)):
            if n.id not in seen:
                seen.add(n.id)
                out.append(n)
    return out


def _layout(board: Board, column: str, cards: Sequence[Note], moved: dict[str, Note]) -> list[Note]:
    """Renumber a column: each card followed by its stack members, positions 0..n-1.

    Returns only the notes whose column or position changed. `moved` holds notes already
    changed by this operation (their latest state wins)."""
    changed: list[Note] = []
    position = 0
    stacks = board.stacks()  # one pass, not one per card: columns can hold hundreds
    for card in cards:
        members = [m for m in stacks.get(card.id, ()) if moved.get(m.id, m).stack == card.id]
        for note in (card, *members):
            current = moved.get(note.id, note)
            if current.column != column or current.position != position:
                current = _placed(current, column, position)
                changed.append(current)
                moved[note.id] = current
            position += 1
    return changed


def _relayout(board: Board, columns: Iterable[str], moved: dict[str, Note]) -> None:
    """Close the gaps left in columns that notes were taken out of."""
    for column in columns:
        remaining = [n for n in board.cards(column) if moved.get(n.id, n).column == column]
        _layout(board, column, remaining, moved)


@dataclass(frozen=True)
class AddNote(Operation):
    text: str
    kind: Kind = Kind.FATIGUE
    level: Level | None = None
    leader_added: bool = False
    column: str | None = None
    note_id: str | None = None
    label = "Add note"

    def patch(self, board: Board) -> Patch:
        column = self.column or board.template.entry_column
        _require_column(board, column)
        if self.kind not in board.template.kinds:
            raise ValidationError(f"This board does not use {self.kind.value} notes.")
        text = clean_note_text(self.text)
        position = len(board.in_column(column))
        note = Note(
            text=text,
            kind=self.kind,
            level=self.level,
            column=column,
            position=position,
            hidden=board.session.screening,
            leader_added=self.leader_added,
            id=self.note_id or new_id(),
        )
        if note.id in board.notes:
            raise ValidationError("A note with that id is already on the board.")
        return Patch(put=(note,))


class Keep(Enum):
    """Marks an EditNote field that stays as it is (None is a real value for the level)."""

    KEEP = "keep"


KEEP = Keep.KEEP


@dataclass(frozen=True)
class EditNote(Operation):
    """Change a note's text, kind, level or leader mark. Fields left as None stay as they are;
    for the level, KEEP leaves it and None clears it."""

    note_id: str
    text: str | None = None
    kind: Kind | None = None
    level: Level | Keep | None = KEEP
    leader_added: bool | None = None
    label = "Edit note"

    def patch(self, board: Board) -> Patch:
        (note,) = _require(board, [self.note_id])
        new = note
        if self.text is not None:
            new = replace(new, text=clean_note_text(self.text))
        if self.kind is not None:
            new = replace(new, kind=self.kind)
        if not isinstance(self.level, Keep):
            new = replace(new, level=self.level)
        if self.leader_added is not None:
            new = replace(new, leader_added=self.leader_added)
        return Patch(put=(new,)) if new != note else Patch()


@dataclass(frozen=True)
class DeleteNotes(Operation):
    """Delete notes; deleting a stack's top note deletes the duplicates stacked under it."""

    note_ids: tuple[str, ...]
    label = "Delete note"

    def patch(self, board: Board) -> Patch:
        doomed = _with_members(board, _require(board, self.note_ids))
        gone = {n.id for n in doomed}
        changed = []
        for column in {n.column for n in doomed}:
            remaining = [n for n in board.in_column(column) if n.id not in gone]
            for position, note in enumerate(remaining):
                if note.position != position:
                    changed.append(_placed(note, note.column, position))
        return Patch(put=tuple(changed), remove=tuple(n.id for n in doomed))


@dataclass(frozen=True)
class MoveNotes(Operation):
    """Move cards (with their stacks) to a column, before the card at `index` (None: at the end).

    `index` counts the target column's cards as they are without the moved ones."""

    note_ids: tuple[str, ...]
    column: str
    index: int | None = None
    label = "Move note"

    def patch(self, board: Board) -> Patch:
        _require_column(board, self.column)
        notes = _require(board, self.note_ids)
        # A member dragged on its own leaves its stack; a top note brings its stack along.
        cards = [replace(n, stack=None) if n.stack is not None else n for n in notes]
        moving = {n.id for n in _with_members(board, cards)}
        moved: dict[str, Note] = {n.id: n for n in cards if n.stack != board.notes[n.id].stack}
        target = [n for n in board.cards(self.column) if n.id not in moving]
        index = len(target) if self.index is None else max(0, min(self.index, len(target)))
        order = target[:index] + cards + target[index:]
        _layout(board, self.column, order, moved)
        sources = {board.notes[i].column for i in moving} - {self.column}
        _relayout(board, sources, moved)
        changed = tuple(n for n in moved.values() if n != board.notes[n.id])
        return Patch(put=changed)


@dataclass(frozen=True)
class StackNotes(Operation):
    """Stack duplicates under a top note: they show as one card with a count.

    A stack is shown to the room, or screened, as one: the members take the top note's
    `hidden`, so the room and the leader summary agree on what the room has seen."""

    note_ids: tuple[str, ...]
    onto: str
    label = "Stack notes"

    def patch(self, board: Board) -> Patch:
        (onto,) = _require(board, [self.onto])
        top = board.notes[onto.stack] if onto.stack else onto
        notes = [n for n in _with_members(board, _require(board, self.note_ids)) if n.id != top.id]
        if not notes:
            return Patch()
        moved: dict[str, Note] = {
            n.id: replace(n, stack=top.id, column=top.column, hidden=top.hidden) for n in notes
        }
        # Lay the target column out with the new members after the top note.
        cards = [c for c in board.cards(top.column) if c.id not in moved]
        position = 0
        stacks = board.stacks()
        for card in cards:
            members = [m for m in stacks.get(card.id, ()) if m.id not in moved]
            if card.id == top.id:
                members += [moved[n.id] for n in notes]
            for note in (card, *members):
                current = moved.get(note.id, note)
                if current.position != position or current.column != top.column:
                    current = _placed(current, top.column, position)
                moved[note.id] = current
                position += 1
        sources = {n.column for n in notes} - {top.column}
        _relayout(board, sources, moved)
        return Patch(put=tuple(n for n in moved.values() if n != board.notes[n.id]))


@dataclass(frozen=True)
class Unstack(Operation):
    """Take notes out of their stack; for a top note, free every note stacked under it."""

    note_ids: tuple[str, ...]
    label = "Unstack"

    def patch(self, board: Board) -> Patch:
        freed: dict[str, Note] = {}
        for note in _require(board, self.note_ids):
            members = [note] if note.stack is not None else board.stacked_under(note.id)
            for member in members:
                freed[member.id] = replace(member, stack=None)
        # Positions already keep members right after their top note, so the order holds.
        return Patch(put=tuple(freed.values()))


@dataclass(frozen=True)
class Vote(Operation):
    """Add (or with a negative delta, take away) dot votes; votes never go below zero."""

    note_ids: tuple[str, ...]
    delta: int = 1
    label = "Vote"

    def patch(self, board: Board) -> Patch:
        changed = []
        for note in _require(board, self.note_ids):
            votes = max(0, note.votes + self.delta)
            if votes != note.votes:
                changed.append(replace(note, votes=votes))
        return Patch(put=tuple(changed))


@dataclass(frozen=True)
class SetHidden(Operation):
    """Hide notes from the room, or reveal them (screening). A stack is hidden or revealed
    whole: choosing any of its notes takes its top note and every member along."""

    note_ids: tuple[str, ...]
    hidden: bool

    @property
    def label(self) -> str:  # type: ignore[override]  # depends on the direction
        return "Hide from room" if self.hidden else "Reveal"

    def patch(self, board: Board) -> Patch:
        chosen = _require(board, self.note_ids)
        tops = [board.notes.get(n.stack, n) if n.stack is not None else n for n in chosen]
        notes = _with_members(board, tops)
        changed = [replace(n, hidden=self.hidden) for n in notes if n.hidden != self.hidden]
        return Patch(put=tuple(changed))


@dataclass(frozen=True)
class RevealAll(Operation):
    label = "Reveal all"

    def patch(self, board: Board) -> Patch:
        return Patch(put=tuple(replace(n, hidden=False) for n in board.notes.values() if n.hidden))


@dataclass(frozen=True)
class SetScreening(Operation):
    """Turn screening on (new notes start hidden from the room) or off."""

    on: bool
    label = "Screening"

    def patch(self, board: Board) -> Patch:
        if board.session.screening == self.on:
            return Patch()
        return Patch(session=replace(board.session, screening=self.on))


@dataclass(frozen=True)
class SetResponse(Operation):
    """Record a leader's response. "Unlikely within two years" sends the item to Cannot control."""

    note_id: str
    response: Response
    label = "Leader response"

    def patch(self, board: Board) -> Patch:
        (note,) = _require(board, [self.note_id])
        new = replace(note, response=self.response)
        moves_out = (
            self.response.status is ResponseStatus.UNLIKELY_TWO_YEARS
            and CANNOT_CONTROL in board.template.column_keys
            and note.column != CANNOT_CONTROL
        )
        if not moves_out:
            return Patch(put=(new,)) if new != note else Patch()
        moved = MoveNotes((note.id,), CANNOT_CONTROL).patch(board)
        by_id = {n.id: n for n in moved.put}
        by_id[note.id] = replace(by_id.get(note.id, note), response=self.response)
        return Patch(put=tuple(by_id.values()))


@dataclass(frozen=True)
class SetResponses(Operation):
    """Record many leaders' responses as one change (one undo), e.g. answers read from a PDF.

    Each response is recorded as SetResponse would, one after another, so items unlikely to
    change move to Cannot control in the order given."""

    responses: tuple[tuple[str, Response], ...]
    label = "Leader responses"

    def patch(self, board: Board) -> Patch:
        scratch = Board(board.session, board.template, dict(board.notes))
        for note_id, response in self.responses:
            step = SetResponse(note_id, response).patch(scratch)
            for note in step.put:
                scratch.notes[note.id] = note
        return Patch(put=tuple(n for n in scratch.notes.values() if n != board.notes.get(n.id)))
