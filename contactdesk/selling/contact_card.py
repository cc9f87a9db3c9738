"""The contact and account cards: what a rep needs on one screen before a call.

Only the fields the role may see (records come from ``record_queries``), the
open opportunity and its stage, the collateral marketing tied to that stage
(narrowed to the deal's product and the company's industry where marketing
said so), and the history of activities, newest first.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Any

from contactdesk.errors import NotFound
from contactdesk.selling.contact_pipeline import (
    OpenOpportunity,
    contact_in_scope,
    open_opportunity,
)
from contactdesk.selling.opportunity_progress import stage_choices
from contactdesk.services.actor import Actor
from contactdesk.services.company_settings import company_currency
from contactdesk.services.field_catalog import FieldSpec
from contactdesk.services.policy_cache import policy_for
from contactdesk.services.record_queries import (
    Condition,
    Record,
    get_record,
    page_records,
    visible_fields,
)
from contactdesk.store.local_store import Store

HISTORY_LIMIT = 100
COLLATERAL_LIMIT = 1000
# Contacts and deals an account card lists; a bigger account is browsed in the lists.
CARD_LIMIT = 200
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class CollateralItem:
    id: str
    title: str
    kind: str
    url: str | None
    value_points: str | None


@dataclass(frozen=True)
class ContactCard:
    contact: Record
    fields: list[FieldSpec]
    account: Record | None
    opportunity: OpenOpportunity | None
    collateral: list[CollateralItem]
    history: list[Record]


@dataclass(frozen=True)
class DealLine:
    """One of an account's deals as the card lists it, open or closed."""

    id: str
    name: str
    stage_name: str
    outcome: str
    amount: float | None
    currency: str
    owner_name: str | None
    expected_close: date | None
    closed_at: datetime | None

    @property
    def is_open(self) -> bool:
        return self.outcome == "open"


@dataclass(frozen=True)
class AccountCard:
    """An account's card: who works there, its deals, its activities and who owns it.

    ``owner_name`` and ``after_sale_owner_name`` are None when unset or hidden from
    the role; ``handovers`` are the hand-over activities a won deal left behind.
    """

    account: Record
    fields: list[FieldSpec]
    contacts: list[Record]
    opportunity: OpenOpportunity | None
    collateral: list[CollateralItem]
    history: list[Record]
    deals: list[DealLine] = field(default_factory=list)
    handovers: list[Record] = field(default_factory=list)

    @property
    def open_deals(self) -> list[DealLine]:
        return [deal for deal in self.deals if deal.is_open]

    @property
    def closed_deals(self) -> list[DealLine]:
        return [deal for deal in self.deals if not deal.is_open]

    @property
    def owner_name(self) -> str | None:
        return _text_or_none(self.account.get("owner"))

    @property
    def after_sale_owner_name(self) -> str | None:
        return _text_or_none(self.account.get("after_sale_owner"))


def contact_card(store: Store, actor: Actor, contact_id: uuid.UUID | str) -> ContactCard:
    """Everything the card shows for one contact; NotFound outside the actor's scope."""
    contact = get_record(store, actor, "contact", contact_id)
    key = uuid.UUID(contact["id"])
    with store.reading() as session:
        policy = policy_for(store, session, actor.role)
        ref = contact_in_scope(session, policy, actor, key)
        opportunity = _with_currency(store, open_opportunity(session, policy, actor, ref))
    account = _optional_record(store, actor, "account", ref.account_id)
    industry = account.get("industry") if account else None
    return ContactCard(
        contact=contact,
        fields=visible_fields(store, actor, "contact"),
        account=account,
        opportunity=opportunity,
        collateral=fitting_collateral(store, actor, opportunity, industry),
        history=activity_history(store, actor, "contact_id", key),
    )


def account_card(store: Store, actor: Actor, account_id: uuid.UUID | str) -> AccountCard:
    """The account, its contacts, its deals (open and closed), history and hand-overs.

    Reads at most CARD_LIMIT contacts and deals (each by an indexed account_id);
    NotFound outside the actor's scope.
    """
    account = get_record(store, actor, "account", account_id)
    key = uuid.UUID(account["id"])
    contacts = page_records(
        store, actor, "contact", limit=CARD_LIMIT, where=[Condition("account_id", "eq", str(key))]
    ).rows
    opportunity = None
    with store.reading() as session:
        policy = policy_for(store, session, actor.role)
        for contact in contacts[:1]:
            ref = contact_in_scope(session, policy, actor, uuid.UUID(contact["id"]))
            opportunity = _with_currency(store, open_opportunity(session, policy, actor, ref))
    history = activity_history(store, actor, "account_id", key)
    return AccountCard(
        account=account,
        fields=visible_fields(store, actor, "account"),
        contacts=contacts,
        opportunity=opportunity,
        collateral=fitting_collateral(store, actor, opportunity, account.get("industry")),
        history=history,
        deals=account_deals(store, actor, key),
        handovers=[row for row in history if row.get("kind") == "handover"],
    )


def account_deals(store: Store, actor: Actor, account_id: uuid.UUID) -> list[DealLine]:
    """The account's deals the actor may see: open ones first, then closed, newest close first."""
    rows = page_records(
        store,
        actor,
        "opportunity",
        limit=CARD_LIMIT,
        where=[Condition("account_id", "eq", str(account_id))],
    ).rows
    outcomes = {str(stage.id): stage.outcome for stage in stage_choices(store)}
    default_currency = company_currency(store)
    deals = [
        DealLine(
            id=str(row["id"]),
            name=str(row.get("name") or ""),
            stage_name=str(row.get("stage") or ""),
            outcome=outcomes.get(str(row.get("stage_id")), "open"),
            amount=row.get("amount"),
            currency=row.get("currency") or default_currency,
            owner_name=_text_or_none(row.get("owner")),
            expected_close=row.get("expected_close"),
            closed_at=row.get("closed_at"),
        )
        for row in rows
    ]
    newest_close = sorted(deals, key=lambda deal: deal.closed_at or _EPOCH, reverse=True)
    return sorted(newest_close, key=lambda deal: not deal.is_open)


def fitting_collateral(
    store: Store, actor: Actor, opportunity: OpenOpportunity | None, industry: str | None
) -> list[CollateralItem]:
    """Collateral tied to the opportunity's stage (by id) that fits its product and industry.

    An item with no products (or industries) listed fits every one. The library
    is small (marketing curates it), so it is read whole and matched here.
    """
    if opportunity is None:
        return []
    rows = page_records(store, actor, "collateral", limit=COLLATERAL_LIMIT).rows
    return [
        CollateralItem(
            row["id"], row["title"], row["kind"], row.get("url"), row.get("value_points")
        )
        for row in rows
        if _fits(row.get("stages"), opportunity.stage_id.hex)
        and _fits_or_open(row.get("products"), opportunity.product)
        and _fits_or_open(row.get("industries"), industry)
    ]


def activity_history(
    store: Store, actor: Actor, link_field: str, record_id: uuid.UUID
) -> list[Record]:
    """Activities linked to the record by ``link_field``, newest due first.

    Reads the first HISTORY_LIMIT by due time (keyset paging runs ascending); a
    contact with more activities than that shows its oldest ones.
    """
    rows = page_records(
        store,
        actor,
        "activity",
        limit=HISTORY_LIMIT,
        sort="due_at",
        where=[Condition(link_field, "eq", str(record_id))],
    ).rows
    return list(reversed(rows))


def _optional_record(
    store: Store, actor: Actor, entity: str, record_id: uuid.UUID | None
) -> Record | None:
    if record_id is None:
        return None
    try:
        return get_record(store, actor, entity, record_id)
    except NotFound:
        return None


def _with_currency(store: Store, deal: OpenOpportunity | None) -> OpenOpportunity | None:
    """The deal with its currency spelled out (the company's default when it has none)."""
    if deal is None or deal.currency is not None:
        return deal
    return replace(deal, currency=company_currency(store))


def _text_or_none(value: Any) -> str | None:
    return str(value) if value else None


def _fits(listed: Any, value: str | None) -> bool:
    return isinstance(listed, list) and value is not None and value in listed


def _fits_or_open(listed: Any, value: str | None) -> bool:
    if not listed:
        return True
    return value is not None and value in listed
