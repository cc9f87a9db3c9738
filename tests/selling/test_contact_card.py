"""The contact card: visible fields only, the open deal, fitting collateral, history."""

from __future__ import annotations

import pytest
from sales_scenario import SalesWeek

from contactdesk.errors import NotFound
from contactdesk.selling.contact_card import account_card, contact_card
from contactdesk.services.actor import Actor
from contactdesk.services.rule_admin import set_rule
from contactdesk.store import Store


def test_card_shows_the_open_opportunity_and_its_stage(store: Store, week: SalesWeek) -> None:
    card = contact_card(store, week.rep.actor(), week.carla)
    assert card.opportunity is not None
    assert (card.opportunity.name, card.opportunity.stage_name) == ("Acme roll-out", "Proposal")


def test_card_offers_collateral_for_the_stage_that_fits_the_industry(
    store: Store, week: SalesWeek
) -> None:
    card = contact_card(store, week.rep.actor(), week.carla)
    assert sorted(item.title for item in card.collateral) == [
        "Logistics case study", "Price sheet 2026"
    ]  # fmt: skip


def test_contact_without_an_open_deal_gets_no_collateral(store: Store, week: SalesWeek) -> None:
    card = contact_card(store, week.rep.actor(), week.leo)
    assert (card.opportunity, card.collateral) == (None, [])


def test_card_history_lists_activities_newest_first(store: Store, week: SalesWeek) -> None:
    history = contact_card(store, week.rep.actor(), week.carla).history
    subjects = [row["subject"] for row in history]
    assert subjects[:2] == ["Next week call", "Demo meeting"]
    assert subjects[-1] == "Intro call"


def test_card_leaves_out_a_field_hidden_from_sales(store: Store, week: SalesWeek) -> None:
    set_rule(store, Actor.system(), "sales", "contact.phone", "hidden")
    card = contact_card(store, week.rep.actor(), week.carla)
    assert "phone" not in card.contact
    assert "phone" not in {field.name for field in card.fields}


def test_card_of_another_reps_contact_is_not_found(store: Store, week: SalesWeek) -> None:
    with pytest.raises(NotFound):
        contact_card(store, week.other_rep.actor(), week.carla)


def test_account_card_lists_its_contacts_and_open_deal(store: Store, week: SalesWeek) -> None:
    card = account_card(store, week.rep.actor(), week.acme)
    assert [row["display_name"] for row in card.contacts] == ["Carla Customer"]
    assert card.opportunity is not None and card.opportunity.id == week.opportunity
