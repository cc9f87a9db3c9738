"""The server's record of the feed: sequence counter, accepted changes, versions, conflicts."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, Index, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from contactdesk.model.types import UtcDateTime
from contactdesk.server.table_base import ServerBase


class FeedCounter(ServerBase):
    """The single row whose value is the last sequence number handed out.

    Writers lock it as their transaction's first statement and bump it with
    ``UPDATE ... RETURNING``; the row lock is held until commit, so sequence
    numbers are committed in the order they were handed out and a reader can
    never see seq N+1 before seq N.
    """

    __tablename__ = "feed_counter"

    name: Mapped[str] = mapped_column(String(20), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class FeedChange(ServerBase):
    """One accepted change, under the sequence number it was given (the change history)."""

    __tablename__ = "feed_changes"
    __table_args__ = (Index("ix_feed_changes_record", "record_id", "seq"),)

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    change_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    entity: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    op: Mapped[str] = mapped_column(String(10))
    # Field name -> new value (JSON-safe) of the fields this change set.
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    # Field name -> the value it had before (an update's only; None on rows
    # written before old values were kept, where the history reads the chain).
    old: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    base_version: Mapped[int] = mapped_column(BigInteger, default=0)
    user_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    at: Mapped[datetime] = mapped_column(UtcDateTime)


class RecordVersion(ServerBase):
    """Every record the feed knows (synced data and governance): its version, or its tombstone.

    The pull reads this table in version order; a deleted record keeps its row
    (``deleted``) so that clients learn of the delete.
    """

    __tablename__ = "record_versions"
    __table_args__ = (Index("ix_record_versions_version", "version", "record_id"),)

    record_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    entity: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(BigInteger)
    created_version: Mapped[int] = mapped_column(BigInteger)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    merged_into: Mapped[uuid.UUID | None] = mapped_column(Uuid)


class FieldVersion(ServerBase):
    """The version of the last change to one field of one record.

    Absent means "unchanged since the record was created" (its created_version).
    """

    __tablename__ = "field_versions"

    record_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    field: Mapped[str] = mapped_column(String(60), primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger)


class PushOutcome(ServerBase):
    """The answer given to a pushed change, so that a retry gets it again and applies nothing."""

    __tablename__ = "push_outcomes"

    change_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    user_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    outcome: Mapped[dict[str, Any]] = mapped_column(JSON)
    at: Mapped[datetime] = mapped_column(UtcDateTime)


class KeptConflict(ServerBase):
    """A field edit that lost a race, kept for its author to resolve (never dropped)."""

    __tablename__ = "conflicts"
    __table_args__ = (Index("ix_conflicts_user_open", "user_id", "resolved_at"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    change_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    user_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    entity: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    field: Mapped[str] = mapped_column(String(60))
    original: Mapped[Any] = mapped_column(JSON)
    mine: Mapped[Any] = mapped_column(JSON)
    theirs: Mapped[Any] = mapped_column(JSON)
    server_version: Mapped[int] = mapped_column(BigInteger)
    record_deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    resolution: Mapped[str | None] = mapped_column(String(20))
    # Where the edit came from when not a desktop's outbox: "phone" (CardDAV, CalDAV).
    source: Mapped[str | None] = mapped_column(String(20))


class ResyncEpoch(ServerBase):
    """The feed sequence at which what a subject may see last changed.

    Subjects are ``role:NAME`` (a rule or scope change) and ``user:ID`` (the
    user's role or team changed). A client's epoch is the larger of its role's
    and its user's; when it differs from the one the client holds, the client
    must purge and resync.
    """

    __tablename__ = "resync_epochs"

    subject: Mapped[str] = mapped_column(String(60), primary_key=True)
    epoch: Mapped[int] = mapped_column(BigInteger)
