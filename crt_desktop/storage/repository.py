"""`SqlSessionStore`: the domain's `SessionStore` on SQLAlchemy, rows in and domain objects out.

Every public method runs in one transaction that is committed before it returns, and raises
`StorageError` (one clear sentence) on any database or OS failure. Nothing outside this module
sees an ORM row: the app and its Qt models hold plain domain objects.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from sqlalchemy import Engine, delete, func, select
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import selectinload, sessionmaker

from crt_desktop.content import content
from crt_desktop.domain.board import Board
from crt_desktop.domain.note import Note, ProgressUpdate, Response
from crt_desktop.domain.patch import Patch
from crt_desktop.domain.session import Session
from crt_desktop.domain.store import SessionSummary, StorageError
from crt_desktop.domain.template import Template
from crt_desktop.domain.vocabulary import Kind, Level, ResponseStatus

from .errors import translated
from .models import NoteRow, ResponseRow, SessionRow, UpdateRow, now


class SqlSessionStore:
    """Sessions and their boards in any database SQLAlchemy reaches (SQLite by default)."""

    def __init__(self, engine: Engine, templates: dict[str, Template] | None = None) -> None:
        self._orm = sessionmaker(engine, expire_on_commit=False)
        self._templates = templates

    # -- sessions -------------------------------------------------------------------------

    def list_sessions(self) -> list[SessionSummary]:
        """Every session, the most recently held first."""
        count = func.count(NoteRow.id)
        query = (
            select(SessionRow, count)
            .outerjoin(NoteRow, NoteRow.session_id == SessionRow.id)
            .group_by(SessionRow.id)
            .order_by(SessionRow.held_on.desc(), SessionRow.id.desc())
        )
        with translated("read the list of sessions"), self._orm() as orm:
            return [
                SessionSummary(
                    id=row.id,
                    held_on=row.held_on,
                    team=row.team,
                    section=row.section,
                    template=row.template,
                    note_count=notes,
                )
                for row, notes in orm.execute(query).all()
            ]

    def create_session(self, session: Session) -> Session:
        """Save a new session (any id it carries is ignored) and return it with its id."""
        with translated("save the new session"), self._orm.begin() as orm:
            row = _new_session_row(session)
            orm.add(row)
            orm.flush()
            return replace(session, id=row.id)

    def update_session(self, session: Session) -> None:
        """Save a session's new details; KeyError if it is not in the database."""
        if session.id is None:
            raise KeyError(session.id)
        with translated("save the session"), self._orm.begin() as orm:
            _copy_session(session, _session_row(orm, session.id))

    def delete_session(self, session_id: int) -> None:
        """Delete a session with all its notes and responses; KeyError if there is none."""
        with translated("delete the session"), self._orm.begin() as orm:
            row = _session_row(orm, session_id)
            # Delete children explicitly: a database without cascading foreign keys stays tidy too.
            orm.execute(delete(UpdateRow).where(UpdateRow.session_id == session_id))
            orm.execute(delete(ResponseRow).where(ResponseRow.session_id == session_id))
            orm.execute(delete(NoteRow).where(NoteRow.session_id == session_id))
            orm.delete(row)

    # -- boards ---------------------------------------------------------------------------

    def load_board(self, session_id: int) -> Board:
        """The session's board; KeyError if there is no such session."""
        with translated("open the session"), self._orm() as orm:
            row = _session_row(orm, session_id)
            notes = orm.scalars(
                select(NoteRow)
                .where(NoteRow.session_id == session_id)
                .options(selectinload(NoteRow.response).selectinload(ResponseRow.updates))
                .order_by(NoteRow.column_key, NoteRow.position, NoteRow.id)
            ).all()
            session = _session(row)
            try:
                board = Board(session=session, template=self._template(session.template))
                board.notes = {n.id: _note(n) for n in notes}
            except ValueError as exc:
                raise StorageError(
                    "Could not open the session: the database holds a value this version of "
                    f"CRT Desktop does not know ({exc})."
                ) from exc
            return board

    def save_patch(self, session_id: int, patch: Patch) -> None:
        """Write exactly the notes (and session) in the patch, in one committed transaction."""
        if patch.empty:
            return
        with translated(), self._orm.begin() as orm:
            row = orm.get(SessionRow, session_id)
            if row is None:
                raise StorageError("Could not save the change: the session is no longer there.")
            if patch.session is not None:
                _copy_session(patch.session, row)
            if patch.remove:
                _remove_notes(orm, session_id, patch.remove)
            if patch.put:
                existing = _note_rows(orm, session_id, [n.id for n in patch.put])
                for note in patch.put:
                    target = existing.get(note.id)
                    if target is None:
                        orm.add(_new_note_row(session_id, note))
                    else:
                        _copy_note(note, target)
            row.updated_at = now()

    def save_board(self, board: Board) -> Session:
        """Save a whole new board (an import) in one transaction, all or nothing."""
        with translated("save the imported session"), self._orm.begin() as orm:
            row = _new_session_row(board.session)
            orm.add(row)
            orm.flush()
            orm.add_all(_new_note_row(row.id, note) for note in board.notes.values())
            return replace(board.session, id=row.id)

    def _template(self, key: str) -> Template:
        templates = self._templates if self._templates is not None else content().templates
        try:
            return templates[key]
        except KeyError:
            raise StorageError(
                f"Could not open the session: its board layout {key!r} is not one this version "
                "of CRT Desktop knows."
            ) from None


# -- rows <-> domain objects ----------------------------------------------------------------


def _session_row(orm: OrmSession, session_id: int) -> SessionRow:
    row = orm.get(SessionRow, session_id)
    if row is None:
        raise KeyError(session_id)
    return row


def _note_rows(orm: OrmSession, session_id: int, ids: Iterable[str]) -> dict[str, NoteRow]:
    rows = orm.scalars(
        select(NoteRow)
        .where(NoteRow.session_id == session_id, NoteRow.id.in_(list(ids)))
        .options(selectinload(NoteRow.response).selectinload(ResponseRow.updates))
    ).all()
    return {r.id: r for r in rows}


def _remove_notes(orm: OrmSession, session_id: int, ids: tuple[str, ...]) -> None:
    for table in (UpdateRow, ResponseRow):
        orm.execute(delete(table).where(table.session_id == session_id, table.note_id.in_(ids)))
    orm.execute(delete(NoteRow).where(NoteRow.session_id == session_id, NoteRow.id.in_(ids)))


def _new_session_row(session: Session) -> SessionRow:
    row = SessionRow()
    _copy_session(session, row)
    return row


def _copy_session(session: Session, row: SessionRow) -> None:
    row.team = session.team
    row.section = session.section
    row.held_on = session.held_on
    row.template = session.template
    row.facilitation_team = session.facilitation_team
    row.screening = session.screening
    row.updated_at = now()


def _session(row: SessionRow) -> Session:
    return Session(
        team=row.team,
        section=row.section,
        held_on=row.held_on,
        template=row.template,
        facilitation_team=row.facilitation_team,
        screening=row.screening,
        id=row.id,
    )


def _new_note_row(session_id: int, note: Note) -> NoteRow:
    row = NoteRow(session_id=session_id, id=note.id)
    _copy_note(note, row)
    return row


def _copy_note(note: Note, row: NoteRow) -> None:
    row.text = note.text
    row.kind = note.kind.value
    row.level = note.level.value if note.level is not None else None
    row.column_key = note.column
    row.position = note.position
    row.stack = note.stack
    row.votes = note.votes
    row.hidden = note.hidden
    row.leader_added = note.leader_added
    row.updated_at = now()
    _copy_response(note.response, row)


def _copy_response(response: Response | None, row: NoteRow) -> None:
    if response is None:
        row.response = None
        return
    if row.response is None:
        row.response = ResponseRow()
    target = row.response
    target.status = response.status.value
    target.reason = response.reason
    target.change_impossible = response.change_impossible
    target.updated_at = now()
    current = tuple(ProgressUpdate(on=u.given_on, text=u.text) for u in target.updates)
    if current != response.updates:
        target.updates = [
            UpdateRow(ordinal=i, given_on=u.on, text=u.text) for i, u in enumerate(response.updates)
        ]


def _note(row: NoteRow) -> Note:
    return Note(
        text=row.text,
        kind=Kind(row.kind),
        level=Level(row.level) if row.level is not None else None,
        column=row.column_key,
        position=row.position,
        stack=row.stack,
        votes=row.votes,
        hidden=row.hidden,
        leader_added=row.leader_added,
        response=_response(row.response) if row.response is not None else None,
        id=row.id,
    )


def _response(row: ResponseRow) -> Response:
    return Response(
        status=ResponseStatus(row.status),
        reason=row.reason,
        change_impossible=row.change_impossible,
        updates=tuple(ProgressUpdate(on=u.given_on, text=u.text) for u in row.updates),
    )
