"""Market notes: what sales learns in the field that no call produced.

A competitor seen at a customer, a price heard, market news: intel of kind
``market_note`` with its topic, a tag (the competitor, product or subject) and
the text, linked to an account or a contact (a contact's account is linked
too). It reaches marketing's field-intelligence report at the next sync.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select

from contactdesk.errors import ValidationError
from contactdesk.model import Account, Contact, Intel, User
from contactdesk.model.selling import MARKET_TOPICS
from contactdesk.selling.contact_pipeline import contact_in_scope
from contactdesk.services.actor import Actor
from contactdesk.services.field_catalog import entity_spec
from contactdesk.services.field_rules import scope_clause
from contactdesk.services.policy_cache import policy_for
from contactdesk.services.unit_of_work import unit_of_work
from contactdesk.store.local_store import Store

NOTES_LIMIT = 200
TOPIC_LABELS = {
    "competitor_seen": "Competitor seen",
    "price_heard": "Price heard",
    "market_news": "Market news",
}


@dataclass(frozen=True)
class MarketNote:
    id: uuid.UUID
    topic: str
    tag: str | None
    text: str
    account_id: uuid.UUID | None
    account: str | None
    contact_id: uuid.UUID | None
    contact: str | None
    author: str | None
    created_at: datetime


def add_market_note(
    store: Store,
    actor: Actor,
    *,
    topic: str,
    text: str,
    tag: str | None = None,
    account_id: uuid.UUID | None = None,
    contact_id: uuid.UUID | None = None,
    product: str | None = None,
) -> uuid.UUID:
    """Record a market note for an account or a contact (in the actor's scope); its id.

    ValidationError names the field when the topic is unknown, the text empty
    or neither an account nor a contact is given; nothing is written then.
    """
    if topic not in MARKET_TOPICS:
        raise ValidationError("intel.topic", f"must be one of {', '.join(MARKET_TOPICS)}")
    if not text.strip():
        raise ValidationError("intel.text", "say what you saw or heard")
    if account_id is None and contact_id is None:
        raise ValidationError("intel.account_id", "link the note to an account or a contact")
    with unit_of_work(store, actor) as work:
        if contact_id is not None:
            contact = contact_in_scope(work.session, work.policy, actor, contact_id)
            account_id = account_id or contact.account_id
        return work.create(
            "intel",
            {
                "kind": "market_note",
                "topic": topic,
                "tag": (tag or "").strip() or None,
                "text": text.strip(),
                "account_id": account_id,
                "contact_id": contact_id,
                "product": (product or "").strip() or None,
                "author_id": actor.user_id,
            },
        )


def market_notes(
    store: Store,
    actor: Actor,
    *,
    account_id: uuid.UUID | None = None,
    contact_id: uuid.UUID | None = None,
    limit: int = NOTES_LIMIT,
) -> list[MarketNote]:
    """Market notes the actor may see, newest first; only an account's or a contact's if given."""
    with store.reading() as session:
        policy = policy_for(store, session, actor.role)
        policy.require_visible("intel", "text")
        query = (
            select(
                Intel.id, Intel.topic, Intel.tag, Intel.text, Intel.account_id, Account.name,
                Intel.contact_id, Contact.display_name, User.display_name, Intel.created_at,
            )
            .outerjoin(Account, Account.id == Intel.account_id)
            .outerjoin(Contact, Contact.id == Intel.contact_id)
            .outerjoin(User, User.id == Intel.author_id)
            .where(Intel.kind == "market_note", scope_clause(entity_spec("intel"), policy, actor))
        )
        links = []
        if account_id is not None:
            links.append(Intel.account_id == account_id)
        if contact_id is not None:
            links.append(Intel.contact_id == contact_id)
        if links:
            query = query.where(or_(*links))
        rows = session.execute(query.order_by(Intel.created_at.desc(), Intel.id).limit(limit))
        return [
            MarketNote(
                note_id, topic or "market_news", tag, text or "", account, account_name,
                contact, contact_name, author, created,
            )
            for (
                note_id, topic, tag, text, account, account_name, contact, contact_name, author,
                created,
            ) in rows
        ]
