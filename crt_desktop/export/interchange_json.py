"""Parsing a session file's JSON with memory that grows with one note, not with the file.

The top object is read field by field; its `notes` list is only skimmed, remembering where
each note starts, and each note is parsed again when it is read (and dropped once it has been
turned into a domain Note). A whole-file parse builds every note's dictionary at once, about
eight times the file's size; this keeps the text and the finished board. Anything the skimming
does not expect (another top value, a syntax error) is parsed whole instead, so every error is
json's own, worded as before.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any

from .interchange_fields import JsonObject, json_object

_SPACE = re.compile(r"[ \t\n\r]*")


class NoteList:
    """The file's notes list, each note parsed when it is reached."""

    def __init__(self, text: str, starts: list[int], decoder: json.JSONDecoder) -> None:
        self._text, self._starts, self._decoder = text, starts, decoder

    def __len__(self) -> int:
        return len(self._starts)

    def __iter__(self) -> Iterator[Any]:
        for start in self._starts:
            yield self._decoder.raw_decode(self._text, start)[0]


class _Unexpected(Exception):
    """The text is not laid out as a session file: parse it whole instead."""


def loads(text: str, reject_constant: Callable[[str], Any]) -> Any:
    """The JSON value of `text`; a top object's `notes` list as a NoteList. Raises what
    json.loads raises (JSONDecodeError, RecursionError, ValueError) for a broken text."""
    decoder = json.JSONDecoder(object_pairs_hook=json_object, parse_constant=reject_constant)
    try:
        return _top_object(text, decoder)
    except (_Unexpected, ValueError, RecursionError):
        return decoder.decode(text)


def _top_object(text: str, decoder: json.JSONDecoder) -> JsonObject:
    i = _space(text, 0)
    if not text.startswith("{", i):
        raise _Unexpected
    pairs: list[tuple[str, Any]] = []
    i = _space(text, i + 1)
    if text.startswith("}", i):
        return json_object(pairs)
    while True:
        if not text.startswith('"', i):
            raise _Unexpected
        key, i = decoder.raw_decode(text, i)  # a JSON string: the key
        i = _space(text, i)
        if not text.startswith(":", i):
            raise _Unexpected
        i = _space(text, i + 1)
        value: Any
        if key == "notes" and text.startswith("[", i):
            value, i = _skim_list(text, i, decoder)
        else:
            value, i = decoder.raw_decode(text, i)
        pairs.append((key, value))
        i = _space(text, i)
        if text.startswith(",", i):
            i = _space(text, i + 1)
        elif text.startswith("}", i):
            break
        else:
            raise _Unexpected
    if _space(text, i + 1) != len(text):
        raise _Unexpected  # more after the object: json names it
    return json_object(pairs)


def _skim_list(text: str, i: int, decoder: json.JSONDecoder) -> tuple[NoteList, int]:
    starts: list[int] = []
    i = _space(text, i + 1)
    if text.startswith("]", i):
        return NoteList(text, starts, decoder), i + 1
    while True:
        starts.append(i)
        _, i = decoder.raw_decode(text, i)  # checked now, parsed again when read
        i = _space(text, i)
        if text.startswith(",", i):
            i = _space(text, i + 1)
        elif text.startswith("]", i):
            return NoteList(text, starts, decoder), i + 1
        else:
            raise _Unexpected


def _space(text: str, i: int) -> int:
    found = _SPACE.match(text, i)
    return found.end() if found else i
