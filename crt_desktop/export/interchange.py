"""JSON interchange (version 1): a whole session as one plain file, to move or keep.

Writing is deterministic (board order, fixed field order and indentation, UTF-8 as is, a final
newline), so export -> import -> export gives the same bytes. Reading checks everything first;
see interchange_read and docs/interchange.md.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from crt_desktop.domain.board import Board
from crt_desktop.domain.note import Note, Response

from .interchange_format import FORMAT, MAX_FILE_BYTES, VERSION, InterchangeError
from .interchange_read import board_from_json, parse_json, read_board_file
from .interchange_tools import note_tools_to_dict, session_tools_to_dict
from .pdf.files import write_atomically

__all__ = [
    "FORMAT",
    "MAX_FILE_BYTES",
    "VERSION",
    "InterchangeError",
    "board_from_json",
    "board_to_dict",
    "board_to_json",
    "parse_json",
    "read_board_file",
    "write_board_file",
]


def board_to_dict(board: Board) -> dict[str, Any]:
    """The board as plain JSON-ready data, notes in board order (column order, then position)."""
    return {**_head(board), "notes": [_note(n) for n in _notes_in_order(board)]}


def _notes_in_order(board: Board) -> Iterator[Note]:
    known = set(board.template.column_keys)
    strays = sorted({n.column for n in board.notes.values()} - known)
    if strays:
        # Never drop notes silently: a board like this is damaged, and saying so is better.
        raise ValueError(f"Notes sit in a column this board does not have ({strays[0]!r}).")
    for column in board.template.column_keys:
        yield from board.in_column(column)


def _head(board: Board) -> dict[str, Any]:
    s = board.session
    return {
        "format": FORMAT,
        "version": VERSION,
        "session": {
            "team": s.team,
            "section": s.section,
            "held_on": s.held_on.isoformat(),
            "template": s.template,
            "facilitation_team": s.facilitation_team,
            "screening": s.screening,
            **session_tools_to_dict(s),
        },
    }


def _note(note: Note) -> dict[str, Any]:
    return {
        "text": note.text,
        "kind": note.kind.value,
        "level": note.level.value if note.level is not None else None,
        "column": note.column,
        "votes": note.votes,
        "leader_added": note.leader_added,
        "id": note.id,
        "group": note.stack,
        "hidden": note.hidden,
        "response": _response(note.response) if note.response is not None else None,
        **note_tools_to_dict(note),
    }


def _response(response: Response) -> dict[str, Any]:
    return {
        "status": response.status.value,
        "reason": response.reason,
        "change_impossible": response.change_impossible,
        "updates": [{"on": u.on.isoformat(), "text": u.text} for u in response.updates],
    }


def board_to_json(board: Board) -> str:
    """The session file's text: two-space indents, characters as they are, a final newline."""
    return "".join(_pieces(board))


_NOTE_ENCODER = json.JSONEncoder(indent=2, ensure_ascii=False)  # made once: notes are many


def _pieces(board: Board) -> Iterator[str]:
    """The text of json.dumps(board_to_dict(board), indent=2) and a newline, made one note at
    a time, so that writing a large session holds one note's data rather than the whole file's.
    (JSON text has no raw line breaks inside strings, so indenting every line is safe.)"""
    head = json.dumps({**_head(board), "notes": []}, indent=2, ensure_ascii=False)
    notes = _notes_in_order(board)
    first = next(notes, None)
    if first is None:
        yield head + "\n"
        return
    yield head.removesuffix("[]\n}") + "[\n"
    for i, note in enumerate(itertools.chain([first], notes)):
        text = _NOTE_ENCODER.encode(_note(note))
        yield ("    " if i == 0 else ",\n    ") + text.replace("\n", "\n    ")
    yield "\n  ]\n}\n"


def write_board_file(board: Board, path: Path) -> Path:
    """Write the session file whole or not at all (owner-only, like the database: it holds
    everything said in the room). ExportError, one sentence, when it cannot be written."""
    pieces = _pieces(board)
    first = next(pieces)  # a board that cannot be written fails before any file is made

    def write(file: BinaryIO) -> None:
        for piece in itertools.chain([first], pieces):
            file.write(piece.encode("utf-8"))

    return write_atomically(path, write, "the session file")
