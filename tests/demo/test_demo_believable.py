"""A demo a person believes: working hours, matching tags, causes before effects."""

from __future__ import annotations

import json
import sqlite3
import uuid
from datetime import datetime

import pytest

from contactdesk.cli.main import main
from contactdesk.demo import DemoSummary


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
