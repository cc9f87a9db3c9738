"""shared model indexes added for the client's segment counts

The server holds every table and index of the shared model
(``contactdesk.model.Base``); these two come along so that the migrated schema
matches the models. The client's migration 20261122_segment_indexes explains them.

Revision ID: 20261122_server_segment_indexes
Revises: 20261122_server_model_2
Create Date: 2026-11-22
"""

from collections.abc import Sequence

from alembic import op

revision: str = "20261122_server_segment_indexes"
down_revision: str | None = "20261122_server_model_2"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_contacts_title_account", "contacts", ["title", "account_id", "id"], unique=False
    )
    op.create_index("ix_accounts_industry_id", "accounts", ["industry", "id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_accounts_industry_id", table_name="accounts")
    op.drop_index("ix_contacts_title_account", table_name="contacts")
