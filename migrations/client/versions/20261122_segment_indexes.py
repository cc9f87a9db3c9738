"""segment indexes: contacts by (title, account_id, id), accounts by (industry, id)

The segment builder's typical filters lead with a buyer title and a company
industry. Both indexes carry what the count needs (``account_id`` to meet the
industry's companies, ``id`` for the custom-field EXISTS probe, ``id`` of the
company), so a 1M-contact count reads index pages only, never contact rows.
Measured in BENCHMARKS.md (segment count + breakdown).

Revision ID: 20261122_segment_indexes
Revises: 20261122_sync_state
Create Date: 2026-11-22 20:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "20261122_segment_indexes"
down_revision: str | None = "20261122_sync_state"
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
