"""A record's history: who changed which field, from what to what, and when.

Read from two places: the change log, which holds every change made on this
device (kept after it is pushed, so the history survives sync), and the
remote changes a sync brought from the server's history feed (what was done
on every other device). Both hold each field's old and new value. Filtered
by the reader's field rules like every other read: a field the role may not
see has no history for it, and a change that touched only hidden fields is
absent altogether. Runs on the database worker.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from contactdesk.model import ChangeLog, RemoteChange
from contactdesk.services.actor import Actor
from contactdesk.services.field_catalog import entity_spec
from contactdesk.services.field_rules import Policy
from contactdesk.services.policy_cache import policy_for
from contactdesk.services.record_queries import get_record
from contactdesk.store.local_store import Store


@dataclass(frozen=True)
class FieldChange:
    """One field's move from ``old`` to ``new`` (JSON-safe values, None for empty)."""

    field: str
    label: str
    old: Any
    new: Any


@dataclass(frozen=True)
class HistoryEntry:
    """One change of the record, with the fields of it the reader may see."""

    change_id: uuid.UUID
    at: datetime
    actor_name: str | None
    op: str
    fields: list[FieldChange]
    synced: bool  # acknowledged by a server (False: still only on this device)
    on_this_device: bool = True  # False: made elsewhere, learnt from the server


def record_history(
    store: Store, actor: Actor, entity: str, record_id: uuid.UUID | str
) -> list[HistoryEntry]:
    """The changes of one record that ``actor`` may see, from any device, newest first.

    Raises NotFound if the record is missing or outside the actor's scope,
    exactly as reading the record itself would.
    """
    get_record(store, actor, entity, record_id)
    key = record_id if isinstance(record_id, uuid.UUID) else uuid.UUID(str(record_id))
    with store.reading() as session:
        policy = policy_for(store, session, actor.role)
        local = session.scalars(
            select(ChangeLog)
            .where(ChangeLog.entity == entity, ChangeLog.record_id == key)
            .order_by(ChangeLog.seq.desc())
        ).all()
        remote = session.scalars(
            select(RemoteChange)
            .where(RemoteChange.entity == entity, RemoteChange.record_id == key)
            .order_by(RemoteChange.seq.desc())
        ).all()
    entries = [_visible_entry(policy, entity, row) for row in local]
    entries += [_visible_entry(policy, entity, row) for row in remote]
    shown = [entry for entry in entries if entry is not None]
    # Each list is in its own order already; a stable sort by time interleaves them.
    return sorted(shown, key=lambda entry: entry.at, reverse=True)


def _visible_entry(
    policy: Policy, entity: str, row: ChangeLog | RemoteChange
) -> HistoryEntry | None:
    fields = [
        FieldChange(name, _label(policy, entity, name), values[0], values[1])
        for name, values in sorted(row.fields.items())
        if policy.can_see(entity, name)
    ]
    # An update is its fields; a create, delete or merge is worth showing even
    # when every field it carried is hidden from this role.
    if not fields and row.op == "update":
        return None
    return HistoryEntry(
        change_id=row.change_id,
        at=row.at,
        actor_name=row.actor_name,
        op=row.op,
        fields=fields,
        synced=not isinstance(row, ChangeLog) or row.pushed_at is not None,
        on_this_device=isinstance(row, ChangeLog),
    )


def _label(policy: Policy, entity: str, name: str) -> str:
    spec = entity_spec(entity)
    if name in spec.by_name:
        return spec.by_name[name].label
    custom = policy.custom_by_name(entity, name)
    return custom.label if custom is not None else name
