"""Read-only checks of an existing SQLite file, before anything may write to it.

The file is opened with `mode=ro`, so its bytes and modification time stay as they were (the
one exception: a write cut off by a crash in rollback-journal mode is rolled back first, as
SQLite does on any open, since a read-only connection cannot read such a file). A
read-only connection to a WAL database may create empty `-wal`/`-shm` side files; the ones it
created are removed again, so the folder is left as it was found too.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from .errors import DAMAGED, DatabaseProblem, cause
from .migration import MIGRATIONS, VERSION_TABLE, check_known, known_revisions

SQLITE_MAGIC = b"SQLite format 3\x00"


def check_sqlite_file(path: Path, migrations: Path, *, writable: bool = True) -> str | None:
    """The revision of an existing database file (None when it holds no tables yet).

    Raises DatabaseProblem, leaving the file untouched, when the file is not SQLite, is damaged,
    belongs to another program, was saved by a newer version, or (unless `writable` is False,
    for a database only read) cannot be written."""
    where = f"The database {path}"
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise DatabaseProblem(f"{where} could not be read: {cause(exc)}.") from exc
    if not header:
        return None  # an empty file is an empty database
    if header != SQLITE_MAGIC:
        raise DatabaseProblem(
            f"{where} is not a CRT Desktop database (it is not an SQLite file); "
            "it was left as it is."
        )
    _roll_back_interrupted_write(path)
    tables, revisions = _read(path, migrations)
    if tables and VERSION_TABLE not in tables:
        raise DatabaseProblem(
            f"{where} holds another program's data, not CRT Desktop's; it was left as it is."
        )
    revision = ",".join(sorted(revisions)) or None
    check_known(revision, str(path), migrations)
    if writable and not os.access(path, os.W_OK):
        raise DatabaseProblem(
            f"{where} is read-only, so changes could not be saved; "
            "copy it somewhere you can write to, or change its permissions."
        )
    return revision


def _roll_back_interrupted_write(path: Path) -> None:
    """Let SQLite undo a write cut off by a crash in rollback-journal mode.

    A read-only connection cannot do this and would report the file as damaged. Rolling back
    restores the last committed state, which is what any reader of the file would see."""
    journal = Path(f"{path}-journal")
    try:
        if not journal.exists() or journal.stat().st_size == 0:
            return
        connection = sqlite3.connect(path, timeout=5)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            connection.close()
    except (sqlite3.Error, OSError):
        pass  # the read-only check that follows reports the problem in words


def _read(path: Path, migrations: Path) -> tuple[set[str], list[str]]:
    """Table names and stored revisions, after SQLite's own quick check passes."""
    restore = side_files_kept(path)
    try:
        connection = connect_read_only(path)
        try:
            check = connection.execute("PRAGMA quick_check").fetchall()
            if check != [("ok",)]:
                raise DatabaseProblem(_damaged(path))
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            revisions = []
            if VERSION_TABLE in tables:
                query = f"SELECT version_num FROM {VERSION_TABLE}"
                revisions = [str(row[0]) for row in connection.execute(query)]
                head = ",".join(sorted(revisions)) == known_revisions(migrations)[-1]
                if head and migrations == MIGRATIONS:  # the models describe the packaged head
                    _check_columns(connection, path)
            return tables, revisions
        finally:
            connection.close()
    except UnicodeDecodeError as exc:
        # Damage in the schema or in SQLite's own report of it: its text is not even UTF-8.
        raise DatabaseProblem(_damaged(path)) from exc
    except sqlite3.DatabaseError as exc:
        if "locked" in str(exc).lower():
            raise DatabaseProblem(
                f"The database {path} is busy in another program; close it and try again."
            ) from exc
        raise DatabaseProblem(_unreadable(path, exc)) from exc
    finally:
        restore()


def side_files_kept(path: Path) -> Callable[[], None]:
    """Note which `-wal`/`-shm` side files exist now; the function returned removes the empty
    ones that appeared since (a read-only connection to a WAL database may make them)."""
    side_files = [Path(f"{path}{suffix}") for suffix in ("-wal", "-shm")]
    present = [p.exists() for p in side_files]

    def restore() -> None:
        for side_file, was_there in zip(side_files, present, strict=True):
            if not was_there:
                _remove_if_ours(side_file)

    return restore


def _check_columns(connection: sqlite3.Connection, path: Path) -> None:
    """At the current schema, every table and column the app reads must be there: damage to
    the schema page can rename one and still pass SQLite's own check."""
    from .models import Base

    for table in Base.metadata.sorted_tables:
        rows = connection.execute("SELECT name FROM pragma_table_info(?)", (table.name,))
        found = {row[0] for row in rows}
        if not {c.name for c in table.columns} <= found:
            raise DatabaseProblem(_damaged(path))


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the file.

    In a folder this process cannot write to (read-only media, a locked-down share) a WAL
    database cannot get the `-shm` file SQLite needs even to read; there it is opened as
    immutable instead, which is safe because no program can be writing to it either: a writer
    needs that same folder for its log. A log left with content (a crash before it was merged)
    is never skipped that way: the plain read-only open then reports the folder."""
    uri = path.resolve().as_uri()
    connection = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=5)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        connection.close()
        if os.access(path.parent, os.W_OK) or _has_content(Path(f"{path}-wal")):
            raise
        connection = sqlite3.connect(f"{uri}?immutable=1", uri=True, timeout=5)
    return connection


def _has_content(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def _unreadable(path: Path, exc: sqlite3.DatabaseError) -> str:
    """Why SQLite could not read the file: only corruption means damaged.

    A WAL database needs its `-shm` side file even to be read, so a read-only folder
    (CANTOPEN) or a full disk (IOERR_SHMSIZE) fails here before any damage could show."""
    name = getattr(exc, "sqlite_errorname", "")
    if name in ("SQLITE_CORRUPT", "SQLITE_NOTADB") or not isinstance(exc, sqlite3.OperationalError):
        return _damaged(path)
    if not os.access(path.parent, os.W_OK) or not os.access(path, os.W_OK):
        return (
            f"The database {path} is in a read-only folder, so changes could not be saved; "
            "copy it somewhere you can write to, or change its permissions."
        )
    if name in ("SQLITE_FULL", "SQLITE_IOERR_SHMSIZE", "SQLITE_IOERR_WRITE"):
        return (
            f"The database {path} cannot be opened because the disk is full; "
            "free some space and try again (the file was left as it is)."
        )
    return f"The database {path} could not be read: {cause(exc)}; it was left as it is."


def _damaged(path: Path) -> str:
    return f"The database {path} cannot be opened ({DAMAGED}); it was left as it is."


def _remove_if_ours(side_file: Path) -> None:
    # An -shm we created indexes only an empty log; never delete a log that has content.
    try:
        if side_file.name.endswith("-wal"):
            ours = side_file.stat().st_size == 0
        else:
            ours = not Path(str(side_file).removesuffix("-shm") + "-wal").exists()
        if ours:
            side_file.unlink()
    except OSError:
        pass
