"""Report-back: the leadership items of a board, where each stands, and what carries forward.

Pure functions over boards and notes. Which items are leadership items: the cards of the
columns meant for leaders (Leadership controls on the control board, columns marked
`for_leader` elsewhere) plus any card a leader has answered that has since moved on (an item
unlikely to change moves to Cannot control).

Open items: an item stays open, and carries into the team's next session, until a leader has
said that change is impossible. Every other state still asks for something: an answer (not
reviewed), a look this year or next, clarification from staff, the work of an engaged team,
or a second look later ("unlikely within two years" without "impossible").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from .board import Board
from .note import Note, ProgressUpdate, Response
from .plan import same_team
from .session import Session
from .template import Template
from .validation import ValidationError, clean_reason
from .vocabulary import LEADERSHIP_CONTROLS, ResponseStatus

# The order the team sees the groups in: work under way first, unanswered items last.
STATUS_ORDER: tuple[ResponseStatus, ...] = (
    ResponseStatus.TEAM_ENGAGED,
    ResponseStatus.THIS_YEAR,
    ResponseStatus.NEXT_YEAR,
    ResponseStatus.NEEDS_CLARIFICATION,
    ResponseStatus.UNLIKELY_TWO_YEARS,
    ResponseStatus.NOT_REVIEWED,
)
MAX_UPDATES = 200

# What each group means, in the product's own words, shown under its heading.
ABOUT: dict[ResponseStatus, str] = {
    ResponseStatus.TEAM_ENGAGED: "A team is working on these now.",
    ResponseStatus.THIS_YEAR: "Leaders are looking into these this year.",
    ResponseStatus.NEXT_YEAR: "Leaders plan to look into these next year.",
    ResponseStatus.NEEDS_CLARIFICATION: (
        "Leaders need to hear more from staff before they can answer these."
    ),
    ResponseStatus.UNLIKELY_TWO_YEARS: (
        "These moved to Cannot control, each with the reason why. Unless change is "
        "impossible, they will be looked at again later."
    ),
    ResponseStatus.NOT_REVIEWED: "These are still waiting for an answer.",
}


def group_heading(status: ResponseStatus) -> str:
    """A group's heading: the status, and for items unlikely to change, where they went."""
    if status is ResponseStatus.UNLIKELY_TWO_YEARS:
        return f"{status.label}: moved to Cannot control"
    return status.label


def leader_columns(template: Template) -> tuple[str, ...]:
    """Keys of the columns whose notes go to leaders for an answer."""
    return tuple(c.key for c in template.columns if c.for_leader or c.key == LEADERSHIP_CONTROLS)


def leadership_items(board: Board, *, include_hidden: bool = False) -> list[Note]:
    """The board's leadership items in board order (stack tops only; hidden ones left out)."""
    wanted = set(leader_columns(board.template))
    items: list[Note] = []
    for column in board.template.column_keys:
        for card in board.cards(column):
            if card.hidden and not include_hidden:
                continue
            if column in wanted or card.response is not None:
                items.append(card)
    return items


def status_of(note: Note) -> ResponseStatus:
    return note.response.status if note.response is not None else ResponseStatus.NOT_REVIEWED


def is_open(note: Note) -> bool:
    """True until a leader has said change is impossible (see the module's note)."""
    return note.response is None or not note.response.change_impossible


def latest_update(note: Note) -> ProgressUpdate | None:
    """The newest progress update (the last given, among those of the latest day)."""
    if note.response is None or not note.response.updates:
        return None
    return max(reversed(note.response.updates), key=lambda u: u.on)


@dataclass(frozen=True)
class StatusGroup:
    status: ResponseStatus
    items: tuple[Note, ...]


def group_by_status(items: Iterable[Note], *, keep_empty: bool = False) -> list[StatusGroup]:
    """Items grouped by response status in STATUS_ORDER, board order kept inside each group."""
    by_status: dict[ResponseStatus, list[Note]] = {s: [] for s in STATUS_ORDER}
    for note in items:
        by_status[status_of(note)].append(note)
    return [
        StatusGroup(status, tuple(notes))
        for status, notes in by_status.items()
        if notes or keep_empty
    ]


# --- recording responses --------------------------------------------------------------------


def make_response(
    status: ResponseStatus,
    reason: str = "",
    change_impossible: bool = False,
    updates: Sequence[ProgressUpdate] = (),
) -> Response:
    """A response as it will be stored: reason cleaned; "impossible" only for an item
    unlikely to change (for any other status it means nothing)."""
    impossible = change_impossible and status is ResponseStatus.UNLIKELY_TWO_YEARS
    return Response(status, clean_reason(reason), impossible, tuple(updates))


def with_update(response: Response | None, on: date, text: str) -> Response:
    """The response with one more dated progress update, kept in date order."""
    cleaned = clean_reason(text)
    if not cleaned:
        raise ValidationError("A progress update needs some text.")
    current = response or Response()
    if len(current.updates) >= MAX_UPDATES:
        raise ValidationError(f"An item can keep at most {MAX_UPDATES} progress updates.")
    updates = sorted((*current.updates, ProgressUpdate(on, cleaned)), key=lambda u: u.on)
    return replace(current, updates=tuple(updates))


def without_update(response: Response, index: int) -> Response:
    """The response with the update at `index` taken away."""
    if not 0 <= index < len(response.updates):
        raise ValidationError("That progress update is no longer there.")
    updates = response.updates[:index] + response.updates[index + 1 :]
    return replace(response, updates=updates)


# --- answers read back from a filled-in leader summary --------------------------------------


@dataclass(frozen=True)
class Answer:
    """What a leader filled in for one item: a status, a reason (may be empty) and whether
    change is impossible."""

    status: ResponseStatus
    reason: str = ""
    impossible: bool = False


@dataclass(frozen=True)
class ResponseChange:
    note_id: str
    text: str
    before: Response | None
    after: Response

    def describe(self) -> str:
        """One line for people: the item, the old and new status, and the reason."""
        text = " ".join(self.text.split())
        short = text if len(text) <= 60 else text[:59].rstrip() + "…"
        old = self.before.status if self.before is not None else ResponseStatus.NOT_REVIEWED
        line = f"“{short}”: {old.label} → {self.after.status.label}"
        if self.after.status is old:
            line = f"“{short}”: {old.label}"
        if self.after.reason and (self.before is None or self.after.reason != self.before.reason):
            line += f"; reason: {self.after.reason}"
        if self.after.change_impossible:
            line += "; change is not possible"
        return line


@dataclass(frozen=True)
class AnswerPlan:
    changes: tuple[ResponseChange, ...]
    # Answers for notes that are no longer on the board (deleted since the PDF was made).
    missing: int = 0
    # Answers that change nothing.
    unchanged: int = 0

    def pairs(self) -> tuple[tuple[str, Response], ...]:
        return tuple((c.note_id, c.after) for c in self.changes)

    def describe(self) -> list[str]:
        """Lines saying what importing the answers changes, for people."""
        if not self.changes:
            lines = ["The answers change nothing: they are already recorded, or were left blank."]
        else:
            count = len(self.changes)
            lines = [f"{count} response{'s' if count != 1 else ''} will change:"]
            lines += [f"  {change.describe()}" for change in self.changes]
        if self.missing:
            verb = "is" if self.missing == 1 else "are"
            lines.append(
                f"{self.missing} answer{'' if self.missing == 1 else 's'} {verb} for notes no "
                "longer on the board, so left out."
            )
        return lines


def plan_answers(board: Board, answers: Mapping[str, Answer]) -> AnswerPlan:
    """What importing the answers would change, item by item, in board order.

    An empty reason keeps the reason already recorded; progress updates are always kept."""
    changes: list[ResponseChange] = []
    missing = unchanged = 0
    order = {n.id: i for i, n in enumerate(leadership_items(board, include_hidden=True))}
    for note_id in sorted(answers, key=lambda i: (order.get(i, len(order)), i)):
        answer = answers[note_id]
        note = board.notes.get(note_id)
        if note is None:
            missing += 1
            continue
        old = note.response
        reason = clean_reason(answer.reason) or (old.reason if old else "")
        new = make_response(answer.status, reason, answer.impossible, old.updates if old else ())
        if new == (old or Response()):
            unchanged += 1
            continue
        changes.append(ResponseChange(note_id, note.text, old, new))
    return AnswerPlan(tuple(changes), missing, unchanged)


# --- carrying open items into a later session -----------------------------------------------


@dataclass(frozen=True)
class CarryCandidate:
    """An open leadership item from an earlier session of the team."""

    note: Note
    session: Session


def carry_candidates(target: Board, others: Iterable[Board]) -> list[CarryCandidate]:
    """The open items the team's earlier sessions could bring onto `target`.

    Earlier: another session of the same team held on or before the target's day. An item
    already continued in some later session (or on the target itself) is left out, so only
    the newest link of each item's chain is offered, with its whole history."""
    boards = [b for b in others if b.session.id != target.session.id]
    team = [b for b in boards if same_team(b.session.team, target.session.team)]
    continued = {
        n.carried_from
        for b in (*team, target)
        for n in b.notes.values()
        if n.carried_from is not None
    }
    earlier = [b for b in team if b.session.held_on <= target.session.held_on]
    kinds = set(target.template.kinds)
    found: list[CarryCandidate] = []
    for board in sorted(earlier, key=lambda b: (b.session.held_on, b.session.id or 0)):
        for note in leadership_items(board):
            if is_open(note) and note.id not in continued and note.kind in kinds:
                found.append(CarryCandidate(note, board.session))
    return found
