"""The lead inbox: leads marketing handed to a rep, and the rep's verdict on each.

Accepting or rejecting writes exactly what marketing's lead-quality report
reads: the status, when, the reason (from ``REJECTION_REASONS``) with a note,
and the rep's quality rating 1-5. Accepting also plans the first follow-up.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, select

from contactdesk.errors import ValidationError
from contactdesk.model import Account, Campaign, Contact, Lead
from contactdesk.selling.contact_pipeline import contact_in_scope
from contactdesk.services.actor import Actor
from contactdesk.services.changes import ChangeSet
from contactdesk.services.field_catalog import entity_spec
from contactdesk.services.field_rules import scope_clause
from contactdesk.services.policy_cache import policy_for
from contactdesk.services.record_rules import QUALITY_RANGE as QUALITY_RANGE
from contactdesk.services.record_rules import REJECTION_REASONS as REJECTION_REASONS
from contactdesk.services.unit_of_work import UnitOfWork, unit_of_work
from contactdesk.store.local_store import Store

INBOX_LIMIT = 500
# QUALITY_RANGE and REJECTION_REASONS (lead rules) are re-exported for the inbox dialog.


@dataclass(frozen=True)
class InboxLead:
    """A handed-off lead waiting for the rep, with its follow-up deadline."""

    lead_id: uuid.UUID
    contact_id: uuid.UUID
    contact_name: str | None
    account_name: str | None
    campaign_name: str | None
    source: str | None
    score: float | None
    handed_off_at: datetime | None
    follow_up_due_at: datetime | None

    def time_left(self, now: datetime) -> timedelta | None:
        """Until the follow-up deadline; negative once it passed, None without one."""
        if self.follow_up_due_at is None:
            return None
        return self.follow_up_due_at - now

    def is_overdue(self, now: datetime) -> bool:
        left = self.time_left(now)
        return left is not None and left < timedelta(0)


@dataclass(frozen=True)
class LeadVerdict:
    lead_id: uuid.UUID
    follow_up_id: uuid.UUID | None
    changes: ChangeSet = field(repr=False)


def lead_inbox(store: Store, actor: Actor, user_id: uuid.UUID | None = None) -> list[InboxLead]:
    """Leads handed off to ``user_id`` (default: the actor), most urgent deadline first."""
    owner = user_id or actor.user_id
    with store.reading() as session:
        policy = policy_for(store, session, actor.role)
        columns = [
            Lead.id,
            Lead.contact_id,
            Contact.display_name,
            Account.name,
            Campaign.name,
            Lead.source,
            Lead.score,
            Lead.handed_off_at,
            Lead.follow_up_due_at,
        ]
        visible = [
            ("lead", "id"),
            ("lead", "contact_id"),
            ("contact", "display_name"),
            ("account", "name"),
            ("campaign", "name"),
            ("lead", "source"),
            ("lead", "score"),
            ("lead", "handed_off_at"),
            ("lead", "follow_up_due_at"),
        ]
        rows = session.execute(
            select(*columns)
            .select_from(Lead)
            .outerjoin(
                Contact,
                and_(
                    Contact.id == Lead.contact_id,
                    scope_clause(entity_spec("contact"), policy, actor),
                ),
            )
            .outerjoin(
                Account,
                and_(
                    Account.id == Contact.account_id,
                    scope_clause(entity_spec("account"), policy, actor),
                ),
            )
            .outerjoin(Campaign, Campaign.id == Lead.campaign_id)
            .where(
                Lead.owner_id == owner,
                Lead.status == "handed_off",
                scope_clause(entity_spec("lead"), policy, actor),
            )
            .order_by(Lead.follow_up_due_at.is_(None), Lead.follow_up_due_at)
            .limit(INBOX_LIMIT)
        )
        # Hidden fields come back as None: the role's rules decide, not the widget.
        inbox = []
        for row in rows:
            values: list[Any] = [
                value if policy.can_see(entity, name) else None
                for value, (entity, name) in zip(row, visible, strict=True)
            ]
            inbox.append(InboxLead(*values))
        return inbox


def accept_lead(
    store: Store,
    actor: Actor,
    lead_id: uuid.UUID,
    *,
    quality: int,
    follow_up_at: datetime,
    now: datetime,
    subject: str | None = None,
) -> LeadVerdict:
    """Accept a handed-off lead, rate it, and plan its first follow-up (one unit of work).

    The lead's rules (quality 1-5, only a handed-off lead is accepted) are the
    unit of work's; this step adds the follow-up it plans.
    """
    if follow_up_at <= now:
        raise ValidationError("lead.follow_up", "the first follow-up must be dated in the future")
    with unit_of_work(store, actor) as work:
        lead = _waiting_lead(work, lead_id)
        contact = contact_in_scope(work.session, work.policy, actor, lead.contact_id)
        work.update("lead", lead_id, {"status": "accepted", "accepted_at": now, "quality": quality})
        title = (subject or "").strip() or f"First follow-up with {contact.display_name}"
        follow_up_id = work.create(
            "activity",
            {
                "kind": "follow_up",
                "subject": title,
                "due_at": follow_up_at,
                "contact_id": contact.id,
                "account_id": contact.account_id,
                "lead_id": lead_id,
            },
        )
    return LeadVerdict(lead_id, follow_up_id, ChangeSet(work.changes))


def reject_lead(
    store: Store,
    actor: Actor,
    lead_id: uuid.UUID,
    *,
    reason: str,
    quality: int,
    now: datetime,
    note: str | None = None,
) -> LeadVerdict:
    """Reject a handed-off lead with a reason from REJECTION_REASONS, a note and a rating."""
    text = (note or "").strip() or None
    with unit_of_work(store, actor) as work:
        _waiting_lead(work, lead_id)
        work.update(
            "lead",
            lead_id,
            {
                "status": "rejected",
                "rejected_at": now,
                "rejection_reason": reason,
                "rejection_note": text,
                "quality": quality,
            },
        )
    return LeadVerdict(lead_id, None, ChangeSet(work.changes))


def _waiting_lead(work: UnitOfWork, lead_id: uuid.UUID) -> Lead:
    """The lead, if in the actor's scope (its status steps are the unit of work's rule)."""
    lead = work.session.scalar(
        select(Lead).where(
            Lead.id == lead_id, scope_clause(entity_spec("lead"), work.policy, work.actor)
        )
    )
    if lead is None:
        raise ValidationError("lead", f"no lead with id {lead_id} in your inbox")
    return lead
