"""The record of every local change: sync outbox and field history in one table."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Index, Integer, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from contactdesk.model.base import Base, utc_now
from contactdesk.model.types import UtcDateTime


class ChangeLog(Base):
    """One committed change of one record, written in the same transaction as the change.

    ``fields`` maps each changed field to ``[old, new]`` (JSON-safe values), which
    serves both the sync push (new values, with ``base_version``) and the record
    history (who changed what from what to what). ``pushed_at`` stays empty until
    a server has acknowledged the change.
    """

    __tablename__ = "change_log"
    __table_args__ = (
        Index("ix_change_log_record", "record_id", "seq"),
        Index("ix_change_log_pending", "pushed_at", "seq"),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    change_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True, default=uuid.uuid4)
    entity: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    op: Mapped[str] = mapped_column(String(10))
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    base_version: Mapped[int] = mapped_column(Integer, default=0)
    actor_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    actor_name: Mapped[str | None] = mapped_column(String(80))
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    pushed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
