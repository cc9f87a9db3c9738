"""CardDAV and CalDAV: app passwords for phones, and the source of a kept conflict

App passwords are one per phone or calendar app, for CardDAV and CalDAV
sign-in. A conflict kept from a phone's edit says so (``source``), so the
user's desktop adopts it into its conflict center.

Revision ID: 20261202_server_dav
Revises: 20261202_server_coll_stage_ids
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261202_server_dav"
down_revision: str | None = "20261202_server_coll_stage_ids"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "app_passwords",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("label", sa.String(length=80), nullable=False),
        sa.Column("password_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_used_at", sa.DateTime(), nullable=True),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_app_passwords_user_id_users", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_app_passwords"),
        sa.UniqueConstraint("password_hash", name="uq_app_passwords_password_hash"),
    )
    op.create_index("ix_app_passwords_user", "app_passwords", ["user_id", "revoked_at"])
    with op.batch_alter_table("conflicts") as table:
        table.add_column(sa.Column("source", sa.String(length=20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("conflicts") as table:
        table.drop_column("source")
    op.drop_index("ix_app_passwords_user", table_name="app_passwords")
    op.drop_table("app_passwords")
