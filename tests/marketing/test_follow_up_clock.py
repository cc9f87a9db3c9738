"""An expired follow-up clock flags the lead to both teams and re-routes or escalates it."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from contactdesk.marketing.follow_up_clock import (
    clock_misses,
    enforce_follow_up_clocks,
    expired_leads,
)
from contactdesk.marketing.lead_handoff import find_rep, hand_off_leads
from contactdesk.marketing.routing_rules import RoutingRules, set_routing_rules
from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.services.company_settings import set_handoff_rules
from contactdesk.services.record_queries import get_record
from contactdesk.store import Store

Maker = Callable[..., uuid.UUID]


def _handed_to_ned(store: Store, marketer: Actor, make_lead: Maker, now: datetime) -> uuid.UUID:
    set_handoff_rules(store, Actor.system(), 0, 48)
    lead = make_lead("Alex", territory="North East", source="webinar")
    hand_off_leads(store, marketer, [lead], now, to_rep=find_rep(store, "ned"))
    return lead


def test_a_clock_is_not_expired_before_its_deadline(
    store: Store, marketer: Actor, team: Any, make_lead: Maker, now: datetime
) -> None:
    _handed_to_ned(store, marketer, make_lead, now)

    assert expired_leads(store, marketer, now + timedelta(hours=47)) == []


def test_a_clock_past_its_deadline_is_flagged_to_marketing_and_the_rep(
    store: Store, marketer: Actor, team: Any, make_lead: Maker, now: datetime
) -> None:
    lead = _handed_to_ned(store, marketer, make_lead, now)
    later = now + timedelta(hours=49)

    for viewer in (marketer, team.actor("ned")):
        assert [item.lead_id for item in expired_leads(store, viewer, later)] == [lead]


def test_an_expired_lead_is_re_routed_to_another_rep_with_a_fresh_clock(
    store: Store, marketer: Actor, team: Any, make_lead: Maker, now: datetime
) -> None:
    lead = _handed_to_ned(store, marketer, make_lead, now)
    later = now + timedelta(hours=49)

    enforce_follow_up_clocks(store, marketer, later)

    record = get_record(store, marketer, "lead", lead)
    assert record["owner"] != "Ned"
    assert record["follow_up_due_at"] == later + timedelta(hours=48)


def test_a_re_routed_lead_keeps_a_record_of_the_miss_both_teams_see(
    store: Store, marketer: Actor, team: Any, make_lead: Maker, now: datetime
) -> None:
    lead = _handed_to_ned(store, marketer, make_lead, now)

    enforce_follow_up_clocks(store, marketer, now + timedelta(hours=49))

    misses = clock_misses(store, team.actor("ned"), [lead])
    assert [(m.action, m.missed_by_id) for m in misses] == [("rerouted", team["ned"].id)]
    assert clock_misses(store, marketer, [lead]) == misses


def test_escalation_hands_the_lead_to_the_team_lead(
    store: Store, marketer: Actor, team: Any, make_lead: Maker, now: datetime
) -> None:
    set_routing_rules(store, marketer, RoutingRules(on_expired="escalate"))
    lead = _handed_to_ned(store, marketer, make_lead, now)

    enforce_follow_up_clocks(store, marketer, now + timedelta(hours=49))

    assert get_record(store, marketer, "lead", lead)["owner"] == "Nora"


def test_a_lead_followed_up_in_time_is_left_alone(
    store: Store, marketer: Actor, team: Any, make_lead: Maker, now: datetime
) -> None:
    lead = _handed_to_ned(store, marketer, make_lead, now)
    ned = team.actor("ned")

    unit_of_work.update(store, ned, "lead", lead, {"first_follow_up_at": now + timedelta(hours=2)})

    assert enforce_follow_up_clocks(store, marketer, now + timedelta(hours=49)) == []
