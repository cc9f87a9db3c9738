"""Records of marketing's hand-off rules at work: leads whose follow-up clock ran out."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from contactdesk.model.base import Base, RecordMixin
from contactdesk.model.types import UtcDateTime

CLOCK_ACTIONS = ("rerouted", "escalated", "flagged")


class LeadClockMiss(RecordMixin, Base):
    """A handed-off lead not followed up in time: who missed it, and where it went.

    Synced like any record, so both teams see the miss: marketing in its lead
    list, sales in the inbox of the rep (or team lead) who now holds the lead.
    """

    __tablename__ = "lead_clock_misses"

    lead_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("leads.id", ondelete="CASCADE"), index=True
    )
    missed_by_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("users.id"))
    due_at: Mapped[datetime] = mapped_column(UtcDateTime)
    noticed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    action: Mapped[str] = mapped_column(String(12))
    new_owner_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("users.id"))
    reason: Mapped[str | None] = mapped_column(String(200))
