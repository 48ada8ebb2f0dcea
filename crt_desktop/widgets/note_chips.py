"""The small labels ("chips") under a note's text: kind, level, votes, stack, leader, hidden.

What they say and in which colour; NoteDelegate fits them to a card and paints them.
"""

from __future__ import annotations

from dataclasses import dataclass

from crt_desktop.domain.note import Note
from crt_desktop.domain.vocabulary import Kind

from .theme import NoteTheme


@dataclass(frozen=True)
class Chip:
    """One small label under a note's text: its words, ink colour and any kind shape."""

    text: str
    colour: str
    shape: str = ""  # "up", "down" (kind) or "" (text only)


def chips(
    note: Note,
    stack_count: int,
    theme: NoteTheme,
    *,
    console: bool,
    past: int = 0,
    kind: bool = True,
) -> list[Chip]:
    """The small labels under a note's text; `past` marks a ranked card past the top `past`;
    without `kind` the kind is left out (a board whose notes are all of one kind)."""
    out = []
    if kind:
        colours = theme.kind(note.kind)
        shape = "down" if note.kind is Kind.FATIGUE else "up"
        out.append(Chip(note.kind.label, colours.ink, shape))
    if note.level is not None:
        out.append(Chip(note.level.label, "#333333"))
    if note.votes:
        out.append(Chip(f"{note.votes} vote" + ("" if note.votes == 1 else "s"), "#000000"))
    if stack_count:
        out.append(Chip(f"+{stack_count} stacked", "#333333"))
    if note.leader_added:
        out.append(Chip("Leader", "#5A2D82"))
    if console and note.hidden:
        out.append(Chip("Hidden from room", "#8B0000"))
    if past:
        out.append(Chip(f"Past the top {past}", "#8B0000"))
    return out
