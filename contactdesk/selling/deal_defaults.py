"""What a new deal starts with when a rep creates it from a contact or an account card.

The company's currency, the first open funnel stage, the account (a contact's
company) and its territory, and the contact. Values are what the record form
pre-fills: references as (id, title) pairs, so the form can show the title.
Every value is only a suggestion; the unit of work checks what is saved.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select

from contactdesk.errors import NotFound
from contactdesk.model import FunnelStage
from contactdesk.services.actor import Actor
from contactdesk.services.company_settings import company_currency
from contactdesk.services.record_queries import Record, get_record
from contactdesk.store.local_store import Store

NEW_DEAL_ORIGIN = "outbound"


def new_deal_values(
    store: Store,
    actor: Actor,
    *,
    contact_id: uuid.UUID | str | None = None,
    account_id: uuid.UUID | str | None = None,
) -> dict[str, Any]:
    """Pre-filled fields of a deal for a contact and/or an account, as ``actor`` sees them."""
    values: dict[str, Any] = {"currency": company_currency(store), "origin": NEW_DEAL_ORIGIN}
    with store.reading() as session:
        first_open = session.execute(
            select(FunnelStage.id, FunnelStage.name)
            .where(FunnelStage.outcome == "open")
            .order_by(FunnelStage.position)
            .limit(1)
        ).first()
    if first_open is not None:
        values["stage_id"] = (str(first_open[0]), first_open[1])
    if contact_id is not None:
        contact = get_record(store, actor, "contact", contact_id)
        values["contact_id"] = (contact["id"], contact.get("display_name"))
        if account_id is None and contact.get("account_id"):
            account_id = contact["account_id"]
    if account_id is not None:
        account = _account(store, actor, account_id)
        if account is not None:
            values["account_id"] = (account["id"], account.get("name"))
            if account.get("territory"):
                values["territory"] = account["territory"]
    return values


def _account(store: Store, actor: Actor, account_id: uuid.UUID | str) -> Record | None:
    try:
        return get_record(store, actor, "account", account_id)
    except NotFound:
        return None
