"""`SqlSessionStore`: the domain's `SessionStore` on SQLAlchemy, rows in and domain objects out.

Every public method runs in one transaction that is committed before it returns, and raises
`StorageError` (one clear sentence) on any database or OS failure. Nothing outside this module
sees a row: the app and its Qt models hold plain domain objects.

Writes use SQLAlchemy Core statements (executemany), not the ORM unit of work: a drag that
renumbers a column saves in a few statements, whatever the number of notes. The store remembers
each note of the open session as last read or committed, so a note that only changed place
(a drag renumbers dozens) is saved by a narrow UPDATE of its place, without reading it first.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import fields, replace
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    String,
    bindparam,
    cast,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.exc import DBAPIError

from crt_desktop.content import content
from crt_desktop.domain.board import Board
from crt_desktop.domain.note import Note, ProgressUpdate, Response
from crt_desktop.domain.patch import Patch
from crt_desktop.domain.plan import clean_entry, same_team, team_key
from crt_desktop.domain.session import Session
from crt_desktop.domain.store import DamagedSessions, SessionSummary, StorageError, numbered
from crt_desktop.domain.template import Template
from crt_desktop.domain.vocabulary import Kind, Level, ResponseStatus

from .errors import translated
from .models import Base, NoteRow, PlanRow, ResponseRow, SessionRow, UpdateRow, now

SESSIONS = Base.metadata.tables[SessionRow.__tablename__]
NOTES = Base.metadata.tables[NoteRow.__tablename__]
RESPONSES = Base.metadata.tables[ResponseRow.__tablename__]
UPDATES = Base.metadata.tables[UpdateRow.__tablename__]
PLANS = Base.metadata.tables[PlanRow.__tablename__]

# Built once: building a statement costs more than running it for a single note.
_NOTE_BY_KEY = (NOTES.c.session_id == bindparam("key_session")) & (
    NOTES.c.id == bindparam("key_id")
)
_UPDATE_NOTE = update(NOTES).where(_NOTE_BY_KEY)
_PLACE = ("column", "position", "stack")
# Every field of a note but its place: a note equal to its stored self in these only moved.
_BODY = tuple(f.name for f in fields(Note) if f.name not in _PLACE)


class _Stale(Exception):
    """The remembered notes no longer match the database: save again, reading it first."""


class SqlSessionStore:
    """Sessions and their boards in any database SQLAlchemy reaches (SQLite by default).

    Also the domain's `PlanStore`: each team's plan of the twelve sections."""

    def __init__(self, engine: Engine, templates: dict[str, Template] | None = None) -> None:
        self._engine = engine
        self._templates = templates
        # The notes of the last session loaded, as stored: session id → note id → note.
        self._stored: dict[int, dict[str, Note]] = {}

    # -- sessions -------------------------------------------------------------------------

    def list_sessions(self) -> list[SessionSummary]:
        """Every session, the most recently held first."""
        s = SESSIONS.c
        # Read as text and parsed here: a damaged time only goes unshown, the list still reads.
        created = cast(s.created_at, String)
        query = (
            select(s.id, s.held_on, s.team, s.section, s.template, func.count(NOTES.c.id), created)
            .select_from(SESSIONS.outerjoin(NOTES, NOTES.c.session_id == s.id))
            .group_by(s.id, s.held_on, s.team, s.section, s.template, created)
            .order_by(s.held_on.desc(), s.id.desc())
        )
        with translated("read the list of sessions"), self._engine.connect() as conn:
            try:
                with _rows_read():
                    return [_summary(row) for row in conn.execute(query)]
            except (ValueError, TypeError):
                pass  # a damaged row (a date that is not one): read them one by one below
            readable, damaged = [], []
            for session_id in conn.execute(select(s.id).order_by(s.id)).scalars():
                try:
                    with _rows_read():
                        row = conn.execute(query.where(s.id == session_id)).one()
                    readable.append(_summary(row))
                except (ValueError, TypeError):
                    damaged.append(session_id)
        readable.sort(key=lambda r: (r.held_on, r.id), reverse=True)
        raise DamagedSessions(
            f"{self._where()} is damaged: {numbered('session', damaged)} cannot be read; "
            f"it was left as it is, and {still_read(readable)}.",
            readable,
        )

    def _where(self, article: str = "The") -> str:
        """The database, named by its file where it has one, for a sentence."""
        path = self._engine.url.database if self._engine.dialect.name == "sqlite" else None
        named = f" {path}" if path and path != ":memory:" else ""
        return f"{article} database{named}"

    def readable_sessions(self, but: int | None = None) -> list[SessionSummary]:
        """The sessions (other than `but`) whose whole board still reads: what can be saved
        from a damaged database."""
        try:
            listed = self.list_sessions()
        except DamagedSessions as exc:
            listed = exc.readable
        out = []
        for summary in listed:
            if summary.id == but:
                continue
            try:
                self._read_board(summary.id)
            except (StorageError, KeyError, ValueError, TypeError):
                continue
            out.append(summary)
        return out

    def create_session(self, session: Session) -> Session:
        """Save a new session (any id it carries is ignored) and return it with its id."""
        with translated("save the new session"), self._engine.begin() as conn:
            return _insert_session(conn, session)

    def update_session(self, session: Session) -> None:
        """Save a session's new details; KeyError if it is not in the database."""
        with translated("save the session"), self._engine.begin() as conn:
            if session.id is None or not _touch_session(conn, session.id, session):
                raise KeyError(session.id)

    def delete_session(self, session_id: int) -> None:
        """Delete a session with all its notes and responses; KeyError if there is none."""
        self._stored.pop(session_id, None)
        with translated("delete the session"), self._engine.begin() as conn:
            # Children first: a database without cascading foreign keys stays tidy too.
            for table in (UPDATES, RESPONSES, NOTES):
                conn.execute(delete(table).where(table.c.session_id == session_id))
            if conn.execute(delete(SESSIONS).where(SESSIONS.c.id == session_id)).rowcount == 0:
                raise KeyError(session_id)

    # -- boards ---------------------------------------------------------------------------

    def load_board(self, session_id: int, *, remember: bool = True) -> Board:
        """The session's board; KeyError if there is no such session.

        With `remember` (the session being opened) its notes are kept as stored for fast
        saves; without it (a board only read, e.g. for carry-over) the open session's stay."""
        try:
            session, template, notes = self._read_board(session_id)
        except (ValueError, TypeError) as exc:
            # Raised by SQLAlchemy's own conversions too (a date or time that is not one).
            others = self.readable_sessions(but=session_id)
            raise StorageError(
                f"Could not open session {session_id}: {self._where('the')} is damaged or holds "
                f"a value this version of CRT Desktop does not know ({_short(exc)}); it was left "
                f"as it is, and {still_read(others)}."
            ) from exc
        strays = sorted({n.column for n in notes} - set(template.column_keys))
        if strays:
            # Never open a board that would hide notes: the board, the PDF and the file would
            # each show a different part of it.
            raise StorageError(
                f"Could not open the session: some of its notes sit in a column ({strays[0]!r}) "
                "that its board does not have, so the database may be damaged."
            )
        by_id = {n.id: n for n in notes}
        if remember and self._engine.dialect.supports_sane_multi_rowcount:
            # Only one session is open at a time; its notes are shared with the board.
            self._stored = {session_id: dict(by_id)}
        return Board(session=session, template=template, notes=by_id)

    def _read_board(self, session_id: int) -> tuple[Session, Template, list[Note]]:
        """The session's rows as domain objects; ValueError or TypeError for a damaged value."""
        with translated("open the session"), _rows_read(), self._engine.connect() as conn:
            row = conn.execute(select(SESSIONS).where(SESSIONS.c.id == session_id)).first()
            if row is None:
                raise KeyError(session_id)
            query = (
                select(NOTES)
                .where(NOTES.c.session_id == session_id)
                .order_by(NOTES.c.column_key, NOTES.c.position, NOTES.c.id)
            )
            note_rows = conn.execute(query).all()
            responses = _responses(conn, session_id)
        session = _session(row._mapping)
        template = self._template(session.template)
        return session, template, [_note(n._mapping, responses.get(n.id)) for n in note_rows]

    # -- plans ----------------------------------------------------------------------------

    def team_names(self) -> list[str]:
        """Every team with a session or a plan, sorted by name (ignoring case); spellings that
        differ only in case or spacing are one team, listed once."""
        query = select(SESSIONS.c.team).union(select(PLANS.c.team))
        with translated("read the list of teams"), self._engine.connect() as conn:
            names = sorted(conn.scalars(query), key=lambda name: (team_key(name), name))
        return [name for i, name in enumerate(names) if i == 0 or not same_team(names[i - 1], name)]

    def team_plan(self, team: str) -> dict[int, date]:
        """The team's planned dates by section (unplanned sections are left out); the team is
        matched as carry-over matches it, ignoring case and spacing."""
        query = select(PLANS.c.team, PLANS.c.section, PLANS.c.planned_on)
        with translated("read the team's plan"), self._engine.connect() as conn:
            return {
                section: day for name, section, day in conn.execute(query) if same_team(name, team)
            }

    def set_planned(self, team: str, section: int, planned_on: date | None) -> None:
        """Plan one section for a day, or unplan it (None), in one committed transaction.

        A team already known under another spelling keeps that spelling."""
        entry = clean_entry(team, section, planned_on)
        p = PLANS.c
        known = select(SESSIONS.c.team).union_all(select(PLANS.c.team))
        with translated("save the plan"), self._engine.begin() as conn:
            spellings = [name for name in conn.scalars(known) if same_team(name, entry.team)]
            doomed = set(spellings) | {entry.team}
            conn.execute(delete(PLANS).where(p.team.in_(doomed), p.section == entry.section))
            if entry.planned_on is not None:
                conn.execute(
                    insert(PLANS).values(
                        team=spellings[0] if spellings else entry.team,
                        section=entry.section,
                        planned_on=entry.planned_on,
                    )
                )

    def save_patch(self, session_id: int, patch: Patch) -> None:
        """Write exactly the notes (and session) in the patch, in one committed transaction."""
        if patch.empty:
            return
        known = self._stored.get(session_id)
        try:
            try:
                self._save_patch(session_id, patch, known)
            except _Stale:
                self._stored.pop(session_id, None)
                known = None
                self._save_patch(session_id, patch, None)
        except BaseException:
            self._stored.pop(session_id, None)
            raise
        if known is not None:
            for note_id in patch.remove:
                known.pop(note_id, None)
            for note in patch.put:
                known[note.id] = note

    def _save_patch(self, session_id: int, patch: Patch, known: dict[str, Note] | None) -> None:
        with translated(), self._engine.begin() as conn:
            if not _touch_session(conn, session_id, patch.session):
                raise StorageError("Could not save the change: the session is no longer there.")
            if patch.remove:
                _delete_notes(conn, session_id, patch.remove)
            if patch.put:
                _write_notes(conn, session_id, patch.put, known=known)

    def save_board(self, board: Board) -> Session:
        """Save a whole new board (an import) in one transaction, all or nothing."""
        with translated("save the imported session"), self._engine.begin() as conn:
            session = _insert_session(conn, board.session)
            assert session.id is not None
            _write_notes(conn, session.id, tuple(board.notes.values()), new=True)
            return session

    def _template(self, key: str) -> Template:
        templates = self._templates if self._templates is not None else content().templates
        try:
            return templates[key]
        except KeyError:
            raise StorageError(
                f"Could not open the session: its board layout {key!r} is not one this version "
                "of CRT Desktop knows."
            ) from None


# -- writing --------------------------------------------------------------------------------


def _summary(row: Any) -> SessionSummary:
    return SessionSummary(
        row.id,
        row.held_on,
        row.team,
        row.section,
        row.template,
        row[5],
        created_at=_stored_time(row[6]),
    )


def _stored_time(text: object) -> datetime | None:
    """A time as the database wrote it (SQLite or PostgreSQL text), in UTC; None if unreadable."""
    if not isinstance(text, str):
        return None
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _session_values(session: Session) -> dict[str, Any]:
    return {
        "team": session.team,
        "section": session.section,
        "held_on": session.held_on,
        "template": session.template,
        "facilitation_team": session.facilitation_team,
        "screening": session.screening,
        "components": sorted(session.components),
        "step": session.step,
        "prompt": session.prompt,
        "tallies": dict(session.tallies),
    }


def _insert_session(conn: Connection, session: Session) -> Session:
    stamp = now()
    uid = uuid.uuid4().hex  # always new: a copy of a session is another session
    values = {**_session_values(session), "created_at": stamp, "updated_at": stamp, "uid": uid}
    key = conn.execute(insert(SESSIONS).values(values)).inserted_primary_key
    assert key is not None
    return replace(session, id=key[0], uid=uid)


def _touch_session(conn: Connection, session_id: int, session: Session | None) -> bool:
    """Mark the session changed (saving its new details, if given); False if it is gone."""
    values = {"updated_at": now(), **(_session_values(session) if session else {})}
    result = conn.execute(update(SESSIONS).where(SESSIONS.c.id == session_id).values(values))
    return result.rowcount > 0


def _delete_notes(conn: Connection, session_id: int, ids: Sequence[str]) -> None:
    for table in (UPDATES, RESPONSES):
        conn.execute(
            delete(table).where(table.c.session_id == session_id, table.c.note_id.in_(ids))
        )
    conn.execute(delete(NOTES).where(NOTES.c.session_id == session_id, NOTES.c.id.in_(ids)))


def _note_values(note: Note) -> dict[str, Any]:
    return {
        "text": note.text,
        "kind": note.kind.value,
        "level": note.level.value if note.level is not None else None,
        "column_key": note.column,
        "position": note.position,
        "stack": note.stack,
        "votes": note.votes,
        "hidden": note.hidden,
        "leader_added": note.leader_added,
        "details": [[key, text] for key, text in note.details],
        "carried_from": note.carried_from,
    }


def _moved_only(before: Note, after: Note) -> bool:
    return all(getattr(before, name) == getattr(after, name) for name in _BODY)


def _write_notes(
    conn: Connection,
    session_id: int,
    notes: Sequence[Note],
    *,
    new: bool = False,
    known: dict[str, Note] | None = None,
) -> None:
    """Insert or update each note in full, its response and progress updates included.

    Notes in `known` (as stored) are not read back first; one that only changed place is
    saved by a narrow UPDATE. _Stale when the database does not hold a note `known` holds."""
    stamp = now()
    remembered = known or {}
    placed: list[Note] = []
    rewritten: list[Note] = []
    unknown: list[Note] = []
    for n in notes:
        before = remembered.get(n.id)
        if before is None:
            unknown.append(n)
        elif _moved_only(before, n):
            placed.append(n)
        else:
            rewritten.append(n)
    if placed:
        rows = [
            {
                "column_key": n.column,
                "position": n.position,
                "stack": n.stack,
                "updated_at": stamp,
                "key_session": session_id,
                "key_id": n.id,
            }
            for n in placed
        ]
        if conn.execute(_UPDATE_NOTE, rows).rowcount != len(rows):
            raise _Stale
    existing: set[str] = set()
    if unknown and not new:
        ids = [n.id for n in unknown]
        query = select(NOTES.c.id).where(NOTES.c.session_id == session_id, NOTES.c.id.in_(ids))
        existing = set(conn.scalars(query))
    added = [
        {**_note_values(n), "session_id": session_id, "id": n.id, "created_at": stamp}
        for n in unknown
        if n.id not in existing
    ]
    if added:
        conn.execute(insert(NOTES).values(updated_at=stamp), added)
    changed = [
        {**_note_values(n), "updated_at": stamp, "key_session": session_id, "key_id": n.id}
        for n in (*rewritten, *(n for n in unknown if n.id in existing))
    ]
    if changed and conn.execute(_UPDATE_NOTE, changed).rowcount != len(changed) and known:
        raise _Stale
    stored = _responses(conn, session_id, [n.id for n in unknown if n.id in existing])
    answers = [n for n in unknown if stored.get(n.id) != n.response]
    answers += [n for n in rewritten if remembered[n.id].response != n.response]
    _write_responses(conn, session_id, answers, stamp)


def _write_responses(
    conn: Connection, session_id: int, notes: Sequence[Note], stamp: datetime
) -> None:
    """Replace the responses of these notes (whose responses changed) with their new ones."""
    if not notes:
        return
    _delete_responses(conn, session_id, [n.id for n in notes])
    answered = [(n.id, n.response) for n in notes if n.response is not None]
    if not answered:
        return
    conn.execute(
        insert(RESPONSES),
        [
            {
                "session_id": session_id,
                "note_id": note_id,
                "status": response.status.value,
                "reason": response.reason,
                "change_impossible": response.change_impossible,
                "updated_at": stamp,
            }
            for note_id, response in answered
        ],
    )
    updates = [
        {
            "session_id": session_id,
            "note_id": note_id,
            "ordinal": ordinal,
            "given_on": update.on,
            "text": update.text,
        }
        for note_id, response in answered
        for ordinal, update in enumerate(response.updates)
    ]
    if updates:
        conn.execute(insert(UPDATES), updates)


def _delete_responses(conn: Connection, session_id: int, ids: Sequence[str]) -> None:
    for table in (UPDATES, RESPONSES):
        conn.execute(
            delete(table).where(table.c.session_id == session_id, table.c.note_id.in_(ids))
        )


# -- reading --------------------------------------------------------------------------------


@contextmanager
def _rows_read() -> Iterator[None]:
    """A stored text that is not even UTF-8 (SQLite's driver cannot decode it) is a damaged
    value, like a date that is not one: ValueError, so that the other rows can still be read."""
    try:
        yield
    except DBAPIError as exc:
        if "could not decode" not in str(exc.orig).lower():
            raise
        raise ValueError("a stored text that is not UTF-8") from exc


def still_read(readable: list[SessionSummary], *, other: bool = True) -> str:
    """What can still be saved from a damaged database, as the end of a sentence."""
    if not readable:
        return f"no {'other ' if other else ''}session in it can be read"
    ids = sorted(r.id for r in readable)
    return (
        f"{numbered('session', ids)} still read{'s' if len(ids) == 1 else ''} "
        "(export each with crt-desktop export ID --json FILE)"
    )


def _short(exc: Exception) -> str:
    text = (str(exc).splitlines() or [type(exc).__name__])[0]
    return text if len(text) <= 80 else text[:80] + "…"


def _responses(
    conn: Connection, session_id: int, ids: Iterable[str] | None = None
) -> dict[str, Response]:
    """The stored responses of a session's notes (of the given notes only, if ids are given)."""
    wanted = None if ids is None else list(ids)
    if wanted == []:
        return {}
    r, u = RESPONSES.c, UPDATES.c
    responses = select(RESPONSES).where(r.session_id == session_id)
    updates = select(UPDATES).where(u.session_id == session_id).order_by(u.note_id, u.ordinal)
    if wanted is not None:
        responses = responses.where(r.note_id.in_(wanted))
        updates = updates.where(u.note_id.in_(wanted))
    by_note: dict[str, list[ProgressUpdate]] = {}
    for row in conn.execute(updates):
        by_note.setdefault(row.note_id, []).append(ProgressUpdate(on=row.given_on, text=row.text))
    return {
        row.note_id: Response(
            status=ResponseStatus(row.status),
            reason=row.reason,
            change_impossible=row.change_impossible,
            updates=tuple(by_note.get(row.note_id, ())),
        )
        for row in conn.execute(responses)
    }


def _session(row: Any) -> Session:
    return Session(
        team=row["team"],
        section=row["section"],
        held_on=row["held_on"],
        template=row["template"],
        facilitation_team=row["facilitation_team"],
        screening=row["screening"],
        id=row["id"],
        components=frozenset(_strings(row["components"], "components")),
        step=row["step"],
        prompt=row["prompt"],
        tallies=_counts(row["tallies"]),
        uid=row["uid"],
    )


def _note(row: Any, response: Response | None) -> Note:
    return Note(
        text=row["text"],
        kind=Kind(row["kind"]),
        level=Level(row["level"]) if row["level"] is not None else None,
        column=row["column_key"],
        position=row["position"],
        stack=row["stack"],
        votes=row["votes"],
        hidden=row["hidden"],
        leader_added=row["leader_added"],
        response=response,
        id=row["id"],
        details=_pairs(row["details"]),
        carried_from=row["carried_from"],
    )


# JSON columns are checked as they are read: a damaged value is a clear error, not a crash.


def _strings(value: Any, what: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{what} that are not a list of keys")
    return value


def _counts(value: Any) -> tuple[tuple[str, int], ...]:
    if not isinstance(value, dict) or not all(
        isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in value.values()
    ):
        raise ValueError("tallies that are not whole counts")
    return tuple(value.items())


def _pairs(value: Any) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, list) or not all(
        isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p) for p in value
    ):
        raise ValueError("card parts that are not pairs of texts")
    return tuple((key, text) for key, text in value)
