"""Where a contact stands in the pipeline: its open opportunity and its open lead.

Shared by call logging (which links what it writes to them) and the contact
card (which shows them). Both lookups apply the reader's record scope.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from contactdesk.errors import NotFound
from contactdesk.model import Contact, FunnelStage, Lead, Opportunity
from contactdesk.services.actor import Actor
from contactdesk.services.field_catalog import entity_spec
from contactdesk.services.field_rules import Policy, scope_clause

OPEN_LEAD_STATUSES = ("handed_off", "accepted")


@dataclass(frozen=True)
class ContactRef:
    id: uuid.UUID
    display_name: str
    account_id: uuid.UUID | None
    enquiry_source: str | None


@dataclass(frozen=True)
class OpenOpportunity:
    id: uuid.UUID
    name: str
    stage_id: uuid.UUID
    stage_name: str
    product: str | None
    amount: float | None
    # ISO 4217; None means the company's default (the card services fill it in).
    currency: str | None = None
    owner_id: uuid.UUID | None = None


def contact_in_scope(
    session: Session, policy: Policy, actor: Actor, contact_id: uuid.UUID
) -> ContactRef:
    """The contact if ``actor`` may see it; NotFound otherwise."""
    row = session.execute(
        select(Contact.id, Contact.display_name, Contact.account_id, Contact.enquiry_source).where(
            Contact.id == contact_id, scope_clause(entity_spec("contact"), policy, actor)
        )
    ).first()
    if row is None:
        raise NotFound(f"no contact with id {contact_id} that {actor.username} may see")
    return ContactRef(*row)


def open_opportunity(
    session: Session, policy: Policy, actor: Actor, contact: ContactRef
) -> OpenOpportunity | None:
    """The contact's open opportunity (else its company's), most recently changed first."""
    links = [Opportunity.contact_id == contact.id]
    if contact.account_id is not None:
        links.append(Opportunity.account_id == contact.account_id)
    rows = list(
        session.execute(
            select(
                Opportunity.id,
                Opportunity.name,
                Opportunity.stage_id,
                FunnelStage.name,
                Opportunity.product,
                Opportunity.amount,
                Opportunity.contact_id,
                Opportunity.currency,
                Opportunity.owner_id,
            )
            .join(FunnelStage, FunnelStage.id == Opportunity.stage_id)
            .where(
                or_(*links),
                FunnelStage.outcome == "open",
                scope_clause(entity_spec("opportunity"), policy, actor),
            )
            .order_by(Opportunity.updated_at.desc())
            .limit(20)
        )
    )
    # The contact's own opportunity beats one that only shares the company.
    rows.sort(key=lambda row: row[6] != contact.id)
    if not rows:
        return None
    first = rows[0]
    amount = first[5] if policy.can_see("opportunity", "amount") else None
    product = first[4] if policy.can_see("opportunity", "product") else None
    currency = first[7] if policy.can_see("opportunity", "currency") else None
    return OpenOpportunity(
        first[0], first[1], first[2], first[3], product, amount, currency, first[8]
    )


def open_lead_id(
    session: Session, policy: Policy, actor: Actor, contact_id: uuid.UUID
) -> uuid.UUID | None:
    """The contact's latest lead that sales is working (handed off or accepted), if any."""
    found: uuid.UUID | None = session.scalar(
        select(Lead.id)
        .where(
            Lead.contact_id == contact_id,
            Lead.status.in_(OPEN_LEAD_STATUSES),
            scope_clause(entity_spec("lead"), policy, actor),
        )
        .order_by(Lead.created_at.desc())
        .limit(1)
    )
    return found
