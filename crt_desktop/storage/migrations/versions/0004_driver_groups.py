"""Recurring drivers: the groups of alike notes across teams that the user merged, split or
named.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02

A group holds notes by (session, note); deleting a session or a note takes it out of its group
and an empty group is simply never shown. Nothing here records who made a group.
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Create the two group tables."""
    op.create_table(
        "driver_groups",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_driver_groups")),
    )
    op.create_table(
        "driver_group_notes",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("note_id", sa.String(length=64), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["driver_groups.id"],
            name=op.f("fk_driver_group_notes_group_id_driver_groups"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["session_id", "note_id"],
            ["notes.session_id", "notes.id"],
            name=op.f("fk_driver_group_notes_session_id_notes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("session_id", "note_id", name=op.f("pk_driver_group_notes")),
    )
    op.create_index("ix_driver_group_notes_group", "driver_group_notes", ["group_id"])


def downgrade() -> None:
    """Drop the group tables."""
    op.drop_index("ix_driver_group_notes_group", table_name="driver_group_notes")
    op.drop_table("driver_group_notes")
    op.drop_table("driver_groups")
