"""Moving an opportunity through the funnel, and what closing it must capture.

Won needs a short win story (field intel marketing can search) and the
after-sale owner (set on the account, with a hand-over activity recorded).
Lost needs the reason, and the competitor if one won. Each move is one unit of
work, so the stage, the capture and the hand-over sync together.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select

from contactdesk.errors import NotFound, ValidationError
from contactdesk.model import Account, FunnelStage, Opportunity, User
from contactdesk.services.actor import Actor
from contactdesk.services.changes import ChangeSet
from contactdesk.services.field_catalog import entity_spec
from contactdesk.services.field_rules import scope_clause
from contactdesk.services.unit_of_work import UnitOfWork, unit_of_work
from contactdesk.store.local_store import Store

# Offered by the stage dialog (any short text is accepted); the same words as the demo data.
LOST_REASONS = (
    "chose a competitor",
    "no budget this year",
    "project cancelled",
    "went quiet",
    "price too high",
    "missing integration",
)


@dataclass(frozen=True)
class StageChoice:
    id: uuid.UUID
    name: str
    outcome: str


@dataclass(frozen=True)
class WinCapture:
    """What a won deal must leave behind."""

    story: str
    after_sale_owner_id: uuid.UUID


@dataclass(frozen=True)
class LossCapture:
    reason: str
    competitor: str | None = None


@dataclass(frozen=True)
class StageMove:
    opportunity_id: uuid.UUID
    stage: StageChoice
    changes: ChangeSet = field(repr=False)


def stage_choices(store: Store) -> list[StageChoice]:
    """The funnel stages in order, with whether each is open, won or lost."""
    with store.reading() as session:
        rows = session.execute(
            select(FunnelStage.id, FunnelStage.name, FunnelStage.outcome).order_by(
                FunnelStage.position
            )
        )
        return [StageChoice(*row) for row in rows]


def move_opportunity(
    store: Store,
    actor: Actor,
    opportunity_id: uuid.UUID,
    stage: str | uuid.UUID,
    *,
    now: datetime,
    win: WinCapture | None = None,
    loss: LossCapture | None = None,
) -> StageMove:
    """Move the opportunity to ``stage`` (a name or an id).

    Raises ValidationError when a won stage comes without ``win`` or a lost one
    without ``loss`` (the opportunity's rules in the unit of work); nothing is
    written then. Reopening (a move back to an open stage) clears the closing time.
    """
    with unit_of_work(store, actor) as work:
        target = _stage(work, stage)
        opportunity = _opportunity(work, opportunity_id)
        values: dict[str, object] = {"stage_id": target.id}
        if target.outcome == "won":
            values.update({"closed_at": now, "lost_reason": None})
            if win is not None:
                _won(work, opportunity, win, now)
        elif target.outcome == "lost":
            given = loss or LossCapture("")
            reason = given.reason.strip() or None
            competitor = (given.competitor or "").strip() or None
            values.update({"closed_at": now, "lost_reason": reason, "competitor": competitor})
            if competitor and reason:
                _intel(work, opportunity, "competitor", competitor, reason)
        else:
            values["closed_at"] = None
        work.update("opportunity", opportunity.id, values)
    return StageMove(opportunity_id, target, ChangeSet(work.changes))


def set_origin(store: Store, actor: Actor, opportunity_id: uuid.UUID, origin: str) -> ChangeSet:
    """Mark the opportunity inbound (customer-initiated) or outbound (sales-initiated)."""
    with unit_of_work(store, actor) as work:
        work.update("opportunity", opportunity_id, {"origin": origin})
    return ChangeSet(work.changes)


def _stage(work: UnitOfWork, stage: str | uuid.UUID) -> StageChoice:
    query = select(FunnelStage.id, FunnelStage.name, FunnelStage.outcome)
    if isinstance(stage, uuid.UUID):
        row = work.session.execute(query.where(FunnelStage.id == stage)).first()
    else:
        row = work.session.execute(query.where(FunnelStage.name == stage.strip())).first()
    if row is None:
        names = ", ".join(
            work.session.scalars(select(FunnelStage.name).order_by(FunnelStage.position))
        )
        raise ValidationError("opportunity.stage", f"unknown stage {stage!s} (stages: {names})")
    return StageChoice(*row)


def _opportunity(work: UnitOfWork, opportunity_id: uuid.UUID) -> Opportunity:
    found = work.session.scalar(
        select(Opportunity).where(
            Opportunity.id == opportunity_id,
            scope_clause(entity_spec("opportunity"), work.policy, work.actor),
        )
    )
    if found is None:
        raise NotFound(f"no opportunity with id {opportunity_id} that you may see")
    return found


def _won(work: UnitOfWork, opportunity: Opportunity, win: WinCapture, now: datetime) -> None:
    """The win story, the after-sale owner and the hand-over a won deal leaves behind."""
    _intel(work, opportunity, "win_story", _industry(work, opportunity), win.story.strip())
    if opportunity.account_id is None:
        # The opportunity's rule refuses the move with the reason.
        return
    work.update("account", opportunity.account_id, {"after_sale_owner_id": win.after_sale_owner_id})
    owner_name = work.session.scalar(
        select(User.display_name).where(User.id == win.after_sale_owner_id)
    )
    work.create(
        "activity",
        {
            "kind": "handover",
            "subject": f"Hand over to {owner_name}",
            "contact_id": opportunity.contact_id,
            "account_id": opportunity.account_id,
            "opportunity_id": opportunity.id,
            "due_at": now,
            "done_at": now,
            "outcome": "handed over",
        },
    )


def _industry(work: UnitOfWork, opportunity: Opportunity) -> str | None:
    if opportunity.account_id is None:
        return None
    return work.session.scalar(select(Account.industry).where(Account.id == opportunity.account_id))


def _intel(
    work: UnitOfWork, opportunity: Opportunity, kind: str, tag: str | None, text: str
) -> None:
    work.create(
        "intel",
        {
            "kind": kind,
            "tag": tag,
            "text": text,
            "contact_id": opportunity.contact_id,
            "account_id": opportunity.account_id,
            "opportunity_id": opportunity.id,
            "stage_id": opportunity.stage_id,
            "product": opportunity.product,
        },
    )
