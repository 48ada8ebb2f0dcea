"""The database tables, as typed SQLAlchemy 2 models.

Generic types only, so the same migrations run on SQLite and on a shared PostgreSQL server.
Nothing here records who wrote a note or from where: no author, user, device or address column.
Timestamps exist to order rows and are never shown.

Notes are keyed by (session id, note id): a note id is unique within its board, and the same
file imported twice makes two sessions whose notes share ids.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import JSON

from crt_desktop.domain.vocabulary import Kind, Level, ResponseStatus

ID_LENGTH = 64  # note ids are 32 hex digits; imports may bring their own, a little longer
NAME_LENGTH = 200  # matches domain.validation.MAX_NAME_LENGTH
KEY_LENGTH = 64  # template and column keys

# Named constraints, so that batch migrations on SQLite and ALTERs on PostgreSQL can find them.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def now() -> datetime:
    return datetime.now(UTC)


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


# Allowed values come from the domain; a new value needs a migration that widens the check.
KINDS = tuple(k.value for k in Kind)
LEVELS = tuple(level.value for level in Level)
STATUSES = tuple(s.value for s in ResponseStatus)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class SessionRow(Base):
    __tablename__ = "sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    team: Mapped[str] = mapped_column(String(NAME_LENGTH))
    section: Mapped[int] = mapped_column(Integer)
    held_on: Mapped[date] = mapped_column(Date)
    template: Mapped[str] = mapped_column(String(KEY_LENGTH))
    facilitation_team: Mapped[str] = mapped_column(String(NAME_LENGTH), default="")
    screening: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    # Ticked checklist keys, as a sorted JSON list.
    components: Mapped[list[str]] = mapped_column(JSON, server_default="[]")
    step: Mapped[int] = mapped_column(Integer, server_default="0")
    prompt: Mapped[int | None] = mapped_column(Integer)
    # Anonymous counts as a JSON object {tally key: count}; counts only, never who.
    tallies: Mapped[dict[str, int]] = mapped_column(JSON, server_default="{}")
    # Random and unique in every database: a filled-in summary names the session it is for
    # by it, not by the row number another database may also have.
    uid: Mapped[str] = mapped_column(String(32), unique=True)


class NoteRow(Base):
    __tablename__ = "notes"

    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True
    )
    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))
    level: Mapped[str | None] = mapped_column(String(16))
    column_key: Mapped[str] = mapped_column(String(KEY_LENGTH))
    position: Mapped[int] = mapped_column(Integer)
    # Id of the top note this one is stacked under; no foreign key, since the domain keeps
    # stacks consistent and a patch may write a member before its top note.
    stack: Mapped[str | None] = mapped_column(String(ID_LENGTH))
    votes: Mapped[int] = mapped_column(Integer, default=0)
    hidden: Mapped[bool] = mapped_column(Boolean, default=False)
    leader_added: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    # A structured card's parts as a JSON list of [part key, text] pairs, in template order.
    details: Mapped[list[list[str]]] = mapped_column(JSON, server_default="[]")
    # The note (of an earlier session) this carried leadership item continues; no foreign
    # key, so that deleting the earlier session keeps the later one whole.
    carried_from: Mapped[str | None] = mapped_column(String(ID_LENGTH))

    __table_args__ = (
        CheckConstraint(_one_of("kind", KINDS), name="kind"),
        CheckConstraint(f"level IS NULL OR {_one_of('level', LEVELS)}", name="level"),
        CheckConstraint("votes >= 0", name="votes"),
    )


class ResponseRow(Base):
    """A leader's response to one note; a note without a row has no response at all."""

    __tablename__ = "responses"

    session_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    note_id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    status: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(Text, default="")
    change_impossible: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)

    __table_args__ = (
        ForeignKeyConstraint(
            ["session_id", "note_id"], ["notes.session_id", "notes.id"], ondelete="CASCADE"
        ),
        CheckConstraint(_one_of("status", STATUSES), name="status"),
    )


class UpdateRow(Base):
    """One progress update on a leader's response, kept in the order they were given."""

    __tablename__ = "progress_updates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    session_id: Mapped[int] = mapped_column(Integer)
    note_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    ordinal: Mapped[int] = mapped_column(Integer)
    given_on: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)

    __table_args__ = (
        ForeignKeyConstraint(
            ["session_id", "note_id"],
            ["responses.session_id", "responses.note_id"],
            ondelete="CASCADE",
        ),
        Index("ix_progress_updates_response", "session_id", "note_id"),
    )


class PlanRow(Base):
    """The day a team plans to hold one section; a section without a row is not planned."""

    __tablename__ = "plans"

    team: Mapped[str] = mapped_column(String(NAME_LENGTH), primary_key=True)
    section: Mapped[int] = mapped_column(Integer, primary_key=True)
    planned_on: Mapped[date] = mapped_column(Date)

    __table_args__ = (CheckConstraint("section BETWEEN 1 AND 12", name="section"),)


class DriverGroupRow(Base):
    """A group of notes across teams that say the same thing, as the user made or named it."""

    __tablename__ = "driver_groups"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    title: Mapped[str] = mapped_column(String(NAME_LENGTH), default="")


class DriverGroupNoteRow(Base):
    """A note placed in a stored group; a note is in at most one."""

    __tablename__ = "driver_group_notes"

    session_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    note_id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("driver_groups.id", ondelete="CASCADE"))

    __table_args__ = (
        ForeignKeyConstraint(
            ["session_id", "note_id"], ["notes.session_id", "notes.id"], ondelete="CASCADE"
        ),
        Index("ix_driver_group_notes_group", "group_id"),
    )
