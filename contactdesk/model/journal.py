"""The record of every change: this device's (sync outbox and history) and other devices'."""

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
    # The id the server knows this entry by when the outbox sent it coalesced
    # with others (None: its own change_id), so the history feed's copy of
    # it is recognised as this device's and not stored twice.
    pushed_as: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)


class RemoteChange(Base):
    """A change of a record made on another device, as the server's history feed told it.

    ``fields`` has the ChangeLog's shape (field -> ``[old, new]``) and holds only
    fields the role could see when it was received; a resync drops every row and
    reads the history again. ``seq`` is the server's sequence number.
    """

    __tablename__ = "remote_changes"
    __table_args__ = (Index("ix_remote_changes_record", "record_id", "seq"),)

    change_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    entity: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    op: Mapped[str] = mapped_column(String(10))
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    actor_name: Mapped[str | None] = mapped_column(String(80))
    at: Mapped[datetime] = mapped_column(UtcDateTime)


class RemoteHistoryWanted(Base):
    """A record that arrived after the history feed had passed its earlier changes.

    A record handed to this user (or newly in its scope) brings only its current
    state in the pull; its history so far is fetched for it by id. Written in
    the pull's transaction, removed once the history is stored, so a sync cut
    off in between fetches it next time.
    """

    __tablename__ = "remote_history_wanted"

    record_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
