"""Writing to the feed: the sequence lock, the change log and record/field versions.

Every accepted change, whether pushed by a client or made through the admin
API, goes through here inside the writer's transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from contactdesk.server.sync.tables import FeedChange, FeedCounter, FieldVersion, RecordVersion

FEED = "feed"


def lock_feed(session: Session) -> None:
    """Take the feed's write lock; must be the transaction's first statement.

    On PostgreSQL this row lock serialises writers across processes until
    commit, and because it is taken before anything is read, every read the
    writer makes (field versions, current values) sees all earlier commits.
    On SQLite the write makes this the one writer of the file.
    """
    session.execute(
        update(FeedCounter).where(FeedCounter.name == FEED).values(value=FeedCounter.value)
    )


def next_seq(session: Session) -> int:
    """Hand out the next sequence number; rolled back with the transaction if it fails."""
    value = session.execute(
        update(FeedCounter)
        .where(FeedCounter.name == FEED)
        .values(value=FeedCounter.value + 1)
        .returning(FeedCounter.value)
    ).scalar_one()
    return int(value)


def log_change(
    session: Session,
    *,
    seq: int,
    change_id: uuid.UUID,
    entity: str,
    record_id: uuid.UUID,
    op: str,
    fields: dict[str, Any],
    base_version: int,
    user_id: uuid.UUID | None,
    at: datetime,
    old: dict[str, Any] | None = None,
) -> None:
    """Keep an accepted change under its sequence number (the history of the feed).

    ``old`` holds the values an update replaced, so that a record's history
    on any device can say "from what to what".
    """
    session.add(
        FeedChange(
            seq=seq,
            change_id=change_id,
            entity=entity,
            record_id=record_id,
            op=op,
            fields=fields,
            old=old if old is not None else {},
            base_version=base_version,
            user_id=user_id,
            at=at,
        )
    )


def record_version(session: Session, record_id: uuid.UUID) -> RecordVersion | None:
    return session.get(RecordVersion, record_id)


def mark_created(session: Session, entity: str, record_id: uuid.UUID, seq: int) -> None:
    """A new (or recreated) record at version ``seq``; old field versions no longer apply."""
    existing = session.get(RecordVersion, record_id)
    if existing is None:
        session.add(
            RecordVersion(
                record_id=record_id, entity=entity, version=seq, created_version=seq, deleted=False
            )
        )
    else:
        existing.version = seq
        existing.created_version = seq
        existing.deleted = False
        existing.merged_into = None
    session.execute(delete(FieldVersion).where(FieldVersion.record_id == record_id))


def mark_changed(session: Session, record_id: uuid.UUID, fields: Iterable[str], seq: int) -> None:
    """``fields`` of an existing record changed at ``seq``."""
    row = session.get(RecordVersion, record_id)
    assert row is not None, f"record {record_id} has no version row"
    if row.deleted:
        return
    row.version = seq
    names = list(dict.fromkeys(fields))
    if not names:
        return
    current = {
        version.field: version
        for version in session.scalars(
            select(FieldVersion).where(
                FieldVersion.record_id == record_id, FieldVersion.field.in_(names)
            )
        )
    }
    for name in names:
        if name in current:
            current[name].version = seq
        else:
            session.add(FieldVersion(record_id=record_id, field=name, version=seq))


def mark_deleted(
    session: Session, record_id: uuid.UUID, seq: int, *, merged_into: uuid.UUID | None = None
) -> None:
    """Leave a tombstone at ``seq`` (and forget the per-field versions)."""
    row = session.get(RecordVersion, record_id)
    assert row is not None, f"record {record_id} has no version row"
    row.version = seq
    row.deleted = True
    row.merged_into = merged_into
    session.execute(delete(FieldVersion).where(FieldVersion.record_id == record_id))


def field_versions(session: Session, record_id: uuid.UUID) -> dict[str, int]:
    """The version of each field changed since the record was created."""
    rows = session.execute(
        select(FieldVersion.field, FieldVersion.version).where(FieldVersion.record_id == record_id)
    )
    return {name: int(version) for name, version in rows}


def value_at(session: Session, record_id: uuid.UUID, name: str, seq: int) -> Any:
    """The value field ``name`` of a record had at version ``seq`` (from the change log)."""
    history = session.scalars(
        select(FeedChange.fields)
        .where(FeedChange.record_id == record_id, FeedChange.seq <= seq)
        .order_by(FeedChange.seq.desc())
    )
    for fields in history:
        if name in fields:
            return fields[name]
    return None
