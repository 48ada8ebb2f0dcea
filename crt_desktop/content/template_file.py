"""Parses one board template file (templates/*.toml) into a domain Template."""

from __future__ import annotations

from typing import Any

from crt_desktop.domain.template import BoardMode, CardPart, Column, Template
from crt_desktop.domain.vocabulary import Kind, Level

from .fields import Fields, unique_keys

_TEMPLATE_FIELDS = (
    "key",
    "title",
    "kinds",
    "levels",
    "entry_column",
    "mode",
    "reminder",
    "result_column",
    "ranked",
    "keep_top",
    "shuffle",
    "columns",
    "card_parts",
)


def _column(c: Fields) -> Column:
    c.only(("key", "title", "help", "for_leader"))
    return Column(
        key=c.text("key"),
        title=c.text("title"),
        help=c.text("help"),
        for_leader=c.flag("for_leader"),
    )


def _card_part(p: Fields) -> CardPart:
    p.only(("key", "title", "help"))
    return CardPart(key=p.text("key"), title=p.text("title"), help=p.text("help"))


def _column_ref(f: Fields, key: str, keys: list[str], default: str) -> str:
    value = f.text(key, required=False, default=default)
    if value and value not in keys:
        raise f.fail(key, f"names no column of this template ({value!r})")
    return value


def parse_template(data: dict[str, Any], file: str) -> Template:
    f = Fields(data, file)
    f.only(_TEMPLATE_FIELDS)
    columns = [_column(c) for c in f.tables("columns")]
    keys = [c.key for c in columns]
    unique_keys(f, "columns", keys, "columns")
    parts = [_card_part(p) for p in f.tables("card_parts", required=False)]
    unique_keys(f, "card_parts", [p.key for p in parts], "card parts")
    kinds = f.enum_list("kinds", Kind)
    if not kinds:
        raise f.fail("kinds", "must name at least one kind of note")
    ranked, keep_top = f.flag("ranked"), f.number("keep_top", default=0)
    if keep_top < 0:
        raise f.fail("keep_top", "must be zero (no limit) or more")
    result = _column_ref(f, "result_column", keys, "")
    if (ranked or keep_top) and not result:
        raise f.fail("result_column", "must name the column that is ranked or kept")
    return Template(
        key=f.text("key"),
        title=f.text("title"),
        columns=tuple(columns),
        kinds=kinds,
        levels=f.enum_list("levels", Level),
        entry_column=_column_ref(f, "entry_column", keys, keys[0]),
        mode=f.enum("mode", BoardMode, BoardMode.NOTES),
        reminder=f.text("reminder", required=False),
        card_parts=tuple(parts),
        result_column=result,
        ranked=ranked,
        keep_top=keep_top,
        shuffle=f.flag("shuffle"),
    )
