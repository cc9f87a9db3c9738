"""remote history: changes made on other devices, from the server's history feed

A record's history shows who changed which field from what to what on this
device (the change log) and, after a sync, on every other device. The second
part lives in ``remote_changes``; ``sync_state.history_cursor`` says how far
the feed has been read, and ``change_log.pushed_as`` names the id a coalesced
push went under, so the feed's copy of this device's own change is skipped.

Revision ID: 20261122_remote_history
Revises: 20261122_search_kind
Create Date: 2026-11-22 21:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261122_remote_history"
down_revision: str | None = "20261122_search_kind"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
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
    with op.batch_alter_table("sync_state") as batch:
        batch.add_column(
            sa.Column("history_cursor", sa.Integer(), nullable=False, server_default="0")
        )
    with op.batch_alter_table("change_log") as batch:
        batch.add_column(sa.Column("pushed_as", sa.Uuid(), nullable=True))
        batch.create_index("ix_change_log_pushed_as", ["pushed_as"])


def downgrade() -> None:
    with op.batch_alter_table("change_log") as batch:
        batch.drop_index("ix_change_log_pushed_as")
        batch.drop_column("pushed_as")
    with op.batch_alter_table("sync_state") as batch:
        batch.drop_column("history_cursor")
    op.drop_table("remote_history_wanted")
    op.drop_index("ix_remote_changes_record", table_name="remote_changes")
    op.drop_table("remote_changes")
