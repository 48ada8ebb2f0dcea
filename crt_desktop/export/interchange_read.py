"""Reading a session file: everything is checked before a board is returned.

Nothing reaches storage unless the whole file is valid, and each problem is reported in one
sentence that names the field (`notes[3].kind: must be "fatigue" or "resilience", not "tired".`).
"""

from __future__ import annotations

import codecs
import errno
import json
import os
import stat
from functools import partial
from pathlib import Path
from typing import Any, NoReturn

from crt_desktop.content import Content
from crt_desktop.domain.board import Board
from crt_desktop.domain.session import Session
from crt_desktop.domain.validation import (
    clean_name,
)

from . import interchange_json
from .interchange_fields import describe, json_object, one_of
from .interchange_format import (
    FORMAT,
    MAX_FILE_BYTES,
    VERSION,
    InterchangeError,
)
from .interchange_json import NoteList
from .interchange_notes import arrange, day, read_note, text_field
from .interchange_schema import FileShape, NoteShape, SessionShape, convert
from .interchange_tools import in_range, read_session_tools

_OTHER_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _too_large(size: int) -> NoReturn:
    raise InterchangeError(
        "",
        f"the file is {size / MIB:,.1f} MiB; a session file can be at most "
        f"{MAX_FILE_BYTES // MIB:,} MiB.",
    )


MIB = 1024 * 1024


def _reject_constant(name: str) -> NoReturn:
    raise InterchangeError("", f"the file holds {name}, which is not a number JSON allows.")


def parse_json(data: str | bytes, *, notes_as_read: bool = False) -> Any:
    """The file's JSON value, or InterchangeError: size is checked before anything is parsed.

    With `notes_as_read`, a session file's notes are parsed one by one as they are read (an
    interchange_json.NoteList), so memory follows one note rather than the whole file."""
    if isinstance(data, bytes):
        if len(data) > MAX_FILE_BYTES:
            _too_large(len(data))
        if data.startswith(_OTHER_BOMS):
            raise InterchangeError("", "the file must be saved as UTF-8 text, not UTF-16 or 32.")
        try:
            # utf-8-sig: a byte order mark (as some Windows editors write) is skipped.
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InterchangeError(
                "", f"the file is not valid UTF-8 text (a bad byte at offset {exc.start:,})."
            ) from exc
    else:
        # A character takes at least one byte, so this refuses every text over the limit.
        if len(data) > MAX_FILE_BYTES:
            _too_large(len(data))
        text = data.removeprefix("\ufeff")
    try:
        if notes_as_read:
            return interchange_json.loads(text, _reject_constant)
        return json.loads(text, object_pairs_hook=json_object, parse_constant=_reject_constant)
    except InterchangeError:
        raise
    except RecursionError as exc:
        raise InterchangeError(
            "", "the file nests lists or objects far too deeply to be a session file."
        ) from exc
    except json.JSONDecodeError as exc:
        # Some of json's messages end in "at" already ("Invalid control character at").
        problem = exc.msg.removesuffix(" at")
        raise InterchangeError(
            "", f"the file is not valid JSON ({problem} at line {exc.lineno}, column {exc.colno})."
        ) from exc
    except ValueError as exc:  # e.g. a number with thousands of digits
        raise InterchangeError("", "the file holds a number too long to read.") from exc


def read_board_file(path: Path, content: Content) -> Board:
    """Read and check a session file; its size is checked before it is read."""
    try:
        # Non-blocking, so that a named pipe or a device is refused at once rather than waited
        # on; what was opened is then checked, so nothing can be swapped in between.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as file:
            info = os.fstat(file.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise IsADirectoryError(errno.EISDIR, "Is a directory", str(path))
            if not stat.S_ISREG(info.st_mode):
                raise InterchangeError("", f"{path} is not a file (it is a pipe or a device).")
            if info.st_size > MAX_FILE_BYTES:
                _too_large(info.st_size)
            data = file.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError as exc:
        raise InterchangeError("", f"there is no file {path}.") from exc
    except IsADirectoryError as exc:
        raise InterchangeError("", f"the path {path} is a folder, not a session file.") from exc
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise InterchangeError("", f"could not read {path} ({reason}).") from exc
    return board_from_json(data, content)


def board_from_json(data: str | bytes, content: Content) -> Board:
    """A new, unsaved board (session id None) from a session file's text or bytes.

    Raises InterchangeError (a ValueError) naming the first problem found; returns only a board
    that is valid throughout. Positions follow the order of the notes in the file."""
    return board_from_data(parse_json(data, notes_as_read=True), content)


def board_from_data(data: Any, content: Content) -> Board:
    if not isinstance(data, dict):
        raise InterchangeError(
            "", f"the file must hold one JSON object (a session), not {describe(data)}."
        )
    if data.get("format") != FORMAT:
        found = f"not {describe(data['format'])}" if "format" in data else "and it is missing"
        raise InterchangeError(
            "format",
            f'this is not a CRT Desktop session file (the format should be "{FORMAT}", {found}).',
        )
    _check_version(data.get("version", None), "version" in data)
    top = convert(data, FileShape, "")
    session = _session(top.session, content)
    template = content.templates[session.template]
    notes = top.notes
    if not isinstance(notes, list | NoteList):
        raise InterchangeError("notes", f"must be a list, not {describe(notes)}.")
    drafts = [
        read_note(convert(value, NoteShape, f"notes[{i}]"), f"notes[{i}]", template)
        for i, value in enumerate(notes)
    ]
    notes_by_id = {n.id: n for n in arrange(drafts, template)}
    return Board(session=session, template=template, notes=notes_by_id)


def _check_version(version: Any, present: bool) -> None:
    if not present:
        raise InterchangeError("version", "this required field is missing.")
    if isinstance(version, int) and not isinstance(version, bool):
        if version > VERSION:
            raise InterchangeError(
                "version",
                f"this file was written by a newer CRT Desktop (format version {version}); "
                f"this one reads version {VERSION}, so please update the app to import it.",
            )
        if version == VERSION:
            return
    raise InterchangeError(
        "version", f"must be {VERSION}, the only version there is, not {describe(version)}."
    )


def _session(f: SessionShape, content: Content) -> Session:
    numbers = [s.number for s in content.sections]
    section = in_range(f.section, min(numbers), max(numbers), "session.section")
    if section not in numbers:  # pragma: no cover - the packaged sections have no gaps
        raise InterchangeError("session.section", f"there is no section {section}.")
    if not isinstance(f.template, str) or f.template not in content.templates:
        choices = one_of(sorted(content.templates))
        raise InterchangeError(
            "session.template", f"must be {choices}, not {describe(f.template)}."
        )
    return Session(
        team=text_field(f.team, "session.team", partial(clean_name, what="team")),
        section=section,
        held_on=day(f.held_on, "session.held_on"),
        template=f.template,
        facilitation_team=text_field(
            f.facilitation_team,
            "session.facilitation_team",
            partial(clean_name, what="facilitation team", required=False),
        ),
        screening=f.screening,
        **read_session_tools(f, content, content.section(section), content.templates[f.template]),
    )
