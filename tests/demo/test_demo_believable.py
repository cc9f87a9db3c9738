"""A demo a person believes: working hours, matching tags, causes before effects."""

from __future__ import annotations

import json
import sqlite3
import uuid
from datetime import date, datetime

import pytest

from contactdesk.cli.main import main
from contactdesk.demo import DemoSummary
from contactdesk.reports.report_params import ReportParams
from contactdesk.reports.report_registry import run_report
from contactdesk.reports.report_result import ANY
from contactdesk.services.actor import Actor
from contactdesk.services.store_opening import open_store


def _rows(demo: DemoSummary, sql: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(demo.path)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def _local(stored: object) -> datetime:
    # Stored naive UTC; the week view shows local time.
    return datetime.fromisoformat(str(stored) + "+00:00").astimezone()


def test_activities_fall_in_business_hours_local_time(demo: DemoSummary) -> None:
    hours = {_local(due).hour for (due,) in _rows(demo, "SELECT due_at FROM activities")}
    assert min(hours) >= 8
    assert max(hours) <= 17


def test_leads_are_handed_off_accepted_and_rejected_in_business_hours(demo: DemoSummary) -> None:
    stamps = _rows(demo, """
        SELECT handed_off_at FROM leads WHERE handed_off_at IS NOT NULL UNION ALL
        SELECT first_follow_up_at FROM leads WHERE first_follow_up_at IS NOT NULL UNION ALL
        SELECT accepted_at FROM leads WHERE accepted_at IS NOT NULL UNION ALL
        SELECT rejected_at FROM leads WHERE rejected_at IS NOT NULL""")
    assert stamps
    hours = {_local(stamp).hour for (stamp,) in stamps}
    assert min(hours) >= 8 and max(hours) <= 17


def test_every_win_story_is_dated_when_its_deal_was_won(demo: DemoSummary) -> None:
    rows = _rows(demo, """
        SELECT intel.created_at, opportunities.closed_at FROM intel
        JOIN opportunities ON opportunities.id = intel.opportunity_id
        WHERE intel.kind = 'win_story'""")
    assert rows
    assert all(created == closed for created, closed in rows)


def test_history_of_a_demo_win_story_reads(
    demo: DemoSummary, capsys: pytest.CaptureFixture[str]
) -> None:
    [(story_id,)] = _rows(demo, "SELECT id FROM intel WHERE kind = 'win_story' LIMIT 1")
    code = main(["history", "intel", str(uuid.UUID(str(story_id))), "--store", str(demo.path),
                 "--json"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert isinstance(json.loads(out), list)


def test_leads_come_from_campaigns_that_had_started(demo: DemoSummary) -> None:
    early = _rows(demo, """
        SELECT count(*) FROM leads JOIN campaigns ON campaigns.id = leads.campaign_id
        WHERE date(leads.created_at) < campaigns.starts_on""")
    linked = _rows(demo, "SELECT count(*) FROM leads WHERE campaign_id IS NOT NULL")
    assert early == [(0,)]
    assert linked[0][0] > 0


def test_objections_are_heard_from_a_person_in_a_sales_conversation(
    demo: DemoSummary,
) -> None:
    rows = _rows(demo, """
        SELECT intel.contact_id, funnel_stages.name FROM intel
        JOIN funnel_stages ON funnel_stages.id = intel.stage_id
        WHERE intel.kind = 'objection'""")
    assert rows
    assert all(contact is not None and stage != "Qualified" for contact, stage in rows)


def test_deals_open_after_their_lead_was_accepted_and_close_and_hand_over_after(
    demo: DemoSummary,
) -> None:
    out_of_order = _rows(demo, """
        SELECT 'opened before its lead was accepted', count(*) FROM opportunities AS o
        JOIN leads AS l ON l.id = o.lead_id WHERE o.created_at <= l.accepted_at
        UNION ALL
        SELECT 'closed before it was opened', count(*) FROM opportunities
        WHERE closed_at <= created_at
        UNION ALL
        SELECT 'handed over before the win', count(*) FROM activities AS a
        JOIN opportunities AS o ON o.id = a.opportunity_id
        WHERE a.kind = 'handover' AND a.due_at <= o.closed_at""")
    assert [(what, 0) for what, _ in out_of_order] == out_of_order


def test_each_objection_was_heard_in_a_call_logged_as_a_rep_logs_one(demo: DemoSummary) -> None:
    # The call log path: a done call on the deal's contact, the objection dated when the
    # call was made, between the deal's opening and its close, and a next step after it.
    rows = _rows(demo, """
        SELECT intel.created_at, calls.kind, calls.done_at, calls.due_at, calls.outcome,
               calls.contact_id = intel.contact_id, calls.opportunity_id = intel.opportunity_id,
               calls.owner_id = intel.author_id, deals.created_at, deals.closed_at,
               (SELECT min(steps.due_at) FROM activities AS steps
                WHERE steps.opportunity_id = calls.opportunity_id AND steps.kind = 'follow_up'
                  AND steps.created_at = calls.done_at)
        FROM intel
        LEFT JOIN activities AS calls ON calls.id = intel.activity_id
        JOIN opportunities AS deals ON deals.id = intel.opportunity_id
        WHERE intel.kind = 'objection'""")
    assert rows
    for row in rows:
        heard, call, (opened, closed, step) = row[0], row[1:8], row[8:]
        kind, done, due, outcome, same_contact, same_deal, same_rep = call
        assert (kind, done, due, same_contact, same_deal, same_rep) == (
            "call", heard, heard, 1, 1, 1
        )
        assert outcome
        assert str(opened) < str(heard) and (closed is None or str(heard) < str(closed))
        assert step is not None and str(step) > str(heard)
        assert 9 <= _local(heard).hour <= 16


def test_competitors_are_heard_in_calls_or_named_when_a_deal_is_lost(demo: DemoSummary) -> None:
    rows = _rows(demo, """
        SELECT funnel_stages.name, intel.created_at, intel.text, deals.lost_reason,
               deals.closed_at, calls.kind, calls.done_at
        FROM intel
        JOIN opportunities AS deals ON deals.id = intel.opportunity_id
        JOIN funnel_stages ON funnel_stages.id = deals.stage_id
        LEFT JOIN activities AS calls ON calls.id = intel.activity_id
        WHERE intel.kind = 'competitor'""")
    assert {row[0] == "Lost" for row in rows} == {True, False}
    for stage, at, text, reason, closed, call, called in rows:
        if stage == "Lost":
            assert (at, text, call) == (closed, reason, None)
        else:
            assert (call, called) == ("call", at)


def test_the_objections_report_agrees_with_sql_and_drills_to_the_calls(
    demo: DemoSummary,
) -> None:
    by_tag = dict(_rows(demo, """
        SELECT tag, count(*) FROM intel WHERE kind = 'objection' GROUP BY tag"""))
    subjects = {str(uuid.UUID(str(intel_id))): subject for intel_id, subject in _rows(demo, """
        SELECT intel.id, activities.subject FROM intel
        JOIN activities ON activities.id = intel.activity_id WHERE intel.kind = 'objection'""")}
    store = open_store(demo.path)
    try:
        result = run_report(
            store, Actor.for_role("marketing"), "objections",
            ReportParams(date(2025, 1, 1), date(2026, 12, 31)),
        )
        totals: dict[str, int] = {}
        for row in result.rows:
            totals[row["objection"]] = totals.get(row["objection"], 0) + row["count"]
        assert totals == by_tag
        tag = result.chart.categories[0]
        drill = result.drill_down((tag, ANY))
    finally:
        store.close()
    assert len(drill.records) == by_tag[tag]
    assert ("activity", "Activity") in drill.fields
    assert all(record["activity"] == subjects[record["id"]] for record in drill.records)
    assert all(" call" in str(record["activity"]) for record in drill.records)


def test_collateral_is_tagged_with_what_it_is_about(demo: DemoSummary) -> None:
    tags = {title: (json.loads(products), json.loads(industries))
            for title, products, industries in _rows(
                demo, "SELECT title, products, industries FROM collateral")}
    assert tags["Healthcare case study: one view of every clinic"] == (
        ["DeskSuite Pro", "Insight Add-on"], ["Healthcare"]
    )
    assert tags["Logistics case study: 4 hours a week back per rep"][1] == ["Logistics"]


def test_market_notes_have_a_topic_and_an_account(demo: DemoSummary) -> None:
    rows = _rows(demo, "SELECT topic, account_id FROM intel WHERE kind = 'market_note'")
    assert rows
    assert all(topic == "market_news" and account is not None for topic, account in rows)
