"""Reading the whole database for the organisation view, and keeping the driver groups.

Each read is one query over every session, so the view of a large organisation opens in one
round trip rather than one per session. Only what the room saw is read: a hidden note or a
stacked duplicate (its stack's top speaks for it) is left out, as in the leader summary.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from sqlalchemy import Connection, Engine, and_, delete, func, insert, or_, select, tuple_, update
from sqlalchemy.sql.elements import ColumnElement

from crt_desktop.domain.report_back import leader_columns
from crt_desktop.domain.store import StorageError
from crt_desktop.domain.template import Template
from crt_desktop.domain.validation import ValidationError, clean_name
from crt_desktop.domain.vocabulary import Kind, Level, ResponseStatus
from crt_desktop.organisation.items import OrgItem
from crt_desktop.organisation.recurring import DriverNote, NoteKey, StoredGroup
from crt_desktop.organisation.teams import SessionStanding, survey_totals

from .errors import translated
from .models import Base, DriverGroupNoteRow, DriverGroupRow
from .repository import NOTES, RESPONSES, SESSIONS, UPDATES

_KINDS = {k.value: k for k in Kind}
_LEVELS: dict[str | None, Level | None] = {None: None, **{lv.value: lv for lv in Level}}
_STATUSES: dict[str | None, ResponseStatus] = {
    None: ResponseStatus.NOT_REVIEWED,
    **{s.value: s for s in ResponseStatus},
}

GROUPS = Base.metadata.tables[DriverGroupRow.__tablename__]
MEMBERS = Base.metadata.tables[DriverGroupNoteRow.__tablename__]


class OrganisationStore:
    """Every team's leadership items and notes, and the stored driver groups."""

    def __init__(self, engine: Engine, templates: Mapping[str, Template]) -> None:
        self._engine = engine
        self._templates = templates

    def _leadership_columns(self) -> ColumnElement[bool]:
        """Notes in a column meant for leaders, on each board layout the app knows."""
        n, s = NOTES.c, SESSIONS.c
        wanted = [
            and_(s.template == key, n.column_key.in_(columns))
            for key, template in self._templates.items()
            if (columns := leader_columns(template))
        ]
        return or_(*wanted) if wanted else n.column_key.is_(None)

    def leadership_items(self) -> list[OrgItem]:
        """Every leadership item of every session: notes in leaders' columns and any note a
        leader has answered (an item unlikely to change moves on to Cannot control)."""
        n, s, r, u = NOTES.c, SESSIONS.c, RESPONSES.c, UPDATES.c
        latest = (
            select(u.session_id, u.note_id, func.max(u.given_on).label("last_update"))
            .group_by(u.session_id, u.note_id)
            .subquery()
        )
        query = (
            select(
                n.session_id,
                n.id,
                s.team,
                s.section,
                s.held_on,
                s.template,
                n.text,
                n.votes,
                n.kind,
                n.level,
                n.column_key,
                r.status,
                r.reason,
                latest.c.last_update,
            )
            .select_from(
                NOTES.join(SESSIONS, s.id == n.session_id)
                .outerjoin(RESPONSES, and_(r.session_id == n.session_id, r.note_id == n.id))
                .outerjoin(
                    latest, and_(latest.c.session_id == n.session_id, latest.c.note_id == n.id)
                )
            )
            .where(n.stack.is_(None), n.hidden.is_(False))
            .where(or_(self._leadership_columns(), r.status.is_not(None)))
        )
        with translated("read the organisation's leadership items"), self._engine.connect() as c:
            rows = c.execute(query).all()
        titles: dict[tuple[str, str], str] = {
            (key, column.key): column.title
            for key, template in self._templates.items()
            for column in template.columns
        }
        try:
            # Dictionary lookups, not enum calls: this runs for every item of the organisation.
            return [
                OrgItem(
                    session_id,
                    note_id,
                    team,
                    section,
                    held_on,
                    text,
                    votes,
                    _KINDS[kind],
                    _LEVELS[level],
                    column,
                    titles.get((template, column)) or column,
                    _STATUSES[status],
                    reason or "",
                    last_update,
                )
                for (
                    session_id, note_id, team, section, held_on, template, text, votes, kind,
                    level, column, status, reason, last_update,
                ) in rows
            ]  # fmt: skip
        except KeyError as exc:
            raise _unknown_value(exc) from exc

    def driver_notes(self) -> list[DriverNote]:
        """Every note the rooms saw, in any column, for grouping recurring drivers."""
        n, s = NOTES.c, SESSIONS.c
        query = (
            select(n.session_id, n.id, s.team, n.column_key, n.text)
            .select_from(NOTES.join(SESSIONS, s.id == n.session_id))
            .where(n.stack.is_(None), n.hidden.is_(False))
        )
        with translated("read the organisation's notes"), self._engine.connect() as conn:
            return [DriverNote(*row) for row in conn.execute(query)]

    def standings(self) -> list[SessionStanding]:
        """Every session in counts (see organisation.teams); leadership answers are counted
        from the items already read (organisation.teams.with_answers)."""
        n, s = NOTES.c, SESSIONS.c
        seen = and_(n.stack.is_(None), n.hidden.is_(False))
        by_column = (
            select(n.session_id, n.column_key, n.kind, func.count())
            .where(seen)
            .group_by(n.session_id, n.column_key, n.kind)
        )
        by_level = (
            select(n.session_id, n.level, func.count()).where(seen).group_by(n.session_id, n.level)
        )
        sessions = select(s.id, s.team, s.section, s.held_on, s.components, s.tallies)
        with translated("read how each team stands"), self._engine.connect() as conn:
            columns: dict[int, dict[tuple[str, Kind], int]] = defaultdict(dict)
            levels: dict[int, dict[Level | None, int]] = defaultdict(dict)
            try:
                for session_id, column, kind, count in conn.execute(by_column):
                    columns[session_id][(column, Kind(kind))] = count
                for session_id, level, count in conn.execute(by_level):
                    levels[session_id][Level(level) if level is not None else None] = count
                rows = conn.execute(sessions).all()
            except ValueError as exc:
                raise _unknown_value(exc) from exc
        standings = [
            SessionStanding(
                session_id=row.id,
                team=row.team,
                section=row.section,
                held_on=row.held_on,
                by_column_kind=columns.get(row.id, {}),
                by_level=levels.get(row.id, {}),
                components_done=len(row.components) if isinstance(row.components, list) else 0,
                survey=survey_totals(row.tallies.items() if isinstance(row.tallies, dict) else ()),
            )
            for row in rows
        ]
        return standings

    # -- stored groups ------------------------------------------------------------------------

    def stored_groups(self) -> list[StoredGroup]:
        """The groups the user made, oldest first."""
        with translated("read the driver groups"), self._engine.connect() as conn:
            names = dict(conn.execute(select(GROUPS.c.id, GROUPS.c.title)).all())
            members: dict[int, set[NoteKey]] = {key: set() for key in names}
            m = MEMBERS.c
            for group_id, session_id, note_id in conn.execute(
                select(m.group_id, m.session_id, m.note_id)
            ):
                members.setdefault(group_id, set()).add((session_id, note_id))
        return [
            StoredGroup(key, names.get(key, ""), frozenset(found))
            for key, found in sorted(members.items())
            if found
        ]

    def make_group(self, members: Iterable[NoteKey], name: str = "") -> int:
        """Store a group of these notes (taking each out of any group it was in); its id."""
        keys = sorted(set(members))
        if not keys:
            raise ValidationError("A group needs at least one note.")
        cleaned = _group_name(name)
        with translated("save the driver group"), self._engine.begin() as conn:
            group_id = conn.execute(
                insert(GROUPS).values(title=cleaned).returning(GROUPS.c.id)
            ).scalar_one()
            self._place(conn, group_id, keys)
            _drop_empty(conn)
        return int(group_id)

    def rename_group(self, group_id: int, name: str) -> None:
        cleaned = _group_name(name)
        with translated("rename the driver group"), self._engine.begin() as conn:
            found = conn.execute(
                update(GROUPS).where(GROUPS.c.id == group_id).values(title=cleaned)
            ).rowcount
        if not found:
            raise StorageError("That group is no longer there; it may have been removed.")

    def merge_groups(self, group_ids: Iterable[int], extra: Iterable[NoteKey] = ()) -> int:
        """One group of all these groups' notes and the extra notes; keeps the first one's
        name (or the first name given to any of them). Returns the merged group's id."""
        ids = sorted(set(group_ids))
        with translated("merge the driver groups"), self._engine.begin() as conn:
            names = dict(
                conn.execute(select(GROUPS.c.id, GROUPS.c.title).where(GROUPS.c.id.in_(ids))).all()
            )
            name = next((names[i] for i in ids if names.get(i)), "")
            m = MEMBERS.c
            keys = {
                (s, n)
                for s, n in conn.execute(select(m.session_id, m.note_id).where(m.group_id.in_(ids)))
            }
            keys.update(extra)
            if not keys:
                raise ValidationError("A group needs at least one note.")
            target = conn.execute(
                insert(GROUPS).values(title=name).returning(GROUPS.c.id)
            ).scalar_one()
            self._place(conn, target, sorted(keys))
            _drop_empty(conn)
        return int(target)

    def ungroup(self, members: Iterable[NoteKey]) -> None:
        """Take notes out of their stored groups (they are then grouped automatically)."""
        keys = sorted(set(members))
        with translated("change the driver group"), self._engine.begin() as conn:
            _unplace(conn, keys)
            _drop_empty(conn)

    def delete_group(self, group_id: int) -> None:
        with translated("remove the driver group"), self._engine.begin() as conn:
            conn.execute(delete(GROUPS).where(GROUPS.c.id == group_id))

    @staticmethod
    def _place(conn: Connection, group_id: int, keys: list[NoteKey]) -> None:
        _unplace(conn, keys)
        conn.execute(
            insert(MEMBERS),
            [{"session_id": s, "note_id": n, "group_id": group_id} for s, n in keys],
        )


# Keys per statement: well under SQLite's limit on bound values.
_CHUNK = 500


def _unplace(conn: Connection, keys: list[NoteKey]) -> None:
    pair = tuple_(MEMBERS.c.session_id, MEMBERS.c.note_id)
    for start in range(0, len(keys), _CHUNK):
        conn.execute(delete(MEMBERS).where(pair.in_(keys[start : start + _CHUNK])))


def _drop_empty(conn: Connection) -> None:
    used = select(MEMBERS.c.group_id).distinct()
    conn.execute(delete(GROUPS).where(GROUPS.c.id.not_in(used)))


def _group_name(name: str) -> str:
    return clean_name(name, "group name", required=False)


def _unknown_value(exc: Exception) -> StorageError:
    return StorageError(
        "Could not read the organisation's items: the database holds a value this version of "
        f"CRT Desktop does not know ({exc})."
    )
