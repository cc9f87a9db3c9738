"""The funnel stages both teams agreed on: read by everyone, edited by admins."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from contactdesk.errors import NotFound
from contactdesk.model import FunnelStage
from contactdesk.services import governance
from contactdesk.services.actor import Actor
from contactdesk.services.changes import ChangeSet
from contactdesk.services.custom_fields import require_admin
from contactdesk.services.unit_of_work import unit_of_work
from contactdesk.store.local_store import Store


@dataclass(frozen=True)
class StageInfo:
    id: uuid.UUID
    name: str
    position: int
    probability: float
    owner_team: str
    outcome: str


def list_stages(store: Store) -> list[StageInfo]:
    """The funnel in order."""
    with store.reading() as session:
        return [
            StageInfo(s.id, s.name, s.position, s.probability, s.owner_team, s.outcome)
            for s in session.scalars(select(FunnelStage).order_by(FunnelStage.position))
        ]


def add_stage(
    store: Store,
    actor: Actor,
    name: str,
    *,
    probability: float,
    owner_team: str,
    outcome: str = "open",
    position: int | None = None,
) -> ChangeSet:
    """A new stage at ``position`` (default: before the closing stages)."""
    require_admin(store, actor)
    with unit_of_work(store, actor) as work:
        governance.add_stage(
            work.session,
            work,
            name,
            probability=probability,
            owner_team=owner_team,
            outcome=outcome,
            position=position,
        )
    return ChangeSet(work.changes)


def _stage(session: Session, stage_id: uuid.UUID) -> FunnelStage:
    stage = session.get(FunnelStage, stage_id)
    if stage is None:
        raise NotFound(f"no funnel stage {stage_id}")
    return stage


def update_stage(
    store: Store,
    actor: Actor,
    stage_id: uuid.UUID,
    *,
    name: str | None = None,
    probability: float | None = None,
    owner_team: str | None = None,
) -> ChangeSet:
    """Rename a stage or change its probability or owning team."""
    require_admin(store, actor)
    with unit_of_work(store, actor) as work:
        governance.change_stage(
            work.session,
            work,
            _stage(work.session, stage_id),
            name=name,
            probability=probability,
            owner_team=owner_team,
        )
    return ChangeSet(work.changes)


def reorder_stages(store: Store, actor: Actor, names: Sequence[str]) -> ChangeSet:
    """Put the stages in the order of ``names`` (every stage exactly once)."""
    require_admin(store, actor)
    with unit_of_work(store, actor) as work:
        governance.reorder_stages(work.session, work, names)
    return ChangeSet(work.changes)


def remove_stage(store: Store, actor: Actor, stage_id: uuid.UUID) -> ChangeSet:
    """Remove a stage no opportunity is in."""
    require_admin(store, actor)
    with unit_of_work(store, actor) as work:
        governance.remove_stage(work.session, work, _stage(work.session, stage_id))
    return ChangeSet(work.changes)
