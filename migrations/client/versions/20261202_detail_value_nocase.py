"""detail value nocase: an import matches a contact by its second email or phone too

A row whose email (in any case) or phone is one of a contact's additional
values (``contact_details``: the second email of a card, a third phone) is that
contact (issue 22): the import's matching compares ``value COLLATE NOCASE IN
(...)``, served by this index. Client-only, like the other NOCASE indexes
(tests/store/test_schema_migration.py CLIENT_ONLY).

Revision ID: 20261202_detail_value_nocase
Revises: 20261202_email_nocase
Create Date: 2026-12-02 18:30:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "20261202_detail_value_nocase"
down_revision: str | None = "20261202_email_nocase"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(
        "CREATE INDEX ix_contact_details_value_nocase "
        "ON contact_details (value COLLATE NOCASE, kind, contact_id)"
    )


def downgrade() -> None:
    op.drop_index("ix_contact_details_value_nocase", table_name="contact_details")
