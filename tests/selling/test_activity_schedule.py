"""Scheduling activities: suggested values, moving to another day, completing, reminders."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sales_scenario import NOW, SalesWeek, at
from sqlalchemy import text

from contactdesk.errors import ValidationError
from contactdesk.model import Activity
from contactdesk.selling.activity_schedule import (
    complete_activity,
    due_soon,
    due_soon_query,
    move_to_day,
    new_activity_values,
)
from contactdesk.services import unit_of_work
from contactdesk.store import Store


def _activity(store: Store, activity_id: object) -> Activity:
    with store.reading() as session:
        found = session.get(Activity, activity_id)
        assert found is not None
        session.expunge(found)
        return found


def test_a_new_meeting_for_a_contact_starts_next_hour_for_an_hour_at_its_company(
    store: Store, week: SalesWeek
) -> None:
    values = new_activity_values(store, week.rep.actor(), now=NOW, contact_id=week.carla)
    assert values["due_at"] == at(11, 11)
    assert (values["kind"], values["duration_minutes"]) == ("meeting", 60)
    assert values["contact_id"] == (str(week.carla), "Carla Customer")
    assert values["account_id"] == (str(week.acme), "Acme Logistics")


def test_moving_to_another_day_keeps_the_time_of_day(store: Store, week: SalesWeek) -> None:
    move_to_day(store, week.rep.actor(), week.meeting, date(2026, 3, 13))
    assert _activity(store, week.meeting).due_at == at(13, 10)


def test_completing_a_meeting_records_when_and_how_it_went(store: Store, week: SalesWeek) -> None:
    complete_activity(store, week.rep.actor(), week.meeting, outcome="demo went well", now=NOW)
    done = _activity(store, week.meeting)
    assert (done.done_at, done.outcome) == (NOW, "demo went well")


def test_a_call_is_not_completed_here_but_logged_with_its_next_step(
    store: Store, week: SalesWeek
) -> None:
    with pytest.raises(ValidationError, match="logging it"):
        complete_activity(store, week.rep.actor(), week.call_carla, outcome="talked", now=NOW)
    assert _activity(store, week.call_carla).done_at is None


def test_the_reminder_lists_open_work_due_in_the_next_fifteen_minutes(
    store: Store, week: SalesWeek
) -> None:
    actor = week.rep.actor()
    for minutes, subject in ((10, "Quick check-in"), (20, "Later call")):
        unit_of_work.create(
            store, actor, "activity",
            {"kind": "call", "subject": subject, "due_at": NOW + timedelta(minutes=minutes),
             "contact_id": week.carla},
        )  # fmt: skip
    due = due_soon(store, actor, week.rep.id, now=NOW)
    assert [(item.subject, item.contact_name) for item in due] == [
        ("Quick check-in", "Carla Customer")
    ]


def test_the_reminder_reads_the_reps_open_activities_by_index(
    store: Store, week: SalesWeek
) -> None:
    statement = due_soon_query(week.rep.id, NOW, timedelta(minutes=15))
    with store.reading() as session:
        sql = statement.compile(dialect=session.get_bind().dialect,
                                compile_kwargs={"literal_binds": True})  # fmt: skip
        plan = " | ".join(str(row[3]) for row in session.execute(text(f"EXPLAIN QUERY PLAN {sql}")))
    assert "SEARCH activities USING INDEX ix_activities_owner_" in plan, plan
    assert "(owner_id=? AND due_at>? AND due_at<?)" in plan, plan
