"""Typed, path-aware access to one JSON object of a session file.

Every problem becomes an InterchangeError naming the field's full path, e.g. `notes[3].kind`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, TypeVar

from crt_desktop.domain.validation import ValidationError

from .interchange_format import DATE_PATTERN, InterchangeError

T = TypeVar("T")
_MISSING: Any = object()
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


def _list_words(words: Sequence[str]) -> str:
    return ", ".join(words[:-1]) + " and " + words[-1] if len(words) > 1 else words[0]


class Fields:
    """One JSON object of the file: checked for unknown and repeated fields on creation."""

    def __init__(
        self,
        value: Any,
        path: str,
        what: str,
        required: Sequence[str],
        optional: Sequence[str] = (),
    ) -> None:
        if not isinstance(value, dict):
            raise InterchangeError(path, f"must be an object (a {what}), not {describe(value)}.")
        self.data: dict[str, Any] = value
        self.path = path
        self.required = required
        if isinstance(value, JsonObject) and value.duplicate is not None:
            raise self.fail(value.duplicate, "appears twice; give each field once.")
        allowed = (*required, *optional)
        for key in value:
            if key not in allowed:
                raise self.fail(
                    key,
                    f"is not a field of version 1 of the format (a {what} has "
                    f"{_list_words(allowed)}).",
                )

    def fail(self, key: str, problem: str) -> InterchangeError:
        return InterchangeError(child(self.path, key), problem)

    def _get(self, key: str, default: Any) -> Any:
        if key in self.data:
            return self.data[key]
        if key in self.required or default is _MISSING:
            raise self.fail(key, "this required field is missing.")
        return default

    def text(self, key: str, clean: Callable[[str], str], default: Any = _MISSING) -> str:
        """Text, passed through one of the domain's cleaners (NFC, control characters)."""
        value = self._get(key, default)
        if not isinstance(value, str):
            raise self.fail(key, f"must be text, not {describe(value)}.")
        try:
            return clean(value)
        except ValidationError as exc:
            raise self.fail(key, _lower_first(str(exc))) from exc

    def whole_number(self, key: str, low: int, high: int, default: Any = _MISSING) -> int:
        value = self._get(key, default)
        # bool is an int in Python, but true is not a number in a file.
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.fail(key, f"must be a whole number, not {describe(value)}.")
        if not low <= value <= high:
            raise self.fail(key, f"must be from {low:,} to {high:,}, not {describe(value)}.")
        return value

    def flag(self, key: str, default: Any = _MISSING) -> bool:
        value = self._get(key, default)
        if not isinstance(value, bool):
            raise self.fail(key, f"must be true or false, not {describe(value)}.")
        return value

    def choice(self, key: str, values: Sequence[str]) -> str:
        value = self._get(key, _MISSING)
        if not isinstance(value, str) or value not in values:
            raise self.fail(key, f"must be {one_of(values)}, not {describe(value)}.")
        return value

    def choice_or_null(self, key: str, values: Sequence[str]) -> str | None:
        value = self._get(key, _MISSING)
        if value is not None and (not isinstance(value, str) or value not in values):
            shown = one_of([*values, "null"]).replace('"null"', "null")
            raise self.fail(key, f"must be {shown}, not {describe(value)}.")
        return value

    def day(self, key: str) -> date:
        value = self._get(key, _MISSING)
        if not isinstance(value, str) or not DATE_PATTERN.fullmatch(value):
            raise self.fail(key, f"must be a date written YYYY-MM-DD, not {describe(value)}.")
        try:
            return date.fromisoformat(value)
        except ValueError as exc:
            raise self.fail(key, f"is not a real date ({describe(value)}).") from exc

    def items(self, key: str, default: Any = _MISSING) -> list[tuple[str, Any]]:
        """A list's elements, each with its own path."""
        value = self._get(key, default)
        if not isinstance(value, list):
            raise self.fail(key, f"must be a list, not {describe(value)}.")
        base = child(self.path, key)
        return [(f"{base}[{i}]", item) for i, item in enumerate(value)]

    def raw(self, key: str, default: Any = _MISSING) -> Any:
        return self._get(key, default)


def _lower_first(message: str) -> str:
    return message[:1].lower() + message[1:]
