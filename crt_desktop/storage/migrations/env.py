"""Alembic environment: runs on the connection that storage.migration hands over.

Configured in code (no alembic.ini); `render_as_batch` lets the same migrations alter tables on
SQLite, which has little ALTER TABLE, and on PostgreSQL. Offline mode prints the SQL instead.
"""

from alembic import context

from crt_desktop.storage.models import Base

if context.is_offline_mode():
    # Writes the SQL instead of running it (`sqlalchemy.url` names the dialect), so that a
    # database administrator can review it, and tests can check the PostgreSQL DDL.
    context.configure(
        url=context.config.get_main_option("sqlalchemy.url"),
        target_metadata=Base.metadata,
        literal_binds=True,
    )
else:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("Run migrations through crt_desktop.storage, which passes a connection.")
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        compare_type=True,
    )
with context.begin_transaction():
    context.run_migrations()
