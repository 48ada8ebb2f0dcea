"""Reading the notes of a session file (and the typed text and date fields every part uses):
each note as msgspec checked it becomes a domain Note, then ids and groups are resolved across
the whole file and positions numbered in file order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from crt_desktop.domain.note import Note, ProgressUpdate, Response, new_id
from crt_desktop.domain.template import Template
from crt_desktop.domain.validation import ValidationError, clean_note_text, clean_reason

from .interchange_fields import describe, one_of
from .interchange_format import DATE_PATTERN, ID_PATTERN, InterchangeError
from .interchange_schema import NoteShape, ResponseShape
from .interchange_tools import read_details


def text_field(value: str, path: str, clean: Callable[[str], str]) -> str:
    """Text passed through one of the domain's cleaners (NFC, control characters)."""
    try:
        return clean(value)
    except ValidationError as exc:
        message = str(exc)
        raise InterchangeError(path, message[:1].lower() + message[1:]) from exc


def day(value: Any, path: str) -> date:
    if not isinstance(value, str) or not DATE_PATTERN.fullmatch(value):
        raise InterchangeError(path, f"must be a date written YYYY-MM-DD, not {describe(value)}.")
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise InterchangeError(path, f"is not a real date ({describe(value)}).") from exc


@dataclass(frozen=True)
class NoteDraft:
    """A note as read, before ids and groups are resolved across the whole file."""

    path: str
    note: Note
    has_id: bool
    group: str | None


def _id(value: Any, path: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not ID_PATTERN.fullmatch(value):
        raise InterchangeError(
            path,
            "must be up to 64 letters, digits or the signs _ . : - "
            f"(or left out), not {describe(value)}.",
        )
    return value


def read_note(f: NoteShape, path: str, template: Template) -> NoteDraft:
    if f.kind not in template.kinds:
        raise InterchangeError(f"{path}.kind", f'this board does not use "{f.kind.value}" notes.')
    if f.level is not None and f.level not in template.levels:
        raise InterchangeError(
            f"{path}.level", f'this board does not use the level "{f.level.value}".'
        )
    if not isinstance(f.column, str) or f.column not in template.column_keys:
        raise InterchangeError(
            f"{path}.column",
            f'the "{template.key}" board has no column {describe(f.column)} '
            f"(its columns are {one_of(template.column_keys)}).",
        )
    note_id = _id(f.id, f"{path}.id")
    note = Note(
        text=text_field(f.text, f"{path}.text", clean_note_text),
        kind=f.kind,
        level=f.level,
        column=f.column,
        votes=f.votes,
        leader_added=f.leader_added,
        hidden=f.hidden,
        response=_response(f.response, f"{path}.response"),
        id=note_id or "",
        details=read_details(f.details, f"{path}.details", template),
        carried_from=_id(f.carried_from, f"{path}.carried_from"),
    )
    return NoteDraft(
        path=path, note=note, has_id=note_id is not None, group=_id(f.group, f"{path}.group")
    )


def _response(f: ResponseShape | None, path: str) -> Response | None:
    if f is None:
        return None
    updates = tuple(
        ProgressUpdate(
            on=day(u.on, f"{path}.updates[{i}].on"),
            text=text_field(u.text, f"{path}.updates[{i}].text", clean_reason),
        )
        for i, u in enumerate(f.updates)
    )
    return Response(
        status=f.status,
        reason=text_field(f.reason, f"{path}.reason", clean_reason),
        change_impossible=f.change_impossible,
        updates=updates,
    )


def arrange(drafts: list[NoteDraft], template: Template) -> list[Note]:
    """Give every note an id, check the groups, and number positions in file order."""
    first_path: dict[str, str] = {}
    for d in drafts:
        if d.has_id:
            if d.note.id in first_path:
                raise InterchangeError(
                    f"{d.path}.id",
                    f"the id {describe(d.note.id)} is already used by {first_path[d.note.id]}.",
                )
            first_path[d.note.id] = d.path
    by_id = {d.note.id: d for d in drafts if d.has_id}
    notes: list[Note] = []
    for d in drafts:
        note = d.note
        if not d.has_id:
            note_id = new_id()
            while note_id in by_id:  # pragma: no cover - a 128-bit random clash
                note_id = new_id()
            note = replace(note, id=note_id)
        if d.group is not None:
            _check_group(d, by_id)
            note = replace(note, stack=d.group)
        notes.append(note)
    return _positioned(notes, template)


def _check_group(d: NoteDraft, by_id: dict[str, NoteDraft]) -> None:
    path = f"{d.path}.group"
    top = by_id.get(d.group or "")
    if top is None:
        raise InterchangeError(path, f"no note in the file has the id {describe(d.group)}.")
    if top is d:
        raise InterchangeError(path, "a note cannot be grouped under itself.")
    if top.group is not None:
        raise InterchangeError(
            path,
            f"{top.path} is itself grouped under another note; name the group's top note instead.",
        )
    if top.note.column != d.note.column:
        raise InterchangeError(
            path,
            f"{top.path} is in the column {describe(top.note.column)}, not "
            f"{describe(d.note.column)}; a group stays in one column.",
        )


def _positioned(notes: list[Note], template: Template) -> list[Note]:
    """Number each column's notes 0, 1, 2… in file order, so a round trip keeps the board exact."""
    out: list[Note] = []
    for column in template.column_keys:
        in_column = (n for n in notes if n.column == column)
        out.extend(replace(note, position=i) for i, note in enumerate(in_column))
    return out
