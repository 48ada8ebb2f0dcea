"""Section tools and report-back: session checklist, step, prompt and tallies; card parts and
carried items on notes; each team's plan of the sections.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30

New columns get server defaults, so that every existing row reads as before: nothing ticked,
the first step, no prompt, no tallies, no card parts, not carried. Counts only: no column
records who placed a dot or answered a survey.
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Add the new columns and the plans table."""
    with op.batch_alter_table("sessions") as batch:
        batch.add_column(sa.Column("components", sa.JSON(), server_default="[]", nullable=False))
        batch.add_column(sa.Column("step", sa.Integer(), server_default="0", nullable=False))
        batch.add_column(sa.Column("prompt", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("tallies", sa.JSON(), server_default="{}", nullable=False))
    with op.batch_alter_table("notes") as batch:
        batch.add_column(sa.Column("details", sa.JSON(), server_default="[]", nullable=False))
        batch.add_column(sa.Column("carried_from", sa.String(length=64), nullable=True))
    op.create_table(
        "plans",
        sa.Column("team", sa.String(length=200), nullable=False),
        sa.Column("section", sa.Integer(), nullable=False),
        sa.Column("planned_on", sa.Date(), nullable=False),
        sa.CheckConstraint("section BETWEEN 1 AND 12", name=op.f("ck_plans_section")),
        sa.PrimaryKeyConstraint("team", "section", name=op.f("pk_plans")),
    )


def downgrade() -> None:
    """Drop the plans table and the new columns."""
    op.drop_table("plans")
    with op.batch_alter_table("notes") as batch:
        batch.drop_column("carried_from")
        batch.drop_column("details")
    with op.batch_alter_table("sessions") as batch:
        batch.drop_column("tallies")
        batch.drop_column("prompt")
        batch.drop_column("step")
        batch.drop_column("components")
