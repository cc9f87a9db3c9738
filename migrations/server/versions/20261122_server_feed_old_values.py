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
    # The shared model's client-side history tables come along unused (see
    # the client's revision 20261122_remote_history).
    op.create_table(
        "remote_changes",
        sa.Column("change_id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("op", sa.String(length=10), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("actor_name", sa.String(length=80), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("change_id", name=op.f("pk_remote_changes")),
    )
    op.create_index("ix_remote_changes_record", "remote_changes", ["record_id", "seq"])
    op.create_table(
        "remote_history_wanted",
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("record_id", name=op.f("pk_remote_history_wanted")),
    )
    op.add_column(
        "sync_state",
        sa.Column("history_cursor", sa.Integer(), nullable=False, server_default="0"),
    )
    op.add_column("change_log", sa.Column("pushed_as", sa.Uuid(), nullable=True))
    op.create_index("ix_change_log_pushed_as", "change_log", ["pushed_as"])


def downgrade() -> None:
    op.drop_index("ix_change_log_pushed_as", table_name="change_log")
    with op.batch_alter_table("change_log") as batch:
        batch.drop_column("pushed_as")
    with op.batch_alter_table("sync_state") as batch:
        batch.drop_column("history_cursor")
    op.drop_table("remote_history_wanted")
    op.drop_index("ix_remote_changes_record", table_name="remote_changes")
    op.drop_table("remote_changes")
    with op.batch_alter_table("feed_changes") as batch:
        batch.drop_column("old")
