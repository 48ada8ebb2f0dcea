"""What the summary reports, worked out from a board: plain data, no layout."""

from __future__ import annotations

from dataclasses import dataclass

from crt_desktop.domain.board import Board
from crt_desktop.domain.note import Note, Response
from crt_desktop.domain.report_back import leader_columns, leadership_items
from crt_desktop.domain.template import Column
from crt_desktop.domain.vocabulary import Kind, ResponseStatus


@dataclass(frozen=True)
class Item:
    """One card as the summary lists it: a note, or a stack of duplicates shown once."""

    note: Note
    count: int  # notes in the stack that the room saw; 1 for a note on its own
    # A structured card's parts that have text, as (part title, text), e.g. ("Why", ...).
    parts: tuple[tuple[str, str], ...] = ()

    @property
    def votes(self) -> int:
        return self.note.votes

    @property
    def answered(self) -> bool:
        response = self.note.response
        return response is not None and response.status is not ResponseStatus.NOT_REVIEWED

    @property
    def response(self) -> Response | None:
        return self.note.response


@dataclass(frozen=True)
class ColumnDigest:
    column: Column
    items: tuple[Item, ...]
    counts: dict[Kind, int]  # every revealed note counts once, stacked duplicates included

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class Digest:
    columns: tuple[ColumnDigest, ...]
    kinds: tuple[Kind, ...]
    leadership: tuple[Item, ...]  # most votes first, then board order
    hidden: int  # notes never revealed to the room: left out, only counted
    leader_columns: tuple[str, ...]  # titles of the columns meant for leaders

    @property
    def has_leadership_column(self) -> bool:
        return bool(self.leader_columns)

    def total(self, kind: Kind | None = None) -> int:
        if kind is None:
            return sum(c.total for c in self.columns)
        return sum(c.counts.get(kind, 0) for c in self.columns)


def _items(notes: list[Note], stacks: dict[str, list[Note]], titles: dict[str, str]) -> list[Item]:
    """The cards among a column's `notes` (board order) the room saw, each with its revealed
    duplicates. A stack shows only when its top note is revealed, as in the room."""
    items = []
    for card in notes:
        if card.stack is not None or card.hidden:
            continue
        count = 1 + sum(1 for n in stacks.get(card.id, ()) if not n.hidden)
        parts = tuple((titles[k], v) for k, v in card.details if k in titles and v)
        items.append(Item(note=card, count=count, parts=parts))
    return items


def digest(board: Board) -> Digest:
    """Everything the leader summary shows, in board order, hidden notes left out."""
    kinds = board.template.kinds
    titles = {p.key: p.title for p in board.template.card_parts}
    stacks = board.stacks()  # one pass over the notes, not one per card

    def unseen(note: Note) -> bool:
        # The room saw a note when it is revealed and so is its stack's top (if it has one).
        top = note if note.stack is None else board.notes.get(note.stack, note)
        return note.hidden or top.hidden

    columns = []
    for column in board.template.columns:
        notes = board.in_column(column.key)
        items = _items(notes, stacks, titles)
        counts = {kind: 0 for kind in kinds}
        for note in notes:
            if not unseen(note):
                counts[note.kind] = counts.get(note.kind, 0) + 1
        columns.append(ColumnDigest(column=column, items=tuple(items), counts=counts))
    # Leadership items by the one rule the report-back and the answers' import use: the
    # columns meant for leaders, plus items a leader answered that have since moved on.
    by_id = {item.note.id: item for c in columns for item in c.items}
    leadership = [by_id[n.id] for n in leadership_items(board) if n.id in by_id]
    # Most votes first, so leaders see first what mattered most to the room; a stack counts
    # the votes its card shows. The sort is stable: equal votes keep board order.
    leadership.sort(key=lambda item: -item.votes)
    return Digest(
        columns=tuple(columns),
        kinds=kinds,
        leadership=tuple(leadership),
        hidden=sum(1 for n in board.notes.values() if unseen(n)),
        leader_columns=tuple(
            c.title for c in board.template.columns if c.key in leader_columns(board.template)
        ),
    )
