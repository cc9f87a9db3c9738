"""Logging a call: one unit of work, a next step always, intel linked to the deal's stage."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sales_scenario import NOW, SalesWeek
from sqlalchemy import func, select

from contactdesk.errors import NotFound, ValidationError
from contactdesk.model import Activity, ChangeLog, Contact, FunnelStage, Intel, Lead
from contactdesk.selling.call_logging import (
    NO_NEXT_STEP,
    CallReport,
    CloseOut,
    FollowUp,
    Objection,
    log_call,
)
from contactdesk.store import Store

TOMORROW = NOW + timedelta(days=1)


def _count(store: Store, model: type) -> int:
    with store.reading() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def _call(week: SalesWeek, **values: object) -> CallReport:
    fields: dict[str, object] = {
        "contact_id": week.carla,
        "outcome": "interested",
        "next_step": FollowUp(TOMORROW),
    }
    fields.update(values)
    return CallReport(**fields)  # type: ignore[arg-type]


def test_call_without_next_step_is_refused_with_the_reason(store: Store, week: SalesWeek) -> None:
    with pytest.raises(ValidationError) as refused:
        log_call(store, week.rep.actor(), _call(week, next_step=None), now=NOW)
    assert refused.value.reason == NO_NEXT_STEP


def test_refused_call_writes_nothing(store: Store, week: SalesWeek) -> None:
    before = (_count(store, Activity), _count(store, Intel), _count(store, ChangeLog))
    report = _call(week, next_step=None, objections=(Objection("price", "too dear"),))
    with pytest.raises(ValidationError):
        log_call(store, week.rep.actor(), report, now=NOW)
    assert (_count(store, Activity), _count(store, Intel), _count(store, ChangeLog)) == before


def test_close_without_a_reason_is_refused(store: Store, week: SalesWeek) -> None:
    with pytest.raises(ValidationError, match="reason"):
        log_call(store, week.rep.actor(), _call(week, next_step=CloseOut("  ")), now=NOW)


def test_follow_up_dated_before_the_call_is_refused(store: Store, week: SalesWeek) -> None:
    report = _call(week, next_step=FollowUp(NOW - timedelta(hours=1)))
    with pytest.raises(ValidationError, match="after the call"):
        log_call(store, week.rep.actor(), report, now=NOW)


def test_call_is_recorded_done_with_outcome_and_notes(store: Store, week: SalesWeek) -> None:
    logged = log_call(store, week.rep.actor(), _call(week, notes="Wants a demo"), now=NOW)
    with store.reading() as session:
        call = session.get_one(Activity, logged.call_id)
    assert (call.kind, call.done_at, call.outcome, call.notes) == (
        "call",
        NOW,
        "interested",
        "Wants a demo",
    )


def test_follow_up_next_step_creates_a_dated_follow_up(store: Store, week: SalesWeek) -> None:
    logged = log_call(store, week.rep.actor(), _call(week), now=NOW)
    with store.reading() as session:
        follow_up = session.get_one(Activity, logged.follow_up_id)
    assert (follow_up.kind, follow_up.due_at, follow_up.done_at) == ("follow_up", TOMORROW, None)
    assert follow_up.opportunity_id == week.opportunity


def test_close_next_step_keeps_the_reason_on_the_call(store: Store, week: SalesWeek) -> None:
    report = _call(week, next_step=CloseOut("bought elsewhere"))
    logged = log_call(store, week.rep.actor(), report, now=NOW)
    with store.reading() as session:
        call = session.get_one(Activity, logged.call_id)
    assert (call.close_reason, logged.follow_up_id) == ("bought elsewhere", None)


def test_objections_become_intel_at_the_open_deals_stage(store: Store, week: SalesWeek) -> None:
    report = _call(week, objections=(Objection("price", "Per seat too high"), Objection("timing")))
    log_call(store, week.rep.actor(), report, now=NOW)
    with store.reading() as session:
        rows = session.execute(
            select(Intel.tag, Intel.text, FunnelStage.name, Intel.opportunity_id)
            .join(FunnelStage, FunnelStage.id == Intel.stage_id)
            .where(Intel.kind == "objection")
            .order_by(Intel.tag)
        ).all()
    assert [tuple(row) for row in rows] == [
        ("price", "Per seat too high", "Proposal", week.opportunity),
        ("timing", None, "Proposal", week.opportunity),
    ]


def test_competitor_mention_becomes_intel(store: Store, week: SalesWeek) -> None:
    report = _call(week, competitor="HubSpot", competitor_note="Offered 30% off")
    log_call(store, week.rep.actor(), report, now=NOW)
    with store.reading() as session:
        intel = session.scalars(select(Intel).where(Intel.kind == "competitor")).one()
    assert (intel.tag, intel.text, intel.contact_id) == ("HubSpot", "Offered 30% off", week.carla)


def test_source_correction_updates_the_contact_and_its_lead(store: Store, week: SalesWeek) -> None:
    report = _call(week, contact_id=week.leo, enquiry_source="referral")
    log_call(store, week.rep.actor(), report, now=NOW)
    with store.reading() as session:
        contact_source = session.get_one(Contact, week.leo).enquiry_source
        lead_source = session.get_one(Lead, week.lead_leo).source
    assert (contact_source, lead_source) == ("referral", "referral")


def test_first_call_on_a_handed_off_lead_stamps_its_first_follow_up(
    store: Store, week: SalesWeek
) -> None:
    log_call(store, week.rep.actor(), _call(week, contact_id=week.leo), now=NOW)
    with store.reading() as session:
        assert session.get_one(Lead, week.lead_leo).first_follow_up_at == NOW


def test_a_later_call_keeps_the_first_follow_up_time(store: Store, week: SalesWeek) -> None:
    log_call(store, week.rep.actor(), _call(week, contact_id=week.leo), now=NOW)
    later = NOW + timedelta(hours=2)
    report = _call(week, contact_id=week.leo, next_step=FollowUp(later + timedelta(days=1)))
    log_call(store, week.rep.actor(), report, now=later)
    with store.reading() as session:
        assert session.get_one(Lead, week.lead_leo).first_follow_up_at == NOW


def test_logging_a_planned_call_completes_it(store: Store, week: SalesWeek) -> None:
    report = _call(week, planned_activity_id=week.call_carla)
    logged = log_call(store, week.rep.actor(), report, now=NOW)
    with store.reading() as session:
        planned = session.get_one(Activity, week.call_carla)
    assert (logged.call_id, planned.done_at, planned.outcome) == (
        week.call_carla,
        NOW,
        "interested",
    )


def test_a_logged_call_is_in_the_change_log_for_sync(store: Store, week: SalesWeek) -> None:
    logged = log_call(store, week.rep.actor(), _call(week), now=NOW)
    with store.reading() as session:
        logged_ids = set(session.scalars(select(ChangeLog.record_id)))
    assert {logged.call_id, logged.follow_up_id} <= logged_ids


def test_a_rep_cannot_log_a_call_on_another_reps_contact(store: Store, week: SalesWeek) -> None:
    with pytest.raises(NotFound):
        log_call(store, week.other_rep.actor(), _call(week), now=NOW)
