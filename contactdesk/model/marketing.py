"""Marketing's working material: campaigns, collateral, launch briefs, saved segments."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column

from contactdesk.model.base import Base, RecordMixin
from contactdesk.model.types import Money, UtcDateTime

CHANNELS = ("email", "webinar", "event", "paid_search", "social", "content", "referral", "direct")
COLLATERAL_KINDS = ("case_study", "price_sheet", "proof_of_value", "comparison", "brochure")


class Segment(RecordMixin, Base):
    __tablename__ = "segments"

    name: Mapped[str] = mapped_column(String(120), unique=True)
    definition: Mapped[dict[str, Any]] = mapped_column(JSON)
    owner_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("users.id"))


class Campaign(RecordMixin, Base):
    __tablename__ = "campaigns"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    channel: Mapped[str] = mapped_column(String(20))
    product: Mapped[str | None] = mapped_column(String(80))
    segment_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("segments.id", ondelete="SET NULL")
    )
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    budget: Mapped[float | None] = mapped_column(Money)
    spend: Mapped[float | None] = mapped_column(Money)
    expected_leads: Mapped[int | None] = mapped_column(Integer)
    owner_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("users.id"))


class Collateral(RecordMixin, Base):
    """A document or link that proves a value point, tied to the funnel stages it helps in."""

    __tablename__ = "collateral"

    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    url: Mapped[str | None] = mapped_column(String(500))
    file_name: Mapped[str | None] = mapped_column(String(200))
    file_mime: Mapped[str | None] = mapped_column(String(80))
    file_data: Mapped[bytes | None] = mapped_column(LargeBinary)
    value_points: Mapped[str | None] = mapped_column(Text)
    products: Mapped[list[str]] = mapped_column(JSON, default=list)
    industries: Mapped[list[str]] = mapped_column(JSON, default=list)
    stages: Mapped[list[str]] = mapped_column(JSON, default=list)


class LaunchBrief(RecordMixin, Base):
    __tablename__ = "launch_briefs"

    title: Mapped[str] = mapped_column(String(200))
    product: Mapped[str | None] = mapped_column(String(80))
    campaign_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("campaigns.id", ondelete="SET NULL")
    )
    audience: Mapped[str | None] = mapped_column(Text)
    what_it_does: Mapped[str | None] = mapped_column(Text)
    value: Mapped[str | None] = mapped_column(Text)
    proof: Mapped[str | None] = mapped_column(Text)
    differentiators: Mapped[str | None] = mapped_column(Text)
    table_stakes: Mapped[str | None] = mapped_column(Text)
    collateral_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    starts_on: Mapped[date | None] = mapped_column(Date)


class BriefReadiness(RecordMixin, Base):
    __tablename__ = "brief_readiness"
    __table_args__ = (UniqueConstraint("brief_id", "user_id"),)

    brief_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("launch_briefs.id", ondelete="CASCADE")
    )
    user_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("users.id", ondelete="CASCADE"))
    read_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    ready_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
