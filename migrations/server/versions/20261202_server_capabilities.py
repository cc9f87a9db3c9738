"""role capabilities: what each role may do (administer, run campaigns, hand off leads, ...)

Capabilities are data on the role, synced with it like field rules, so a role
an admin adds can be given any of them. The shipped roles get what their
role names allowed before (admin everything but receiving leads; marketing campaigns, hand-off,
segments, import and export; sales receives leads); other roles start with none.

Revision ID: 20261202_server_capabilities
Revises: 20261202_server_token_devices
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261202_server_capabilities"
down_revision: str | None = "20261202_server_token_devices"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen here: a later change to the app's defaults must not rewrite this step.
SHIPPED = {
    "admin": [
        "administer",
        "run_campaigns",
        "hand_off_leads",
        "edit_segments",
        "import",
        "export",
    ],
    "marketing": ["run_campaigns", "hand_off_leads", "edit_segments", "import", "export"],
    "sales": ["receive_leads"],
}


def upgrade() -> None:
    # A plain ADD COLUMN with a default: rebuilding ``roles`` (batch mode) would trip
    # the foreign keys that point at it on SQLite.
    op.add_column(
        "roles", sa.Column("capabilities", sa.JSON(), nullable=False, server_default="[]")
    )
    roles = sa.table("roles", sa.column("name", sa.String()), sa.column("capabilities", sa.JSON()))
    for name, granted in SHIPPED.items():
        op.execute(roles.update().where(roles.c.name == name).values(capabilities=granted))


def downgrade() -> None:
    op.drop_column("roles", "capabilities")
