"""The first schema: sessions, notes, leader responses and progress updates.

Revision ID: 0001
Revises:
Create Date: 2026-11-23

The allowed values in the check constraints are written out, not imported: a migration records
the schema as it was when written.
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Create the four tables."""
    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("team", sa.String(length=200), nullable=False),
        sa.Column("section", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("template", sa.String(length=64), nullable=False),
        sa.Column("facilitation_team", sa.String(length=200), nullable=False),
        sa.Column("screening", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sessions")),
    )
    op.create_table(
        "notes",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("level", sa.String(length=16), nullable=True),
        sa.Column("column_key", sa.String(length=64), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("stack", sa.String(length=64), nullable=True),
        sa.Column("votes", sa.Integer(), nullable=False),
        sa.Column("hidden", sa.Boolean(), nullable=False),
        sa.Column("leader_added", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("kind IN ('fatigue', 'resilience')", name=op.f("ck_notes_kind")),
        sa.CheckConstraint(
            "level IS NULL OR level IN ('mindset', 'team', 'system')", name=op.f("ck_notes_level")
        ),
        sa.CheckConstraint("votes >= 0", name=op.f("ck_notes_votes")),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_notes_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("session_id", "id", name=op.f("pk_notes")),
    )
    op.create_table(
        "responses",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("note_id", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("change_impossible", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status IN ('not_reviewed', 'this_year', 'next_year', 'unlikely_two_years', "
            "'needs_clarification', 'team_engaged')",
            name=op.f("ck_responses_status"),
        ),
        sa.ForeignKeyConstraint(
            ["session_id", "note_id"],
            ["notes.session_id", "notes.id"],
            name=op.f("fk_responses_session_id_notes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("session_id", "note_id", name=op.f("pk_responses")),
    )
    op.create_table(
        "progress_updates",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("note_id", sa.String(length=64), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id", "note_id"],
            ["responses.session_id", "responses.note_id"],
            name=op.f("fk_progress_updates_session_id_responses"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_progress_updates")),
    )
    op.create_index("ix_progress_updates_response", "progress_updates", ["session_id", "note_id"])


def downgrade() -> None:
    """Drop the four tables."""
    op.drop_index("ix_progress_updates_response", table_name="progress_updates")
    op.drop_table("progress_updates")
    op.drop_table("responses")
    op.drop_table("notes")
    op.drop_table("sessions")
