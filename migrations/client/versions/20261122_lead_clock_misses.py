"""lead clock misses: handed-off leads whose follow-up deadline passed, and their re-routing

Revision ID: 20261122_lead_clock_misses
Revises: 20261122_transfer_logs
Create Date: 2026-11-22 18:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261122_lead_clock_misses"
down_revision: str | None = "20261122_transfer_logs"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "lead_clock_misses",
        sa.Column("lead_id", sa.Uuid(), nullable=False),
        sa.Column("missed_by_id", sa.Uuid(), nullable=True),
        sa.Column("due_at", sa.DateTime(), nullable=False),
        sa.Column("noticed_at", sa.DateTime(), nullable=False),
        sa.Column("action", sa.String(length=12), nullable=False),
        sa.Column("new_owner_id", sa.Uuid(), nullable=True),
        sa.Column("reason", sa.String(length=200), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["lead_id"], ["leads.id"],
            name=op.f("fk_lead_clock_misses_lead_id_leads"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["missed_by_id"], ["users.id"], name=op.f("fk_lead_clock_misses_missed_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["new_owner_id"], ["users.id"], name=op.f("fk_lead_clock_misses_new_owner_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lead_clock_misses")),
    )
    with op.batch_alter_table("lead_clock_misses", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_lead_clock_misses_lead_id"), ["lead_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("lead_clock_misses", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lead_clock_misses_lead_id"))
    op.drop_table("lead_clock_misses")
