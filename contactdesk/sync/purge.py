"""Removing from the store file itself what the role may no longer hold.

Hiding a field in a widget is presentation; a field the server stopped
sending must leave the disk. Values are overwritten with NULL (or deleted)
under ``PRAGMA secure_delete=ON``, which zeroes freed content instead of
leaving it in free pages; the change log, kept conflicts and merge snapshots
lose their copies; the FTS index is merged into fresh segments so no old
token survives in a stale one; and the WAL is checkpointed and truncated so
no older page image stays in it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, delete, event, select, text, update
from sqlalchemy.orm import Session

from contactdesk.model import (
    ChangeLog,
    CustomValue,
    FieldDefinition,
    RemoteChange,
    SnapshotSeen,
    SyncConflict,
)
from contactdesk.services.field_catalog import ENTITIES
from contactdesk.services.record_derivations import sources_of
from contactdesk.services.unit_of_work import CHILD_PARTS
from contactdesk.store.snapshots import list_snapshots, take_snapshot
from contactdesk.sync.apply_feed import NOT_NULL_FALLBACK, remove_record, table_of
from contactdesk.sync.conflicts import WHOLE_CHANGE


def protect_deleted_content(engine: Engine) -> None:
    """Zero deleted content on every connection of ``engine`` from now on (idempotent).

    Sync overwrites values the server took back; without this SQLite would
    leave the old bytes in free space where a disk image would still show them.
    """
    if event.contains(engine, "checkout", _secure_delete_on_checkout):
        return
    event.listen(engine, "checkout", _secure_delete_on_checkout)
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA secure_delete=ON")


def _secure_delete_on_checkout(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def purge_hidden_fields(session: Session, hidden: dict[str, list[str]]) -> int:
    """Clear every value of the ``hidden`` fields (entity -> names); returns values cleared."""
    cleared = 0
    for entity, names in hidden.items():
        if entity not in ENTITIES:
            continue
        table = table_of(entity)
        for name in names:
            if name in table.c:
                column = table.c[name]
                blank = None if column.nullable else NOT_NULL_FALLBACK
                outcome = session.execute(
                    update(table).where(column.is_not(None), column != blank).values({name: blank})
                )
                cleared += max(outcome.rowcount, 0)  # type: ignore[attr-defined]
            else:
                cleared += _delete_custom_values(session, entity, name)
        cleared += _delete_hidden_parts(session, entity, set(names))
        _scrub_history(session, entity, set(names))
    return cleared


def _part_hidden(child: str, kind: str | None, names: set[str]) -> bool:
    """Whether a ``child`` part of this kind (a contact's extra email, phone, address)
    is governed by one of the hidden ``names``; an unknown kind counts as hidden."""
    return kind is None or CHILD_PARTS[child].governed_by({"kind": kind}) in names


def _delete_hidden_parts(session: Session, entity: str, names: set[str]) -> int:
    """Delete the parts of ``entity``'s records governed by a hidden field: a second
    email goes with ``email``. Parts are kept on this device only (never synced), so
    their change-log entries lose the values too."""
    removed = 0
    for child, part in CHILD_PARTS.items():
        if part.parent != entity:
            continue
        model: Any = part.model
        kinds = [
            kind
            for kind in session.scalars(select(model.kind).distinct())
            if _part_hidden(child, kind, names)
        ]
        if kinds:
            outcome = session.execute(delete(model).where(model.kind.in_(kinds)))
            removed += max(outcome.rowcount, 0)  # type: ignore[attr-defined]
        for entry in session.scalars(select(ChangeLog).where(ChangeLog.entity == child)):
            if PART_VALUES & set(entry.fields) and _part_hidden(
                child, _part_kind(entry.fields), names
            ):
                entry.fields = {k: v for k, v in entry.fields.items() if k not in PART_VALUES}
    return removed


# The columns of a part that hold what the user typed (its kind and parent link stay).
PART_VALUES = frozenset({"value", "label"})


def _part_kind(fields: dict[str, Any]) -> str | None:
    """The kind a part's change-log entry names (its new value, else its old one)."""
    pair = fields.get("kind")
    if isinstance(pair, list | tuple):
        return next((str(value) for value in reversed(pair) if value), None)
    return None


def _delete_custom_values(session: Session, entity: str, name: str) -> int:
    definition = select(FieldDefinition.id).where(
        FieldDefinition.entity == entity, FieldDefinition.name == name
    )
    outcome = session.execute(delete(CustomValue).where(CustomValue.field_id.in_(definition)))
    removed: int = outcome.rowcount  # type: ignore[attr-defined]
    return max(removed, 0)


def derived_from_hidden(entity: str, names: set[str]) -> set[str]:
    """Stored fields of ``entity`` built from one of the hidden ``names`` (a display name
    made of a hidden last name): their old values may carry the hidden ones."""
    return {
        field.name
        for field in ENTITIES[entity].fields
        if names & set(sources_of(entity, field.name))
    }


def _scrub_history(session: Session, entity: str, names: set[str]) -> None:
    """Drop the hidden fields from the history (this and other devices') and kept conflicts.

    Values of fields derived from them go from what was already pushed and from
    other devices' history; a change still waiting to be pushed keeps its own
    derived value (the user typed it, and the server gets it next).
    """
    derived = derived_from_hidden(entity, names)
    pending = ChangeLog.pushed_at.is_(None)
    local = select(ChangeLog).where(ChangeLog.entity == entity)
    _drop_fields(session.scalars(local.where(pending)), names)
    _drop_fields(session.scalars(local.where(~pending)), names | derived)
    _drop_fields(
        session.scalars(select(RemoteChange).where(RemoteChange.entity == entity)), names | derived
    )
    _scrub_conflicts(session, entity, names | derived)
    if entity == "contact":
        # Merge snapshots hold whole rows of both contacts as they were, with their
        # extra values (by kind) and custom values (by field id).
        custom_ids = {
            str(field_id)
            for field_id in session.scalars(
                select(FieldDefinition.id).where(
                    FieldDefinition.entity == entity, FieldDefinition.name.in_(names)
                )
            )
        }
        rows = session.execute(text("SELECT id, snapshot FROM merge_records")).all()
        for row_id, snapshot in rows:
            data = json.loads(snapshot) if isinstance(snapshot, str) else snapshot
            scrubbed = _without_keys(data, names | derived)
            if isinstance(scrubbed, dict):
                scrubbed = _without_hidden_rows(scrubbed, names, custom_ids)
            if scrubbed != data:
                session.execute(
                    text("UPDATE merge_records SET snapshot = :snapshot WHERE id = :id"),
                    {"snapshot": json.dumps(scrubbed), "id": row_id},
                )


def _scrub_conflicts(session: Session, entity: str, names: set[str]) -> None:
    """Kept conflicts lose the hidden fields: a conflict of one goes, a refused change
    (kept whole, ``mine`` = every field it set) keeps only the others, and each
    conflict's record title is read again (the store's title no longer carries them)."""
    session.execute(
        delete(SyncConflict).where(SyncConflict.entity == entity, SyncConflict.field.in_(names))
    )
    refused = session.scalars(
        select(SyncConflict).where(
            SyncConflict.entity == entity, SyncConflict.field == WHOLE_CHANGE
        )
    )
    for conflict in refused:
        if isinstance(conflict.mine, dict) and names & set(conflict.mine):
            kept = {k: v for k, v in conflict.mine.items() if k not in names}
            if kept:
                conflict.mine = kept
            else:
                session.delete(conflict)
    table = table_of(entity)
    title = table.c[ENTITIES[entity].title_field]
    session.execute(
        update(SyncConflict)
        .where(SyncConflict.entity == entity)
        .values(
            record_title=select(title)
            .where(table.c.id == SyncConflict.record_id)
            .scalar_subquery()
        )
    )


def _drop_fields(entries: Iterable[ChangeLog | RemoteChange], names: set[str]) -> None:
    for entry in entries:
        if names & set(entry.fields):
            entry.fields = {k: v for k, v in entry.fields.items() if k not in names}


def _without_hidden_rows(
    snapshot: dict[str, Any], names: set[str], custom_ids: set[str]
) -> dict[str, Any]:
    """A merge snapshot without the extra values and custom values of hidden fields."""
    kept = dict(snapshot)
    if isinstance(snapshot.get("details"), list):
        kept["details"] = [
            row
            for row in snapshot["details"]
            if not _part_hidden("contact_detail", row.get("kind"), names)
        ]
    if isinstance(snapshot.get("custom"), list):
        custom = snapshot["custom"]
        kept["custom"] = [row for row in custom if row.get("field_id") not in custom_ids]
    return kept


def _without_keys(value: Any, names: set[str]) -> Any:
    if isinstance(value, dict):
        return {k: _without_keys(v, names) for k, v in value.items() if k not in names}
    if isinstance(value, list):
        return [_without_keys(item, names) for item in value]
    return value


def purge_unseen_records(session: Session) -> int:
    """At the end of a resync: delete every record the snapshot did not deliver.

    Records created here and not yet pushed are kept (the server cannot have
    sent them). Returns how many were deleted.
    """
    pending_creates = set(
        session.scalars(
            select(ChangeLog.record_id).where(
                ChangeLog.pushed_at.is_(None), ChangeLog.op == "create"
            )
        )
    )
    seen = select(SnapshotSeen.record_id)
    removed = 0
    for entity in ENTITIES:
        table = table_of(entity)
        stale = [
            record_id
            for record_id in session.scalars(select(table.c.id).where(table.c.id.not_in(seen)))
            if record_id not in pending_creates
        ]
        for record_id in stale:
            remove_record(session, entity, record_id)
        removed += len(stale)
    session.execute(delete(SnapshotSeen))
    return removed


def compact_search_and_log(connection: Connection) -> None:
    """After a purge commits: merge FTS segments and empty the WAL of older page images."""
    connection.exec_driver_sql("INSERT INTO search_index(search_index) VALUES ('optimize')")
    connection.commit()
    connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.commit()


def replace_snapshots(store_path: Path | None) -> int:
    """After a purge: every snapshot of the store goes, one of the purged store takes their place.

    A snapshot is a whole copy of the store as it was, hidden values included, and
    rewriting old copies in place would need every schema they were taken with;
    the user keeps a restore point, one that holds only what the role may see.
    Returns how many snapshots were replaced.
    """
    if store_path is None:
        return 0
    old = list_snapshots(store_path)
    if not old:
        return 0
    fresh = take_snapshot(store_path, "after-purge", keep=len(old) + 1)
    for snapshot in old:
        if snapshot.path != fresh:
            snapshot.path.unlink(missing_ok=True)
    return len(old)
