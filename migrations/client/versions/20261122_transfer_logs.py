"""transfer logs: import batches (created records, skipped rows) and merge records

Local tables that let an import be reverted as a whole and a merge be undone
exactly. Not synced; the undo itself goes through the change log.

Revision ID: 20261122_transfer_logs
Revises: 20261122_search
Create Date: 2026-11-22 17:05:33
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261122_transfer_logs"
down_revision: str | None = "20261122_search"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "import_batches",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("file_name", sa.String(length=300), nullable=False),
        sa.Column("file_format", sa.String(length=10), nullable=False),
        sa.Column("actor_name", sa.String(length=80), nullable=True),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("imported_count", sa.Integer(), nullable=False),
        sa.Column("skipped_count", sa.Integer(), nullable=False),
        sa.Column("accounts_created", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("reverted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_batches")),
    )
    op.create_table(
        "merge_records",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("merged_at", sa.DateTime(), nullable=False),
        sa.Column("actor_name", sa.String(length=80), nullable=True),
        sa.Column("survivor_id", sa.Uuid(), nullable=False),
        sa.Column("absorbed_id", sa.Uuid(), nullable=False),
        sa.Column("snapshot", sa.JSON(), nullable=False),
        sa.Column("undone_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_merge_records")),
    )
    with op.batch_alter_table("merge_records", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_merge_records_absorbed_id"), ["absorbed_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_merge_records_survivor_id"), ["survivor_id"], unique=False
        )
    op.create_table(
        "import_skipped_rows",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("batch_id", sa.Uuid(), nullable=False),
        sa.Column("location", sa.Integer(), nullable=False),
        sa.Column("card_index", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["import_batches.id"],
            name=op.f("fk_import_skipped_rows_batch_id_import_batches"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_skipped_rows")),
    )
    with op.batch_alter_table("import_skipped_rows", schema=None) as batch_op:
        batch_op.create_index(
            "ix_import_skipped_rows_batch", ["batch_id", "location"], unique=False
        )
    op.create_table(
        "imported_records",
        sa.Column("batch_id", sa.Uuid(), nullable=False),
        sa.Column("entity", sa.String(length=20), nullable=False),
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["import_batches.id"],
            name=op.f("fk_imported_records_batch_id_import_batches"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "batch_id", "entity", "record_id", name=op.f("pk_imported_records")
        ),
    )


def downgrade() -> None:
    op.drop_table("imported_records")
    with op.batch_alter_table("import_skipped_rows", schema=None) as batch_op:
        batch_op.drop_index("ix_import_skipped_rows_batch")
    op.drop_table("import_skipped_rows")
    with op.batch_alter_table("merge_records", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_merge_records_survivor_id"))
        batch_op.drop_index(batch_op.f("ix_merge_records_absorbed_id"))
    op.drop_table("merge_records")
    op.drop_table("import_batches")
