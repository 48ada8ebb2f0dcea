"""JSON interchange (version 1): a whole session as one plain file, to move or keep.

Writing is deterministic (board order, fixed field order and indentation, UTF-8 as is, a final
newline), so export -> import -> export gives the same bytes. Reading checks everything first;
see interchange_read and docs/interchange.md.
"""

from __future__ import annotations

import json
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
    s = board.session
    known = set(board.template.column_keys)
    strays = sorted({n.column for n in board.notes.values()} - known)
    if strays:
        # Never drop notes silently: a board like this is damaged, and saying so is better.
        raise ValueError(f"Notes sit in a column this board does not have ({strays[0]!r}).")
    notes = [_note(n) for column in board.template.column_keys for n in board.in_column(column)]
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
        "notes": notes,
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
    return json.dumps(board_to_dict(board), indent=2, ensure_ascii=False) + "\n"


def write_board_file(board: Board, path: Path) -> Path:
    """Write the session file whole or not at all (owner-only, like the database: it holds
    everything said in the room). ExportError, one sentence, when it cannot be written."""
    data = board_to_json(board).encode("utf-8")

    def write(file: BinaryIO) -> None:
        file.write(data)

    return write_atomically(path, write, "the session file")
