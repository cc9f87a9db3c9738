"""The funnel contract: versions with an agreed-on date, history kept, in force at a date."""

from __future__ import annotations

from datetime import date

import pytest

from contactdesk.errors import AccessDenied, ValidationError
from contactdesk.marketing.funnel_contract import (
    agree_funnel_contract,
    contract_history,
    contract_in_force,
    terms_match_contract,
)
from contactdesk.services.actor import Actor
from contactdesk.services.company_settings import set_handoff_rules
from contactdesk.store import Store

ADMIN = Actor.system()


def test_the_first_agreement_is_version_one_with_the_live_terms(store: Store) -> None:
    contract = agree_funnel_contract(store, ADMIN, date(2026, 1, 5))

    assert (contract.version, contract.score_threshold, contract.follow_up_hours) == (1, 60, 48)
    assert [s.name for s in contract.stages][:2] == ["Qualified", "Discovery"]
    assert contract.stages[0].owner_team == "marketing"


def test_a_changed_agreement_becomes_the_next_version_and_keeps_the_old(store: Store) -> None:
    agree_funnel_contract(store, ADMIN, date(2026, 1, 5))
    set_handoff_rules(store, ADMIN, 70, 24)
    agree_funnel_contract(store, ADMIN, date(2026, 6, 1), "faster follow-up")

    assert [(c.version, c.follow_up_hours) for c in contract_history(store)] == [(1, 48), (2, 24)]


def test_reports_get_the_version_in_force_on_a_date(store: Store) -> None:
    agree_funnel_contract(store, ADMIN, date(2026, 1, 5))
    set_handoff_rules(store, ADMIN, 70, 24)
    agree_funnel_contract(store, ADMIN, date(2026, 6, 1))

    versions = [
        contract_in_force(store, day)
        for day in (date(2025, 12, 31), date(2026, 5, 31), date(2026, 6, 1))
    ]

    assert [c.version if c else None for c in versions] == [None, 1, 2]


def test_agreeing_to_unchanged_terms_is_refused(store: Store) -> None:
    agree_funnel_contract(store, ADMIN, date(2026, 1, 5))

    with pytest.raises(ValidationError, match="nothing changed since version 1"):
        agree_funnel_contract(store, ADMIN, date(2026, 2, 5))


def test_a_rule_change_not_yet_agreed_is_detected(store: Store) -> None:
    agree_funnel_contract(store, ADMIN, date(2026, 1, 5))

    set_handoff_rules(store, ADMIN, 70, 24)

    assert terms_match_contract(store) is False


def test_only_an_admin_records_the_agreement(store: Store, marketer: Actor) -> None:
    with pytest.raises(AccessDenied):
        agree_funnel_contract(store, marketer, date(2026, 1, 5))
