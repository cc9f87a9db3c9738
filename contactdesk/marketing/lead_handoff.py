"""Handing qualified leads to sales: to a chosen rep, or by the routing rules.

Every hand-off sets the lead's owner, status ``handed_off``, ``handed_off_at``
and starts the follow-up clock: ``follow_up_due_at`` = now + the hand-off
rules' hours. A batch is one unit of work, so it is handed off whole or not
at all; leads that cannot go (below the qualification threshold, already with
sales, no rep under the load cap) are reported as skipped with the reason.

``hand_off_segment`` hands a saved segment's contacts over: a contact's open
lead is used, a contact without one gets a new lead (enquiry source from the
contact, campaign given or the latest campaign targeting that segment).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from contactdesk.errors import NotFound, ValidationError
from contactdesk.marketing.lead_routing import NoRoute, Rep, Router
from contactdesk.marketing.lead_scoring import score_in
from contactdesk.marketing.marketing_access import require_marketing
from contactdesk.marketing.marketing_settings import read_in, write_in
from contactdesk.marketing.routing_rules import CURSOR_KEY, RoutingRules, routing_rules
from contactdesk.model import Account, Campaign, Contact, Lead, Role, User
from contactdesk.segments.saved_segments import open_segment
from contactdesk.segments.segment_counts import segment_contact_ids
from contactdesk.services.actor import Actor
from contactdesk.services.capabilities import role_names_with
from contactdesk.services.company_settings import HandoffRules, handoff_rules
from contactdesk.services.unit_of_work import UnitOfWork, unit_of_work
from contactdesk.store.local_store import Store


@dataclass(frozen=True)
class HandoffResult:
    """What happened to one lead (or one segment contact) in a hand-off."""

    contact_id: str
    contact: str
    lead_id: str | None
    owner_id: str | None = None
    owner: str | None = None
    score: float | None = None
    reason: str = ""


@dataclass
class HandoffReport:
    """The leads handed off and those skipped, each with the reason."""

    handed_off: list[HandoffResult] = field(default_factory=list)
    skipped: list[HandoffResult] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The ``--json`` shape of ``contactdesk lead handoff``."""
        return {
            "handed_off": [vars(result) for result in self.handed_off],
            "skipped": [vars(result) for result in self.skipped],
            "counts": {"handed_off": len(self.handed_off), "skipped": len(self.skipped)},
        }


@dataclass(frozen=True)
class HandoffTarget:
    """A chosen rep (``rep``) or the routing rules (``rep`` None)."""

    rep: Rep | None = None


def sales_reps(session: Session) -> list[Rep]:
    """Active users whose role receives leads (sales, by default), as routing sees them."""
    query = (
        select(User)
        .join(Role, Role.id == User.role_id)
        .where(Role.name.in_(role_names_with(session, "receive_leads")), User.active.is_(True))
    )
    return [
        Rep(user.id, user.username, user.display_name, user.team, user.territory, user.is_team_lead)
        for user in session.scalars(query)
    ]


def open_loads(session: Session) -> dict[uuid.UUID, int]:
    """Handed-off leads each rep has not yet accepted or rejected."""
    rows = session.execute(
        select(Lead.owner_id, func.count())
        .where(Lead.status == "handed_off", Lead.owner_id.is_not(None))
        .group_by(Lead.owner_id)
    ).all()
    return {owner: int(count) for owner, count in rows if owner is not None}


def load_router(work: UnitOfWork, rules: RoutingRules) -> Router:
    """A router over the store's reps, loads and round-robin cursors."""
    cursors = read_in(work, CURSOR_KEY)
    return Router(
        rules,
        sales_reps(work.session),
        open_loads(work.session),
        cursors if isinstance(cursors, dict) else {},
    )


def find_rep(store: Store, username: str) -> Rep:
    """The active sales rep called ``username``; NotFound names the reps there are."""
    with store.reading() as session:
        reps = sales_reps(session)
    for rep in reps:
        if rep.username == username:
            return rep
    known = ", ".join(sorted(rep.username for rep in reps)) or "none"
    raise NotFound(f"no sales rep {username!r} (reps: {known})")


@dataclass(frozen=True)
class _LeadPlace:
    lead_id: uuid.UUID
    contact_id: uuid.UUID
    contact: str
    status: str
    owner_id: uuid.UUID | None
    territory: str | None
    industry: str | None


def _places(session: Session, lead_ids: Sequence[uuid.UUID]) -> list[_LeadPlace]:
    places: list[_LeadPlace] = []
    for start in range(0, len(lead_ids), 500):
        chunk = list(lead_ids[start : start + 500])
        rows = session.execute(
            select(
                Lead.id,
                Lead.contact_id,
                Contact.display_name,
                Lead.status,
                Lead.owner_id,
                Account.territory,
                Account.industry,
            )
            .join(Contact, Contact.id == Lead.contact_id)
            .outerjoin(Account, Account.id == Contact.account_id)
            .where(Lead.id.in_(chunk))
        )
        places.extend(_LeadPlace(*row) for row in rows)
    # In the caller's order, so round-robin assigns in the order leads were given.
    order = {lead_id: index for index, lead_id in enumerate(lead_ids)}
    return sorted(places, key=lambda place: order[place.lead_id])


def hand_off_in(
    work: UnitOfWork,
    lead_ids: Sequence[uuid.UUID],
    target: HandoffTarget,
    now: datetime,
    *,
    rules: HandoffRules,
    router: Router,
    allow_below_threshold: bool = False,
) -> HandoffReport:
    """Score, check and hand off leads inside an open unit of work."""
    report = HandoffReport()
    scores = score_in(work, lead_ids, now)
    due = now + timedelta(hours=rules.follow_up_hours)
    for place in _places(work.session, lead_ids):
        score = scores[place.lead_id].total
        result = HandoffResult(
            str(place.contact_id), place.contact, str(place.lead_id), score=score
        )
        if place.status != "new":
            report.skipped.append(_with(result, reason=f"already {place.status.replace('_', ' ')}"))
            continue
        if score < rules.score_threshold and not allow_below_threshold:
            reason = f"score {score:g} is below the threshold {rules.score_threshold:g}"
            report.skipped.append(_with(result, reason=reason))
            continue
        if target.rep is not None:
            rep, reason = target.rep, "chosen rep"
            router.assign_to(rep)
        else:
            route = router.route(place.territory, place.industry)
            if isinstance(route, NoRoute):
                report.skipped.append(_with(result, reason=route.reason))
                continue
            rep, reason = route.rep, route.reason
        start_clock(work, place.lead_id, rep, now, due)
        report.handed_off.append(
            _with(result, owner_id=str(rep.id), owner=rep.display_name, reason=reason)
        )
    if target.rep is None:
        write_in(work, CURSOR_KEY, router.cursors)
    return report


def start_clock(
    work: UnitOfWork, lead_id: uuid.UUID, rep: Rep, now: datetime, due: datetime
) -> None:
    """Give the lead to ``rep`` and start its follow-up clock."""
    work.update(
        "lead",
        lead_id,
        {
            "owner_id": rep.id,
            "status": "handed_off",
            "handed_off_at": now,
            "follow_up_due_at": due,
        },
    )


def _with(result: HandoffResult, **changes: Any) -> HandoffResult:
    return HandoffResult(**{**vars(result), **changes})


def hand_off_leads(
    store: Store,
    actor: Actor,
    lead_ids: Sequence[uuid.UUID],
    now: datetime,
    *,
    to_rep: Rep | None = None,
    allow_below_threshold: bool = False,
) -> HandoffReport:
    """Hand the given leads to ``to_rep``, or by the routing rules when it is None."""
    require_marketing(store, actor, "hand_off_leads", "hand leads to sales")
    rules = handoff_rules(store)
    with unit_of_work(store, actor) as work:
        router = load_router(work, routing_rules(store))
        report = hand_off_in(
            work,
            list(lead_ids),
            HandoffTarget(to_rep),
            now,
            rules=rules,
            router=router,
            allow_below_threshold=allow_below_threshold,
        )
    return report


def _segment_campaign(session: Session, segment_id: uuid.UUID) -> uuid.UUID | None:
    """The latest-starting campaign that targets the segment, if any."""
    return session.scalar(
        select(Campaign.id)
        .where(Campaign.segment_id == segment_id)
        .order_by(Campaign.starts_on.desc())
        .limit(1)
    )


def hand_off_segment(
    store: Store,
    actor: Actor,
    segment_name: str,
    now: datetime,
    *,
    to_rep: Rep | None = None,
    campaign_id: uuid.UUID | None = None,
    allow_below_threshold: bool = False,
) -> HandoffReport:
    """Hand a saved segment's contacts to sales (a chosen rep, or routed), as leads.

    Contacts whose lead is already with sales, or whose last lead sales
    rejected, are skipped with the reason: marketing re-sends a rejected lead
    deliberately, one at a time, not by segment.
    """
    require_marketing(store, actor, "hand_off_leads", "hand leads to sales")
    segment = open_segment(store, segment_name)
    segment_id = segment.id
    contact_ids = [
        cid for batch in segment_contact_ids(store, actor, segment.definition) for cid in batch
    ]
    rules = handoff_rules(store)
    report = HandoffReport()
    with unit_of_work(store, actor) as work:
        session = work.session
        if campaign_id is not None and session.get(Campaign, campaign_id) is None:
            raise ValidationError("campaign", f"no campaign with id {campaign_id}")
        campaign = campaign_id or _segment_campaign(session, segment_id)
        lead_ids: list[uuid.UUID] = []
        for start in range(0, len(contact_ids), 500):
            chunk = contact_ids[start : start + 500]
            contacts = {
                row.id: row
                for row in session.execute(
                    select(Contact.id, Contact.display_name, Contact.enquiry_source).where(
                        Contact.id.in_(chunk)
                    )
                )
            }
            latest = _latest_leads(session, chunk)
            for contact_id in chunk:
                contact = contacts[contact_id]
                lead = latest.get(contact_id)
                if lead is None:
                    values: dict[str, Any] = {
                        "contact_id": contact_id,
                        "source": contact.enquiry_source,
                        "campaign_id": campaign,
                        "status": "new",
                    }
                    lead_ids.append(work.create("lead", values))
                elif lead.status == "new":
                    lead_ids.append(lead.id)
                else:
                    reason = f"latest lead already {lead.status.replace('_', ' ')}"
                    report.skipped.append(
                        HandoffResult(
                            str(contact_id), contact.display_name, str(lead.id), reason=reason
                        )
                    )
        router = load_router(work, routing_rules(store))
        handed = hand_off_in(
            work,
            lead_ids,
            HandoffTarget(to_rep),
            now,
            rules=rules,
            router=router,
            allow_below_threshold=allow_below_threshold,
        )
    report.handed_off.extend(handed.handed_off)
    report.skipped.extend(handed.skipped)
    return report


def _latest_leads(session: Session, contact_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, Any]:
    latest: dict[uuid.UUID, Any] = {}
    rows = session.execute(
        select(Lead.id, Lead.contact_id, Lead.status, Lead.created_at)
        .where(Lead.contact_id.in_(list(contact_ids)))
        .order_by(Lead.created_at)
    )
    for row in rows:
        latest[row.contact_id] = row
    return latest
