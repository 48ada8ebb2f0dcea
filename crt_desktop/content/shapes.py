"""The shape of each content file (TOML), checked strictly by msgspec.

msgspec checks the types, the required and unknown fields, the fixed choices and non-empty
text; `convert` turns its report into a ContentError naming the file and the field
(`sections/01.toml: field 'steps[0].minutes' must be a whole number.`). What ties files
together (a section's template, a template's columns) is checked by the parsers after.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Annotated, Any, TypeVar

import msgspec
from msgspec import inspect

from crt_desktop.domain.template import BoardMode
from crt_desktop.domain.vocabulary import Kind, Level

from .fields import ContentError

# Text with something in it besides spaces (msgspec matches the pattern anywhere in the text).
Text = Annotated[str, msgspec.Meta(pattern=r"\S")]
Lines = Annotated[list[Text], msgspec.Meta(min_length=1)]


class Table(msgspec.Struct, forbid_unknown_fields=True):
    """One TOML table of a content file."""


class StepTable(Table):
    title: Text
    minutes: int
    guidance: Text


class VisualTable(Table):
    title: Text
    lines: Lines


class SectionFile(Table):
    number: int
    title: Text
    template: Text
    purpose: Text
    steps: Annotated[list[StepTable], msgspec.Meta(min_length=1)]
    prompts: Lines
    leadership_considerations: Lines
    visual: VisualTable
    handout: Lines
    focus: str = ""
    components: Lines | None = None  # None: the whole shared checklist


class ComponentTable(Table):
    key: Text
    title: Text
    help: Text


class ComponentsFile(Table):
    components: Annotated[list[ComponentTable], msgspec.Meta(min_length=1)]


class ColumnTable(Table):
    key: Text
    title: Text
    help: Text
    for_leader: bool = False


class CardPartTable(Table):
    key: Text
    title: Text
    help: Text


class TemplateFile(Table):
    key: Text
    title: Text
    columns: Annotated[list[ColumnTable], msgspec.Meta(min_length=1)]
    kinds: list[Kind] = msgspec.field(default_factory=lambda: list(Kind))
    levels: list[Level] = msgspec.field(default_factory=lambda: list(Level))
    entry_column: str = ""  # "": the first column
    mode: BoardMode = BoardMode.NOTES
    reminder: str = ""
    result_column: str = ""
    ranked: bool = False
    keep_top: int = 0
    shuffle: bool = False
    card_parts: list[CardPartTable] = msgspec.field(default_factory=list)


class QuestionTable(Table):
    key: Text
    text: Text


class SurveyFile(Table):
    answers: Lines
    questions: Annotated[list[QuestionTable], msgspec.Meta(min_length=1)]


T = TypeVar("T", bound=Table)

_AT = re.compile(r"(?P<problem>.*?)(?: - at `\$(?P<path>.*)`)?", re.DOTALL)
_FIELD = re.compile(r"Object (?P<kind>missing required|contains unknown) field `(?P<key>.*)`", re.S)
_STEP = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")


@cache
def _info(shape: type[Table]) -> inspect.Type:
    return inspect.type_info(shape)


def convert(data: dict[str, Any], shape: type[T], file: str) -> T:
    """The file's data as `shape`, or ContentError naming the file and the first bad field."""
    try:
        return msgspec.convert(data, shape, strict=True)
    except msgspec.ValidationError as exc:
        path, problem = _explain(str(exc), data, shape)
        raise ContentError(f"{file}: field '{path}' {problem}.") from None


def _explain(report: str, data: Any, shape: type[Table]) -> tuple[str, str]:
    """The field's path and what is wrong with it, from msgspec's report."""
    found = _AT.fullmatch(report)
    assert found is not None  # the pattern matches any text
    info, value, path = _info(shape), data, ""
    steps = _STEP.findall(found["path"] or "")
    for name, index in steps:
        if index and isinstance(info, inspect.ListType) and _is_enum(info.item_type):
            # A bad value in a list of choices is named by the list, with the value.
            return path, f"has an unknown value ({value[int(index)]!r})"
        info, value, path = _step(info, value, path, name, index)
    field = _FIELD.fullmatch(found["problem"])
    if field is not None:
        if field["kind"] == "contains unknown":
            return _join(path, field["key"]), "is not a known field here"
        return _join(path, field["key"]), _expected(_field_type(info, field["key"]), None)
    return path, _expected(info, value)


def _step(
    info: inspect.Type, value: Any, path: str, name: str, index: str
) -> tuple[inspect.Type, Any, str]:
    info = _unwrap(info)
    if name:
        return _field_type(info, name), value[name], _join(path, name)
    assert isinstance(info, inspect.ListType)
    return info.item_type, value[int(index)], f"{path}[{index}]"


def _field_type(info: inspect.Type, name: str) -> inspect.Type:
    info = _unwrap(info)
    assert isinstance(info, inspect.StructType)
    return next(f.type for f in info.fields if f.name == name)


def _unwrap(info: inspect.Type) -> inspect.Type:
    """A field that may be left out (`X | None`) as X."""
    if isinstance(info, inspect.UnionType):
        return next(t for t in info.types if not isinstance(t, inspect.NoneType))
    return info


def _is_enum(info: inspect.Type) -> bool:
    return isinstance(info, inspect.EnumType)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _expected(info: inspect.Type, value: Any) -> str:
    """What a field must be, for the value found (None when the field is missing)."""
    info = _unwrap(info)
    if isinstance(info, inspect.StrType):
        return "must be non-empty text" if info.pattern else "must be text"
    if isinstance(info, inspect.IntType):
        return "must be a whole number"
    if isinstance(info, inspect.BoolType):
        return "must be true or false"
    if isinstance(info, inspect.EnumType):
        return "must be one of " + ", ".join(repr(m.value) for m in info.cls)
    if isinstance(info, inspect.StructType):
        return "must be a table"
    if isinstance(info, inspect.ListType):
        empty = value == []
        if isinstance(_unwrap(info.item_type), inspect.StructType):
            return "must be a non-empty list of tables" if empty else "must be a list of tables"
        return "must list at least one line" if empty else "must be a list of text"
    return "has a value of the wrong kind"  # pragma: no cover - every field type is above
