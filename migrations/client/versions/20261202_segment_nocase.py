"""segment nocase: case-insensitive indexes for segment text conditions and value pickers

A segment's "is", "is not" and "is one of" on free text ignore case ("north"
finds "North"): the compiler compares ``column COLLATE NOCASE IN (spellings)``.
SQLite serves such a comparison only from an index of the same collation, so the
fields a segment is usually built from get one here:

- ``contacts(title, account_id, id)``: buyer titles, covering as the binary index is;
- ``contacts(region, id)`` and ``contacts(country, id)``;
- ``accounts(industry, id)``, ``accounts(region, id)``, ``accounts(territory, id)``,
  ``accounts(country, id)``.

The builder's value pickers read the known values of these fields from the same
indexes, one seek per distinct value (``contactdesk.segments.segment_values``).
Client-only (the server builds no segments): the schema test lists them
(tests/store/test_schema_migration.py CLIENT_ONLY).

Revision ID: 20261202_segment_nocase
Revises: 20261202_collateral_stage_ids
Create Date: 2026-12-02 13:40:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "20261202_segment_nocase"
down_revision: str | None = "20261202_collateral_stage_ids"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (index, table, case-folded column, further columns)
INDEXES = (
    ("ix_contacts_title_nocase", "contacts", "title", ("account_id", "id")),
    ("ix_contacts_region_nocase", "contacts", "region", ("id",)),
    ("ix_contacts_country_nocase", "contacts", "country", ("id",)),
    ("ix_accounts_industry_nocase", "accounts", "industry", ("id",)),
    ("ix_accounts_region_nocase", "accounts", "region", ("id",)),
    ("ix_accounts_territory_nocase", "accounts", "territory", ("id",)),
    ("ix_accounts_country_nocase", "accounts", "country", ("id",)),
)


def upgrade() -> None:
    for name, table, folded, rest in INDEXES:
        columns = ", ".join((f"{folded} COLLATE NOCASE", *rest))
        op.execute(f"CREATE INDEX {name} ON {table} ({columns})")


def downgrade() -> None:
    for name, table, _, _ in INDEXES:
        op.drop_index(name, table_name=table)
