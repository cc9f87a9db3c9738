"""access tokens name the device they were issued to

A device (one client store) that signs in again gets its earlier token
revoked, so logging in on every CLI run no longer piles up live tokens.

Revision ID: 20261202_server_token_devices
Revises: 20261202_server_intel_topic
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261202_server_token_devices"
down_revision: str | None = "20261202_server_intel_topic"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("access_tokens") as table:
        table.add_column(sa.Column("device", sa.String(length=80), nullable=True))
    op.create_index(
        "ix_access_tokens_device", "access_tokens", ["user_id", "device", "revoked_at"]
    )


def downgrade() -> None:
    op.drop_index("ix_access_tokens_device", table_name="access_tokens")
    with op.batch_alter_table("access_tokens") as table:
        table.drop_column("device")
