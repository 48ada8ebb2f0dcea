"""Opening the database: where it lives, how SQLite is tuned, and checks before any write.

`open_database(target)` takes a SQLite path, any SQLAlchemy URL, or None for the default file
`platformdirs.user_data_dir("crt-desktop")/crt-desktop.db`. For an existing SQLite file it first
runs read-only checks (not SQLite, damaged, another program's, newer schema, read-only file):
any of these raises `DatabaseProblem` and leaves the file byte-for-byte as it was. Then it backs
an existing database up with `VACUUM INTO` if a migration is due, and migrates it to head.

Every SQLite connection gets WAL (DELETE on network file systems, or wherever WAL cannot be set),
foreign keys on, `synchronous=FULL` and a busy timeout; SQLAlchemy emits BEGIN itself so that
transactions (DDL included) are real. New database files and backups are owner-only (0600).
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

import platformdirs
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from crt_desktop.domain.template import Template

from .errors import DatabaseProblem, cause, translated
from .migration import (
    MIGRATIONS,
    backup_sqlite,
    check_known,
    current_revision,
    known_revisions,
    upgrade,
)
from .preflight import check_sqlite_file
from .repository import SqlSessionStore

APP_NAME = "crt-desktop"
DATABASE_FILE = "crt-desktop.db"
URL_VARIABLE = "CRT_DATABASE_URL"
BUSY_TIMEOUT_MS = 5000

# File systems where SQLite's WAL shared memory does not work reliably.
_NETWORK_FILE_SYSTEMS = {
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "afs", "ncpfs", "ceph", "glusterfs",
    "lustre", "davfs", "fuse.sshfs", "fuse.rclone", "fuse.davfs2", "fuse.glusterfs",
}  # fmt: skip


def default_database_path() -> Path:
    """The default database file in the user's data folder (the folder is not created)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DATABASE_FILE


def sqlite_url(path: str | os.PathLike[str]) -> str:
    """A SQLAlchemy URL for a SQLite file, made absolute."""
    absolute = Path(path).expanduser().absolute()
    return URL.create("sqlite", database=str(absolute)).render_as_string(hide_password=False)


def resolve_database_url(
    db_path: str | None, database_url: str | None, environ: Mapping[str, str] = os.environ
) -> str:
    """The database to use: `--db PATH`, else `--database-url`, else $CRT_DATABASE_URL, else
    the default file. ValueError (one sentence) when both options are given or a URL is bad."""
    if db_path and database_url:
        raise ValueError("Give either a database file or a database URL, not both.")
    if db_path:
        return sqlite_url(db_path)
    chosen = database_url or environ.get(URL_VARIABLE, "").strip()
    if not chosen:
        return sqlite_url(default_database_path())
    try:
        make_url(chosen)
    except ArgumentError:
        raise ValueError(f"{chosen!r} is not a database URL.") from None
    return chosen


@dataclass
class Database:
    """An open, checked and migrated database, with its session store."""

    engine: Engine
    store: SqlSessionStore
    # The SQLite file (for the app's lock file); None for a server or in-memory database.
    path: Path | None = None
    # The copy made before this open migrated the database, if it did.
    backup: Path | None = None
    journal_mode: str | None = field(default=None)

    @property
    def url(self) -> str:
        """The database URL with any password hidden, for messages."""
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def open_database(
    target: str | os.PathLike[str] | None = None,
    *,
    migrations: Path = MIGRATIONS,
    templates: dict[str, Template] | None = None,
) -> Database:
    """Open (creating or migrating as needed) the database at a path or SQLAlchemy URL.

    None means the default file, whose folder is created. Raises DatabaseProblem for a database
    that must be kept as it is, StorageError for other failures. `migrations` is for tests;
    `templates` are the boards sessions are opened with (the packaged content's by default)."""
    url = _url(target)
    path = _sqlite_file(url)
    created = False
    if path is not None:
        if target is None:
            _make_private_folder(path.parent)
        created = _prepare_file(path, migrations)
    try:
        engine = _engine(url, path)
    except ImportError as exc:
        raise DatabaseProblem(
            f"CRT Desktop cannot reach {url.get_backend_name()} databases here: the driver "
            f"({exc.name or 'unknown'}) is not installed."
        ) from exc
    try:
        with translated("open the database"):
            backup = _migrate(engine, path, migrations)
            journal = _journal_mode(engine) if path is not None else None
    except BaseException:
        engine.dispose()
        if created and path is not None:
            _remove_new_file(path)
        raise
    return Database(engine, SqlSessionStore(engine, templates), path, backup, journal)


def _url(target: str | os.PathLike[str] | None) -> URL:
    if target is None:
        text = sqlite_url(default_database_path())
    elif isinstance(target, os.PathLike) or "://" not in target:
        text = sqlite_url(target)
    else:
        text = target
    try:
        url = make_url(text)
        url.get_dialect()
    except (ArgumentError, NoSuchModuleError) as exc:
        shown = re.sub(r"//[^/@]*@", "//***@", text)  # never echo a password
        raise DatabaseProblem(f"{shown!r} is not a database URL CRT Desktop can use.") from exc
    return url


def _sqlite_file(url: URL) -> Path | None:
    """The file behind a SQLite URL; None for other databases, memory and `file:` URIs."""
    if url.get_backend_name() != "sqlite":
        return None
    database = url.database or ""
    if database in ("", ":memory:") or database.startswith("file:") or url.query.get("uri"):
        return None
    return Path(database).absolute()


def _make_private_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise DatabaseProblem(f"Could not create the folder {folder}: {cause(exc)}.") from exc


def _prepare_file(path: Path, migrations: Path) -> bool:
    """Check an existing file read-only, or create a new owner-only one (then True)."""
    if path.exists():
        if not path.is_file():
            raise DatabaseProblem(f"{path} is a folder, not a database file.")
        try:
            check_sqlite_file(path, migrations)
        except DatabaseProblem as exc:
            from .reading import naming_what_reads

            raise _offering_backup(naming_what_reads(exc, path), path) from exc
        return False
    if not path.parent.is_dir():
        raise DatabaseProblem(f"The folder {path.parent} does not exist.")
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        check_sqlite_file(path, migrations)
        return False
    except OSError as exc:
        raise DatabaseProblem(f"Could not create the database {path}: {cause(exc)}.") from exc
    return True


def _remove_new_file(path: Path) -> None:
    """Take away a database file this open created and could not set up (a full disk), so
    that no empty file is left to be mistaken for a database later."""
    for leftover in (path, *(Path(f"{path}{s}") for s in ("-wal", "-shm", "-journal"))):
        with contextlib.suppress(OSError):
            leftover.unlink()


def latest_backup(path: Path) -> Path | None:
    """The newest copy made before a migration (`<db>.backup-<revision>-<time>.db`), if any."""
    try:
        found = [p for p in path.parent.glob(f"{path.name}.backup-*.db") if p.is_file()]
    except OSError:
        return None
    return max(found, key=lambda p: (p.stat().st_mtime, p.name), default=None)


def _offering_backup(problem: DatabaseProblem, path: Path) -> DatabaseProblem:
    """The same refusal, naming the backup beside the database when there is one."""
    backup = latest_backup(path)
    if backup is None:
        return problem
    text = str(problem).rstrip(".")
    return DatabaseProblem(f"{text}; the copy saved before its last update is {backup}.")


def _engine(url: URL, path: Path | None) -> Engine:
    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    journal = "DELETE" if path is not None and on_network_file_system(path) else "WAL"

    @event.listens_for(engine, "connect")
    def _on_connect(connection: sqlite3.Connection, _record: Any) -> None:
        # SQLAlchemy emits BEGIN itself (below): the driver's own handling skips it for DDL.
        connection.isolation_level = None
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA foreign_keys = ON")
        set_journal_mode(connection, journal)
        # FULL syncs the log at every commit: a laptop whose battery dies keeps every change it
        # showed as done (NORMAL may lose the last ones). It costs about 0.3 ms a commit.
        connection.execute("PRAGMA synchronous = FULL")

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine


def set_journal_mode(connection: sqlite3.Connection, wanted: str) -> str:
    """Set WAL (or the wanted mode), falling back to DELETE where it cannot be set."""
    for mode in dict.fromkeys((wanted, "DELETE")):
        try:
            row = connection.execute(f"PRAGMA journal_mode = {mode}").fetchone()
        except sqlite3.Error:
            continue
        got = str(row[0]).lower() if row else ""
        if got in (mode.lower(), "memory"):
            return got
    row = connection.execute("PRAGMA journal_mode").fetchone()
    return str(row[0]).lower() if row else ""


def _journal_mode(engine: Engine) -> str:
    with engine.connect() as connection:
        return str(connection.exec_driver_sql("PRAGMA journal_mode").scalar()).lower()


def _migrate(engine: Engine, path: Path | None, migrations: Path) -> Path | None:
    """Bring the database to head; back a SQLite file up first. Returns the backup, if any."""
    with engine.connect() as connection:
        current = current_revision(connection)
    check_known(current, str(path or engine.url.render_as_string()), migrations)
    if current == known_revisions(migrations)[-1]:
        return None
    backup = None
    if path is not None and current is not None:
        with engine.connect() as connection:
            driver = connection.connection.driver_connection
            backup = backup_sqlite(driver, path, current)  # type: ignore[arg-type]
    upgrade(engine, migrations)
    return backup


def on_network_file_system(path: Path, mounts: str | None = None) -> bool:
    """Whether the path sits on a network file system (Linux mount table, Windows UNC paths).

    `mounts` is the text of /proc/self/mounts, read when not given."""
    text = str(path)
    if text.startswith("\\\\"):
        return True
    if mounts is None:
        try:
            mounts = Path("/proc/self/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return False
    best, kind = "", ""
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        inside = text == point or text.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, parts[2]
    return kind in _NETWORK_FILE_SYSTEMS
