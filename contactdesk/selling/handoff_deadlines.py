"""Hand-off deadlines that were missed: visible to sales and marketing alike.

A lead's deadline (``follow_up_due_at``, set at hand-off from the agreed rules)
is kept when sales first acted - a first follow-up, an acceptance or a
rejection - by then. Missed means it passed with no action, or the first
action came late. Each reader sees the leads in its scope: a rep their own,
marketing all of them.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, not_, or_, select

from contactdesk.model import Campaign, Contact, Lead, User
from contactdesk.services.actor import Actor
from contactdesk.services.field_catalog import entity_spec
from contactdesk.services.field_rules import scope_clause
from contactdesk.services.policy_cache import policy_for
from contactdesk.store.local_store import Store

MISSED_LIMIT = 500


@dataclass(frozen=True)
class MissedDeadline:
    lead_id: uuid.UUID
    contact_name: str | None
    owner_name: str | None
    campaign_name: str | None
    source: str | None
    status: str
    follow_up_due_at: datetime
    # The first action, if one came late; None while the lead still waits.
    acted_at: datetime | None

    def late_by(self, now: datetime) -> timedelta:
        return (self.acted_at or now) - self.follow_up_due_at


def _acted_by_deadline() -> ColumnElement[bool]:
    due = Lead.follow_up_due_at
    return or_(
        *(
            and_(moment.is_not(None), moment <= due)
            for moment in (Lead.first_follow_up_at, Lead.accepted_at, Lead.rejected_at)
        )
    )


def missed_deadlines(
    store: Store, actor: Actor, *, now: datetime, limit: int = MISSED_LIMIT
) -> list[MissedDeadline]:
    """Leads whose follow-up deadline passed without timely action, most recent first."""
    with store.reading() as session:
        policy = policy_for(store, session, actor.role)
        rows = session.execute(
            select(
                Lead.id,
                Contact.display_name,
                User.display_name,
                Campaign.name,
                Lead.source,
                Lead.status,
                Lead.follow_up_due_at,
                Lead.first_follow_up_at,
                Lead.accepted_at,
                Lead.rejected_at,
            )
            .select_from(Lead)
            .outerjoin(
                Contact,
                and_(
                    Contact.id == Lead.contact_id,
                    scope_clause(entity_spec("contact"), policy, actor),
                ),
            )
            .outerjoin(User, User.id == Lead.owner_id)
            .outerjoin(Campaign, Campaign.id == Lead.campaign_id)
            .where(
                Lead.status != "new",
                Lead.follow_up_due_at.is_not(None),
                Lead.follow_up_due_at < now,
                not_(_acted_by_deadline()),
                scope_clause(entity_spec("lead"), policy, actor),
            )
            .order_by(Lead.follow_up_due_at.desc())
            .limit(limit)
        )
        missed = []
        for row in rows:
            (lead_id, contact, owner, campaign, source, status, due, first, accepted,
             rejected) = row  # fmt: skip
            acted = [moment for moment in (first, accepted, rejected) if moment is not None]
            missed.append(
                MissedDeadline(
                    lead_id,
                    contact,
                    owner,
                    campaign,
                    source if policy.can_see("lead", "source") else None,
                    status,
                    due or now,
                    min(acted) if acted else None,
                )
            )
        return missed
