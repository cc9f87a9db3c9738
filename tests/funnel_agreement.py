"""A funnel contract agreed the way the teams do it: marketing proposes, the sales lead agrees."""

from __future__ import annotations

from datetime import date

from contactdesk.errors import NotFound
from contactdesk.marketing.funnel_contract import (
    FunnelContract,
    agree_funnel_contract,
    propose_funnel_contract,
)
from contactdesk.services.actor import Actor
from contactdesk.services.directory import create_user, find_user
from contactdesk.store import Store

SALES_LEAD = "lead_of_sales"


def sales_lead(store: Store) -> Actor:
    """A sales team lead (made the first time it is asked for)."""
    try:
        return find_user(store, SALES_LEAD).actor()
    except NotFound:
        create_user(
            store, Actor.system(), SALES_LEAD, role="sales", team="field", is_team_lead=True
        )
        return find_user(store, SALES_LEAD).actor()


def agree_live_terms(store: Store, day: date, note: str = "") -> FunnelContract:
    """The live terms proposed by the store owner and agreed by a sales lead on ``day``."""
    propose_funnel_contract(store, Actor.system(), day, note=note)
    contract = agree_funnel_contract(store, sales_lead(store), day)
    assert isinstance(contract, FunnelContract)
    return contract
