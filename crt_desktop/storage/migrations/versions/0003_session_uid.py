"""A unique identifier for every session, so a leader's filled-in summary from another
database is never read into this one's session of the same number.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02

Existing sessions get a random identifier each; it says nothing about who or when.
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None

# 32 random hexadecimal digits per row, in each database's own SQL.
_RANDOM_HEX = {
    "sqlite": "lower(hex(randomblob(16)))",
    "postgresql": "md5(random()::text || clock_timestamp()::text || id::text)",
}


def upgrade() -> None:
    """Add the column, give every session its own identifier, then require it."""
    with op.batch_alter_table("sessions") as batch:
        batch.add_column(sa.Column("uid", sa.String(length=32), nullable=True))
    # In SQL, so the migration also renders as a script (offline) for an organisation's DBA.
    random_hex = _RANDOM_HEX.get(op.get_context().dialect.name)
    if random_hex is not None:
        op.execute(f"UPDATE sessions SET uid = {random_hex}")
    else:
        sessions = sa.table("sessions", sa.column("id", sa.Integer), sa.column("uid", sa.String))
        connection = op.get_bind()
        for (session_id,) in connection.execute(sa.select(sessions.c.id)).all():
            connection.execute(
                sessions.update().where(sessions.c.id == session_id).values(uid=uuid.uuid4().hex)
            )
    with op.batch_alter_table("sessions") as batch:
        batch.alter_column("uid", existing_type=sa.String(length=32), nullable=False)
        batch.create_unique_constraint(op.f("uq_sessions_uid"), ["uid"])


def downgrade() -> None:
    """Drop the identifiers."""
    with op.batch_alter_table("sessions") as batch:
        batch.drop_constraint(op.f("uq_sessions_uid"), type_="unique")
        batch.drop_column("uid")
