"""Typed access to TOML tables, with errors that name the file and the field."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from enum import Enum
from importlib.resources.abc import Traversable
from typing import Any, TypeVar


class ContentError(ValueError):
    """A content file is malformed; the message names the file and the field."""


def read_toml(file: Traversable, name: str) -> dict[str, Any]:
    try:
        return tomllib.loads(file.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ContentError(f"{name}: not valid TOML ({exc}).") from exc
    except OSError as exc:
        raise ContentError(f"{name}: cannot be read ({exc.strerror or exc}).") from exc


E = TypeVar("E", bound=Enum)


class Fields:
    """One TOML table of one file; every accessor raises ContentError naming file and field."""

    def __init__(self, data: dict[str, Any], file: str, where: str = "") -> None:
        self.data, self.file, self.where = data, file, where

    def fail(self, key: str, problem: str) -> ContentError:
        return ContentError(f"{self.file}: field '{self.where}{key}' {problem}.")

    def only(self, known: Iterable[str]) -> None:
        """Reject keys this table does not use, so a misspelt field is never silently ignored."""
        unknown = sorted(set(self.data) - set(known))
        if unknown:
            raise self.fail(unknown[0], "is not a known field here")

    def text(self, key: str, *, required: bool = True, default: str = "") -> str:
        value = self.data.get(key, None if required else default)
        if not isinstance(value, str) or (required and not value.strip()):
            raise self.fail(key, "must be non-empty text" if required else "must be text")
        return value

    def number(self, key: str, *, default: int | None = None) -> int:
        value = self.data.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.fail(key, "must be a whole number")
        return value

    def flag(self, key: str, *, default: bool = False) -> bool:
        value = self.data.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(key, "must be true or false")
        return value

    def text_list(self, key: str, default: list[str] | None = None) -> list[str]:
        value = self.data.get(key, default)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(key, "must be a list of text")
        return value

    def lines(self, key: str) -> tuple[str, ...]:
        """A required, non-empty list of non-empty text lines."""
        value = self.text_list(key)
        if not value:
            raise self.fail(key, "must list at least one line")
        for i, line in enumerate(value):
            if not line.strip():
                raise self.fail(f"{key}[{i}]", "must be non-empty text")
        return tuple(value)

    def table(self, key: str) -> Fields:
        value = self.data.get(key)
        if not isinstance(value, dict):
            raise self.fail(key, "must be a table")
        return Fields(value, self.file, f"{self.where}{key}.")

    def tables(self, key: str, *, required: bool = True) -> list[Fields]:
        value = self.data.get(key, None if required else [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(key, "must be a list of tables")
        if required and not value:
            raise self.fail(key, "must be a non-empty list of tables")
        return [Fields(v, self.file, f"{self.where}{key}[{i}].") for i, v in enumerate(value)]

    def enum_list(self, key: str, enum: type[E]) -> tuple[E, ...]:
        names = self.text_list(key, [m.value for m in enum])
        try:
            return tuple(enum(n) for n in names)
        except ValueError as exc:
            raise self.fail(key, f"has an unknown value ({exc})") from exc

    def enum(self, key: str, enum: type[E], default: E) -> E:
        name = self.text(key, required=False, default=default.value)
        try:
            return enum(name)
        except ValueError as exc:
            choices = ", ".join(repr(m.value) for m in enum)
            raise self.fail(key, f"must be one of {choices}") from exc


def unique_keys(fields: Fields, key: str, keys: list[str], noun: str) -> None:
    if len(set(keys)) != len(keys):
        twice = next(k for k in keys if keys.count(k) > 1)
        raise fields.fail(key, f"has two {noun} with the same key ({twice!r})")
