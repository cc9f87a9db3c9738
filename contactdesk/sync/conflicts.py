"""The local conflict store: edits the server did not take as they were, until the user decides.

A conflict is never resolved silently. The user picks mine, theirs or a
merged value; mine and merged become an ordinary local edit (unit of work,
change log), so the choice syncs like any other change. The server keeps its
own copy of each conflict; the engine tells it the outcome at the next sync.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from contactdesk.errors import NotFound, ValidationError
from contactdesk.model import SyncConflict
from contactdesk.model.base import utc_now
from contactdesk.services.actor import Actor
from contactdesk.services.changes import ChangeSet
from contactdesk.services.field_catalog import ENTITIES
from contactdesk.services.unit_of_work import unit_of_work
from contactdesk.store.local_store import Store
from contactdesk.sync_protocol import ChangeOutcome, PushedChange

Choice = Literal["mine", "theirs", "merged"]
WHOLE_CHANGE = "*"


@dataclass(frozen=True)
class ConflictView:
    """One open conflict as the conflict center shows it."""

    id: uuid.UUID
    entity: str
    record_id: uuid.UUID
    record_title: str | None
    field: str
    original: Any
    mine: Any
    theirs: Any
    record_deleted: bool
    reason: str | None
    changed_by: str | None
    changed_at: datetime | None
    created_at: datetime

    @property
    def refused(self) -> bool:
        """The server refused the whole change (nothing to pick but to acknowledge it)."""
        return self.field == WHOLE_CHANGE


def keep_outcome(
    session: Session, change: PushedChange, outcome: ChangeOutcome, title: str | None
) -> int:
    """Keep a conflict or refusal from a push answer; returns how many conflicts were kept."""
    now = utc_now()
    if outcome.status == "rejected":
        session.add(
            SyncConflict(
                change_id=change.change_id,
                entity=change.entity,
                record_id=change.record_id,
                record_title=title,
                field=WHOLE_CHANGE,
                original=None,
                mine=dict(change.fields) or change.op,
                theirs=None,
                server_version=0,
                record_deleted=False,
                reason=outcome.reason,
                created_at=now,
            )
        )
        return 1
    for conflict in outcome.conflicts:
        session.add(
            SyncConflict(
                change_id=change.change_id,
                entity=change.entity,
                record_id=change.record_id,
                record_title=title,
                field=conflict.field,
                original=conflict.original,
                mine=conflict.mine,
                theirs=conflict.theirs,
                server_version=conflict.server_version,
                record_deleted=outcome.record_deleted,
                reason=outcome.reason,
                changed_by=conflict.changed_by,
                changed_at=conflict.changed_at,
                created_at=now,
            )
        )
    return len(outcome.conflicts)


def open_conflicts(store: Store) -> list[ConflictView]:
    """Every conflict the user has not settled, oldest first; runs on the database worker."""
    with store.reading() as session:
        rows = session.scalars(
            select(SyncConflict)
            .where(SyncConflict.resolved_at.is_(None))
            .order_by(SyncConflict.created_at, SyncConflict.field)
        ).all()
        return [_view(row) for row in rows]


def _view(row: SyncConflict) -> ConflictView:
    return ConflictView(
        id=row.id,
        entity=row.entity,
        record_id=row.record_id,
        record_title=row.record_title,
        field=row.field,
        original=row.original,
        mine=row.mine,
        theirs=row.theirs,
        record_deleted=row.record_deleted,
        reason=row.reason,
        changed_by=row.changed_by,
        changed_at=row.changed_at,
        created_at=row.created_at,
    )


def resolve_conflict(
    store: Store, actor: Actor, conflict_id: uuid.UUID, choice: Choice, merged: Any = None
) -> ChangeSet:
    """Settle one conflict; mine or merged becomes a local edit that the next sync pushes.

    Theirs keeps the server's value, which the store already holds. A refused
    change or a record deleted on the server can only be settled with theirs
    (the server's state stands; the kept values stay readable in the history).
    Returns what changed locally (empty for theirs).
    """
    with store.reading() as session:
        row = session.get(SyncConflict, conflict_id)
        if row is None or row.resolved_at is not None:
            raise NotFound(f"no open conflict with id {conflict_id}")
        entity, record_id, field = row.entity, row.record_id, row.field
        final_only = row.field == WHOLE_CHANGE or row.record_deleted
        mine = row.mine
    if choice != "theirs" and final_only:
        raise ValidationError(
            f"{entity}.{field}",
            "the server deleted this record or refused the change; only theirs can be kept",
        )
    changes = ChangeSet()
    if choice != "theirs":
        value = mine if choice == "mine" else merged
        if entity not in ENTITIES:
            raise ValidationError(entity, "not a synced record type")
        with unit_of_work(store, actor) as work:
            work.update(entity, record_id, {field: value})
            _mark_resolved(work.session, conflict_id, choice)
        changes = ChangeSet(list(work.changes))
    else:
        with store.transaction() as session:
            _mark_resolved(session, conflict_id, choice)
    return changes


def _mark_resolved(session: Session, conflict_id: uuid.UUID, choice: str) -> None:
    row = session.get(SyncConflict, conflict_id)
    assert row is not None
    row.resolved_at = utc_now()
    row.resolution = choice


def unreported_resolutions(session: Session) -> list[SyncConflict]:
    """Settled conflicts the server has not been told about yet."""
    return list(
        session.scalars(
            select(SyncConflict).where(
                SyncConflict.resolved_at.is_not(None), SyncConflict.reported_at.is_(None)
            )
        )
    )


def server_resolution(row: SyncConflict) -> str:
    """The resolution word the server's conflict API takes for a local choice."""
    if row.field == WHOLE_CHANGE:
        return "dismissed"
    return row.resolution or "dismissed"


# The reason an adopted conflict carries: made on a phone, not in this store's outbox.
PHONE_SOURCE = "phone"
PHONE_REASON = "edited on a phone (CardDAV or CalDAV) while the record changed here"


def has_open_phone_conflicts(session: Session) -> bool:
    """Whether this store holds an unsettled conflict copied from a phone's edit."""
    found = session.scalar(
        select(SyncConflict.id)
        .where(SyncConflict.reason == PHONE_REASON, SyncConflict.resolved_at.is_(None))
        .limit(1)
    )
    return found is not None


def adopt_phone_conflicts(
    session: Session, server_rows: list[dict[str, Any]], titles: dict[uuid.UUID, str | None]
) -> int:
    """Keep here the server's open conflicts of edits made on a phone; returns how many are new.

    A phone's edit has no outbox on this device, so its conflict would only live
    on the server: it is copied into the conflict center like any other. One
    copied before and settled elsewhere (no longer open there) is closed here.
    ``titles`` names the records (by id) for the center's list.
    """
    phone_rows = [row for row in server_rows if row.get("source") == PHONE_SOURCE]
    open_there = {(str(row["change_id"]), str(row["field"])) for row in phone_rows}
    known = {
        (str(row.change_id), row.field): row
        for row in session.scalars(select(SyncConflict).where(SyncConflict.reason == PHONE_REASON))
    }
    now = utc_now()
    for key, row in known.items():
        if row.resolved_at is None and key not in open_there:
            row.resolved_at = now
            row.resolution = "theirs"
            row.reported_at = now
    added = 0
    for server_row in phone_rows:
        key = (str(server_row["change_id"]), str(server_row["field"]))
        if key in known:
            continue
        record_id = uuid.UUID(str(server_row["record_id"]))
        session.add(
            SyncConflict(
                change_id=uuid.UUID(key[0]),
                entity=str(server_row["entity"]),
                record_id=record_id,
                record_title=titles.get(record_id),
                field=key[1],
                original=server_row.get("original"),
                mine=server_row.get("mine"),
                theirs=server_row.get("theirs"),
                server_version=int(server_row.get("server_version") or 0),
                record_deleted=bool(server_row.get("record_deleted")),
                reason=PHONE_REASON,
                created_at=now,
            )
        )
        added += 1
    return added
