"""A contact's additional values: the second email, phone, address or web page.

A contact has one column for each of email, phone, mobile and address; what an
address book holds beyond them (a private email next to the work one, a third
phone, a home address) is kept as a ContactDetail row with its label, so an
import never drops it. Reading them applies the same rules as the contact's
own fields: a role that may not see ``email`` sees no extra email either.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select

from contactdesk.model import Contact, ContactDetail
from contactdesk.services.actor import Actor
from contactdesk.services.field_catalog import ENTITIES
from contactdesk.services.field_rules import scope_clause
from contactdesk.services.policy_cache import policy_for
from contactdesk.store.local_store import Store

# Each kind of additional value is seen by whoever may see this field of the contact.
GOVERNING_FIELD = {"email": "email", "phone": "phone", "address": "street", "url": "notes"}


@dataclass(frozen=True)
class AdditionalValue:
    """One extra value of a contact: ``email``, ``phone``, ``address`` or ``url``."""

    kind: str
    label: str
    value: str


def additional_values(store: Store, actor: Actor, contact_id: uuid.UUID) -> list[AdditionalValue]:
    """The contact's extra values ``actor`` may see, in the order they were added."""
    spec = ENTITIES["contact"]
    with store.reading() as session:
        policy = policy_for(store, session, actor.role)
        visible = sorted(k for k, f in GOVERNING_FIELD.items() if policy.can_see("contact", f))
        in_scope = session.scalar(
            select(Contact.id).where(Contact.id == contact_id, scope_clause(spec, policy, actor))
        )
        if in_scope is None or not visible:
            return []
        rows = session.execute(
            select(ContactDetail.kind, ContactDetail.label, ContactDetail.value)
            .where(ContactDetail.contact_id == contact_id, ContactDetail.kind.in_(visible))
            .order_by(ContactDetail.created_at, ContactDetail.id)
        )
        return [AdditionalValue(kind, label or "", value) for kind, label, value in rows]
