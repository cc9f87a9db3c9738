"""Reports say which version of the funnel contract their numbers were measured under."""

from __future__ import annotations

from datetime import date

from contactdesk.reports.report_export import report_as_data
from contactdesk.reports.report_params import ReportParams
from contactdesk.reports.report_registry import run_report
from contactdesk.services.actor import Actor
from contactdesk.services.company_settings import set_handoff_rules
from contactdesk.store import Store
from tests.funnel_agreement import agree_live_terms

PERIOD = ReportParams(date(2026, 1, 1), date(2026, 3, 31))


def test_a_report_before_any_agreement_says_it_used_the_live_terms(store: Store) -> None:
    result = run_report(store, Actor.system(), "forecast", PERIOD)
    assert result.contract_versions == ()
    assert "no funnel contract agreed yet" in result.contract_note


def test_a_report_names_the_version_in_force(store: Store) -> None:
    agree_live_terms(store, date(2025, 12, 1))
    result = run_report(store, Actor.system(), "handoff", PERIOD)
    assert result.contract_versions == ((1, date(2025, 12, 1)),)
    assert result.contract_note == "Measured under funnel contract version 1 (agreed 2025-12-01)."


def test_a_change_agreed_within_the_period_names_both_versions(store: Store) -> None:
    admin = Actor.system()
    agree_live_terms(store, date(2025, 12, 1))
    set_handoff_rules(store, admin, 70, 24)
    agree_live_terms(store, date(2026, 2, 15))
    result = run_report(store, admin, "lead-quality", PERIOD)
    assert [version for version, _ in result.contract_versions] == [1, 2]


def test_a_version_agreed_after_the_period_does_not_apply(store: Store) -> None:
    agree_live_terms(store, date(2026, 6, 1))
    assert run_report(store, Actor.system(), "dashboard", PERIOD).contract_versions == ()


def test_json_output_carries_the_contract_versions(store: Store) -> None:
    agree_live_terms(store, date(2025, 12, 1))
    data = report_as_data(run_report(store, Actor.system(), "objections", PERIOD))
    assert data["funnel_contract"] == [{"version": 1, "agreed_on": "2025-12-01"}]
