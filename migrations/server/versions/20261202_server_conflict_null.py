"""conflict values nullable: a kept conflict's original, mine and theirs may be empty

The shared model's ``sync_conflicts`` (client-side, carried along unused on the
server) declares its three values nullable, as the client's table has them:
``theirs`` is empty when the record was deleted on the server.

Revision ID: 20261202_server_conflict_null
Revises: 20261122_server_feed_old_values
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261202_server_conflict_null"
down_revision: str | None = "20261122_server_feed_old_values"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VALUES = ("original", "mine", "theirs")


def upgrade() -> None:
    with op.batch_alter_table("sync_conflicts") as batch:
        for column in VALUES:
            batch.alter_column(column, existing_type=sa.JSON(), nullable=True)


def downgrade() -> None:
    with op.batch_alter_table("sync_conflicts") as batch:
        for column in VALUES:
            batch.alter_column(column, existing_type=sa.JSON(), nullable=False)
