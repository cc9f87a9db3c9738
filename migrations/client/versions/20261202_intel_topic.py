"""intel.topic: what a market note is about (competitor seen, price heard, market news)

Revision ID: 20261202_intel_topic
Revises: 20261202_targets
Create Date: 2026-12-02 07:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261202_intel_topic"
down_revision: str | None = "20261202_targets"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("intel", schema=None) as batch_op:
        batch_op.add_column(sa.Column("topic", sa.String(length=20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("intel", schema=None) as batch_op:
        batch_op.drop_column("topic")
