"""Sales' 1-5 quality ratings feed the learned part of lead scores, and marketing sees how
the learned weights moved since a month ago."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from contactdesk.marketing.lead_scoring import (
    Decisions,
    LeadFacts,
    ScoringInputs,
    explain_score,
    learned_weights,
    score_lead,
)
from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.store import Store


def _facts() -> LeadFacts:
    return LeadFacts(uuid.uuid4(), "webinar", None, "new", None, None, None, 0)


def test_good_ratings_raise_the_learned_part_and_poor_ones_lower_it() -> None:
    accepted_only = Decisions(4, 4)
    rated_well = Decisions(4, 4, rated=4, rating_total=4.0)  # four leads rated 5
    rated_poorly = Decisions(4, 4, rated=4, rating_total=0.0)  # four leads rated 1

    def history(decisions: Decisions) -> float:
        return score_lead(_facts(), ScoringInputs(frozenset(), {"webinar": decisions}, {})).history

    assert history(rated_poorly) < history(accepted_only) == 0.0 < history(rated_well)
    reasons = score_lead(_facts(), ScoringInputs(frozenset(), {"webinar": rated_well}, {}))
    assert "rated 5.0 of 5 on average (4 rated)" in reasons.reasons[-1].label


def test_the_stored_rating_counts_and_weights_show_the_move_since_a_month(
    store: Store, make_lead: Any, now: datetime
) -> None:
    old, recent = now - timedelta(days=60), now - timedelta(days=3)
    for number, (decided, quality) in enumerate([(old, 3), (recent, 5), (recent, 5)]):
        lead = make_lead(f"Rated {number}", source="webinar", status="accepted")
        values = {"accepted_at": decided.isoformat(), "quality": quality}
        unit_of_work.update(store, Actor.system(), "lead", lead, values)
    open_lead = make_lead("Open", source="webinar")

    explained = explain_score(store, Actor.system(), open_lead, now)
    moves = {move.name: move for move in learned_weights(store, now)}

    assert "rated 4.3 of 5 on average (3 rated)" in explained.reasons[-1].label
    webinar = moves["webinar"]
    assert (webinar.decisions.accepted, webinar.decisions.rated) == (3, 3)
    assert webinar.points_now == explained.history
    assert webinar.points_month_ago < webinar.points_now  # one decision then, three now
