"""Parses one board template file (templates/*.toml) into a domain Template."""

from __future__ import annotations

from typing import Any

from crt_desktop.domain.template import CardPart, Column, Template

from .fields import ContentError, unique_keys
from .shapes import TemplateFile, convert


def _column_ref(file: str, key: str, value: str, keys: list[str]) -> str:
    if value and value not in keys:
        raise ContentError(f"{file}: field '{key}' names no column of this template ({value!r}).")
    return value


def parse_template(data: dict[str, Any], file: str) -> Template:
    f = convert(data, TemplateFile, file)
    columns = [
        Column(key=c.key, title=c.title, help=c.help, for_leader=c.for_leader) for c in f.columns
    ]
    keys = [c.key for c in columns]
    unique_keys(file, "columns", keys, "columns")
    parts = [CardPart(key=p.key, title=p.title, help=p.help) for p in f.card_parts]
    unique_keys(file, "card_parts", [p.key for p in parts], "card parts")
    if not f.kinds:
        raise ContentError(f"{file}: field 'kinds' must name at least one kind of note.")
    if f.keep_top < 0:
        raise ContentError(f"{file}: field 'keep_top' must be zero (no limit) or more.")
    result = _column_ref(file, "result_column", f.result_column, keys)
    if (f.ranked or f.keep_top) and not result:
        raise ContentError(
            f"{file}: field 'result_column' must name the column that is ranked or kept."
        )
    return Template(
        key=f.key,
        title=f.title,
        columns=tuple(columns),
        kinds=tuple(f.kinds),
        levels=tuple(f.levels),
        entry_column=_column_ref(file, "entry_column", f.entry_column, keys) or keys[0],
        mode=f.mode,
        reminder=f.reminder,
        card_parts=tuple(parts),
        result_column=result,
        ranked=f.ranked,
        keep_top=f.keep_top,
        shuffle=f.shuffle,
    )
