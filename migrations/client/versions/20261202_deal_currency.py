"""deal currency and activity duration: amounts carry an ISO 4217 code, meetings a length

Adds opportunities.currency (NULL: the company's default currency),
activities.duration_minutes, and the (territory, stage_id) index the pipeline
board reads a territory's column by.

Revision ID: 20261202_deal_currency
Revises: 20261202_list_speed
Create Date: 2026-12-02 07:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261202_deal_currency"
down_revision: str | None = "20261202_list_speed"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("opportunities", schema=None) as batch_op:
        batch_op.add_column(sa.Column("currency", sa.String(length=3), nullable=True))
        batch_op.create_index(
            "ix_opportunities_territory_stage", ["territory", "stage_id"], unique=False
        )
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.add_column(sa.Column("duration_minutes", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.drop_column("duration_minutes")
    with op.batch_alter_table("opportunities", schema=None) as batch_op:
        batch_op.drop_index("ix_opportunities_territory_stage")
        batch_op.drop_column("currency")
