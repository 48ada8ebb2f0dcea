"""Reading a leader's answers back from a filled-in leader summary (pypdf).

Only the fields `response_form` wrote are read; a PDF for another session, one without answer
fields, or a file that is not a readable PDF is refused with one sentence.
"""

from __future__ import annotations

import io
import logging
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crt_desktop.domain.report_back import Answer
from crt_desktop.domain.session import Session
from crt_desktop.domain.vocabulary import ResponseStatus

from .response_form import (
    IMPOSSIBLE,
    MARKER,
    PREFIX,
    REASON,
    STATUS,
    UID_MARKER,
    parse_field_name,
    summary_title,
)

MAX_PDF_BYTES = 50 * 1024 * 1024
NO_FIELDS = (
    "This PDF has no answer fields; import the leader summary that CRT Desktop exported, "
    "after the leader has filled it in."
)


class ResponsesError(ValueError):
    """The PDF cannot give answers for this session; the message is one sentence for people."""


NOT_A_PDF = "That file is not a PDF this app can read."
DAMAGED = (
    "That PDF is damaged (part of it is missing or broken), so its answers cannot be trusted; "
    "ask the leader to save it again and send a new copy."
)
PASSWORD = (
    "That PDF is protected by a password; ask the leader to save a copy without one and send that."
)
SESSION_NUMBER = re.compile(r"[0-9]{1,18}")  # ASCII digits only ("²" is a digit to Python)
SESSION_UID = re.compile(r"[0-9a-f]{32}")


@dataclass(frozen=True)
class FilledForm:
    session_id: int
    answers: dict[str, Answer] = field(default_factory=dict)
    title: str = ""  # the PDF's title, e.g. "Leader summary: Outpatient nursing, section 4"
    # The session's unique identifier; "" in summaries exported before it was written in.
    session_uid: str = ""


class _Heard(logging.Handler):
    """Collects what pypdf logs, so a warning never reaches the terminal and counts as damage."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def _quiet_pypdf() -> Iterator[_Heard]:
    """Silence pypdf's logger and Python warnings while a file is read; what they said is kept."""
    logger = logging.getLogger("pypdf")
    heard = _Heard()
    saved = logger.handlers[:], logger.propagate
    logger.handlers[:] = [heard]
    logger.propagate = False
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield heard
        heard.records += [logging.makeLogRecord({"msg": str(w.message)}) for w in caught]
    finally:
        logger.handlers[:], logger.propagate = saved


def _ends_whole(data: bytes) -> bool:
    """Whether the file ends with its end-of-file marker: a save cut off half way (the last
    incremental update) leaves the earlier version readable, without the leader's answers."""
    return data.rstrip(b"\x00\t\n\x0c\r ").endswith(b"%%EOF")


_OBJECT_START = re.compile(rb"\s*(\d+)\s+(\d+)\s+obj\b")


def _objects_where_listed(reader: Any, data: bytes) -> bool:
    """The structure check: every object the cross-reference tables list starts where they say
    (an overwritten or cut file fails it, as `qpdf --check` does), not only those read."""
    for generation, offsets in reader.xref.items():
        for number, offset in offsets.items():
            found = _OBJECT_START.match(data, offset) if 0 <= offset < len(data) else None
            if found is None or (int(found[1]), int(found[2])) != (number, generation):
                return False
    return True


def read_filled_form(data: bytes) -> FilledForm:
    """Every answer in a filled-in summary, by note id; ResponsesError with one sentence for
    anything else: not a PDF, damaged, protected by a password, or holding wrong values."""
    if not data.lstrip()[:1024].find(b"%PDF-") >= 0:
        raise ResponsesError(NOT_A_PDF)
    if not _ends_whole(data):
        raise ResponsesError(DAMAGED)
    with _quiet_pypdf() as heard:
        try:
            fields, title = _read(data)
        except ResponsesError:
            raise
        except Exception as exc:  # pypdf raises many kinds for hostile or broken files
            raise ResponsesError(DAMAGED if b"%%EOF" in data else NOT_A_PDF) from exc
    if heard.records:
        raise ResponsesError(DAMAGED)
    return _form(fields, title)


def _read(data: bytes) -> tuple[dict[str, dict[str, Any]], str]:
    """(field name -> its value and its widgets' states, title), straight from the form."""
    from pypdf import PasswordType, PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")
        except DependencyError as exc:
            raise ResponsesError(
                "That PDF is encrypted in a way this installation cannot open; ask the leader "
                "to save a copy without encryption."
            ) from exc
        if opened == PasswordType.NOT_DECRYPTED:
            raise ResponsesError(PASSWORD)
    try:
        root: Any = reader.trailer["/Root"]
    except FileNotDecryptedError as exc:
        raise ResponsesError(PASSWORD) from exc
    len(reader.pages)  # the page tree is read as any PDF reader would: damage shows here too
    if not _objects_where_listed(reader, data):
        raise ResponsesError(DAMAGED)
    form = root.get("/AcroForm")
    found: dict[str, dict[str, Any]] = {}
    entries: Any = form.get_object().get("/Fields") if form is not None else None
    for ref in entries or []:
        item = ref.get_object()
        name = item.get("/T")
        if not isinstance(name, str) or not name.startswith(PREFIX):
            continue
        kids = [k.get_object() for k in item.get("/Kids") or []]
        found[str(name)] = {
            "V": item.get("/V"),
            "AS": [k.get("/AS") for k in kids] or [item.get("/AS")],
        }
    title = reader.metadata.title if reader.metadata else ""
    return found, str(title or "")


def _form(fields: dict[str, dict[str, Any]], title: str) -> FilledForm:
    marker = fields.get(MARKER, {}).get("V")
    if marker is None:
        raise ResponsesError(NO_FIELDS)
    if not isinstance(marker, str) or not SESSION_NUMBER.fullmatch(marker):
        raise ResponsesError(f"The field {MARKER} does not hold a session number.")
    uid = fields.get(UID_MARKER, {}).get("V")
    if uid is not None and (not isinstance(uid, str) or not SESSION_UID.fullmatch(uid)):
        raise ResponsesError(f"The field {UID_MARKER} does not hold a session identifier.")
    session_id = int(marker)
    parts: dict[str, dict[str, tuple[str, dict[str, Any]]]] = {}
    for name, value in fields.items():
        parsed = parse_field_name(name)
        if parsed is None or parsed[0] != session_id:
            continue
        _, note_id, part = parsed
        parts.setdefault(note_id, {})[part] = (name, value)
    if not parts:
        raise ResponsesError(NO_FIELDS)
    answers = {note_id: _answer(found) for note_id, found in parts.items()}
    return FilledForm(session_id, answers, title, str(uid or ""))


def _state(name: str, value: dict[str, Any]) -> str:
    """A button group's choice, from its value and its widgets' states together: "" for none.

    Some fillers set only the value, some only the widgets; when both are set they must agree."""
    chosen = value.get("V")
    if chosen is not None and not (isinstance(chosen, str) and chosen.startswith("/")):
        raise ResponsesError(f"The field {name} holds something other than a choice.")
    states = value.get("AS") or []
    for state in states:
        if state is not None and not (isinstance(state, str) and state.startswith("/")):
            raise ResponsesError(f"The field {name} holds something other than a choice.")
    on = {str(s)[1:] for s in states if s is not None and s != "/Off"}
    by_value = "" if chosen is None or chosen == "/Off" else str(chosen)[1:]
    if len(on) > 1:
        raise ResponsesError(f"The field {name} has more than one choice ticked.")
    by_widgets = next(iter(on), "")
    if by_value and by_widgets and by_value != by_widgets:
        raise ResponsesError(
            f"The field {name} says {by_value[:40]!r} but shows {by_widgets[:40]!r} ticked."
        )
    return by_value or by_widgets


def _answer(found: dict[str, tuple[str, dict[str, Any]]]) -> Answer:
    chosen = _state(*found[STATUS]) if STATUS in found else ""
    if chosen == "":
        status = ResponseStatus.NOT_REVIEWED
    else:
        try:
            status = ResponseStatus(chosen)
        except ValueError:
            raise ResponsesError(
                f"One item's answer has a status this app does not know ({chosen[:40]!r})."
            ) from None
    impossible = _state(*found[IMPOSSIBLE]) != "" if IMPOSSIBLE in found else False
    reason = ""
    if REASON in found:
        name, value = found[REASON]
        text = value.get("V")
        if text is not None and not isinstance(text, str):
            raise ResponsesError(f"The field {name} holds something other than text.")
        reason = str(text or "")
    return Answer(status, reason, impossible)


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


def answers_for(form: FilledForm, session: Session) -> dict[str, Answer]:
    """The answers, if the form belongs to this session of this database; else ResponsesError.

    A summary names its session by number and by the session's unique identifier, so a PDF
    from another database's session of the same number is refused. One exported before the
    identifier was written in must at least carry this session's title."""
    about = f" ({form.title})" if form.title else ""
    if form.session_id != session.id:
        raise ResponsesError(
            f"This PDF holds answers for session {form.session_id}{about}, not for session "
            f"{session.id}; import it into session {form.session_id}."
        )
    if form.session_uid and session.uid and form.session_uid != session.uid:
        raise ResponsesError(
            f"This PDF{about} was exported from another database's session {form.session_id}, "
            "not this one's; import it into the database it came from."
        )
    if not form.session_uid and not form.title.startswith(summary_title(session)):
        raise ResponsesError(
            f"This PDF{about} does not say which database it came from and its title is not "
            f"this session's; import it into the database it was exported from."
        )
    return form.answers
