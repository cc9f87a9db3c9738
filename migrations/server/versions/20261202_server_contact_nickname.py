"""contact nickname and vCard UID on the server's shared model

The client's migration 20261202_contact_nickname explains both columns; the
server holds every column of the shared model so its schema matches.

Revision ID: 20261202_server_contact_nickname
Revises: 20261202_server_deal_currency
Create Date: 2026-12-02 07:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261202_server_contact_nickname"
down_revision: str | None = "20261202_server_deal_currency"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("nickname", sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column("vcard_uid", sa.String(length=255), nullable=True))
        batch_op.create_index(batch_op.f("ix_contacts_vcard_uid"), ["vcard_uid"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contacts_vcard_uid"))
        batch_op.drop_column("vcard_uid")
        batch_op.drop_column("nickname")
