"""A rep's small, hand-made week, built through the services, with a fixed clock.

NOW is Wednesday 11 March 2026, 10:00 UTC; the week runs Monday 9 to Sunday 15.
Each record is there for one behaviour the tests check; the comments say which.
Shared by the service tests and the sales-view UI tests.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.services.directory import UserInfo
from contactdesk.store import Store

NOW = datetime(2026, 3, 11, 10, 0, tzinfo=UTC)
MONDAY = date(2026, 3, 9)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """A time in March 2026, UTC."""
    return datetime(2026, 3, day, hour, minute, tzinfo=UTC)


@dataclass(frozen=True)
class SalesWeek:
    rep: UserInfo
    other_rep: UserInfo
    acme: uuid.UUID
    dormant: uuid.UUID
    carla: uuid.UUID
    leo: uuid.UUID
    nina: uuid.UUID
    max: uuid.UUID
    opportunity: uuid.UUID
    lead_leo: uuid.UUID
    lead_nina: uuid.UUID
    lead_max: uuid.UUID
    campaign: uuid.UUID
    call_carla: uuid.UUID
    follow_up_leo: uuid.UUID
    plain_call: uuid.UUID
    meeting: uuid.UUID
    overdue_call: uuid.UUID
    next_week_call: uuid.UUID
    other_rep_call: uuid.UUID


def build_sales_week(store: Store, rep: UserInfo, other_rep: UserInfo) -> SalesWeek:
    admin = Actor.system()

    def make(entity: str, values: dict[str, Any]) -> uuid.UUID:
        return unit_of_work.create(store, admin, entity, values).record_id

    mine = {"owner_id": rep.id}
    campaign = make(
        "campaign",
        {"name": "Spring Launch", "channel": "webinar", "starts_on": date(2026, 3, 1),
         "ends_on": date(2026, 3, 20), "expected_leads": 40, "budget": 5000, "spend": 1200},
    )  # fmt: skip
    # Not running this week: must stay off the strip.
    make(
        "campaign",
        {"name": "Autumn Push", "channel": "email", "starts_on": date(2026, 9, 1),
         "ends_on": date(2026, 9, 30), "expected_leads": 90},
    )  # fmt: skip
    acme = make(
        "account",
        {"name": "Acme Logistics", "industry": "Logistics", "keep_in_touch_days": 14, **mine},
    )
    dormant = make("account", {"name": "Dormant Ltd", "keep_in_touch_days": 30, **mine})
    fresh = make("account", {"name": "Fresh Ltd", "keep_in_touch_days": 30, **mine})
    carla = make(
        "contact",
        {"display_name": "Carla Customer", "account_id": acme,
         "enquiry_source": "website form", "phone": "+44 20 7946 0001", **mine},
    )  # fmt: skip
    leo = make("contact", {"display_name": "Leo Lead", **mine})
    nina = make("contact", {"display_name": "Nina Nextstep", **mine})
    max_ = make("contact", {"display_name": "Max Missed", **mine})
    opportunity = make(
        "opportunity",
        {"name": "Acme roll-out", "account_id": acme, "contact_id": carla, "stage_id": "Proposal",
         "amount": 50000, "product": "DeskSuite", **mine},
    )  # fmt: skip
    lead_leo = make(
        "lead",
        {"contact_id": leo, "campaign_id": campaign, "source": "webinar", "score": 80,
         "status": "handed_off", "handed_off_at": NOW - timedelta(days=1),
         "follow_up_due_at": NOW + timedelta(days=1), **mine},
    )  # fmt: skip
    # Accepted, and nothing planned for Nina: the "no next step" flag.
    lead_nina = make(
        "lead",
        {"contact_id": nina, "source": "trade show", "score": 55, "status": "accepted",
         "handed_off_at": NOW - timedelta(days=9), "accepted_at": NOW - timedelta(days=8),
         "quality": 4,
         "follow_up_due_at": NOW - timedelta(days=7), **mine},
    )  # fmt: skip
    # Still waiting two days after its deadline: a missed hand-off.
    lead_max = make(
        "lead",
        {"contact_id": max_, "source": "paid search", "score": 30, "status": "handed_off",
         "handed_off_at": NOW - timedelta(days=4), "follow_up_due_at": NOW - timedelta(days=2),
         **mine},
    )  # fmt: skip

    def activity(kind: str, subject: str, due: datetime, **links: Any) -> uuid.UUID:
        return make("activity", {"kind": kind, "subject": subject, "due_at": due, **mine, **links})

    call_carla = activity("call", "Proposal call", at(11, 14), contact_id=carla,
                          account_id=acme, opportunity_id=opportunity)  # fmt: skip
    # Earlier today (before NOW) but today: in Wednesday, not overdue.
    follow_up_leo = activity("follow_up", "Webinar follow-up", at(11, 9), contact_id=leo,
                             lead_id=lead_leo)  # fmt: skip
    plain_call = activity("call", "Courtesy call", at(11, 8))
    meeting = activity("meeting", "Demo meeting", at(12, 10), contact_id=carla, account_id=acme)
    # Thursday last week, never done: overdue.
    overdue_call = activity("call", "Chase the quote", at(5, 15), contact_id=carla,
                            account_id=acme)  # fmt: skip
    next_week_call = activity("call", "Next week call", at(16, 9), contact_id=carla)
    # Done 20 days ago: Acme's 14-day cadence ran out. Fresh Ltd was touched 3 days ago.
    make(
        "activity",
        {"kind": "call", "subject": "Intro call", "due_at": NOW - timedelta(days=20),
         "done_at": NOW - timedelta(days=20), "account_id": acme, "contact_id": carla, **mine},
    )  # fmt: skip
    make(
        "activity",
        {"kind": "call", "subject": "Catch-up", "due_at": NOW - timedelta(days=3),
         "done_at": NOW - timedelta(days=3), "account_id": fresh, **mine},
    )  # fmt: skip
    other_rep_call = make(
        "activity",
        {"kind": "call", "subject": "Sam's own call", "due_at": at(11, 11),
         "owner_id": other_rep.id},
    )  # fmt: skip
    for title, stages, industries in (
        ("Price sheet 2026", ["Proposal", "Negotiation"], []),
        ("Product brochure", ["Qualified"], []),
        ("Healthcare case study", ["Proposal"], ["Healthcare"]),
        ("Logistics case study", ["Proposal"], ["Logistics"]),
    ):
        make(
            "collateral",
            {"title": title, "kind": "case_study", "stages": stages, "industries": industries,
             "url": "https://example.com/" + title.split()[0].lower()},
        )  # fmt: skip
    return SalesWeek(
        rep, other_rep, acme, dormant, carla, leo, nina, max_, opportunity, lead_leo, lead_nina,
        lead_max, campaign, call_carla, follow_up_leo, plain_call, meeting, overdue_call,
        next_week_call, other_rep_call,
    )  # fmt: skip
