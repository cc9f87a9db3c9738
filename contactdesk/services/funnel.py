"""The funnel stages both teams agreed on: read by everyone, edited by admins."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select

from contactdesk.errors import NotFound, ValidationError
from contactdesk.model import FunnelStage, Opportunity
from contactdesk.model.governance import STAGE_OUTCOMES, TEAMS
from contactdesk.services.actor import Actor
from contactdesk.services.changes import Change, ChangeSet
from contactdesk.services.custom_fields import require_admin
from contactdesk.services.unit_of_work import UnitOfWork, unit_of_work
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


def _validated(
    name: str, probability: float, owner_team: str, outcome: str
) -> tuple[str, float, str, str]:
    clean = name.strip()
    if not clean:
        raise ValidationError("funnel_stage.name", "a stage needs a name")
    if len(clean) > 60:
        raise ValidationError("funnel_stage.name", "at most 60 characters")
    if not 0.0 <= probability <= 1.0:
        raise ValidationError("funnel_stage.probability", "must be between 0 and 1 (0% to 100%)")
    if owner_team not in TEAMS:
        raise ValidationError("funnel_stage.owner_team", f"must be one of {', '.join(TEAMS)}")
    if outcome not in STAGE_OUTCOMES:
        raise ValidationError("funnel_stage.outcome", f"must be one of {', '.join(STAGE_OUTCOMES)}")
    return clean, probability, owner_team, outcome


def _check_unique(work: UnitOfWork, name: str, own_id: uuid.UUID | None) -> None:
    other = work.session.scalar(select(FunnelStage.id).where(FunnelStage.name == name))
    if other is not None and other != own_id:
        raise ValidationError("funnel_stage.name", f"a stage {name!r} exists already")


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
    name, probability, owner_team, outcome = _validated(name, probability, owner_team, outcome)
    with unit_of_work(store, actor) as work:
        _check_unique(work, name, None)
        stages = list(work.session.scalars(select(FunnelStage).order_by(FunnelStage.position)))
        open_count = sum(1 for s in stages if s.outcome == "open")
        index = open_count if position is None else max(0, min(position, len(stages)))
        stage = FunnelStage(
            name=name,
            position=index,
            probability=probability,
            owner_team=owner_team,
            outcome=outcome,
        )
        stages.insert(index, stage)
        work.session.add(stage)
        work.session.flush()
        _renumber(work, stages)
        work.record_change(
            Change(
                "funnel_stage",
                stage.id,
                "create",
                {
                    "name": (None, name),
                    "probability": (None, probability),
                    "owner_team": (None, owner_team),
                    "outcome": (None, outcome),
                },
            )
        )
    return ChangeSet(work.changes)


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
        stage = work.session.get(FunnelStage, stage_id)
        if stage is None:
            raise NotFound(f"no funnel stage {stage_id}")
        new = _validated(
            name if name is not None else stage.name,
            probability if probability is not None else stage.probability,
            owner_team if owner_team is not None else stage.owner_team,
            stage.outcome,
        )
        _check_unique(work, new[0], stage.id)
        fields: dict[str, tuple[object, object]] = {}
        for attribute, value in zip(("name", "probability", "owner_team"), new[:3], strict=True):
            if getattr(stage, attribute) != value:
                fields[attribute] = (getattr(stage, attribute), value)
                setattr(stage, attribute, value)
        if fields:
            work.record_change(Change("funnel_stage", stage.id, "update", fields))
    return ChangeSet(work.changes)


def reorder_stages(store: Store, actor: Actor, names: Sequence[str]) -> ChangeSet:
    """Put the stages in the order of ``names`` (every stage exactly once)."""
    require_admin(store, actor)
    with unit_of_work(store, actor) as work:
        stages = {s.name: s for s in work.session.scalars(select(FunnelStage))}
        if sorted(names) != sorted(stages):
            raise ValidationError("funnel_stage.position", "name every stage exactly once")
        _renumber(work, [stages[name] for name in names])
    return ChangeSet(work.changes)


def remove_stage(store: Store, actor: Actor, stage_id: uuid.UUID) -> ChangeSet:
    """Remove a stage no opportunity is in."""
    require_admin(store, actor)
    with unit_of_work(store, actor) as work:
        stage = work.session.get(FunnelStage, stage_id)
        if stage is None:
            raise NotFound(f"no funnel stage {stage_id}")
        used = work.session.scalar(
            select(func.count(Opportunity.id)).where(Opportunity.stage_id == stage_id)
        )
        if used:
            raise ValidationError(
                "funnel_stage", f"{used} opportunities are in stage {stage.name!r}; move them first"
            )
        work.session.delete(stage)
        work.record_change(Change("funnel_stage", stage.id, "delete", {"name": (stage.name, None)}))
        work.session.flush()
        _renumber(
            work, list(work.session.scalars(select(FunnelStage).order_by(FunnelStage.position)))
        )
    return ChangeSet(work.changes)


def _renumber(work: UnitOfWork, ordered: list[FunnelStage]) -> None:
    for index, stage in enumerate(ordered):
        if stage.position != index:
            work.record_change(
                Change("funnel_stage", stage.id, "update", {"position": (stage.position, index)})
            )
            stage.position = index
