"""The outbox: pending change-log entries turned into batches of pushed changes.

The change log is the outbox (the unit of work writes it in the same
transaction as every change), so there is nothing to enqueue: a batch is the
oldest entries with no ``pushed_at``. Adjacent entries of one record are
coalesced into one pushed change (an edit typed in three goes travels once);
entries of different records are never reordered, so a record is always
created before another one points at it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from contactdesk.model import ChangeLog, MergeRecord
from contactdesk.services.field_catalog import ENTITIES
from contactdesk.services.field_rules import Policy
from contactdesk.sync.sync_state import pending_filter
from contactdesk.sync_protocol import MAX_BATCH, PushedChange

# A local merge logs the survivor's picked fields with this marker; the server
# learns of the merge from the absorbed contact's entry instead.
MERGE_MARKER = "merged_from"


@dataclass
class OutboxItem:
    """One pushed change and the change-log entries it stands for."""

    change: PushedChange
    seqs: list[int] = field(default_factory=list)
    change_ids: list[uuid.UUID] = field(default_factory=list)


def nothing_pending(session: Session) -> bool:
    """Whether no change-log entry waits to be pushed (one index probe)."""
    first = session.scalar(select(ChangeLog.seq).where(*pending_filter()).limit(1))
    return first is None


def next_batch(session: Session, policy: Policy, limit: int = MAX_BATCH) -> list[OutboxItem]:
    """The oldest pending changes, coalesced, at most ``limit`` pushed changes.

    Entries that carry nothing the server takes (a derived field only) come
    back as items with ``change`` of op ``update`` and no fields; the caller
    marks them pushed without sending them.
    """
    entries = session.scalars(
        select(ChangeLog).where(*pending_filter()).order_by(ChangeLog.seq).limit(limit * 4)
    ).all()
    absorbed = _absorbed_into(session, [e.record_id for e in entries if e.op == "delete"])
    items: list[OutboxItem] = []
    for entry in entries:
        change = _as_pushed(entry, policy, absorbed)
        previous = items[-1] if items else None
        if previous is not None and _coalesce(previous.change, change):
            previous.seqs.append(entry.seq)
            previous.change_ids.append(entry.change_id)
            continue
        if len(items) == limit:
            break
        items.append(OutboxItem(change, [entry.seq], [entry.change_id]))
    for item in items:
        if len(item.change_ids) > 1:
            item.change.change_id = group_change_id(item.change_ids)
    return items


def group_change_id(change_ids: list[uuid.UUID]) -> uuid.UUID:
    """The id of a coalesced change: the same for the same entries, so a retry applies once.

    A group that gained an entry since a push whose answer was lost (the app
    was killed in between) gets a new id; at worst that re-sends values the
    server already holds, which it takes as no change.
    """
    return uuid.uuid5(GROUP_NAMESPACE, ",".join(str(change_id) for change_id in change_ids))


GROUP_NAMESPACE = uuid.UUID("6f1c3c52-5f0e-4f7e-9a53-0c4a1f6b8d21")


def _absorbed_into(session: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, uuid.UUID]:
    if not ids:
        return {}
    rows = session.execute(
        select(MergeRecord.absorbed_id, MergeRecord.survivor_id)
        .where(MergeRecord.absorbed_id.in_(ids))
        .order_by(MergeRecord.merged_at)
    )
    return {absorbed: survivor for absorbed, survivor in rows}


def _as_pushed(
    entry: ChangeLog, policy: Policy, absorbed: dict[uuid.UUID, uuid.UUID]
) -> PushedChange:
    new_values = {name: pair[1] for name, pair in entry.fields.items() if _syncable(entry, name)}
    op = entry.op
    if op in ("merge", "unmerge"):
        # The survivor's side of a merge is an edit of its fields.
        op = "update"
    if op == "delete" and entry.record_id in absorbed:
        return PushedChange(
            change_id=entry.change_id,
            entity=entry.entity,
            record_id=entry.record_id,
            op="merge",
            base_version=entry.base_version,
            fields={"merged_into": str(absorbed[entry.record_id])},
        )
    if op == "delete":
        new_values = {}
    if op == "create":
        new_values = {name: value for name, value in new_values.items() if value is not None}
    # A field the role may not edit never left this store through a service,
    # but a rule that changed since would make the server refuse the batch.
    new_values = {
        name: value for name, value in new_values.items() if policy.can_edit(entry.entity, name)
    }
    return PushedChange(
        change_id=entry.change_id,
        entity=entry.entity,
        record_id=entry.record_id,
        op=op,  # type: ignore[arg-type]  # one of create/update/delete by now
        base_version=entry.base_version,
        fields=new_values,
    )


def _syncable(entry: ChangeLog, name: str) -> bool:
    spec = ENTITIES[entry.entity]
    builtin = spec.by_name.get(name)
    if builtin is not None:
        return not builtin.system
    # Not a built-in field: a custom one, unless it is bookkeeping (sort keys, merge marks).
    return name != MERGE_MARKER and name not in _DERIVED_COLUMNS


# Columns the services derive on every write; each side derives its own.
_DERIVED_COLUMNS = frozenset({"sort_key"})


def _coalesce(earlier: PushedChange, later: PushedChange) -> bool:
    """Fold ``later`` into ``earlier`` when both are one record's and the result means the same."""
    if earlier.record_id != later.record_id or earlier.entity != later.entity:
        return False
    if earlier.op in ("create", "update") and later.op == "update":
        merged: dict[str, Any] = {**earlier.fields, **later.fields}
        if earlier.op == "create":
            merged = {name: value for name, value in merged.items() if value is not None}
        earlier.fields = merged
        return True
    if earlier.op == "update" and later.op == "delete":
        # Deleting what was just edited: the delete alone, from the edit's base.
        earlier.op = "delete"
        earlier.fields = {}
        return True
    return False
