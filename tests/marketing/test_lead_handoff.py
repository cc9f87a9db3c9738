"""Hand-off: to a chosen rep or by the rules; the clock starts; a segment goes as a batch."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from contactdesk.marketing.lead_handoff import find_rep, hand_off_leads, hand_off_segment
from contactdesk.marketing.routing_rules import RoutingRules, set_routing_rules
from contactdesk.segments.saved_segments import save_segment
from contactdesk.services.actor import Actor
from contactdesk.services.company_settings import set_handoff_rules
from contactdesk.services.record_queries import get_record
from contactdesk.store import Store

Maker = Callable[..., uuid.UUID]
# Referral (15) from a senior buyer (15) at a 300-person company (15): 45 points.
QUALIFIED = {"source": "referral", "title": "CFO", "employees": 300}


def _threshold(store: Store, points: float) -> None:
    set_handoff_rules(store, Actor.system(), points, 48)


def test_a_hand_off_to_a_chosen_rep_starts_the_follow_up_clock(
    store: Store, marketer: Actor, team: Any, make_lead: Maker, now: datetime
) -> None:
    _threshold(store, 40)
    lead = make_lead("Alex", **QUALIFIED)

    hand_off_leads(store, marketer, [lead], now, to_rep=find_rep(store, "sara"))

    record = get_record(store, marketer, "lead", lead)
    assert record["status"] == "handed_off"
    assert record["owner"] == "Sara"
    assert record["follow_up_due_at"] == now + timedelta(hours=48)


def test_a_lead_below_the_threshold_is_skipped_with_its_score(
    store: Store, marketer: Actor, team: Any, make_lead: Maker, now: datetime
) -> None:
    _threshold(store, 60)
    lead = make_lead("Alex", **QUALIFIED)

    report = hand_off_leads(store, marketer, [lead], now, to_rep=find_rep(store, "sara"))

    assert report.handed_off == []
    assert report.skipped[0].reason == "score 45 is below the threshold 60"


def test_routed_leads_go_to_their_territory_rep(
    store: Store, marketer: Actor, team: Any, make_lead: Maker, now: datetime
) -> None:
    _threshold(store, 40)
    lead = make_lead("Alex", territory="London", **QUALIFIED)

    report = hand_off_leads(store, marketer, [lead], now)

    assert [result.owner for result in report.handed_off] == ["Sam"]


def test_routing_round_robin_carries_on_across_hand_offs(
    store: Store, marketer: Actor, team: Any, make_lead: Maker, now: datetime
) -> None:
    _threshold(store, 40)
    set_routing_rules(store, marketer, RoutingRules(industry_teams={"Retail": "south"}))
    first = make_lead("First", territory="Wales", industry="Retail", **QUALIFIED)
    second = make_lead("Second", territory="Wales", industry="Retail", **QUALIFIED)

    one = hand_off_leads(store, marketer, [first], now)
    two = hand_off_leads(store, marketer, [second], now)

    assert [one.handed_off[0].owner, two.handed_off[0].owner] == ["Sam", "Sara"]


def test_the_load_cap_counts_leads_already_handed_off(
    store: Store, marketer: Actor, team: Any, make_lead: Maker, now: datetime
) -> None:
    _threshold(store, 40)
    set_routing_rules(store, marketer, RoutingRules(max_open_leads=1))
    sam = find_rep(store, "sam")
    make_lead("Held", status="handed_off", owner_id=sam.id)
    lead = make_lead("New", territory="London", **QUALIFIED)

    report = hand_off_leads(store, marketer, [lead], now)

    # Sam covers London but holds one open lead (the cap); his team's other rep gets it.
    assert [result.owner for result in report.handed_off] == ["Sara"]


def test_a_segment_hand_off_creates_leads_for_its_contacts_and_routes_them(
    store: Store,
    marketer: Actor,
    team: Any,
    make_contact: Maker,
    now: datetime,
) -> None:
    _threshold(store, 40)
    make_contact("Fiona", territory="Scotland", **QUALIFIED)
    make_contact("Larry", territory="London", **QUALIFIED)
    make_contact("Outsider", territory="London", source="referral", title="Clerk")
    save_segment(store, marketer, "CFOs", {"root": {"items": [{"field": "title", "value": "CFO"}]}})

    report = hand_off_segment(store, marketer, "CFOs", now)

    assert sorted((r.contact, r.owner) for r in report.handed_off) == [
        ("Fiona", "Nora"),
        ("Larry", "Sam"),
    ]


def test_a_segment_contact_whose_lead_is_with_sales_is_skipped(
    store: Store, marketer: Actor, team: Any, make_lead: Maker, now: datetime
) -> None:
    _threshold(store, 40)
    make_lead("Alex", status="accepted", **QUALIFIED)
    save_segment(store, marketer, "CFOs", {"root": {"items": [{"field": "title", "value": "CFO"}]}})

    report = hand_off_segment(store, marketer, "CFOs", now, to_rep=find_rep(store, "ned"))

    assert [(r.contact, r.reason) for r in report.skipped] == [
        ("Alex", "latest lead already accepted")
    ]
