"""Schema versions: which revision a database is at, backing it up, and bringing it to head.

The Alembic migrations ship in `migrations/` inside the package and are configured here in
code (no alembic.ini is looked for). Revision ids are zero-padded numbers that prefix their file
names (`versions/0001_initial.py`), so the fast path at start — a database already at head —
reads the known revisions from the file names and never imports Alembic (about 0.15 s saved).
Alembic is imported only when an upgrade is due.

On SQLite, foreign keys are switched off during an upgrade (batch migrations copy and drop
tables, which would otherwise cascade-delete notes) and checked before the commit.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

from .errors import DatabaseProblem, StorageError, cause

MIGRATIONS = Path(__file__).with_name("migrations")
VERSION_TABLE = "alembic_version"


def known_revisions(migrations: Path = MIGRATIONS) -> tuple[str, ...]:
    """The revisions this version knows, oldest first (the last is head)."""
    names = (p.name for p in (migrations / "versions").glob("[0-9]*_*.py"))
    return tuple(sorted(name.split("_", 1)[0] for name in names))


def current_revision(connection: Connection) -> str | None:
    """The database's revision; None for a database without our version table."""
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    rows = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars().all()
    return ",".join(sorted(rows)) or None


def check_known(revision: str | None, where: str, migrations: Path = MIGRATIONS) -> None:
    """DatabaseProblem unless the revision is one this version can open or upgrade."""
    if revision is not None and revision not in known_revisions(migrations):
        raise DatabaseProblem(
            f"The database {where} was saved by a newer version of CRT Desktop "
            f"(schema {revision}), so it was left as it is; update the app to open it."
        )


def backup_sqlite(connection: sqlite3.Connection, path: Path, revision: str) -> Path:
    """Copy the database with VACUUM INTO next to it, readable by the user only.

    `connection` is the driver's own connection, outside any transaction (VACUUM needs that)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.backup-{revision}-{stamp}.db")
    tries = 1
    while True:
        try:
            # VACUUM INTO accepts an empty file, so create it first with owner-only rights.
            os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            break
        except FileExistsError:
            tries += 1
            target = path.with_name(f"{path.name}.backup-{revision}-{stamp}-{tries}.db")
        except OSError as exc:
            raise StorageError(
                f"Could not back up the database before updating it: {cause(exc)}."
            ) from exc
    try:
        connection.execute("VACUUM INTO ?", (str(target),))
        os.chmod(target, 0o600)
    except (sqlite3.Error, OSError) as exc:
        target.unlink(missing_ok=True)
        raise StorageError(
            f"Could not back up the database before updating it: {cause(exc)}."
        ) from exc
    return target


def upgrade(engine: Engine, migrations: Path = MIGRATIONS) -> None:
    """Run every pending migration in one transaction (Alembic is imported only here)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations))
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        driver = connection.connection.driver_connection
        if sqlite:
            driver.execute("PRAGMA foreign_keys = OFF")  # type: ignore[union-attr]
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise StorageError(
                        "Could not update the database: its notes no longer match their "
                        "sessions. Nothing was changed."
                    )
        finally:
            if sqlite:
                driver.execute("PRAGMA foreign_keys = ON")  # type: ignore[union-attr]
