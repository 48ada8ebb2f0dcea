"""Operations for the section tools: checklist, steps, prompts, tallies and structured cards.

Like every operation they validate against the board and compile to a Patch with an exact
inverse; they never change the board themselves. Tallies are counts only, never who.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from .board import Board
from .note import Note, new_id
from .operations import AddNote, Operation, _require, _require_column
from .patch import Patch
from .session import (
    Session,
    check_tally_key,
    dots_column,
    dots_key,
    tally,
    with_component,
    with_tally,
)
from .template import Template
from .validation import MAX_NOTE_LENGTH, ValidationError, clean_text
from .vocabulary import LEADERSHIP_CONTROLS, Kind, Level

Details = tuple[tuple[str, str], ...]


def clean_details(
    template: Template, details: Iterable[tuple[str, str]] | Mapping[str, str]
) -> Details:
    """A card's parts as they will be stored: each text cleaned, in the template's part order.

    Only the parts given are kept (a part may be empty); a part the template lacks, or one
    given twice, is a ValidationError."""
    pairs = list(details.items()) if isinstance(details, Mapping) else list(details)
    order = [p.key for p in template.card_parts]
    given: dict[str, str] = {}
    for key, text in pairs:
        if key not in order:
            if not order:
                raise ValidationError("Cards on this board are not written in parts.")
            raise ValidationError(f"Cards on this board have no part called {key[:40]!r}.")
        if key in given:
            raise ValidationError(f"The part {key!r} is given twice.")
        cleaned = clean_text(text)
        if len(cleaned) > MAX_NOTE_LENGTH:
            raise ValidationError(
                f"A part of a card can hold at most {MAX_NOTE_LENGTH:,} characters; "
                f"this one has {len(cleaned):,}."
            )
        given[key] = cleaned
    return tuple((key, given[key]) for key in order if key in given)


def _check_index(index: int, count: int | None, what: str) -> None:
    if index < 0:
        raise ValidationError(f"There is no {what} before the first.")
    if count is not None and index >= count:
        raise ValidationError(f"This section has {count} {what}s; there is no {what} {index + 1}.")


def _session_patch(board: Board, session: Session) -> Patch:
    return Patch() if session == board.session else Patch(session=session)


@dataclass(frozen=True)
class SetComponent(Operation):
    """Tick (done) or untick one item of the comprehensive components checklist.

    `known` lists the checklist's keys (content().components); when given, others are refused."""

    key: str
    done: bool = True
    known: tuple[str, ...] = ()
    label = "Checklist"

    def patch(self, board: Board) -> Patch:
        if not self.key or (self.known and self.key not in self.known):
            raise ValidationError(f"The checklist has no item called {self.key[:40]!r}.")
        return _session_patch(board, with_component(board.session, self.key, self.done))


@dataclass(frozen=True)
class SetStep(Operation):
    """Go to one step of the section's activity (0 is the first); `count` bounds it, if given."""

    index: int
    count: int | None = None
    label = "Activity step"

    def patch(self, board: Board) -> Patch:
        _check_index(self.index, self.count, "step")
        return _session_patch(board, replace(board.session, step=self.index))


@dataclass(frozen=True)
class ShowPrompt(Operation):
    """Show one discussion prompt to the room, or none (None); `count` bounds it, if given."""

    index: int | None
    count: int | None = None
    label = "Discussion prompt"

    def patch(self, board: Board) -> Patch:
        if self.index is not None:
            _check_index(self.index, self.count, "prompt")
        return _session_patch(board, replace(board.session, prompt=self.index))


@dataclass(frozen=True)
class AddDots(Operation):
    """Add (or with a negative delta, take away) anonymous dots in a column; never below zero."""

    column: str
    delta: int = 1
    label = "Dots"

    def patch(self, board: Board) -> Patch:
        _require_column(board, self.column)
        key = dots_key(self.column)
        count = max(0, tally(board.session, key) + self.delta)
        return _session_patch(board, with_tally(board.session, key, count))


@dataclass(frozen=True)
class SetTally(Operation):
    """Set one anonymous count, e.g. a survey answer's tally; 0 clears it."""

    key: str
    count: int
    label = "Tally"

    @property
    def merge_key(self) -> tuple[str, str]:
        # A survey count stepped up and down in a run is one change to undo.
        return ("tally", self.key)

    def patch(self, board: Board) -> Patch:
        check_tally_key(self.key)
        column = dots_column(self.key)
        if column is not None:
            _require_column(board, column)
        return _session_patch(board, with_tally(board.session, self.key, self.count))


@dataclass(frozen=True)
class SetDetails(Operation):
    """Rewrite the parts of a structured card (why / what / how …)."""

    note_id: str
    details: Details
    label = "Edit card"

    def patch(self, board: Board) -> Patch:
        (note,) = _require(board, [self.note_id])
        new = replace(note, details=clean_details(board.template, self.details))
        return Patch(put=(new,)) if new != note else Patch()


@dataclass(frozen=True)
class AddCard(Operation):
    """Add a structured card: a note with its parts, in one step (one undo)."""

    text: str
    details: Details = ()
    kind: Kind = Kind.FATIGUE
    level: Level | None = None
    column: str | None = None
    leader_added: bool = False
    note_id: str | None = None
    label = "Add card"

    def patch(self, board: Board) -> Patch:
        details = clean_details(board.template, self.details)
        added = AddNote(
            self.text,
            kind=self.kind,
            level=self.level,
            leader_added=self.leader_added,
            column=self.column,
            note_id=self.note_id,
        ).patch(board)
        (note,) = added.put
        return Patch(put=(replace(note, details=details),))


def carry_column(template: Template) -> str:
    """Where carried leadership items land: Leadership controls, else the first column for
    leaders, else the entry column."""
    if LEADERSHIP_CONTROLS in template.column_keys:
        return LEADERSHIP_CONTROLS
    for column in template.columns:
        if column.for_leader:
            return column.key
    return template.entry_column


@dataclass(frozen=True)
class CarryNotes(Operation):
    """Carry leadership items from an earlier session of the team onto this board.

    Each becomes a new note continuing its source (`carried_from`), with the same text, kind,
    response and progress updates, and no votes. A level or card part this board does not use
    is left off; a kind it does not use is refused. Items already carried here are skipped."""

    sources: tuple[Note, ...]
    column: str | None = None
    label = "Carry items forward"

    def patch(self, board: Board) -> Patch:
        template = board.template
        column = self.column or carry_column(template)
        _require_column(board, column)
        here = {n.carried_from for n in board.notes.values() if n.carried_from is not None}
        parts = {p.key for p in template.card_parts}
        position = len(board.in_column(column))
        put: list[Note] = []
        for source in self.sources:
            if source.id in here:
                continue
            if source.kind not in template.kinds:
                raise ValidationError(f"This board does not use {source.kind.value} notes.")
            here.add(source.id)
            put.append(
                Note(
                    text=source.text,
                    kind=source.kind,
                    level=source.level if source.level in template.levels else None,
                    column=column,
                    position=position + len(put),
                    leader_added=source.leader_added,
                    response=source.response,
                    details=tuple((k, v) for k, v in source.details if k in parts),
                    carried_from=source.id,
                    id=_fresh_id(board, put),
                )
            )
        if self.sources and not put:
            raise ValidationError("Those items are already on this board.")
        return Patch(put=tuple(put))


def _fresh_id(board: Board, put: list[Note]) -> str:
    taken = {n.id for n in put}
    note_id = new_id()
    while note_id in board.notes or note_id in taken:  # pragma: no cover - a random clash
        note_id = new_id()
    return note_id
