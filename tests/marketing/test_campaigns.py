"""Campaigns: created, edited, spend added as incurred, listed for the sales strip."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import pytest

from contactdesk.errors import ValidationError
from contactdesk.marketing.campaigns import (
    add_campaign,
    campaigns_running,
    list_campaigns,
    record_spend,
    upcoming_campaigns,
)
from contactdesk.services.actor import Actor
from contactdesk.services.record_queries import get_record
from contactdesk.store import Store

MONDAY, SUNDAY = date(2026, 11, 23), date(2026, 11, 29)


def _campaign(
    store: Store, actor: Actor, name: str, starts: str, ends: str, **extra: object
) -> uuid.UUID:
    values = {"name": name, "channel": "webinar", "starts_on": starts, "ends_on": ends, **extra}
    return add_campaign(store, actor, values)


def test_the_strip_shows_campaigns_overlapping_the_week_with_expected_leads(
    store: Store, marketer: Actor
) -> None:
    _campaign(store, marketer, "Before", "2026-10-01", "2026-11-22")
    _campaign(store, marketer, "During", "2026-11-20", "2026-12-20", expected_leads=40)
    _campaign(store, marketer, "After", "2026-11-30", "2026-12-20")

    running = campaigns_running(store, marketer, MONDAY, SUNDAY)

    assert [(c.name, c.expected_leads, c.state) for c in running] == [("During", 40, "running")]


def test_upcoming_campaigns_start_after_the_day_within_the_window(
    store: Store, marketer: Actor
) -> None:
    _campaign(store, marketer, "Soon", "2026-12-01", "2026-12-20")
    _campaign(store, marketer, "Later", "2027-03-01", "2027-03-20")

    assert [c.name for c in upcoming_campaigns(store, marketer, SUNDAY, 30)] == ["Soon"]


def test_spend_is_added_as_it_is_incurred(store: Store, marketer: Actor) -> None:
    campaign = _campaign(store, marketer, "Expo", "2026-11-01", "2026-11-30", budget=5000)

    record_spend(store, marketer, campaign, 1200)
    record_spend(store, marketer, campaign, 300.5)

    assert get_record(store, marketer, "campaign", campaign)["spend"] == 1500.5


def test_a_campaign_cannot_end_before_it_starts(store: Store, marketer: Actor) -> None:
    with pytest.raises(ValidationError, match="end before it starts"):
        _campaign(store, marketer, "Backwards", "2026-12-01", "2026-11-01")


def test_a_campaign_name_is_unique(store: Store, marketer: Actor) -> None:
    _campaign(store, marketer, "Expo", "2026-11-01", "2026-11-30")

    with pytest.raises(ValidationError, match="exists already"):
        _campaign(store, marketer, "Expo", "2026-12-01", "2026-12-30")


def test_sales_sees_the_strip_without_budget_or_spend(
    store: Store, team: Any, marketer: Actor
) -> None:
    _campaign(store, marketer, "During", "2026-11-20", "2026-12-20", budget=900, spend=100)

    summaries = list_campaigns(store, team.actor("sam"), MONDAY)

    assert "budget" not in summaries[0].record
    assert "spend" not in summaries[0].record
