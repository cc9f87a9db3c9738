"""Conditions on data linked to a contact, each an EXISTS subquery over one related table.

Every kind names the field it reads, so a role that may not see that field may
not filter by it either (the same rule as for the contact's own fields), and
every subquery keeps to the records the actor may see.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, not_, select

from contactdesk.errors import ValidationError
from contactdesk.model import Activity, Campaign, Contact, FunnelStage, Lead, Opportunity
from contactdesk.services.actor import Actor
from contactdesk.services.field_catalog import ENTITIES
from contactdesk.services.field_rules import Policy, scope_clause
from contactdesk.services.record_queries import Condition, condition_clause


@dataclass(frozen=True)
class CompileContext:
    """What compiling a segment for one actor needs: rules, scope, and "now" for day windows."""

    policy: Policy
    actor: Actor
    now: datetime


@dataclass(frozen=True)
class RelatedKind:
    """One kind of related-data condition: its label, operators, value type and guard field."""

    name: str
    label: str
    ops: tuple[str, ...]
    value_type: str  # text, campaign, stage, days, boolean, period
    reads: tuple[str, str]  # (entity, field) the role must be able to see
    build: Callable[[CompileContext, str, Any], ColumnElement[bool]]


def _lead_source(context: CompileContext, op: str, value: Any) -> ColumnElement[bool]:
    lead = ENTITIES["lead"]
    return exists(
        select(Lead.id).where(
            Lead.contact_id == Contact.id,
            condition_clause(lead, context.policy, Condition("source", op, value)),
            scope_clause(lead, context.policy, context.actor),
        )
    )


def _names(value: Any, label: str) -> list[str]:
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not names or not all(isinstance(n, str) for n in names):
        raise ValidationError(label, "expects a name or a list of names")
    return names


def _campaign(context: CompileContext, op: str, value: Any) -> ColumnElement[bool]:
    names = _names(value, "segment.campaign")
    campaigns = select(Campaign.id).where(Campaign.name.in_(names))
    return exists(
        select(Lead.id).where(
            Lead.contact_id == Contact.id,
            Lead.campaign_id.in_(campaigns),
            scope_clause(ENTITIES["lead"], context.policy, context.actor),
        )
    )


def _funnel_stage(context: CompileContext, op: str, value: Any) -> ColumnElement[bool]:
    names = _names(value, "segment.funnel_stage")
    stages = select(FunnelStage.id).where(FunnelStage.name.in_(names))
    return exists(
        select(Opportunity.id).where(
            Opportunity.contact_id == Contact.id,
            Opportunity.stage_id.in_(stages),
            scope_clause(ENTITIES["opportunity"], context.policy, context.actor),
        )
    )


def _days(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValidationError("segment.activity_within_days", "expects a number of days")
    try:
        days = int(value)
    except ValueError:
        raise ValidationError(
            "segment.activity_within_days", f"{value!r} is not a number"
        ) from None
    if days < 0 or days > 36_500:
        raise ValidationError("segment.activity_within_days", "days must be between 0 and 36500")
    return days


def _activity_within(context: CompileContext, op: str, value: Any) -> ColumnElement[bool]:
    since = context.now - timedelta(days=_days(value))
    # Due time, not done time: the activity index is (contact_id, due_at).
    return exists(
        select(Activity.id).where(
            Activity.contact_id == Contact.id,
            Activity.due_at >= since,
            Activity.due_at <= context.now,
            scope_clause(ENTITIES["activity"], context.policy, context.actor),
        )
    )


def _boolean(value: Any, label: str) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "yes", "1", "false", "no", "0"):
        return value.lower() in ("true", "yes", "1")
    raise ValidationError(label, f"{value!r} is not yes or no")


def _open_opportunity(context: CompileContext, op: str, value: Any) -> ColumnElement[bool]:
    wanted = _boolean(value, "segment.has_open_opportunity")
    open_stages = select(FunnelStage.id).where(FunnelStage.outcome == "open")
    found = exists(
        select(Opportunity.id).where(
            Opportunity.contact_id == Contact.id,
            Opportunity.stage_id.in_(open_stages),
            scope_clause(ENTITIES["opportunity"], context.policy, context.actor),
        )
    )
    return found if wanted else not_(found)


def period_bounds(value: Any, label: str) -> tuple[datetime, datetime]:
    """``{"from": date, "to": date}`` as a half-open UTC range covering both whole days."""
    if not isinstance(value, dict):
        raise ValidationError(label, 'expects {"from": "YYYY-MM-DD", "to": "YYYY-MM-DD"}')
    try:
        start = date.fromisoformat(str(value["from"]))
        end = date.fromisoformat(str(value["to"]))
    except (KeyError, ValueError):
        raise ValidationError(label, 'expects {"from": "YYYY-MM-DD", "to": "YYYY-MM-DD"}') from None
    if end < start:
        raise ValidationError(label, "the period ends before it starts")
    return day_start(start), day_start(end + timedelta(days=1))


def day_start(day: date) -> datetime:
    """Midnight UTC at the start of ``day``."""
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def _won_in_period(context: CompileContext, op: str, value: Any) -> ColumnElement[bool]:
    start, end = period_bounds(value, "segment.won_in_period")
    won_stages = select(FunnelStage.id).where(FunnelStage.outcome == "won")
    return exists(
        select(Opportunity.id).where(
            Opportunity.contact_id == Contact.id,
            Opportunity.stage_id.in_(won_stages),
            and_(Opportunity.closed_at >= start, Opportunity.closed_at < end),
            scope_clause(ENTITIES["opportunity"], context.policy, context.actor),
        )
    )


TEXT_OPS = ("eq", "ne", "contains", "startswith", "in", "empty", "filled")

RELATED_KINDS: dict[str, RelatedKind] = {
    kind.name: kind
    for kind in (
        RelatedKind(
            "lead_source", "Lead source", TEXT_OPS, "text", ("lead", "source"), _lead_source
        ),
        RelatedKind(
            "campaign",
            "Lead from campaign",
            ("in",),
            "campaign",
            ("lead", "campaign_id"),
            _campaign,
        ),
        RelatedKind(
            "funnel_stage",
            "Opportunity at stage",
            ("in",),
            "stage",
            ("opportunity", "stage_id"),
            _funnel_stage,
        ),
        RelatedKind(
            "activity_within_days",
            "Activity in the last N days",
            ("within",),
            "days",
            ("activity", "due_at"),
            _activity_within,
        ),
        RelatedKind(
            "has_open_opportunity",
            "Has an open opportunity",
            ("eq",),
            "boolean",
            ("opportunity", "stage_id"),
            _open_opportunity,
        ),
        RelatedKind(
            "won_in_period",
            "Won a deal in period",
            ("between",),
            "period",
            ("opportunity", "closed_at"),
            _won_in_period,
        ),
    )
}


def related_clause(
    context: CompileContext, kind_name: str, op: str, value: Any
) -> ColumnElement[bool]:
    """The EXISTS clause for one related condition, after checking kind, operator and rules."""
    kind = RELATED_KINDS.get(kind_name)
    if kind is None:
        known = ", ".join(RELATED_KINDS)
        raise ValidationError(f"segment.{kind_name}", f"unknown related condition (known: {known})")
    if op not in kind.ops:
        raise ValidationError(
            f"segment.{kind_name}", f"unknown operator {op!r} (use: {', '.join(kind.ops)})"
        )
    context.policy.require_visible(*kind.reads)
    return kind.build(context, op, value)
