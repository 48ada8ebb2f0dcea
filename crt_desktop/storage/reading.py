"""Opening a SQLite database only to read it: on read-only media, or to save what still reads
from a damaged file. Nothing here can change the file: every connection is read-only (or
immutable where the folder cannot be written, see `preflight.connect_read_only`), no migration
runs, and side files a connection made are removed again on close."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool

from crt_desktop.domain.template import Template

from .database import Database
from .errors import DAMAGED, DatabaseProblem, StorageError
from .migration import MIGRATIONS, known_revisions
from .preflight import check_sqlite_file, connect_read_only, side_files_kept
from .repository import SqlSessionStore, still_read


def open_for_reading(
    path: Path,
    *,
    migrations: Path = MIGRATIONS,
    templates: dict[str, Template] | None = None,
    checked: bool = True,
) -> Database:
    """The database at `path`, opened so that it cannot be changed.

    With `checked` the same checks as for writing run first (minus writability) and a database
    needing an update is refused, since it cannot be updated in place; without them (a damaged
    file, to save what still reads) each read may fail with StorageError instead."""
    if checked:
        revision = check_sqlite_file(path, migrations, writable=False)
        if revision != known_revisions(migrations)[-1]:
            raise DatabaseProblem(
                f"The database {path} needs updating to this version of CRT Desktop but cannot "
                "be changed where it is; copy it somewhere you can write to and try again."
            )
    keep = side_files_kept(path)
    engine = create_engine("sqlite://", creator=lambda: connect_read_only(path), poolclass=NullPool)
    database = Database(engine, SqlSessionStore(engine, templates), path)
    original_close = database.close

    def close() -> None:
        original_close()
        keep()

    database.close = close  # type: ignore[method-assign]
    return database


def naming_what_reads(problem: DatabaseProblem, path: Path) -> DatabaseProblem:
    """A refusal for damage, extended with the sessions that can still be read (and exported);
    any other refusal as it is."""
    if DAMAGED not in str(problem):
        return problem
    try:
        database = open_for_reading(path, checked=False)
    except (StorageError, OSError):
        return problem
    try:
        readable = database.store.readable_sessions()
    except StorageError:
        readable = []
    finally:
        database.close()
    text = str(problem).rstrip(".")
    return DatabaseProblem(f"{text}, and {still_read(readable, other=False)}.")
