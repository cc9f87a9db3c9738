"""What a demo store holds: every entity, realistic spreads, the proportions of a real CRM."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta

from contactdesk import model as model_module
from contactdesk.demo import DemoSummary
from contactdesk.marketing.funnel_contract import (
    contract_history,
    contracts_in_force_between,
    pending_proposal,
    terms_match_contract,
)
from contactdesk.model.selling import LEAD_STATUSES, ORIGINS
from contactdesk.segments.segment_definition import parse_definition
from contactdesk.services.actor import Actor
from contactdesk.services.defaults import FUNNEL
from contactdesk.services.store_opening import open_store
from contactdesk.services.targets import targets_on
from tests.demo.conftest import DEMO_TODAY


def _query(demo: DemoSummary, sql: str, *parameters: object) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(demo.path)
    try:
        return connection.execute(sql, parameters).fetchall()
    finally:
        connection.close()


def _stored(demo: DemoSummary, days: int) -> str:
    moment = (demo.week_start + timedelta(days=days)).replace(tzinfo=None)
    return moment.isoformat(sep=" ", timespec="microseconds")


def test_every_entity_table_has_rows(demo: DemoSummary) -> None:
    # change_log stays empty by design; custom_values need a custom field an admin adds.
    entities = [
        model.__tablename__
        for model in (
            model_module.Account, model_module.Contact, model_module.ContactDetail,
            model_module.ContactPhoto, model_module.Activity, model_module.Lead,
            model_module.Opportunity, model_module.Intel, model_module.Campaign,
            model_module.Collateral, model_module.LaunchBrief, model_module.BriefReadiness,
            model_module.Segment, model_module.User, model_module.Role,
            model_module.FieldDefinition, model_module.FieldRule, model_module.FunnelStage,
            model_module.Setting,
        )
    ]
    empty = [table for table in entities if not _query(demo, f"SELECT 1 FROM {table} LIMIT 1")]
    assert empty == []


def test_demo_writes_no_change_log(demo: DemoSummary) -> None:
    assert _query(demo, "SELECT count(*) FROM change_log") == [(0,)]


def test_proportions_follow_a_real_crm(demo: DemoSummary) -> None:
    contacts = demo.counts["contacts"]
    counts = dict(
        _query(
            demo,
            "SELECT 'accounts', count(*) FROM accounts UNION ALL "
            "SELECT 'activities', count(*) FROM activities UNION ALL "
            "SELECT 'leads', count(DISTINCT contact_id) FROM leads UNION ALL "
            "SELECT 'opportunities', count(DISTINCT contact_id) FROM opportunities",
        )
    )
    assert counts["accounts"] == contacts // 5
    assert 2.8 * contacts <= counts["activities"] <= 3.2 * contacts
    assert 0.10 * contacts <= counts["leads"] <= 0.20 * contacts
    assert 0.02 * contacts <= counts["opportunities"] <= 0.09 * contacts


def test_activities_are_overdue_due_this_week_and_done(demo: DemoSummary) -> None:
    monday, next_monday = _stored(demo, 0), _stored(demo, 7)
    overdue, due, done = _query(
        demo,
        "SELECT sum(done_at IS NULL AND due_at < ?), "
        "sum(done_at IS NULL AND due_at >= ? AND due_at < ?), "
        "sum(done_at IS NOT NULL) FROM activities",
        monday, monday, next_monday,
    )[0]
    assert (overdue or 0) > 0 and (due or 0) > 0 and (done or 0) > 0


def test_leads_are_in_every_status(demo: DemoSummary) -> None:
    statuses = {row[0] for row in _query(demo, "SELECT DISTINCT status FROM leads")}
    assert statuses == set(LEAD_STATUSES)


def test_rejected_leads_carry_a_reason_and_a_low_quality(demo: DemoSummary) -> None:
    bad = _query(
        demo,
        "SELECT count(*) FROM leads WHERE status = 'rejected' "
        "AND (rejection_reason IS NULL OR quality NOT BETWEEN 1 AND 2)",
    )
    assert bad == [(0,)]


def test_some_waiting_leads_are_past_their_follow_up_deadline(demo: DemoSummary) -> None:
    overdue = _query(
        demo,
        "SELECT count(*) FROM leads WHERE status = 'handed_off' AND follow_up_due_at < ?",
        _stored(demo, 0),
    )
    assert overdue[0][0] > 0


def test_opportunities_are_in_every_stage_and_both_origins(demo: DemoSummary) -> None:
    stages = {row[0] for row in _query(
        demo,
        "SELECT s.name FROM opportunities AS o JOIN funnel_stages AS s ON s.id = o.stage_id",
    )}
    origins = {row[0] for row in _query(demo, "SELECT DISTINCT origin FROM opportunities")}
    assert stages == {name for name, *_ in FUNNEL}
    assert origins == set(ORIGINS)


def test_every_won_opportunity_has_a_win_story(demo: DemoSummary) -> None:
    missing = _query(
        demo,
        "SELECT count(*) FROM opportunities AS o JOIN funnel_stages AS s ON s.id = o.stage_id "
        "WHERE s.outcome = 'won' AND (o.closed_at IS NULL OR NOT EXISTS ("
        "SELECT 1 FROM intel AS i WHERE i.opportunity_id = o.id AND i.kind = 'win_story'))",
    )
    assert missing == [(0,)]


def test_sales_teams_have_a_lead_and_at_least_three_reps(demo: DemoSummary) -> None:
    rows = _query(
        demo,
        "SELECT u.team, count(*), sum(u.is_team_lead) FROM users AS u "
        "JOIN roles AS r ON r.id = u.role_id WHERE r.name = 'sales' GROUP BY u.team",
    )
    assert {team: (reps >= 3, leads) for team, reps, leads in rows} == {
        "north": (True, 1),
        "south": (True, 1),
    }


def test_contacts_owned_by_their_accounts_owner(demo: DemoSummary) -> None:
    mismatched = _query(
        demo,
        "SELECT count(*) FROM contacts AS c JOIN accounts AS a ON a.id = c.account_id "
        "WHERE c.owner_id IS NOT a.owner_id",
    )
    assert mismatched == [(0,)]


def test_some_records_are_left_unassigned(demo: DemoSummary) -> None:
    assert _query(demo, "SELECT count(*) FROM contacts WHERE owner_id IS NULL")[0][0] > 0


def test_phones_are_e164_in_fictional_ranges(demo: DemoSummary) -> None:
    bad = _query(
        demo,
        "SELECT count(*) FROM contacts WHERE phone NOT GLOB '+44[0-9]*' "
        "OR (mobile IS NOT NULL AND mobile NOT GLOB '+447700900[0-9][0-9][0-9]')",
    )
    assert bad == [(0,)]


def test_references_all_resolve(demo: DemoSummary) -> None:
    assert _query(demo, "PRAGMA foreign_key_check") == []


def test_segments_are_valid_definitions(demo: DemoSummary) -> None:
    definitions = [json.loads(row[0]) for row in _query(demo, "SELECT definition FROM segments")]
    parsed = [parse_definition(definition) for definition in definitions]
    assert len(parsed) == 3


def test_the_demo_has_an_agreed_funnel_contract_and_an_open_proposal(demo: DemoSummary) -> None:
    """Reports name an agreed version; dates run in order, before the demo's week."""
    week = demo.week_start.astimezone().date()
    store = open_store(demo.path)
    try:
        history = contract_history(store)
        proposal = pending_proposal(store)
        assert terms_match_contract(store), "the live hand-off rules are the latest version"
        in_force = contracts_in_force_between(store, week - timedelta(days=90), week)
    finally:
        store.close()
    assert [version.version for version in history] == [1, 2]
    days = [version.agreed_on for version in history]
    assert days == sorted(days) and all(day is not None for day in days)
    assert days[-1] is not None and days[-1] < week
    assert {version.recorded_by for version in history} == {"nora.north"}
    assert proposal is not None and proposal.proposed_by == "mia.marketing"
    assert days[-1] < proposal.proposed_on < week
    assert proposal.waiting_for() == ("sales",)
    assert [version.version for version in in_force] == [1, 2]


def test_the_demo_has_outcome_targets_in_force_each_partly_achieved(demo: DemoSummary) -> None:
    """The Targets page, the dashboards and the guides' `report targets` have targets to show."""
    store = open_store(demo.path)
    try:
        targets = targets_on(store, Actor.for_role("admin"), DEMO_TODAY)
    finally:
        store.close()
    assert {(target.metric, target.level) for target in targets} == {
        ("revenue", "company"), ("new_accounts", "company"), ("won_deals", "team"),
        ("won_deals", "rep"), ("margin", "territory"),
    }  # fmt: skip
    assert len(targets) == 6
    assert all(target.period == "quarter" and target.starts_on <= DEMO_TODAY for target in targets)
    assert all(target.actual > 0 for target in targets if target.level in {"company", "team"})
    assert [t.holder for t in targets if t.level == "rep"] == ["Ned Armstrong"]
