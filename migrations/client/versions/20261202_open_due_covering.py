"""open due covering: the partial index of open activities carries done_at

The week plan counts a rep's overdue work (``owner_id = ? AND done_at IS NULL
AND due_at < ?``). With planner statistics, SQLite 3.40 preferred the full
``(owner_id, due_at)`` index and read every activity row before today to test
``done_at`` (260,000 rows, 1.2 s for one rep on the 1M demo store). With
``done_at`` in the partial index the count reads that index alone.

Revision ID: 20261202_open_due_covering
Revises: 20261202_intel_topic
Create Date: 2026-12-02 08:55:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261202_open_due_covering"
down_revision: str | None = "20261202_intel_topic"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OPEN_DUE = "ix_activities_owner_open_due"
OPEN = sa.text("done_at IS NULL")


def upgrade() -> None:
    # IF EXISTS: a development store migrated before the index joined list_speed lacks it.
    op.execute(f"DROP INDEX IF EXISTS {OPEN_DUE}")
    op.create_index(OPEN_DUE, "activities", ["owner_id", "due_at", "done_at"], sqlite_where=OPEN)


def downgrade() -> None:
    op.drop_index(OPEN_DUE, table_name="activities")
    op.create_index(OPEN_DUE, "activities", ["owner_id", "due_at"], sqlite_where=OPEN)
