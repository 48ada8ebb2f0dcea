"""The shape of a session file's objects, checked strictly by msgspec.

msgspec checks types (a whole number is not `3.0`, `"3"` or `true`), required and unknown
fields, fixed choices and fixed ranges; `convert` turns its report into the format's own
sentence, naming the field's full path (`notes[3].votes: must be from 0 to 1,000,000, not -1.`).
What depends on the content (sections, boards, columns, checklist items) and the cleaning of
text are checked after, in interchange_read and interchange_tools. Fields typed `Any` are
checked there too, with messages of their own.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Annotated, Any, ClassVar, TypeVar

import msgspec
from msgspec import inspect

from crt_desktop.domain.vocabulary import Kind, Level, ResponseStatus

from .interchange_fields import JsonObject, child, describe, one_of
from .interchange_format import MAX_VOTES, InterchangeError


class Shape(msgspec.Struct, forbid_unknown_fields=True):
    """One object of the file; `what` names it in messages ("a note")."""

    what: ClassVar[str]


class UpdateShape(Shape):
    what = "progress update"
    on: Any  # a date: checked with its own message
    text: str


class ResponseShape(Shape):
    what = "response"
    status: ResponseStatus
    reason: str = ""
    change_impossible: bool = False
    updates: list[UpdateShape] = msgspec.field(default_factory=list)


class NoteShape(Shape):
    what = "note"
    text: str
    kind: Kind
    level: Level | None
    column: Any  # one of the board's columns
    votes: Annotated[int, msgspec.Meta(ge=0, le=MAX_VOTES)]
    leader_added: bool
    id: Any = None  # ids, groups and carried_from: short plain names, or null
    group: Any = None
    hidden: bool = False
    response: ResponseShape | None = None
    details: Any = msgspec.field(default_factory=dict)
    carried_from: Any = None


class SessionShape(Shape):
    what = "session"
    team: str
    section: int  # within the content's sections
    held_on: Any
    template: Any
    facilitation_team: str = ""
    screening: bool = False
    components: Any = msgspec.field(default_factory=list)
    step: int = 0  # within the section's steps
    prompt: Any = None
    tallies: Any = msgspec.field(default_factory=dict)


class FileShape(Shape):
    what = "session file"
    format: Any  # both checked before the rest, so that another file is told apart at once
    version: Any
    session: SessionShape
    notes: Any  # a list, read note by note


S = TypeVar("S", bound=Shape)

_AT = re.compile(r"(?P<problem>.*?)(?: - at `\$(?P<path>.*)`)?", re.DOTALL)
_FIELD = re.compile(r"Object (?P<kind>missing required|contains unknown) field `(?P<key>.*)`", re.S)
_STEP = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")


@cache
def _info(shape: type[Shape]) -> inspect.Type:
    return inspect.type_info(shape)  # slow to build (it reads the annotations), so built once


def convert(value: Any, shape: type[S], path: str) -> S:
    """`value` (parsed JSON) as `shape`, or InterchangeError naming the first problem."""
    _refuse_repeats(value, _info(shape), path)
    try:
        return msgspec.convert(value, shape, strict=True)
    except msgspec.ValidationError as exc:
        raise _sentence(str(exc), value, shape, path) from None


def _sentence(report: str, value: Any, shape: type[Shape], path: str) -> InterchangeError:
    found = _AT.fullmatch(report)
    assert found is not None  # the pattern matches any text
    problem, where = found["problem"], found["path"] or ""
    info = _info(shape)
    for name, index in _STEP.findall(where):
        if name:
            info = next(f.type for f in _fields(_struct_of(info)) if f.name == name)
            value, path = value[name], child(path, name)
        else:
            info = _list_of(info)
            value, path = value[int(index)], f"{path}[{index}]"
    field = _FIELD.fullmatch(problem)
    if field is None:
        return InterchangeError(path, f"{_expected(info, value)}, not {describe(value)}.")
    key = field["key"]
    if field["kind"] == "missing required":
        return InterchangeError(child(path, key), "this required field is missing.")
    struct = _struct_of(info)
    names = [f.name for f in _fields(struct)]
    return InterchangeError(
        child(path, key),
        f"is not a field of version 1 of the format (a {_what(struct)} has {_words(names)}).",
    )


def _expected(info: inspect.Type, value: Any) -> str:
    """What the field must be, as the start of a sentence: "must be true or false"."""
    if isinstance(info, inspect.UnionType):
        choices = [t for t in info.types if not isinstance(t, inspect.NoneType)]
        if len(choices) == 1 and isinstance(choices[0], inspect.EnumType):
            values = [m.value for m in choices[0].cls]
            return "must be " + one_of([*values, "null"]).replace('"null"', "null")
        return _expected(choices[0], value)
    if isinstance(info, inspect.EnumType):
        return f"must be {one_of([m.value for m in info.cls])}"
    if isinstance(info, inspect.IntType):
        if isinstance(value, int) and not isinstance(value, bool):
            return f"must be from {info.ge:,} to {info.le:,}"
        return "must be a whole number"
    if isinstance(info, inspect.BoolType):
        return "must be true or false"
    if isinstance(info, inspect.StrType):
        return "must be text"
    if isinstance(info, inspect.ListType):
        return "must be a list"
    return f"must be an object (a {_what(_struct_of(info))})"


def _struct_of(info: inspect.Type) -> inspect.StructType:
    if isinstance(info, inspect.UnionType):
        info = next(t for t in info.types if isinstance(t, inspect.StructType))
    assert isinstance(info, inspect.StructType)
    return info


def _list_of(info: inspect.Type) -> inspect.Type:
    assert isinstance(info, inspect.ListType)
    return info.item_type


def _what(info: inspect.StructType) -> str:
    return getattr(info.cls, "what", "object")


def _fields(info: inspect.StructType) -> tuple[inspect.Field, ...]:
    return info.fields


def _refuse_repeats(value: Any, info: inspect.Type, path: str) -> None:
    """json keeps only the last of a key given twice; the file is refused instead, at the
    first object of the shape that has one (objects in `Any` fields check their own)."""
    if isinstance(info, inspect.UnionType):
        structs = [t for t in info.types if isinstance(t, inspect.StructType)]
        if not structs:
            return
        info = structs[0]
    if isinstance(info, inspect.ListType) and isinstance(value, list):
        for i, item in enumerate(value):
            _refuse_repeats(item, info.item_type, f"{path}[{i}]")
    if not isinstance(info, inspect.StructType) or not isinstance(value, dict):
        return
    if isinstance(value, JsonObject) and value.duplicate is not None:
        raise InterchangeError(child(path, value.duplicate), "appears twice; give each field once.")
    for f in info.fields:
        if f.name in value:
            _refuse_repeats(value[f.name], f.type, child(path, f.name))


def _words(words: list[str]) -> str:
    return ", ".join(words[:-1]) + " and " + words[-1] if len(words) > 1 else words[0]
