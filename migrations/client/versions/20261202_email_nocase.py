"""email nocase: an import matches an existing contact's email whatever its case

A re-imported row whose email differs from a stored one only in case
(``ANN@lee.example`` and ``ann@lee.example``) is the same person (issue 22): the
import's matching compares ``email COLLATE NOCASE IN (...)``, which SQLite serves
only from an index of the same collation. Client-only (the server imports
nothing): the schema test lists it (tests/store/test_schema_migration.py CLIENT_ONLY).

Revision ID: 20261202_email_nocase
Revises: 20261202_segment_nocase
Create Date: 2026-12-02 18:20:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "20261202_email_nocase"
down_revision: str | None = "20261202_segment_nocase"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("CREATE INDEX ix_contacts_email_nocase ON contacts (email COLLATE NOCASE)")


def downgrade() -> None:
    op.drop_index("ix_contacts_email_nocase", table_name="contacts")
