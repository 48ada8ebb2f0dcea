"""What the session file's messages are made of: field paths (`notes[3].kind`), short pictures
of wrong values, lists of choices, and JSON objects that remember a key given twice."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,39}")


class JsonObject(dict[str, Any]):
    """A parsed JSON object that remembers a key the file gave twice (json keeps only the last)."""

    duplicate: str | None = None


def json_object(pairs: list[tuple[str, Any]]) -> JsonObject:
    """`object_pairs_hook` for json.loads: never drop a repeated key silently."""
    obj = JsonObject()
    for key, value in pairs:
        if key in obj and obj.duplicate is None:
            obj.duplicate = key
        obj[key] = value
    return obj


def describe(value: Any) -> str:
    """A short, safe picture of a value for an error message (never the whole of a long text)."""
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:40] + "…"
        return json.dumps(shown, ensure_ascii=False)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        shown = repr(value)
        return shown if len(shown) <= 40 else "a very large number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__  # pragma: no cover - json.loads makes nothing else


def child(path: str, key: str) -> str:
    if _PLAIN_KEY.fullmatch(key):
        return f"{path}.{key}" if path else key
    return f"{path}[{describe(key)}]"


def one_of(values: Sequence[str]) -> str:
    quoted = [f'"{v}"' for v in values]
    if len(quoted) <= 2:
        return " or ".join(quoted)
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]
