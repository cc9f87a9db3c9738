"""collateral.stages holds funnel stage ids, not names: renaming a stage keeps its material

Each stage name a piece of collateral was tied to becomes that stage's id (hex,
as JSON holds ids); a name no stage has any more is kept as it was. Downgrade
turns ids back into the stages' present names.

Revision ID: 20261202_collateral_stage_ids
Revises: 20261202_role_capabilities
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261202_collateral_stage_ids"
down_revision: str | None = "20261202_role_capabilities"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _relink(names_to_ids: bool) -> None:
    bind = op.get_bind()
    stages = sa.table("funnel_stages", sa.column("id", sa.Uuid()), sa.column("name", sa.String()))
    collateral = sa.table("collateral", sa.column("id", sa.Uuid()), sa.column("stages", sa.JSON()))
    found = bind.execute(sa.select(stages.c.id, stages.c.name))
    ids = {name: stage_id.hex for stage_id, name in found}
    mapping = ids if names_to_ids else {stage_id: name for name, stage_id in ids.items()}
    for record_id, linked in bind.execute(sa.select(collateral.c.id, collateral.c.stages)).all():
        relinked = sorted({mapping.get(str(item), str(item)) for item in linked or []})
        if relinked != list(linked or []):
            bind.execute(
                collateral.update().where(collateral.c.id == record_id).values(stages=relinked)
            )


def upgrade() -> None:
    _relink(names_to_ids=True)


def downgrade() -> None:
    _relink(names_to_ids=False)
