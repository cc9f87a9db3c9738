"""Leads whose follow-up clock ran out: flag them to both teams, then re-route or escalate.

A clock has run out when a lead is ``handed_off`` (not yet accepted or
rejected), its ``follow_up_due_at`` has passed and sales logged no first
follow-up. ``expired_leads`` lists them (the flag both views show while it
stands); ``enforce_follow_up_clocks`` records each miss (``LeadClockMiss``,
synced, so both teams keep seeing it) and, by the routing rules' ``on_expired``:

- ``reroute``: hands the lead to another rep by the routing rules (never the
  one who missed it); with no rep free, escalates instead;
- ``escalate``: hands it to the team lead of the rep who missed it; if that
  rep is the team lead (or the team has none), re-routes instead.

Either way the new owner gets a fresh clock of the hand-off rules' hours.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Select, or_, select

from contactdesk.marketing.lead_handoff import load_router, start_clock
from contactdesk.marketing.lead_routing import NoRoute, Rep, Router
from contactdesk.marketing.marketing_access import require_marketing
from contactdesk.marketing.marketing_settings import write_in
from contactdesk.marketing.routing_rules import CURSOR_KEY, routing_rules
from contactdesk.model import Account, Contact, Lead, LeadClockMiss, User
from contactdesk.services.actor import Actor
from contactdesk.services.capabilities import can
from contactdesk.services.changes import Change
from contactdesk.services.company_settings import handoff_rules
from contactdesk.services.unit_of_work import UnitOfWork, unit_of_work
from contactdesk.store.local_store import Store


@dataclass(frozen=True)
class ExpiredLead:
    """A lead whose follow-up deadline passed with no follow-up."""

    lead_id: uuid.UUID
    contact: str
    owner_id: uuid.UUID | None
    owner: str | None
    due_at: datetime
    overdue_hours: float


@dataclass(frozen=True)
class ClockMiss:
    """A recorded miss: who missed the lead, what was done, who holds it now."""

    id: uuid.UUID
    lead_id: uuid.UUID
    missed_by_id: uuid.UUID | None
    due_at: datetime
    noticed_at: datetime
    action: str
    new_owner_id: uuid.UUID | None
    reason: str | None


def _expired_query(
    now: datetime,
) -> Select[uuid.UUID, str, uuid.UUID | None, str, datetime | None]:
    return (
        select(
            Lead.id, Contact.display_name, Lead.owner_id, User.display_name, Lead.follow_up_due_at
        )
        .join(Contact, Contact.id == Lead.contact_id)
        .outerjoin(User, User.id == Lead.owner_id)
        .where(
            Lead.status == "handed_off",
            Lead.follow_up_due_at < now,
            Lead.first_follow_up_at.is_(None),
        )
        .order_by(Lead.follow_up_due_at, Lead.id)
    )


def expired_leads(store: Store, actor: Actor, now: datetime) -> list[ExpiredLead]:
    """Leads whose clock ran out by ``now``, most overdue first (a rep: only their own)."""
    query = _expired_query(now)
    if not may_enforce_clocks(store, actor):
        query = query.where(Lead.owner_id == actor.user_id)
    with store.reading() as session:
        rows = session.execute(query).all()
    return [
        ExpiredLead(lead_id, contact, owner_id, owner, due, (now - due).total_seconds() / 3600)
        for lead_id, contact, owner_id, owner, due in rows
        # The query keeps only leads with a due time; this tells the type checker so.
        if due is not None
    ]


def _team_lead(reps: list[Rep], team: str | None) -> Rep | None:
    return next((rep for rep in reps if rep.team == team and rep.is_team_lead), None)


def _next_owner(
    router: Router, missed_by: Rep | None, territory: str | None, industry: str | None
) -> tuple[str, Rep | None, str]:
    """The action taken and the new owner (None: only flagged), with the reason."""
    escalate_first = router.rules.on_expired == "escalate"
    lead = _team_lead(router.reps, missed_by.team) if missed_by is not None else None
    if lead is not None and missed_by is not None and lead.id == missed_by.id:
        lead = None
    if escalate_first and lead is not None:
        router.assign_to(lead)
        return "escalated", lead, f"escalated to team lead {lead.display_name}"
    exclude = [missed_by.id] if missed_by is not None else []
    route = router.route(territory, industry, exclude=exclude)
    if not isinstance(route, NoRoute):
        return "rerouted", route.rep, f"re-routed: {route.reason}"
    if lead is not None:
        router.assign_to(lead)
        return "escalated", lead, f"no rep free ({route.reason}); escalated to the team lead"
    return "flagged", None, f"flagged only: {route.reason} and no team lead to escalate to"


def may_enforce_clocks(store: Store, actor: Actor) -> bool:
    """Whether ``actor`` may re-route or escalate other people's leads (hand_off_leads)."""
    return can(store, actor, "hand_off_leads")


def enforce_follow_up_clocks(store: Store, actor: Actor, now: datetime) -> list[ClockMiss]:
    """Record every expired clock and re-route or escalate its lead; one unit of work.

    Only ever run on purpose (a button with a confirmation, ``contactdesk lead
    clocks``, after a marketer's sync): it writes, so looking at leads never calls it.
    """
    require_marketing(store, actor, "hand_off_leads", "re-route leads")
    hours = handoff_rules(store).follow_up_hours
    rules = routing_rules(store)
    misses: list[ClockMiss] = []
    with unit_of_work(store, actor) as work:
        router = load_router(work, rules)
        reps = {rep.id: rep for rep in router.reps}
        rows = work.session.execute(
            _expired_query(now)
            .add_columns(Account.territory, Account.industry)
            .outerjoin(Account, Account.id == Contact.account_id)
        ).all()
        for lead_id, _contact, owner_id, _owner, due, territory, industry in rows:
            assert due is not None  # the query keeps only leads with a due time
            missed_by = reps.get(owner_id) if owner_id is not None else None
            if missed_by is not None:
                # The missed lead no longer weighs on its old owner's load.
                router.loads[missed_by.id] -= 1
            action, new_owner, reason = _next_owner(router, missed_by, territory, industry)
            if new_owner is not None:
                start_clock(work, lead_id, new_owner, now, now + timedelta(hours=hours))
            misses.append(
                _record_miss(work, lead_id, owner_id, due, now, action, new_owner, reason)
            )
        if misses:
            write_in(work, CURSOR_KEY, router.cursors)
    return misses


def _record_miss(
    work: UnitOfWork,
    lead_id: uuid.UUID,
    owner_id: uuid.UUID | None,
    due: datetime,
    now: datetime,
    action: str,
    new_owner: Rep | None,
    reason: str,
) -> ClockMiss:
    new_owner_id = new_owner.id if new_owner is not None else None
    miss = LeadClockMiss(
        lead_id=lead_id,
        missed_by_id=owner_id,
        due_at=due,
        noticed_at=now,
        action=action,
        new_owner_id=new_owner_id,
        reason=reason[:200],
    )
    work.session.add(miss)
    work.session.flush()
    fields = {
        "lead_id": (None, lead_id),
        "missed_by_id": (None, owner_id),
        "due_at": (None, due),
        "noticed_at": (None, now),
        "action": (None, action),
        "new_owner_id": (None, new_owner_id),
        "reason": (None, miss.reason),
    }
    work.record_change(Change("lead_clock_miss", miss.id, "create", fields))
    return _miss(miss)


def _miss(row: LeadClockMiss) -> ClockMiss:
    return ClockMiss(
        row.id,
        row.lead_id,
        row.missed_by_id,
        row.due_at,
        row.noticed_at,
        row.action,
        row.new_owner_id,
        row.reason,
    )


def clock_misses(
    store: Store, actor: Actor, lead_ids: list[uuid.UUID] | None = None
) -> list[ClockMiss]:
    """Recorded misses, newest first; a rep (who may not hand off) sees their own only."""
    query = select(LeadClockMiss).order_by(LeadClockMiss.noticed_at.desc(), LeadClockMiss.id)
    if lead_ids is not None:
        query = query.where(LeadClockMiss.lead_id.in_(lead_ids))
    if not may_enforce_clocks(store, actor):
        query = query.where(
            or_(
                LeadClockMiss.missed_by_id == actor.user_id,
                LeadClockMiss.new_owner_id == actor.user_id,
            )
        )
    with store.reading() as session:
        return [_miss(row) for row in session.scalars(query)]
