"""Alembic environment: runs on the connection that storage.migration hands over.

Configured in code (no alembic.ini); `render_as_batch` lets the same migrations alter tables on
SQLite, which has little ALTER TABLE, and on PostgreSQL.
"""

from alembic import context

from crt_desktop.storage.models import Base

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
