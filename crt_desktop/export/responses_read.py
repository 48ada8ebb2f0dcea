"""Reading a leader's answers back from a filled-in leader summary (pypdf).

Only the fields `response_form` wrote are read; a PDF for another session, one without answer
fields, or a file that is not a readable PDF is refused with one sentence.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crt_desktop.domain.report_back import Answer
from crt_desktop.domain.vocabulary import ResponseStatus

from .response_form import IMPOSSIBLE, MARKER, REASON, STATUS, parse_field_name

MAX_PDF_BYTES = 50 * 1024 * 1024
NO_FIELDS = (
    "This PDF has no answer fields; import the leader summary that CRT Desktop exported, "
    "after the leader has filled it in."
)


class ResponsesError(ValueError):
    """The PDF cannot give answers for this session; the message is one sentence for people."""


@dataclass(frozen=True)
class FilledForm:
    session_id: int
    answers: dict[str, Answer] = field(default_factory=dict)
    title: str = ""  # the PDF's title, e.g. "Leader summary: Outpatient nursing, section 4"


def _text(value: Any) -> str:
    if value is None:
        return ""
    return str(value)


def _name_value(value: Any) -> str:
    """A radio or check box value ("/next_year", "/Off") without its slash."""
    return _text(value).lstrip("/")


def read_filled_form(data: bytes) -> FilledForm:
    """Every answer in a filled-in summary, by note id; ResponsesError if there are none."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        fields = reader.get_fields() or {}
        title = _text(reader.metadata.title if reader.metadata else "")
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ResponsesError("That file is not a PDF this app can read.") from exc
    marker = _text(fields[MARKER].get("/V")) if MARKER in fields else ""
    if not marker.isdigit():
        raise ResponsesError(NO_FIELDS)
    session_id = int(marker)
    parts: dict[str, dict[str, Any]] = {}
    for name, value in fields.items():
        parsed = parse_field_name(name)
        if parsed is None or parsed[0] != session_id:
            continue
        _, note_id, part = parsed
        parts.setdefault(note_id, {})[part] = value.get("/V")
    if not parts:
        raise ResponsesError(NO_FIELDS)
    answers = {note_id: _answer(found) for note_id, found in parts.items()}
    return FilledForm(session_id, answers, title)


def _answer(found: dict[str, Any]) -> Answer:
    chosen = _name_value(found.get(STATUS))
    if chosen in ("", "Off"):
        status = ResponseStatus.NOT_REVIEWED
    else:
        try:
            status = ResponseStatus(chosen)
        except ValueError:
            raise ResponsesError(
                f"One item's answer has a status this app does not know ({chosen[:40]!r})."
            ) from None
    impossible = _name_value(found.get(IMPOSSIBLE)) not in ("", "Off")
    return Answer(status, _text(found.get(REASON)), impossible)


def read_filled_file(path: Path) -> FilledForm:
    """Like read_filled_form, from a file; a missing or unreadable file is a ResponsesError."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_PDF_BYTES:
            raise ResponsesError(f"{path.name} is too large to be a leader summary.")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ResponsesError(f"There is no file {path}.") from exc
    except IsADirectoryError as exc:
        raise ResponsesError(f"{path} is a folder, not a PDF.") from exc
    except OSError as exc:
        raise ResponsesError(f"{path} could not be read ({exc.strerror}).") from exc
    try:
        return read_filled_form(data)
    except ResponsesError as exc:
        raise ResponsesError(f"{path.name}: {exc}") from exc


def answers_for(form: FilledForm, session_id: int) -> dict[str, Answer]:
    """The answers, if the form belongs to this session; else ResponsesError."""
    if form.session_id != session_id:
        about = f" ({form.title})" if form.title else ""
        raise ResponsesError(
            f"This PDF holds answers for session {form.session_id}{about}, not for session "
            f"{session_id}; import it into session {form.session_id}."
        )
    return form.answers
