"""feed old values: each accepted update keeps the values it replaced

A record's history on another device says who changed which field from what
to what; the feed kept only the new values. Rows written before this revision
keep ``old`` empty (NULL) and the history reads their old values off the
record's earlier changes instead.

Revision ID: 20261122_server_feed_old_values
Revises: 20261122_server_segment_indexes
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261122_server_feed_old_values"
down_revision: str | None = "20261122_server_segment_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("feed_changes", sa.Column("old", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("feed_changes") as batch:
        batch.drop_column("old")
