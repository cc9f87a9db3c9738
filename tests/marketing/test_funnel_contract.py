"""The funnel contract: marketing proposes, the sales lead (or both leads) agrees; versions
with an agreed-on date, history kept, in force at a date."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from contactdesk.errors import AccessDenied, ValidationError
from contactdesk.marketing.funnel_contract import (
    FunnelContract,
    agree_funnel_contract,
    contract_history,
    contract_in_force,
    pending_proposal,
    propose_funnel_contract,
    set_agreement_rule,
    terms_match_contract,
)
from contactdesk.services.actor import Actor
from contactdesk.services.company_settings import handoff_rules, set_handoff_rules
from contactdesk.services.directory import create_user, find_user
from contactdesk.store import Store
from tests.funnel_agreement import agree_live_terms

ADMIN = Actor.system()


def test_a_proposal_agreed_by_the_sales_lead_is_version_one(store: Store, team: Any) -> None:
    proposal = propose_funnel_contract(
        store, team.actor("mia"), date(2026, 1, 2), score_threshold=70, follow_up_hours=24
    )
    assert proposal.waiting_for() == ("sales",)

    contract = agree_funnel_contract(store, team.actor("nora"), date(2026, 1, 5))

    assert isinstance(contract, FunnelContract)
    assert (contract.version, contract.score_threshold, contract.follow_up_hours) == (1, 70, 24)
    assert [s.name for s in contract.stages][:2] == ["Qualified", "Discovery"]
    assert contract.stages[0].owner_team == "marketing"
    assert contract.recorded_by == "nora"
    assert pending_proposal(store) is None
    # The agreed threshold and hours are the hand-off rules from now on.
    assert handoff_rules(store).follow_up_hours == 24
    assert terms_match_contract(store) is True


def test_a_rep_who_leads_no_team_cannot_agree(store: Store, team: Any) -> None:
    propose_funnel_contract(store, team.actor("mia"), date(2026, 1, 2), follow_up_hours=24)

    with pytest.raises(AccessDenied, match="only a team lead"):
        agree_funnel_contract(store, team.actor("ned"), date(2026, 1, 5))
    assert contract_history(store) == []


def test_sales_cannot_propose(store: Store, team: Any) -> None:
    with pytest.raises(AccessDenied):
        propose_funnel_contract(store, team.actor("nora"), date(2026, 1, 2))


def test_with_both_leads_required_the_marketing_lead_must_agree_too(
    store: Store, team: Any
) -> None:
    set_agreement_rule(store, ADMIN, "both_leads")
    create_user(store, ADMIN, "mo", role="marketing", team="marketing", is_team_lead=True)
    propose_funnel_contract(store, team.actor("mia"), date(2026, 1, 2), follow_up_hours=36)

    first = agree_funnel_contract(store, team.actor("sam"), date(2026, 1, 5))
    assert not isinstance(first, FunnelContract)
    assert first.waiting_for() == ("marketing",)
    with pytest.raises(AccessDenied, match="waits for: marketing"):
        agree_funnel_contract(store, team.actor("nora"), date(2026, 1, 5))

    second = agree_funnel_contract(store, find_user(store, "mo").actor(), date(2026, 1, 6))
    assert isinstance(second, FunnelContract)
    assert (second.version, second.agreed_on, second.recorded_by) == (
        1,
        date(2026, 1, 6),
        "sam, mo",
    )


def test_a_changed_agreement_becomes_the_next_version_and_keeps_the_old(store: Store) -> None:
    agree_live_terms(store, date(2026, 1, 5))
    set_handoff_rules(store, ADMIN, 70, 24)
    agree_live_terms(store, date(2026, 6, 1), "faster follow-up")

    assert [(c.version, c.follow_up_hours) for c in contract_history(store)] == [(1, 48), (2, 24)]


def test_reports_get_the_version_in_force_on_a_date(store: Store) -> None:
    agree_live_terms(store, date(2026, 1, 5))
    set_handoff_rules(store, ADMIN, 70, 24)
    agree_live_terms(store, date(2026, 6, 1))

    versions = [
        contract_in_force(store, day)
        for day in (date(2025, 12, 31), date(2026, 5, 31), date(2026, 6, 1))
    ]

    assert [c.version if c else None for c in versions] == [None, 1, 2]


def test_proposing_unchanged_terms_is_refused(store: Store) -> None:
    agree_live_terms(store, date(2026, 1, 5))

    with pytest.raises(ValidationError, match="nothing changed since version 1"):
        propose_funnel_contract(store, ADMIN, date(2026, 2, 5))


def test_agreeing_with_nothing_proposed_is_refused(store: Store, team: Any) -> None:
    with pytest.raises(ValidationError, match="no proposal"):
        agree_funnel_contract(store, team.actor("nora"), date(2026, 1, 5))


def test_a_rule_change_not_yet_agreed_is_detected(store: Store) -> None:
    agree_live_terms(store, date(2026, 1, 5))

    set_handoff_rules(store, ADMIN, 70, 24)

    assert terms_match_contract(store) is False
