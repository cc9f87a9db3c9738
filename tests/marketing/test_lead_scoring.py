"""Scores are the sum of visible parts; the history part moves with sales' decisions."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime

import pytest

from contactdesk.marketing.lead_scoring import (
    Decisions,
    LeadFacts,
    ScoringInputs,
    explain_score,
    rescore_leads,
    score_lead,
    smoothed_acceptance,
)
from contactdesk.services.actor import Actor
from contactdesk.services.record_queries import get_record
from contactdesk.store import Store

LeadMaker = Callable[..., uuid.UUID]
NO_INPUTS = ScoringInputs(frozenset(), {}, {})


def _facts(**changes: object) -> LeadFacts:
    values: dict[str, object] = {
        "lead_id": uuid.uuid4(),
        "source": "webinar",
        "campaign_id": None,
        "status": "new",
        "title": "CFO",
        "employees": 300,
        "industry": "Healthcare",
        "recent_activities": 0,
    }
    values.update(changes)
    return LeadFacts(**values)  # type: ignore[arg-type]


def test_fit_counts_a_senior_title_a_large_company_and_a_buying_industry() -> None:
    inputs = ScoringInputs(frozenset({"Healthcare"}), {}, {})

    assert score_lead(_facts(), inputs).fit == 15 + 15 + 10


def test_engagement_counts_source_campaign_and_recent_activities_up_to_four() -> None:
    facts = _facts(campaign_id=uuid.uuid4(), recent_activities=6)

    assert score_lead(facts, NO_INPUTS).engagement == 12 + 5 + 4 * 5


def test_the_score_is_exactly_the_sum_of_its_parts() -> None:
    inputs = ScoringInputs(frozenset(), {"webinar": Decisions(1, 3)}, {})
    score = score_lead(_facts(title="IT Manager", employees=12, recent_activities=1), inputs)

    assert score.total == pytest.approx(score.fit + score.engagement + score.history)
    # history: (1 + 5) / (4 + 10) = 0.4286 -> 40 * (0.4286 - 0.5) = -2.9
    assert (score.fit, score.engagement, score.history) == (8 + 6 + 4, 12 + 5, -2.9)


def test_no_decisions_yet_means_no_history_points() -> None:
    assert score_lead(_facts(), NO_INPUTS).history == 0.0


def test_two_rejections_move_the_history_part_only_a_little() -> None:
    inputs = ScoringInputs(frozenset(), {"webinar": Decisions(0, 2)}, {})

    # (0 + 5) / (2 + 10) = 0.4167 -> 40 * (0.4167 - 0.5) = -3.3
    assert score_lead(_facts(), inputs).history == -3.3


def test_many_rejections_pull_the_history_part_down_hard() -> None:
    inputs = ScoringInputs(frozenset(), {"webinar": Decisions(0, 20)}, {})

    # (0 + 5) / (20 + 10) = 0.1667 -> -13.3
    assert score_lead(_facts(), inputs).history == -13.3


def test_accepted_leads_push_the_history_part_up() -> None:
    inputs = ScoringInputs(frozenset(), {"webinar": Decisions(10, 0)}, {})

    # (10 + 5) / (10 + 10) = 0.75 -> +10.0
    assert score_lead(_facts(), inputs).history == 10.0


def test_source_and_campaign_rates_are_averaged() -> None:
    campaign = uuid.uuid4()
    inputs = ScoringInputs(frozenset(), {"webinar": Decisions(10, 0)}, {campaign: Decisions(0, 20)})

    # mean(0.75, 0.1667) = 0.4583 -> -1.7
    assert score_lead(_facts(campaign_id=campaign), inputs).history == -1.7


def test_the_smoothed_rate_starts_at_the_prior_of_one_half() -> None:
    assert smoothed_acceptance(Decisions()) == 0.5


def test_a_decided_lead_is_not_scored_by_its_own_verdict() -> None:
    inputs = ScoringInputs(frozenset(), {"webinar": Decisions(0, 1)}, {})

    assert score_lead(_facts(status="rejected"), inputs).history == 0.0


def test_rescoring_stores_the_parts_and_their_sum_on_the_lead(
    store: Store, marketer: Actor, make_lead: LeadMaker, now: datetime
) -> None:
    lead = make_lead("Alex", source="referral", title="Head of IT", employees=60)

    rescore_leads(store, marketer, now)

    record = get_record(store, marketer, "lead", lead)
    assert (record["score_fit"], record["score_engagement"], record["score_history"]) == (
        15 + 10,
        15,
        0.0,
    )
    assert record["score"] == 40


def test_sales_rejections_of_a_source_lower_its_open_leads_on_rescore(
    store: Store, marketer: Actor, make_lead: LeadMaker, now: datetime
) -> None:
    lead = make_lead("Open", source="paid search")
    for number in range(4):
        make_lead(f"Rejected {number}", source="paid search", status="rejected")

    rescore_leads(store, marketer, now)

    # Acceptance (0 + 5) / (4 + 10) = 0.357; each rejected lead was rated 2 (0.25 of 1),
    # so the rating is (4 * 0.25 + 5) / (4 + 10) = 0.429; their mean 0.393 -> 40 * -0.107 = -4.3
    assert get_record(store, marketer, "lead", lead)["score_history"] == -4.3


def test_the_explanation_names_each_reason_with_its_points(
    store: Store, marketer: Actor, make_lead: LeadMaker, now: datetime
) -> None:
    lead = make_lead("Alex", source="referral", title="CFO")

    reasons = explain_score(store, marketer, lead, now).reasons

    assert [(r.part, r.points) for r in reasons] == [
        ("fit", 15.0),
        ("engagement", 15.0),
        ("history", 0.0),
    ]
