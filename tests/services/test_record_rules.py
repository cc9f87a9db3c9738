"""Each entity's rules hold on the generic path (the record form's and the push's), not
only in the feature that usually makes the change; a refused change writes nothing."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import func, select

from contactdesk.errors import AccessDenied, ValidationError
from contactdesk.model import ChangeLog, Opportunity
from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.services.directory import UserInfo
from contactdesk.services.record_rules import RULES, RuleBroken
from contactdesk.store import Store

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


def _log_size(store: Store) -> int:
    with store.reading() as session:
        return int(session.scalar(select(func.count()).select_from(ChangeLog)) or 0)


def _refused(
    store: Store, actor: Actor, entity: str, record_id: uuid.UUID | None, values: dict[str, Any]
) -> RuleBroken:
    before = _log_size(store)
    with pytest.raises(RuleBroken) as caught:
        if record_id is None:
            unit_of_work.create(store, actor, entity, values)
        else:
            unit_of_work.update(store, actor, entity, record_id, values)
    assert _log_size(store) == before
    return caught.value


def _campaign(store: Store, admin: Actor) -> uuid.UUID:
    values = {"name": "Spring", "channel": "webinar", "starts_on": "2026-03-01"}
    return unit_of_work.create(
        store, admin, "campaign", {**values, "ends_on": "2026-03-31"}
    ).record_id


def _lead(store: Store, admin: Actor, **values: Any) -> uuid.UUID:
    contact = unit_of_work.create(store, admin, "contact", {"display_name": "Ann"}).record_id
    return unit_of_work.create(store, admin, "lead", {"contact_id": contact, **values}).record_id


def test_a_campaign_may_not_end_before_it_starts(store: Store, admin: Actor) -> None:
    campaign = _campaign(store, admin)
    error = _refused(store, admin, "campaign", campaign, {"ends_on": "2026-02-01"})
    assert error.field == "campaign.ends_on"
    assert str(error) == (
        "campaign.ends_on: a campaign cannot end before it starts (rule: campaign dates in order)"
    )


def test_campaign_amounts_may_not_be_negative(store: Store, admin: Actor) -> None:
    campaign = _campaign(store, admin)
    assert _refused(store, admin, "campaign", campaign, {"budget": -1}).rule == (
        "campaign amounts not negative"
    )


def test_a_campaign_name_is_taken_once(store: Store, admin: Actor) -> None:
    _campaign(store, admin)
    values = {"name": "Spring", "channel": "email", "starts_on": date(2026, 5, 1)}
    error = _refused(store, admin, "campaign", None, {**values, "ends_on": date(2026, 5, 2)})
    assert "exists already" in str(error)


def test_lead_quality_is_one_to_five_on_any_path(store: Store, admin: Actor) -> None:
    lead = _lead(store, admin)
    error = _refused(store, admin, "lead", lead, {"quality": 42})
    assert error.field == "lead.quality" and "rule: lead quality 1-5" in str(error)


def test_a_new_lead_cannot_be_set_accepted_without_the_accept_step(
    store: Store, admin: Actor
) -> None:
    lead = _lead(store, admin)
    error = _refused(store, admin, "lead", lead, {"status": "accepted"})
    assert error.rule == "lead status steps"


def test_a_handed_off_lead_needs_what_accepting_writes(
    store: Store, admin: Actor, people: dict[str, UserInfo]
) -> None:
    lead = _lead(store, admin, owner_id=people["rita"].id, status="handed_off", handed_off_at=NOW)
    error = _refused(store, admin, "lead", lead, {"status": "accepted", "accepted_at": NOW})
    assert (error.field, error.rule) == ("lead.quality", "what a lead status needs")
    unit_of_work.update(
        store, admin, "lead", lead, {"status": "accepted", "accepted_at": NOW, "quality": 4}
    )


def test_a_lead_created_accepted_carries_its_verdict(
    store: Store, admin: Actor, people: dict[str, UserInfo]
) -> None:
    contact = unit_of_work.create(store, admin, "contact", {"display_name": "Ann"}).record_id
    values = {"contact_id": contact, "status": "accepted", "owner_id": people["rita"].id}
    error = _refused(store, admin, "lead", None, {**values, "handed_off_at": NOW})
    assert error.field == "lead.accepted_at"


def test_a_rejection_reason_comes_from_the_list(store: Store, admin: Actor) -> None:
    lead = _lead(store, admin)
    assert _refused(store, admin, "lead", lead, {"rejection_reason": "meh"}).field == (
        "lead.rejection_reason"
    )


def _opportunity(store: Store, admin: Actor, **values: Any) -> uuid.UUID:
    account = unit_of_work.create(store, admin, "account", {"name": "Acme"}).record_id
    return unit_of_work.create(
        store,
        admin,
        "opportunity",
        {"name": "Deal", "stage_id": "Proposal", "account_id": account, **values},
    ).record_id


def test_a_deal_moved_to_won_without_a_story_is_refused(store: Store, admin: Actor) -> None:
    deal = _opportunity(store, admin)
    error = _refused(store, admin, "opportunity", deal, {"stage_id": "Won"})
    assert error.rule == "a won deal needs a win story" and "win story" in str(error)


def test_a_deal_created_won_is_refused(store: Store, admin: Actor) -> None:
    error = _refused(store, admin, "opportunity", None, {"name": "Deal", "stage_id": "Won"})
    assert error.rule == "a won deal needs a win story"


def test_a_lost_deal_needs_its_reason(store: Store, admin: Actor) -> None:
    deal = _opportunity(store, admin)
    error = _refused(store, admin, "opportunity", deal, {"stage_id": "Lost"})
    assert error.field == "opportunity.lost_reason"
    unit_of_work.update(
        store, admin, "opportunity", deal, {"stage_id": "Lost", "lost_reason": "price"}
    )


def test_an_amount_may_not_be_negative(store: Store, admin: Actor) -> None:
    deal = _opportunity(store, admin)
    assert _refused(store, admin, "opportunity", deal, {"amount": -5}).field == "opportunity.amount"


def test_a_stored_record_breaking_a_new_rule_stays_editable_in_other_fields(
    store: Store, admin: Actor
) -> None:
    deal = _opportunity(store, admin)
    with store.transaction() as session:
        # As an older version (before the rule) might have stored it.
        session.get_one(Opportunity, deal).amount = -5
    assert unit_of_work.update(store, admin, "opportunity", deal, {"product": "DeskSuite"}).changes


def test_a_link_to_a_record_outside_the_actors_scope_is_refused(
    store: Store, admin: Actor, people: dict[str, UserInfo]
) -> None:
    sams = unit_of_work.create(
        store, admin, "contact", {"display_name": "Sam's", "owner_id": people["sam"].id}
    ).record_id
    before = _log_size(store)
    with pytest.raises(AccessDenied, match="rule: references in scope") as caught:
        unit_of_work.create(
            store,
            people["rita"].actor(),
            "activity",
            {"kind": "call", "subject": "Hi", "contact_id": sams},
        )
    assert caught.value.field == "activity.contact_id"
    assert _log_size(store) == before


def test_every_rule_has_a_name_naming_its_entity_or_subject() -> None:
    names = [each.name for rules in RULES.values() for each in rules]
    assert len(names) == len(set(names))


def test_a_broken_rule_is_a_validation_error(store: Store, admin: Actor) -> None:
    lead = _lead(store, admin)
    with pytest.raises(ValidationError, match=r"^lead\.quality: "):
        unit_of_work.update(store, admin, "lead", lead, {"quality": 0})
