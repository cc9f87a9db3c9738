"""Launch briefs: reps mark them read and ready; marketing sees readiness per team."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import pytest

from contactdesk.errors import AccessDenied
from contactdesk.marketing.launch_briefs import (
    brief_readiness,
    get_brief,
    mark_brief_read,
    mark_brief_ready,
    save_brief,
)
from contactdesk.services.actor import Actor
from contactdesk.store import Store

TODAY = date(2026, 11, 23)


@pytest.fixture
def brief(store: Store, marketer: Actor) -> uuid.UUID:
    return save_brief(
        store,
        marketer,
        {
            "title": "Field App launch",
            "product": "Field App",
            "audience": "Reps who visit customers",
            "what_it_does": "Logs calls offline",
            "value": "Saves 20 minutes a day",
            "proof": "Pilot at a haulage firm",
            "differentiators": "Works offline",
            "table_stakes": "Call logging",
            "starts_on": "2026-12-14",
        },
    )


def test_a_saved_brief_keeps_every_section(store: Store, marketer: Actor, brief: uuid.UUID) -> None:
    record = get_brief(store, marketer, brief)

    assert (record["value"], record["differentiators"], record["table_stakes"]) == (
        "Saves 20 minutes a day",
        "Works offline",
        "Call logging",
    )


def test_readiness_counts_read_and_ready_reps_per_team(
    store: Store, marketer: Actor, team: Any, brief: uuid.UUID
) -> None:
    mark_brief_read(store, team.actor("ned"), brief)
    mark_brief_ready(store, team.actor("nora"), brief)
    mark_brief_ready(store, team.actor("sam"), brief)

    report = brief_readiness(store, marketer, brief, TODAY)

    counts = {t.team: (t.reps, t.read, t.ready) for t in report.teams}
    assert counts == {"north": (3, 2, 1), "south": (2, 1, 1)}


def test_readiness_names_the_reps_not_yet_ready(
    store: Store, marketer: Actor, team: Any, brief: uuid.UUID
) -> None:
    mark_brief_ready(store, team.actor("sam"), brief)

    report = brief_readiness(store, marketer, brief, TODAY)

    assert {t.team: t.not_ready for t in report.teams}["south"] == ("Sara",)


def test_readiness_states_the_days_left_before_the_start(
    store: Store, marketer: Actor, team: Any, brief: uuid.UUID
) -> None:
    assert brief_readiness(store, marketer, brief, TODAY).days_to_start == 21


def test_marking_ready_twice_changes_nothing_the_second_time(
    store: Store, team: Any, brief: uuid.UUID
) -> None:
    mark_brief_ready(store, team.actor("sam"), brief)

    assert mark_brief_ready(store, team.actor("sam"), brief).changes == []


def test_sales_may_not_write_a_brief(store: Store, team: Any) -> None:
    with pytest.raises(AccessDenied):
        save_brief(store, team.actor("sam"), {"title": "Mine"})
