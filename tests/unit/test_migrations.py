"""Migrations: a new database reaches head, the models match the migrations, and an older
database is backed up before it is changed."""

from __future__ import annotations

import io
import os
import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import CheckConstraint, Engine, create_engine, inspect

from crt_desktop.storage import StorageError, open_database
from crt_desktop.storage.migration import MIGRATIONS, backup_sqlite, known_revisions
from crt_desktop.storage.models import Base
from tests.unit.builders import control_board

HEAD = known_revisions()[-1]

SECOND_REVISION = '''"""A test-only second revision."""

from alembic import op

revision = "{rev}"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("sessions") as batch:
        batch.create_index("ix_sessions_team", ["team"])


def downgrade():
    op.drop_index("ix_sessions_team", table_name="sessions")
'''


def revision_of(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        (revision,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    conn.close()
    return str(revision)


@pytest.fixture
def migrated(tmp_path: Path) -> Engine:
    with open_database(tmp_path / "crt.db"):
        pass
    return create_engine(f"sqlite:///{tmp_path / 'crt.db'}")


@pytest.fixture
def newer_migrations(tmp_path: Path) -> Path:
    """The shipped migrations plus one more revision, as the next release would have."""
    folder = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, folder, ignore=shutil.ignore_patterns("__pycache__"))
    rev = f"{int(HEAD) + 1:04d}"
    (folder / "versions" / f"{rev}_team_index.py").write_text(
        SECOND_REVISION.format(rev=rev, down=HEAD), encoding="utf-8"
    )
    return folder


def test_new_database_is_migrated_to_head(migrated: Engine, tmp_path: Path) -> None:
    """An empty database gets every table and is stamped with the head revision."""
    tables = set(inspect(migrated).get_table_names())
    assert tables == {
        "alembic_version", "sessions", "notes", "responses", "progress_updates", "plans",
        "driver_groups", "driver_group_notes",
    }  # fmt: skip
    assert revision_of(tmp_path / "crt.db") == HEAD
    assert not list(tmp_path.glob("*.backup-*")), "an empty database needs no backup"


def test_models_match_the_migrations(migrated: Engine) -> None:
    """Comparing the models with the migrated schema finds no difference (`alembic check`)."""
    with migrated.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_check_constraints_match_the_migrations(migrated: Engine) -> None:
    """The allowed kinds, levels and statuses in the models are the ones the database enforces."""
    inspector = inspect(migrated)
    for table in Base.metadata.sorted_tables:
        in_database = {c["name"]: c["sqltext"] for c in inspector.get_check_constraints(table.name)}
        in_models = {
            str(c.name): str(c.sqltext) for c in table.constraints if isinstance(c, CheckConstraint)
        }
        assert in_database == in_models, table.name


def test_revision_file_names_agree_with_alembic() -> None:
    """The fast start-up check (file names) sees the same linear history that Alembic sees."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    script = ScriptDirectory.from_config(config)
    history = [r.revision for r in reversed(list(script.walk_revisions()))]
    assert history == list(known_revisions())
    assert script.get_heads() == [HEAD]
    assert all(r.isdigit() and len(r) == 4 for r in history)


def test_migrations_ignore_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stray alembic.ini or pyproject.toml in the working directory changes nothing."""
    work = tmp_path / "work"
    work.mkdir()
    (work / "alembic.ini").write_text("[alembic]\nscript_location = nowhere\n", encoding="utf-8")
    (work / "pyproject.toml").write_text('[tool.alembic]\nscript_location = "nowhere"\n')
    monkeypatch.chdir(work)
    with open_database(tmp_path / "crt.db") as db:
        assert db.store.list_sessions() == []
    assert revision_of(tmp_path / "crt.db") == HEAD


def test_older_database_is_backed_up_before_migrating(
    tmp_path: Path, newer_migrations: Path
) -> None:
    """Opening a database at an older revision first copies it, privately, then migrates it."""
    path = tmp_path / "crt.db"
    with open_database(path) as db:
        session = db.store.save_board(control_board(["Charting", "Short staffing"]))
    with open_database(path, migrations=newer_migrations) as db:
        assert db.backup is not None
        assert db.backup.name.startswith(f"crt.db.backup-{HEAD}-")
        assert session.id is not None
        assert len(db.store.load_board(session.id).notes) == 2
    backup = db.backup
    assert backup.stat().st_mode & 0o777 == 0o600
    assert revision_of(backup) == HEAD
    assert revision_of(path) == f"{int(HEAD) + 1:04d}"
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT count(*) FROM notes").fetchone() == (2,)
    conn.close()
    # Foreign keys were switched off only while migrating.
    with open_database(path, migrations=newer_migrations) as db:
        assert db.backup is None, "a database at head is not backed up again"
        with db.engine.connect() as c:
            assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_database_from_a_newer_release_is_refused_by_this_one(
    tmp_path: Path, newer_migrations: Path
) -> None:
    """A database migrated by the next release cannot be opened by this one, and is kept."""
    path = tmp_path / "crt.db"
    with open_database(path, migrations=newer_migrations):
        pass
    before = path.read_bytes()
    with pytest.raises(StorageError, match="newer version"):
        open_database(path)
    assert path.read_bytes() == before


def test_backups_never_overwrite_each_other(tmp_path: Path) -> None:
    """Two backups in the same second get different names; quotes in the path are fine."""
    path = tmp_path / "it's.db"
    with open_database(path) as db:
        db.store.create_session(control_board().session)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        first = backup_sqlite(conn, path, HEAD)
        second = backup_sqlite(conn, path, HEAD)
    finally:
        conn.close()
    assert first != second and first.exists() and second.exists()
    assert first.read_bytes()[:16] == b"SQLite format 3\x00"


def test_failed_backup_stops_the_migration(
    tmp_path: Path, newer_migrations: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the backup cannot be written, the database is not migrated and no copy is left."""
    path = tmp_path / "crt.db"
    with open_database(path):
        pass
    real_open = os.open

    def no_space(file: str | os.PathLike[str], flags: int, mode: int = 0o777) -> int:
        if ".backup-" in str(file):
            raise OSError(28, "No space left on device")
        return real_open(file, flags, mode)

    monkeypatch.setattr(os, "open", no_space)
    with pytest.raises(StorageError, match=r"back up.*disk is full"):
        open_database(path, migrations=newer_migrations)
    monkeypatch.undo()
    assert revision_of(path) == HEAD
    assert not list(tmp_path.glob("*.backup-*"))


def test_failed_migration_rolls_back_whole(tmp_path: Path, newer_migrations: Path) -> None:
    """A migration that fails half way leaves the schema and data as they were (DDL included)."""
    path = tmp_path / "crt.db"
    with open_database(path) as db:
        db.store.save_board(control_board(["kept"]))
    (rev_file,) = newer_migrations.glob(f"versions/{int(HEAD) + 1:04d}_*.py")
    broken = rev_file.read_text(encoding="utf-8").replace(
        '    with op.batch_alter_table("sessions") as batch:\n',
        '    op.execute("CREATE TABLE half_done (x INTEGER)")\n'
        '    op.execute("DELETE FROM notes")\n'
        '    op.execute("SELECT * FROM no_such_table")\n'
        '    with op.batch_alter_table("sessions") as batch:\n',
    )
    rev_file.write_text(broken, encoding="utf-8")
    with pytest.raises(StorageError, match="no_such_table"):
        open_database(path, migrations=newer_migrations)
    assert revision_of(path) == HEAD
    with sqlite3.connect(path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert conn.execute("SELECT count(*) FROM notes").fetchone() == (1,)
    conn.close()
    assert "half_done" not in tables


def test_migrations_render_portable_postgresql_ddl() -> None:
    """Offline, the migrations print PostgreSQL DDL for an organisation's administrator."""
    buffer = io.StringIO()
    config = Config(output_buffer=buffer)
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", "postgresql://")
    command.upgrade(config, "head", sql=True)
    sql = buffer.getvalue()
    for table in ("sessions", "notes", "responses", "progress_updates", "plans"):
        assert f"CREATE TABLE {table} (" in sql
    assert "ALTER TABLE sessions ADD COLUMN tallies JSON DEFAULT '{}' NOT NULL" in sql
    assert "id SERIAL NOT NULL" in sql and "BOOLEAN NOT NULL" in sql
    assert "INSERT INTO alembic_version (version_num) VALUES ('0001')" in sql
    assert "UPDATE sessions SET uid = md5(random()::text" in sql
    assert sql.rstrip().endswith(
        f"SET version_num='{HEAD}' WHERE alembic_version.version_num = "
        f"'{known_revisions()[-2]}';\n\nCOMMIT;"
    )


@pytest.fixture
def first_release(tmp_path: Path) -> Path:
    """The migrations as the first release shipped them: 0001 only."""
    folder = tmp_path / "migrations-0001"
    shutil.copytree(MIGRATIONS, folder, ignore=shutil.ignore_patterns("__pycache__"))
    for later in (folder / "versions").glob("*.py"):
        if not later.name.startswith("0001_"):
            later.unlink()
    return folder


def test_a_first_release_database_migrates_and_loads_with_defaults(
    tmp_path: Path, first_release: Path
) -> None:
    """A 0001 database is backed up, gains the new columns, and its boards load with defaults."""
    path = tmp_path / "crt.db"
    board = control_board(["Charting", "Short staffing"])
    # The store of this release writes columns 0001 lacks, so write rows as 0001 did.
    with open_database(path, migrations=first_release) as db, db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO sessions (team, section, held_on, template, facilitation_team, "
            "screening, created_at, updated_at) VALUES ('Outpatient nursing', 4, "
            "'2026-11-20', 'control-board', '', 0, '2026-11-20', '2026-11-20')"
        )
        for note in board.notes.values():
            conn.exec_driver_sql(
                "INSERT INTO notes (session_id, id, text, kind, level, column_key, position, "
                "stack, votes, hidden, leader_added, created_at, updated_at) VALUES "
                "(1, ?, ?, 'fatigue', NULL, 'unsorted', ?, NULL, 0, 0, 0, '2026-11-20', "
                "'2026-11-20')",
                (note.id, note.text, note.position),
            )
    assert revision_of(path) == "0001"
    with open_database(path) as db:
        assert db.backup is not None and db.backup.name.startswith("crt.db.backup-0001-")
        loaded = db.store.load_board(1)
        assert loaded.notes == board.notes
        assert loaded.session == replace(board.session, id=1)
        session = loaded.session
        assert (session.components, session.step, session.prompt, session.tallies) == (
            frozenset(),
            0,
            None,
            (),
        )
        assert all(n.details == () and n.carried_from is None for n in loaded.notes.values())
        assert db.store.team_names() == ["Outpatient nursing"]
    assert revision_of(path) == HEAD
    assert revision_of(db.backup) == "0001"


def test_sessions_of_an_older_database_each_get_their_own_uid(
    tmp_path: Path, first_release: Path
) -> None:
    """Revision 0003 gives every existing session a random identifier of its own, so a filled-in
    summary can name its session across databases; new sessions get one when saved."""
    path = tmp_path / "crt.db"
    with open_database(path, migrations=first_release) as db, db.engine.begin() as conn:
        for team in ("Ward 7", "Ward 8"):
            conn.exec_driver_sql(
                "INSERT INTO sessions (team, section, held_on, template, facilitation_team, "
                "screening, created_at, updated_at) VALUES (?, 4, '2026-11-20', "
                "'control-board', '', 0, '2026-11-20', '2026-11-20')",
                (team,),
            )
    with open_database(path) as db:
        uids = [db.store.load_board(i).session.uid for i in (1, 2)]
        new = db.store.create_session(replace(control_board().session, id=None))
    assert all(len(u) == 32 and int(u, 16) >= 0 for u in [*uids, new.uid])
    assert len({*uids, new.uid}) == 3
