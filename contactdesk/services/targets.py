"""Outcome targets and how far each is met: revenue, margin, new accounts, won deals.

An admin or a marketer sets a target for a month, quarter or year, for a rep, a
team, a territory or the company (field rules decide who may: marketing and
admins edit ``target``, sales reads it). Attainment is measured with the
shared dashboard's definitions, so both teams read the same numbers:

- revenue / margin: sum of ``amount`` / ``margin`` of deals moved to a won
  stage with ``closed_at`` inside the period;
- won deals: how many such deals;
- new accounts: accounts created inside the period.

A rep's figures are the deals (accounts) they own; a team's, those owned by
its members; a territory's, deals of that territory (the account's when the
deal has none). Figures are counted within the reader's record scope, as
every report is. Activity counts are offered as information
(``activity_counts``), never as a target.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import ColumnElement, func, select, true
from sqlalchemy.orm import Session

from contactdesk.errors import ValidationError
from contactdesk.model import Account, Activity, FunnelStage, Opportunity, Target, User
from contactdesk.services.actor import Actor
from contactdesk.services.field_catalog import entity_spec
from contactdesk.services.field_rules import Policy, scope_clause
from contactdesk.services.policy_cache import policy_for
from contactdesk.services.target_rules import period_end, period_start
from contactdesk.services.unit_of_work import unit_of_work
from contactdesk.store.local_store import Store

MONEY_METRICS = ("revenue", "margin")


@dataclass(frozen=True)
class TargetAttainment:
    """One target and what has been achieved against it so far."""

    target_id: uuid.UUID
    metric: str
    period: str
    starts_on: date
    # The last day of the period (inclusive).
    ends_on: date
    level: str
    # Who the target is for: the rep's display name, the team, the territory or "company".
    holder: str
    user_id: uuid.UUID | None
    team: str | None
    territory: str | None
    value: float
    actual: float

    @property
    def attainment(self) -> float | None:
        """Achieved share of the target (1.0 = met); None for a target of zero."""
        return self.actual / self.value if self.value else None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": str(self.target_id),
            "metric": self.metric,
            "period": self.period,
            "starts_on": self.starts_on.isoformat(),
            "ends_on": self.ends_on.isoformat(),
            "level": self.level,
            "holder": self.holder,
            "value": self.value,
            "actual": self.actual,
            "attainment": self.attainment,
        }


def set_target(
    store: Store,
    actor: Actor,
    *,
    metric: str,
    period: str,
    day: date,
    value: float,
    level: str = "company",
    user_id: uuid.UUID | None = None,
    team: str | None = None,
    territory: str | None = None,
    notes: str | None = None,
) -> uuid.UUID:
    """Set the target of ``metric`` for the period containing ``day``; returns its id.

    A target for the same metric, period and holder is replaced (its value
    changes), so setting a target twice never leaves two. Goes through the unit
    of work: the actor's field rules decide whether they may set targets.
    """
    starts_on = period_start(period, day)
    values: dict[str, Any] = {
        "metric": metric,
        "period": period,
        "starts_on": starts_on,
        "level": level,
        "user_id": user_id,
        "team": team,
        "territory": territory,
        "value": value,
        "notes": notes,
    }
    with unit_of_work(store, actor) as work:
        existing = work.session.scalar(
            select(Target.id).where(
                Target.metric == metric,
                Target.period == period,
                Target.starts_on == starts_on,
                Target.level == level,
                _same(Target.user_id, user_id),
                _same(Target.team, team),
                _same(Target.territory, territory),
            )
        )
        if existing is None:
            return work.create("target", values)
        work.update("target", existing, {"value": value, "notes": notes})
        return existing


def _same(column: Any, value: Any) -> ColumnElement[bool]:
    clause: ColumnElement[bool] = column.is_(None) if value is None else column == value
    return clause


def targets_on(store: Store, actor: Actor, day: date) -> list[TargetAttainment]:
    """Every target whose period contains ``day``, with its attainment so far."""
    return targets_between(store, actor, day, day)


def targets_between(
    store: Store, actor: Actor, first: date, last: date
) -> list[TargetAttainment]:
    """Every target whose period overlaps ``first``..``last`` (inclusive), with attainment."""
    with store.reading() as session:
        return attainments(session, policy_for(store, session, actor.role), actor, first, last)


def attainments(
    session: Session, policy: Policy, actor: Actor, first: date, last: date
) -> list[TargetAttainment]:
    """``targets_between`` in an open read session (for reports)."""
    policy.require_visible("target", "value")
    rows = session.scalars(
        select(Target)
        .where(Target.starts_on <= last)
        .order_by(Target.starts_on, Target.metric, Target.level, Target.id)
    )
    found = [row for row in rows if period_end(row.period, row.starts_on) > first]
    names = _display_names(session)
    return [_attainment(session, policy, actor, row, names) for row in found]


def target_attainment(store: Store, actor: Actor, target_id: uuid.UUID) -> TargetAttainment:
    """One target with its attainment so far."""
    with store.reading() as session:
        policy = policy_for(store, session, actor.role)
        policy.require_visible("target", "value")
        row = session.get(Target, target_id)
        if row is None:
            raise ValidationError("target.id", f"no target with id {target_id}")
        names = _display_names(session)
        return _attainment(session, policy, actor, row, names)


def _display_names(session: Session) -> dict[uuid.UUID, str]:
    return {user_id: name for user_id, name in session.execute(select(User.id, User.display_name))}


def _attainment(
    session: Session,
    policy: Policy,
    actor: Actor,
    target: Target,
    names: dict[uuid.UUID, str],
) -> TargetAttainment:
    start, end = target.starts_on, period_end(target.period, target.starts_on)
    holder = {
        "rep": names.get(target.user_id, "?") if target.user_id else "?",
        "team": target.team or "?",
        "territory": target.territory or "?",
    }.get(target.level, "company")
    found = TargetAttainment(
        target.id,
        target.metric,
        target.period,
        start,
        date.fromordinal(end.toordinal() - 1),
        target.level,
        holder,
        target.user_id,
        target.team,
        target.territory,
        float(target.value),
        0.0,
    )
    actual = _actual(session, policy, actor, found, utc_midnight(start), utc_midnight(end))
    return replace(found, actual=actual)


def utc_midnight(day: date) -> datetime:
    """Midnight UTC at the start of ``day`` (periods are half-open ranges of these)."""
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def _actual(
    session: Session,
    policy: Policy,
    actor: Actor,
    target: TargetAttainment,
    start: datetime,
    end: datetime,
) -> float:
    entity, where = counted_records(target, start, end)
    if target.metric in MONEY_METRICS:
        policy.require_visible("opportunity", "amount" if target.metric == "revenue" else "margin")
    measure: Any = {
        "revenue": func.sum(Opportunity.amount),
        "margin": func.sum(Opportunity.margin),
        "won_deals": func.count(Opportunity.id),
        "new_accounts": func.count(Account.id),
    }[target.metric]
    scope = scope_clause(entity_spec(entity), policy, actor)
    return float(session.scalar(select(measure).where(*where, scope)) or 0)


def counted_records(
    target: TargetAttainment, start: datetime, end: datetime
) -> tuple[str, list[ColumnElement[bool]]]:
    """The entity a target counts and the conditions on its own columns (for drill-downs).

    Scope is left to the caller. Conditions refer to the entity's table only
    (related tables through subqueries), so a drill-down can select from it alone.
    """
    if target.metric == "new_accounts":
        return "account", [
            Account.created_at >= start,
            Account.created_at < end,
            _holder(target, Account.owner_id, Account.territory),
        ]
    won = select(FunnelStage.id).where(FunnelStage.outcome == "won")
    account_territory = (
        select(Account.territory).where(Account.id == Opportunity.account_id).scalar_subquery()
    )
    territory = func.coalesce(Opportunity.territory, account_territory)
    return "opportunity", [
        Opportunity.stage_id.in_(won),
        Opportunity.closed_at >= start,
        Opportunity.closed_at < end,
        _holder(target, Opportunity.owner_id, territory),
    ]


def _holder(target: TargetAttainment, owner: Any, territory: Any) -> ColumnElement[bool]:
    """Records that count for the target's holder (rep, team, territory or everyone)."""
    if target.level == "rep":
        clause: ColumnElement[bool] = owner == target.user_id
        return clause
    if target.level == "team":
        return owner.in_(select(User.id).where(User.team == target.team))  # type: ignore[no-any-return]
    if target.level == "territory":
        return territory == target.territory  # type: ignore[no-any-return]
    return true()


def activity_counts(
    store: Store, actor: Actor, first: date, last: date, *, user_id: uuid.UUID | None = None
) -> dict[str, int]:
    """Activities done between ``first`` and ``last`` (inclusive), by kind: information only.

    Shown next to attainment so a rep sees their effort, but never a target:
    ContactDesk judges outcomes.
    """
    with store.reading() as session:
        policy = policy_for(store, session, actor.role)
        where = [
            Activity.done_at >= utc_midnight(first),
            Activity.done_at < utc_midnight(date.fromordinal(last.toordinal() + 1)),
            scope_clause(entity_spec("activity"), policy, actor),
        ]
        if user_id is not None:
            where.append(Activity.owner_id == user_id)
        query = (
            select(Activity.kind, func.count(Activity.id))
            .where(*where)
            .group_by(Activity.kind)
            .order_by(Activity.kind)
        )
        return {kind: int(count) for kind, count in session.execute(query)}
