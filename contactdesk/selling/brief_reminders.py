"""Launch briefs a rep has not read yet whose launch is near: the week plan's reminder.

Marketing writes the briefs (``contactdesk.marketing.launch_briefs``); a rep
who has not marked one read by two weeks before its launch is reminded of it
in their week plan until they do.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from contactdesk.model import BriefReadiness, LaunchBrief

REMIND_WITHIN = timedelta(days=14)


@dataclass(frozen=True)
class BriefReminder:
    """An unread brief: what launches, and when."""

    brief_id: uuid.UUID
    title: str
    product: str | None
    starts_on: date


def unread_briefs(session: Session, user_id: uuid.UUID, today: date) -> list[BriefReminder]:
    """Briefs launching within 14 days of ``today`` that ``user_id`` has not read, soonest first."""
    rows = session.execute(
        select(LaunchBrief.id, LaunchBrief.title, LaunchBrief.product, LaunchBrief.starts_on)
        .outerjoin(
            BriefReadiness,
            and_(BriefReadiness.brief_id == LaunchBrief.id, BriefReadiness.user_id == user_id),
        )
        .where(
            LaunchBrief.starts_on >= today,
            LaunchBrief.starts_on <= today + REMIND_WITHIN,
            BriefReadiness.read_at.is_(None),
        )
        .order_by(LaunchBrief.starts_on, LaunchBrief.title)
    ).all()
    return [
        BriefReminder(brief_id, title, product, starts_on)
        for brief_id, title, product, starts_on in rows
        if starts_on is not None  # the query keeps only dated briefs
    ]
