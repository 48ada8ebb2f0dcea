"""The section tools' fields of a session file: checklist, step, prompt, tallies, card parts.

All optional on input (a file without them reads as nothing ticked, the first step, no prompt,
no tallies, plain notes) and always written on output. Each is checked in full, and each
problem names its field's path, like every other field of the format.
"""

from __future__ import annotations

from typing import Any

from crt_desktop.content import Content, Section
from crt_desktop.domain.note import Note
from crt_desktop.domain.session import (
    MAX_TALLY,
    Session,
    check_tally_key,
    dots_column,
)
from crt_desktop.domain.session_operations import clean_details
from crt_desktop.domain.template import Template
from crt_desktop.domain.validation import ValidationError

from .interchange_fields import child, describe, one_of
from .interchange_format import InterchangeError
from .interchange_schema import SessionShape


def session_tools_to_dict(session: Session) -> dict[str, Any]:
    return {
        "components": sorted(session.components),
        "step": session.step,
        "prompt": session.prompt,
        "tallies": dict(session.tallies),
    }


def note_tools_to_dict(note: Note) -> dict[str, Any]:
    return {"details": dict(note.details), "carried_from": note.carried_from}


def read_session_tools(
    shape: SessionShape, content: Content, section: Section, template: Template
) -> dict[str, Any]:
    """The section tools' fields of `session`, as keyword arguments for Session."""
    last_step = max(len(section.steps) - 1, 0)
    return {
        "components": _components(shape.components, "session.components", content),
        "step": in_range(shape.step, 0, last_step, "session.step"),
        "prompt": _prompt(shape.prompt, section),
        "tallies": _tallies(shape.tallies, "session.tallies", template),
    }


def in_range(value: int, low: int, high: int, path: str) -> int:
    """A whole number (msgspec checked the type) within bounds only the content knows."""
    if not low <= value <= high:
        raise InterchangeError(path, f"must be from {low:,} to {high:,}, not {describe(value)}.")
    return value


def _components(value: Any, path: str, content: Content) -> frozenset[str]:
    if not isinstance(value, list):
        raise InterchangeError(path, f"must be a list, not {describe(value)}.")
    known = [c.key for c in content.components]
    seen: dict[str, str] = {}
    for i, key in enumerate(value):
        where = f"{path}[{i}]"
        if not isinstance(key, str) or key not in known:
            choices = f"must be {one_of(known)}" if known else "names no checklist item"
            raise InterchangeError(where, f"{choices}, not {describe(key)}.")
        if key in seen:
            raise InterchangeError(where, f"{describe(key)} is already ticked at {seen[key]}.")
        seen[key] = where
    return frozenset(seen)


def _prompt(value: Any, section: Section) -> int | None:
    path = "session.prompt"
    if value is None:
        return None
    if not section.prompts:
        raise InterchangeError(path, f"section {section.number} has no prompts; it must be null.")
    if not isinstance(value, int) or isinstance(value, bool):
        raise InterchangeError(path, f"must be a whole number, not {describe(value)}.")
    return in_range(value, 0, len(section.prompts) - 1, path)


def _object(value: Any, path: str, *, holding: str, each: str) -> dict[str, Any]:
    """An optional object field: each key given once. `holding` and `each` say what it holds
    in the messages, e.g. "of counts" and "count"."""
    if not isinstance(value, dict):
        raise InterchangeError(path, f"must be an object {holding}, not {describe(value)}.")
    repeated = getattr(value, "duplicate", None)
    if repeated is not None:
        raise InterchangeError(child(path, repeated), f"appears twice; give each {each} once.")
    return value


def _tallies(value: Any, path: str, template: Template) -> tuple[tuple[str, int], ...]:
    value = _object(value, path, holding="of counts", each="count")
    counts = []
    for key, count in value.items():
        where = child(path, key)
        try:
            check_tally_key(key)
        except ValidationError:
            raise InterchangeError(
                where,
                "is not a tally: a key is dots:<column> or "
                "survey:<pre, mid or post>:<question>:<answer>.",
            ) from None
        column = dots_column(key)
        if column is not None and column not in template.column_keys:
            raise InterchangeError(
                where,
                f'the "{template.key}" board has no column {describe(column)} '
                f"(its columns are {one_of(template.column_keys)}).",
            )
        if not isinstance(count, int) or isinstance(count, bool):
            raise InterchangeError(where, f"must be a whole number, not {describe(count)}.")
        if not 0 <= count <= MAX_TALLY:
            raise InterchangeError(
                where, f"must be from 0 to {MAX_TALLY:,}, not {describe(count)}."
            )
        counts.append((key, count))
    return tuple(counts)


def read_details(value: Any, path: str, template: Template) -> tuple[tuple[str, str], ...]:
    """A note's card parts, in the template's order."""
    value = _object(value, path, holding="(a card's parts)", each="part")
    parts = [p.key for p in template.card_parts]
    for key, text in value.items():
        where = child(path, key)
        if key not in parts:
            if not parts:
                raise InterchangeError(
                    where, f'cards on the "{template.key}" board have no parts; leave it out.'
                )
            raise InterchangeError(
                where,
                f'is not a part of a card on the "{template.key}" board '
                f"(its parts are {one_of(parts)}).",
            )
        if not isinstance(text, str):
            raise InterchangeError(where, f"must be text, not {describe(text)}.")
        try:
            clean_details(template, [(key, text)])
        except ValidationError as exc:
            message = str(exc)
            raise InterchangeError(where, message[:1].lower() + message[1:]) from exc
    return clean_details(template, value)
