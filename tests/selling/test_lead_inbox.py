"""The lead inbox: deadlines counting down, and verdicts marketing's report reads."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sales_scenario import NOW, SalesWeek
from sqlalchemy import select

from contactdesk.errors import ValidationError
from contactdesk.model import Activity
from contactdesk.selling.handoff_deadlines import missed_deadlines
from contactdesk.selling.lead_inbox import accept_lead, lead_inbox, reject_lead
from contactdesk.services.directory import UserInfo
from contactdesk.services.record_queries import get_record
from contactdesk.store import Store

TOMORROW = NOW + timedelta(days=1)


def test_inbox_lists_handed_off_leads_most_urgent_first(store: Store, week: SalesWeek) -> None:
    inbox = lead_inbox(store, week.rep.actor())
    assert [lead.lead_id for lead in inbox] == [week.lead_max, week.lead_leo]


def test_inbox_lead_carries_source_campaign_and_score(store: Store, week: SalesWeek) -> None:
    leo = lead_inbox(store, week.rep.actor())[1]
    assert (leo.contact_name, leo.source, leo.campaign_name, leo.score) == (
        "Leo Lead",
        "webinar",
        "Spring Launch",
        80,
    )


def test_deadline_counts_down_and_goes_negative_once_passed(store: Store, week: SalesWeek) -> None:
    max_, leo = lead_inbox(store, week.rep.actor())
    assert (leo.time_left(NOW), max_.time_left(NOW)) == (timedelta(days=1), timedelta(days=-2))
    assert (leo.is_overdue(NOW), max_.is_overdue(NOW)) == (False, True)


def test_another_reps_inbox_does_not_show_these_leads(store: Store, week: SalesWeek) -> None:
    assert lead_inbox(store, week.other_rep.actor()) == []


def test_accepting_records_status_time_and_quality(
    store: Store, week: SalesWeek, people: dict[str, UserInfo]
) -> None:
    accept_lead(store, week.rep.actor(), week.lead_leo, quality=4, follow_up_at=TOMORROW, now=NOW)
    # Read as marketing, the way its lead-quality report sees the lead.
    lead = get_record(store, people["mia"].actor(), "lead", week.lead_leo)
    assert (lead["status"], lead["accepted_at"], lead["quality"]) == ("accepted", NOW, 4)


def test_accepting_plans_the_first_follow_up(store: Store, week: SalesWeek) -> None:
    verdict = accept_lead(
        store, week.rep.actor(), week.lead_leo, quality=4, follow_up_at=TOMORROW, now=NOW
    )
    with store.reading() as session:
        follow_up = session.get_one(Activity, verdict.follow_up_id)
    assert (follow_up.kind, follow_up.due_at, follow_up.lead_id) == (
        "follow_up",
        TOMORROW,
        week.lead_leo,
    )


def test_accepted_lead_leaves_the_inbox(store: Store, week: SalesWeek) -> None:
    accept_lead(store, week.rep.actor(), week.lead_leo, quality=4, follow_up_at=TOMORROW, now=NOW)
    assert [lead.lead_id for lead in lead_inbox(store, week.rep.actor())] == [week.lead_max]


def test_rejecting_records_reason_note_and_quality(
    store: Store, week: SalesWeek, people: dict[str, UserInfo]
) -> None:
    reject_lead(
        store, week.rep.actor(), week.lead_max, reason="no budget", note="Next year", quality=2,
        now=NOW,
    )  # fmt: skip
    lead = get_record(store, people["mia"].actor(), "lead", week.lead_max)
    assert (
        lead["status"], lead["rejected_at"], lead["rejection_reason"], lead["rejection_note"],
        lead["quality"],
    ) == ("rejected", NOW, "no budget", "Next year", 2)  # fmt: skip


def test_rejecting_creates_no_follow_up(store: Store, week: SalesWeek) -> None:
    with store.reading() as session:
        before = session.scalars(select(Activity.id)).all()
    reject_lead(store, week.rep.actor(), week.lead_max, reason="duplicate", quality=1, now=NOW)
    with store.reading() as session:
        assert session.scalars(select(Activity.id)).all() == before


@pytest.mark.parametrize("quality", [0, 6])
def test_quality_outside_one_to_five_is_refused(
    store: Store, week: SalesWeek, quality: int
) -> None:
    with pytest.raises(ValidationError, match="1 to 5"):
        reject_lead(
            store, week.rep.actor(), week.lead_max, reason="duplicate", quality=quality, now=NOW
        )


def test_reason_outside_the_list_is_refused(store: Store, week: SalesWeek) -> None:
    with pytest.raises(ValidationError, match="choose one of"):
        reject_lead(store, week.rep.actor(), week.lead_max, reason="meh", quality=2, now=NOW)


def test_reason_other_needs_a_note(store: Store, week: SalesWeek) -> None:
    with pytest.raises(ValidationError, match="say why"):
        reject_lead(store, week.rep.actor(), week.lead_max, reason="other", quality=2, now=NOW)


def test_a_lead_already_decided_cannot_be_decided_again(store: Store, week: SalesWeek) -> None:
    accept_lead(store, week.rep.actor(), week.lead_leo, quality=4, follow_up_at=TOMORROW, now=NOW)
    with pytest.raises(ValidationError, match="already accepted"):
        reject_lead(store, week.rep.actor(), week.lead_leo, reason="duplicate", quality=2, now=NOW)


def test_missed_deadline_is_listed_for_marketing(
    store: Store, week: SalesWeek, people: dict[str, UserInfo]
) -> None:
    missed = missed_deadlines(store, people["mia"].actor(), now=NOW)
    assert [(m.lead_id, m.owner_name, m.acted_at) for m in missed] == [
        (week.lead_max, "Rita Rep", None)
    ]


def test_missed_deadline_is_listed_for_the_rep(store: Store, week: SalesWeek) -> None:
    missed = missed_deadlines(store, week.rep.actor(), now=NOW)
    assert [m.lead_id for m in missed] == [week.lead_max]


def test_late_action_still_counts_as_missed_with_when(
    store: Store, week: SalesWeek, people: dict[str, UserInfo]
) -> None:
    reject_lead(store, week.rep.actor(), week.lead_max, reason="duplicate", quality=2, now=NOW)
    missed = missed_deadlines(store, people["mia"].actor(), now=NOW)
    assert [(m.lead_id, m.acted_at, m.late_by(NOW)) for m in missed] == [
        (week.lead_max, NOW, timedelta(days=2))
    ]


def test_deadline_kept_is_not_listed(
    store: Store, week: SalesWeek, people: dict[str, UserInfo]
) -> None:
    later = NOW + timedelta(days=3)
    missed = {m.lead_id for m in missed_deadlines(store, people["mia"].actor(), now=later)}
    assert week.lead_nina not in missed
