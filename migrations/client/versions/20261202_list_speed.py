"""list speed: indexes for phone search and the week plan, list versions for jumps

- ``contacts(mobile)`` and ``accounts(phone)``: a number typed into search is
  a B-tree range over the stored E.164 numbers (``contacts.phone`` already had
  an index). FTS5 merged the doclist of every phone token under a long prefix
  before the first row (119 ms for ``07700 9`` on the 1M demo store).
- ``activities(account_id, done_at)``: the week plan's "last contact with this
  company" is a max() per account; read from this index it is one seek.
- ``activities(owner_id, due_at) WHERE done_at IS NULL``: a rep's open work by
  due date (overdue counts) without reading the done history.
- ``list_versions``: a counter per table, bumped by triggers on every insert,
  update and delete. The sparse position index of a list (every 1,000th key,
  held in memory, see ``contactdesk.services.list_positions``) is valid while
  the counters it was built at are unchanged, whichever process wrote.

These are client-only (the server neither searches nor plans weeks nor pages
by position), so they live here and not in the shared models; the schema test
lists them (tests/store/test_schema_migration.py CLIENT_ONLY).

Revision ID: 20261202_list_speed
Revises: 20261122_remote_history
Create Date: 2026-12-02 07:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261202_list_speed"
down_revision: str | None = "20261122_remote_history"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = (
    ("ix_contacts_mobile", "contacts", ["mobile"]),
    ("ix_accounts_phone", "accounts", ["phone"]),
    ("ix_activities_account_done", "activities", ["account_id", "done_at"]),
)
OPEN_DUE = "ix_activities_owner_open_due"
# Table -> the name its counter goes by (the entity, or "user" for scope by team).
VERSIONED = {"contacts": "contact", "accounts": "account", "users": "user"}


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)
    op.create_index(
        OPEN_DUE, "activities", ["owner_id", "due_at"], sqlite_where=sa.text("done_at IS NULL")
    )
    op.execute(
        "CREATE TABLE list_versions (entity VARCHAR(40) NOT NULL PRIMARY KEY, "
        "version INTEGER NOT NULL DEFAULT 0)"
    )
    for table, entity in VERSIONED.items():
        op.execute(f"INSERT INTO list_versions (entity, version) VALUES ('{entity}', 0)")
        for event in ("INSERT", "UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_list_version_{event.lower()} AFTER {event} ON {table} "
                f"BEGIN UPDATE list_versions SET version = version + 1 "
                f"WHERE entity = '{entity}'; END"
            )


def downgrade() -> None:
    for table in VERSIONED:
        for event in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_list_version_{event}")
    op.execute("DROP TABLE list_versions")
    op.drop_index(OPEN_DUE, table_name="activities")
    for name, table, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
