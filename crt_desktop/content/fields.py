"""Reading content files (TOML) and the one error they raise, naming the file and the field.

The fields themselves are checked by msgspec (see shapes.py)."""

from __future__ import annotations

import tomllib
from importlib.resources.abc import Traversable
from typing import Any


class ContentError(ValueError):
    """A content file is malformed; the message names the file and the field."""


def read_toml(file: Traversable, name: str) -> dict[str, Any]:
    try:
        return tomllib.loads(file.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ContentError(f"{name}: not valid TOML ({exc}).") from exc
    except OSError as exc:
        raise ContentError(f"{name}: cannot be read ({exc.strerror or exc}).") from exc


def unique_keys(file: str, field: str, keys: list[str], noun: str) -> None:
    if len(set(keys)) != len(keys):
        twice = next(k for k in keys if keys.count(k) > 1)
        raise ContentError(f"{file}: field '{field}' has two {noun} with the same key ({twice!r}).")
