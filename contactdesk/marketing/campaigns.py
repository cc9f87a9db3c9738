"""Campaigns: create and edit them, record spend as it is incurred, list them.

``campaigns_running`` is what the sales view's campaign strip reads: the
campaigns overlapping a date window (a rep's week) plus upcoming ones, with
the number of leads to expect. Reads go through ``record_queries`` so a role
never sees a field it may not (sales has no budget or spend).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select

from contactdesk.errors import NotFound, ValidationError
from contactdesk.marketing.marketing_access import require_marketing
from contactdesk.model import Campaign, Lead
from contactdesk.services.actor import Actor
from contactdesk.services.changes import ChangeSet
from contactdesk.services.record_queries import Condition, Record, page_records
from contactdesk.services.unit_of_work import unit_of_work
from contactdesk.store.local_store import Store

CAMPAIGN_STATES = ("running", "upcoming", "finished")
# The strip and lists show at most this many campaigns; a company runs dozens, not thousands.
LIST_LIMIT = 500


@dataclass(frozen=True)
class CampaignWindow:
    """A campaign as the sales strip shows it: when, what, and how many leads to expect."""

    id: str
    name: str
    channel: str
    product: str | None
    starts_on: date
    ends_on: date
    expected_leads: int | None
    state: str


@dataclass(frozen=True)
class CampaignSummary:
    """A campaign as marketing lists it: the record, its state and the leads it brought."""

    record: Record
    state: str
    leads_so_far: int


def campaign_state(starts_on: date, ends_on: date, today: date) -> str:
    """``running``, ``upcoming`` or ``finished`` on ``today``."""
    if today < starts_on:
        return "upcoming"
    if today > ends_on:
        return "finished"
    return "running"


def add_campaign(store: Store, actor: Actor, values: Mapping[str, Any]) -> uuid.UUID:
    """Create a campaign from field values (name, channel, starts_on, ends_on, ...); its id."""
    require_marketing(store, actor, "run_campaigns", "create campaigns")
    with unit_of_work(store, actor) as work:
        new_id = work.create("campaign", values)
    return new_id


def edit_campaign(
    store: Store, actor: Actor, campaign_id: uuid.UUID | str, values: Mapping[str, Any]
) -> ChangeSet:
    """Change fields of a campaign; the change set is empty when nothing differed."""
    require_marketing(store, actor, "run_campaigns", "edit campaigns")
    key = _campaign_key(campaign_id)
    with unit_of_work(store, actor) as work:
        if values:
            work.update("campaign", key, values)
    return ChangeSet(work.changes)


def record_spend(
    store: Store, actor: Actor, campaign_id: uuid.UUID | str, amount: float
) -> ChangeSet:
    """Add ``amount`` just incurred to the campaign's spend to date (entered as it is paid)."""
    require_marketing(store, actor, "run_campaigns", "record campaign spend")
    # An increment of nothing or less is a slip of the keyboard, not a refund.
    if amount <= 0:
        raise ValidationError("campaign.spend", "the amount spent must be more than zero")
    key = _campaign_key(campaign_id)
    with unit_of_work(store, actor) as work:
        campaign = work.session.get(Campaign, key)
        if campaign is None:
            raise NotFound(f"no campaign with id {key}")
        work.update("campaign", key, {"spend": round((campaign.spend or 0.0) + amount, 2)})
    return ChangeSet(work.changes)


def campaign_by_name(store: Store, name: str) -> uuid.UUID:
    """The id of the campaign called ``name``; NotFound otherwise."""
    with store.reading() as session:
        found = session.scalar(select(Campaign.id).where(Campaign.name == name.strip()))
    if found is None:
        raise NotFound(f"no campaign called {name!r}")
    return found


def campaigns_running(store: Store, actor: Actor, start: date, end: date) -> list[CampaignWindow]:
    """Campaigns running at any time from ``start`` to ``end`` (inclusive), by start date.

    For the sales campaign strip: each with its expected lead volume. Fields the
    actor's role may not see are never read.
    """
    where = [
        Condition("starts_on", "le", end.isoformat()),
        Condition("ends_on", "ge", start.isoformat()),
    ]
    return [_window(record, start) for record in _campaign_records(store, actor, where)]


def upcoming_campaigns(
    store: Store, actor: Actor, after: date, within_days: int = 30
) -> list[CampaignWindow]:
    """Campaigns starting after ``after`` and within ``within_days`` of it, soonest first."""
    last = after + timedelta(days=within_days)
    where = [
        Condition("starts_on", "gt", after.isoformat()),
        Condition("starts_on", "le", last.isoformat()),
    ]
    return [_window(record, after) for record in _campaign_records(store, actor, where)]


def list_campaigns(
    store: Store, actor: Actor, today: date, *, state: str | None = None
) -> list[CampaignSummary]:
    """Every campaign the actor may see (or those in ``state`` on ``today``), by start date."""
    if state is not None and state not in CAMPAIGN_STATES:
        raise ValidationError("state", f"must be one of {', '.join(CAMPAIGN_STATES)}")
    records = _campaign_records(store, actor, [])
    with store.reading() as session:
        counts: dict[uuid.UUID | None, int] = dict(
            (key, count)
            for key, count in session.execute(
                select(Lead.campaign_id, func.count(Lead.id))
                .where(Lead.campaign_id.is_not(None))
                .group_by(Lead.campaign_id)
            ).all()
        )
    summaries = []
    for record in records:
        found = campaign_state(_as_date(record["starts_on"]), _as_date(record["ends_on"]), today)
        if state is None or found == state:
            leads = counts.get(uuid.UUID(record["id"]), 0)
            summaries.append(CampaignSummary(record, found, int(leads)))
    return summaries


def _campaign_records(store: Store, actor: Actor, where: list[Condition]) -> list[Record]:
    page = page_records(store, actor, "campaign", where=where, limit=LIST_LIMIT)
    return page.rows


def _window(record: Record, today: date) -> CampaignWindow:
    starts, ends = _as_date(record["starts_on"]), _as_date(record["ends_on"])
    return CampaignWindow(
        id=record["id"],
        name=record["name"],
        channel=record["channel"],
        product=record.get("product"),
        starts_on=starts,
        ends_on=ends,
        expected_leads=record.get("expected_leads"),
        state=campaign_state(starts, ends, today),
    )


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _campaign_key(campaign_id: uuid.UUID | str) -> uuid.UUID:
    if isinstance(campaign_id, uuid.UUID):
        return campaign_id
    try:
        return uuid.UUID(str(campaign_id))
    except ValueError:
        raise NotFound(f"{campaign_id!r} is not a campaign id") from None


CALENDAR_WEEKS = 8


def campaign_calendar(store: Store, actor: Actor, today: date) -> list[CampaignWindow]:
    """Sales' campaign calendar: what runs today, then what starts in the next 8 weeks."""
    running = campaigns_running(store, actor, today, today)
    starting = upcoming_campaigns(store, actor, today, within_days=7 * CALENDAR_WEEKS)
    return running + starting
