"""What the desktop client remembers about syncing: where it is in the feed, and its conflicts."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from contactdesk.model.base import Base, utc_now
from contactdesk.model.types import UtcDateTime

SYNC_STATE_ID = 1


class SyncState(Base):
    """The single row naming the server this store syncs with and how far it has read.

    ``cursor`` is written in the same transaction as the page it ends, so a
    client killed mid-pull resumes exactly after the last page it applied.
    ``resync_cursor`` is not None while a fresh snapshot is being fetched
    (after an epoch change); records the snapshot has delivered so far are
    listed in ``sync_snapshot_seen``.
    """

    __tablename__ = "sync_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=SYNC_STATE_ID)
    server_url: Mapped[str | None] = mapped_column(String(300))
    username: Mapped[str | None] = mapped_column(String(80))
    user_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    role: Mapped[str | None] = mapped_column(String(40))
    team: Mapped[str | None] = mapped_column(String(80))
    cursor: Mapped[int] = mapped_column(Integer, default=0)
    epoch: Mapped[int | None] = mapped_column(Integer)
    resync_cursor: Mapped[int | None] = mapped_column(Integer)
    # How far the history feed (who changed what on other devices) has been read.
    history_cursor: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_sync_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class SnapshotSeen(Base):
    """A record a resync snapshot delivered; whatever it did not deliver is purged at its end."""

    __tablename__ = "sync_snapshot_seen"

    record_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)


class SyncConflict(Base):
    """A local edit the server did not take as it was, kept until the user settles it.

    ``original`` is the value the edit was based on, ``mine`` the edited one,
    ``theirs`` the server's (None if the record was deleted there). A change
    the server refused outright is kept too, with ``field`` = ``*`` and the
    server's ``reason``.
    """

    __tablename__ = "sync_conflicts"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    change_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    entity: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    record_title: Mapped[str | None] = mapped_column(String(200))
    field: Mapped[str] = mapped_column(String(60))
    original: Mapped[Any] = mapped_column(JSON, nullable=True)
    mine: Mapped[Any] = mapped_column(JSON, nullable=True)
    theirs: Mapped[Any] = mapped_column(JSON, nullable=True)
    server_version: Mapped[int] = mapped_column(Integer, default=0)
    record_deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    reason: Mapped[str | None] = mapped_column(Text)
    changed_by: Mapped[str | None] = mapped_column(String(80))
    changed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    resolution: Mapped[str | None] = mapped_column(String(20))
    # When the server was told of the resolution (it keeps its own copy of the conflict).
    reported_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
