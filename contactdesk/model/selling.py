"""What happens between a rep and a customer: activities, leads, opportunities, field intel."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Date, Float, ForeignKey, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from contactdesk.model.base import Base, RecordMixin
from contactdesk.model.types import Money, UtcDateTime

ACTIVITY_KINDS = ("call", "meeting", "email", "task", "follow_up", "handover")
LEAD_STATUSES = ("new", "handed_off", "accepted", "rejected")
ORIGINS = ("inbound", "outbound")
INTEL_KINDS = ("objection", "competitor", "win_story", "enquiry_source", "market_note")
# What a market note (intel not tied to a call) is about.
MARKET_TOPICS = ("competitor_seen", "price_heard", "market_news")


class Activity(RecordMixin, Base):
    __tablename__ = "activities"
    __table_args__ = (
        Index("ix_activities_owner_due", "owner_id", "due_at"),
        Index("ix_activities_contact_due", "contact_id", "due_at"),
    )

    kind: Mapped[str] = mapped_column(String(12))
    subject: Mapped[str] = mapped_column(String(200))
    contact_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("contacts.id", ondelete="CASCADE")
    )
    account_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    opportunity_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("opportunities.id", ondelete="SET NULL"), index=True
    )
    lead_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("leads.id", ondelete="SET NULL"), index=True
    )
    owner_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("users.id"))
    due_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # How long a meeting or call is planned for; None for a task with no length.
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    done_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    outcome: Mapped[str | None] = mapped_column(String(80))
    notes: Mapped[str | None] = mapped_column(Text)
    close_reason: Mapped[str | None] = mapped_column(String(200))


class Lead(RecordMixin, Base):
    """A contact handed from marketing to sales, and what sales made of it."""

    __tablename__ = "leads"
    __table_args__ = (Index("ix_leads_owner_status", "owner_id", "status"),)

    contact_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    campaign_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("campaigns.id", ondelete="SET NULL"), index=True
    )
    source: Mapped[str | None] = mapped_column(String(80))
    score: Mapped[float] = mapped_column(Float, default=0.0)
    score_fit: Mapped[float] = mapped_column(Float, default=0.0)
    score_engagement: Mapped[float] = mapped_column(Float, default=0.0)
    score_history: Mapped[float] = mapped_column(Float, default=0.0)
    owner_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("users.id"))
    status: Mapped[str] = mapped_column(String(12), default="new")
    handed_off_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    follow_up_due_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    first_follow_up_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    accepted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    rejected_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    rejection_reason: Mapped[str | None] = mapped_column(String(80))
    rejection_note: Mapped[str | None] = mapped_column(Text)
    quality: Mapped[int | None] = mapped_column(Integer)


class Opportunity(RecordMixin, Base):
    __tablename__ = "opportunities"
    __table_args__ = (
        Index("ix_opportunities_owner_stage", "owner_id", "stage_id"),
        # The pipeline board filtered to a territory reads one stage at a time.
        Index("ix_opportunities_territory_stage", "territory", "stage_id"),
    )

    name: Mapped[str] = mapped_column(String(200))
    account_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    contact_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("contacts.id", ondelete="SET NULL"), index=True
    )
    lead_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("leads.id", ondelete="SET NULL"), index=True
    )
    campaign_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("campaigns.id", ondelete="SET NULL"), index=True
    )
    stage_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("funnel_stages.id"))
    amount: Mapped[float | None] = mapped_column(Money)
    margin: Mapped[float | None] = mapped_column(Money)
    # ISO 4217 code of amount and margin; None means the company's default currency.
    currency: Mapped[str | None] = mapped_column(String(3))
    expected_close: Mapped[date | None] = mapped_column(Date)
    origin: Mapped[str] = mapped_column(String(10), default="outbound")
    owner_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("users.id"))
    product: Mapped[str | None] = mapped_column(String(80))
    territory: Mapped[str | None] = mapped_column(String(80))
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    lost_reason: Mapped[str | None] = mapped_column(String(200))
    competitor: Mapped[str | None] = mapped_column(String(120))


class Intel(RecordMixin, Base):
    """What the field learned: an objection, a competitor mention, a win story, a source."""

    __tablename__ = "intel"
    __table_args__ = (Index("ix_intel_kind_created", "kind", "created_at"),)

    kind: Mapped[str] = mapped_column(String(16))
    tag: Mapped[str | None] = mapped_column(String(80))
    text: Mapped[str | None] = mapped_column(Text)
    contact_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("contacts.id", ondelete="SET NULL"), index=True
    )
    account_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("accounts.id", ondelete="SET NULL")
    )
    opportunity_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("opportunities.id", ondelete="SET NULL"), index=True
    )
    activity_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("activities.id", ondelete="SET NULL")
    )
    stage_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("funnel_stages.id"))
    product: Mapped[str | None] = mapped_column(String(80))
    author_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("users.id"))
    # Market notes only: competitor seen, price heard or market news.
    topic: Mapped[str | None] = mapped_column(String(20))


TARGET_METRICS = ("revenue", "margin", "new_accounts", "won_deals")
TARGET_PERIODS = ("month", "quarter", "year")
TARGET_LEVELS = ("rep", "team", "territory", "company")


class Target(RecordMixin, Base):
    """An outcome goal for one period: revenue, margin, new accounts or won deals.

    Set for a rep (``user_id``), a team, a territory or the whole company
    (``level``). Only outcomes: activity counts are shown as information and
    are never a target. ``starts_on`` is the first day of the month, quarter
    or year.
    """

    __tablename__ = "targets"
    __table_args__ = (Index("ix_targets_period", "starts_on", "period"),)

    metric: Mapped[str] = mapped_column(String(16))
    period: Mapped[str] = mapped_column(String(8))
    starts_on: Mapped[date] = mapped_column(Date)
    level: Mapped[str] = mapped_column(String(10))
    user_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("users.id"))
    team: Mapped[str | None] = mapped_column(String(80))
    territory: Mapped[str | None] = mapped_column(String(80))
    value: Mapped[float] = mapped_column(Float)
    notes: Mapped[str | None] = mapped_column(Text)
