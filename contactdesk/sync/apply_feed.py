"""Applying a pulled page: the server's state of each record, written straight to the store.

The server is the authority, so records are written directly (no unit of
work, no change-log rows: what came from the server is not an outbox entry).
Inserts and updates go through plain SQL on the tables, so the FTS triggers
keep the search index in step. Local edits still waiting in the outbox are
replayed on top of what arrived, so the user keeps seeing them until they are
pushed. The caller runs all of it, and the cursor update, in one transaction.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Dialect,
    Float,
    Integer,
    Table,
    Uuid,
    bindparam,
    delete,
    select,
)
from sqlalchemy import update as sql_update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from contactdesk.model import ChangeLog, CustomValue, RemoteChange, SnapshotSeen
from contactdesk.model.base import Base
from contactdesk.services.custom_values import write_value
from contactdesk.services.field_catalog import ENTITIES
from contactdesk.services.field_rules import Policy, load_policy
from contactdesk.services.governance_records import GOVERNANCE_MODELS
from contactdesk.services.record_derivations import DERIVATIONS
from contactdesk.sync.sync_state import pending_filter
from contactdesk.sync_protocol import FeedRecord

# The store seeds its own defaults under its own ids; a governance row from
# the server takes over the local row with the same natural key.
NATURAL_KEYS: dict[str, tuple[str, ...]] = {
    "role": ("name",),
    "user": ("username",),
    "field_definition": ("entity", "name"),
    "field_rule": ("role_id", "field_id"),
    "funnel_stage": ("name",),
    "setting": ("key",),
}
GOVERNANCE_ORDER = ("role", "field_definition", "funnel_stage", "setting", "user", "field_rule")
# Derived columns every insert needs and the feed does not carry.
NOT_NULL_FALLBACK = ""


@dataclass
class PageResult:
    """What applying one page did."""

    applied: int = 0
    deleted: int = 0
    purged: int = 0
    governance_changed: bool = False


def table_of(entity: str) -> Table:
    if entity in GOVERNANCE_MODELS:
        table = GOVERNANCE_MODELS[entity].__table__
    else:
        table = ENTITIES[entity].model.__table__
    assert isinstance(table, Table)
    return table


def column_value(table: Table, name: str, value: Any) -> Any:
    """The Python value for column ``name`` of ``table`` from its JSON form on the wire."""
    if value is None:
        return None
    return _converters(table)[name](value)


def _moment(value: Any) -> datetime:
    moment = datetime.fromisoformat(str(value))
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def _day(value: Any) -> date:
    return date.fromisoformat(str(value)[:10])


def _integer(value: Any) -> Any:
    return value if isinstance(value, bool) else int(value)


def _as_is(value: Any) -> Any:
    return value


def _uuid(value: Any) -> uuid.UUID:
    return uuid.UUID(str(value))


def _converter(kind: Any) -> Callable[[Any], Any]:
    if isinstance(kind, Uuid):
        return _uuid
    if isinstance(kind, DateTime) or type(kind).__name__ == "UtcDateTime":
        return _moment
    if isinstance(kind, Date):
        return _day
    if isinstance(kind, Boolean):
        return bool
    if isinstance(kind, Integer):
        return _integer
    if isinstance(kind, Float):
        return float
    return _as_is


@cache
def _converters(table: Table) -> dict[str, Callable[[Any], Any]]:
    """Per column of ``table``, how its JSON form becomes a Python value (worked out once)."""
    return {column.name: _converter(column.type) for column in table.c}


@cache
def _column_names(table: Table) -> frozenset[str]:
    return frozenset(column.name for column in table.c)


def apply_page(
    session: Session, records: list[FeedRecord], role: str, *, snapshot: bool
) -> PageResult:
    """Write one page of feed records into the store (in the caller's transaction).

    Governance records go first (a page may bring a new custom field and its
    values together); the caller must forget cached policies after commit when
    ``governance_changed``. With ``snapshot`` every delivered id is remembered
    so that the end of a resync can purge what was not delivered.
    """
    result = PageResult()
    # Rules refer to roles and fields by id: those must have their server ids first.
    governance = sorted(
        (r for r in records if r.entity in GOVERNANCE_MODELS),
        key=lambda r: GOVERNANCE_ORDER.index(r.entity),
    )
    data = [r for r in records if r.entity in ENTITIES]
    if governance:
        _apply_governance(session, governance)
        result.governance_changed = True
    policy = load_policy(session, role)
    pending = _pending_by_record(session, [r.id for r in data])
    upserts: dict[str, list[FeedRecord]] = defaultdict(list)
    removals: list[FeedRecord] = []
    for record in data:
        if record.action == "upsert":
            upserts[record.entity].append(record)
        else:
            removals.append(record)
    for entity, batch in upserts.items():
        _upsert(session, policy, entity, batch, pending)
        result.applied += len(batch)
    for record in removals:
        remove_record(session, record.entity, record.id)
        if record.action == "purge":
            result.purged += 1
        else:
            result.deleted += 1
    if snapshot and records:
        seen = [{"record_id": r.id} for r in records if r.action == "upsert"]
        if seen:
            session.execute(
                sqlite_insert(SnapshotSeen).on_conflict_do_nothing(),
                seen,
            )
    replay_pending(session, policy, pending)
    return result


# -- data records ---------------------------------------------------------


def _upsert(
    session: Session,
    policy: Policy,
    entity: str,
    records: list[FeedRecord],
    pending: dict[uuid.UUID, list[ChangeLog]],
) -> None:
    table = table_of(entity)
    names = _column_names(table)
    convert = _converters(table)
    derivation = DERIVATIONS.get(entity)
    rows: list[dict[str, Any]] = []
    customs: list[tuple[uuid.UUID, dict[str, Any]]] = []
    for record in records:
        if any(entry.op == "delete" for entry in pending.get(record.id, [])):
            continue  # deleted here, not yet pushed: the push settles it
        row: dict[str, Any] = {"id": record.id, "version": record.version}
        extra: dict[str, Any] = {}
        for name, value in record.fields.items():
            if name in names and name not in ("id", "version"):
                row[name] = None if value is None else convert[name](value)
            else:
                extra[name] = value
        if derivation is not None:
            row.update(derivation({}, row))
        _fill_not_null(table, row)
        rows.append(row)
        if extra:
            customs.append((record.id, extra))
    _upsert_rows(session, table, rows)
    for record_id, values in customs:
        for name, value in values.items():
            custom = policy.custom_by_name(entity, name)
            if custom is not None:
                write_value(session, record_id, custom, _custom_value(custom.type, value))


def _fill_not_null(table: Table, row: dict[str, Any]) -> None:
    """A required column the role cannot see still needs something in it on insert."""
    for name in _required_without_default(table):
        if name not in row:
            row[name] = NOT_NULL_FALLBACK


@cache
def _required_without_default(table: Table) -> tuple[str, ...]:
    return tuple(
        column.name
        for column in table.c
        if not column.nullable
        and not column.primary_key
        and column.default is None
        and column.server_default is None
        # A reference: left to the insert to refuse, never invented.
        and not isinstance(column.type, Uuid)
    )


def _custom_value(kind: str, value: Any) -> Any:
    if value is None:
        return None
    if kind == "date":
        return date.fromisoformat(str(value)[:10])
    return value


def remove_record(session: Session, entity: str, record_id: uuid.UUID) -> None:
    """Delete one record, its custom values and its history from other devices.

    Writes no change-log entry: the server, not this device, removed it.
    """
    table = table_of(entity)
    session.execute(delete(table).where(table.c.id == record_id))
    session.execute(delete(CustomValue).where(CustomValue.record_id == record_id))
    session.execute(delete(RemoteChange).where(RemoteChange.record_id == record_id))


def write_server_values(
    session: Session, policy: Policy, entity: str, record_id: uuid.UUID, values: dict[str, Any]
) -> None:
    """Set fields of one record to the server's (JSON) values, with no change-log entry."""
    table = table_of(entity)
    builtin = {
        name: column_value(table, name, value)
        for name, value in values.items()
        if name in table.c and name not in ("id", "version")
    }
    if builtin:
        derivation = DERIVATIONS.get(entity)
        if derivation is not None:
            current = session.execute(select(table).where(table.c.id == record_id)).mappings()
            row = current.first()
            if row is not None:
                builtin.update(derivation(dict(row), builtin))
        session.execute(sql_update(table).where(table.c.id == record_id).values(builtin))
    for name, value in values.items():
        custom = policy.custom_by_name(entity, name)
        if custom is not None and name not in table.c:
            write_value(session, record_id, custom, _custom_value(custom.type, value))


def set_version(session: Session, entity: str, record_id: uuid.UUID, version: int) -> None:
    """Record the server version a record is now at (never moving it backwards)."""
    table = table_of(entity)
    session.execute(
        sql_update(table)
        .where(table.c.id == record_id, table.c.version < version)
        .values(version=version)
    )


# -- pending local edits --------------------------------------------------


def _pending_by_record(
    session: Session, record_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, list[ChangeLog]]:
    ids = list(record_ids)
    found: dict[uuid.UUID, list[ChangeLog]] = defaultdict(list)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for entry in session.scalars(
            select(ChangeLog)
            .where(*pending_filter(), ChangeLog.record_id.in_(chunk))
            .order_by(ChangeLog.seq)
        ):
            found[entry.record_id].append(entry)
    return found


def replay_pending(
    session: Session, policy: Policy, pending: dict[uuid.UUID, list[ChangeLog]]
) -> None:
    """Put local edits not yet pushed back on top of the server's state of their records."""
    for record_id, entries in pending.items():
        for entry in entries:
            if entry.op == "delete":
                remove_record(session, entry.entity, record_id)
                continue
            values = {name: pair[1] for name, pair in entry.fields.items()}
            table = table_of(entry.entity)
            exists = session.scalar(select(table.c.id).where(table.c.id == record_id))
            if exists is not None:
                write_server_values(session, policy, entry.entity, record_id, values)


# -- governance -----------------------------------------------------------


def _apply_governance(session: Session, records: list[FeedRecord]) -> None:
    """Write governance records entity by entity, taking over locally seeded rows."""
    for entity in GOVERNANCE_ORDER:
        batch = [record for record in records if record.entity == entity]
        if not batch:
            continue
        table = table_of(entity)
        removed = [record.id for record in batch if record.action != "upsert"]
        if removed:
            session.execute(delete(table).where(table.c.id.in_(removed)))
        key = NATURAL_KEYS[entity]
        local = {
            tuple(found[1:]): found[0]
            for found in session.execute(select(table.c.id, *(table.c[name] for name in key)))
        }
        held = set(local.values())
        renames: dict[uuid.UUID, uuid.UUID] = {}
        duplicates: list[uuid.UUID] = []
        rows: list[dict[str, Any]] = []
        for record in batch:
            if record.action != "upsert":
                continue
            row = {
                name: column_value(table, name, value)
                for name, value in record.fields.items()
                if name in table.c and name not in ("id", "version")
            }
            local_id = local.get(tuple(row.get(name) for name in key))
            if local_id is not None and local_id != record.id:
                # Both exist when a rename crossed a seed: the local duplicate goes.
                if record.id in held:
                    duplicates.append(local_id)
                else:
                    renames[local_id] = record.id
            row.update({"id": record.id, "version": record.version})
            _fill_not_null(table, row)
            rows.append(row)
        if duplicates:
            session.execute(delete(table).where(table.c.id.in_(duplicates)))
        _rekey(session, table, renames)
        _upsert_rows(session, table, rows)


def _upsert_rows(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert or overwrite rows by id, one statement per shape of row."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[tuple(sorted(row))].append(row)
    for names, shaped in groups.items():
        fast = _upsert_statement(session.connection().dialect, table, names)
        if fast is None:
            statement = sqlite_insert(table)
            updated = {name: statement.excluded[name] for name in names if name != "id"}
            session.execute(
                statement.on_conflict_do_update(index_elements=["id"], set_=updated), shaped
            )
            continue
        sql, order, processors = fast
        # The driver's executemany, with the column types' own bind processing done
        # here in one pass: a page is thousands of rows, and SQLAlchemy's per-row
        # parameter handling cost about as much as the insert itself.
        session.connection().exec_driver_sql(sql, _driver_rows(shaped, order, processors))


@cache
def _upsert_statement(
    dialect: Dialect, table: Table, names: tuple[str, ...]
) -> tuple[str, tuple[str, ...], tuple[Callable[[Any], Any] | None, ...]] | None:
    """An insert-or-overwrite by id of rows holding ``names``, compiled once.

    Its SQL, its parameters in order and each one's bind processor (None: passed
    as is); None when the insert needs a column default filled in (a column the
    rows do not hold), which is left to SQLAlchemy.
    """
    statement = sqlite_insert(table)
    updated = {name: statement.excluded[name] for name in names if name != "id"}
    return _driver_form(
        dialect, table, names, statement.on_conflict_do_update(index_elements=["id"], set_=updated)
    )


@cache
def _insert_new_statement(
    dialect: Dialect, table: Table, names: tuple[str, ...]
) -> tuple[str, tuple[str, ...], tuple[Callable[[Any], Any] | None, ...]] | None:
    """``_upsert_statement`` for an insert that leaves rows already there alone."""
    return _driver_form(dialect, table, names, sqlite_insert(table).on_conflict_do_nothing())


def _driver_form(
    dialect: Dialect, table: Table, names: tuple[str, ...], statement: Any
) -> tuple[str, tuple[str, ...], tuple[Callable[[Any], Any] | None, ...]] | None:
    compiled = statement.compile(dialect=dialect, column_keys=list(names))
    order = tuple(compiled.positiontup or ())
    if sorted(order) != sorted(names):
        return None
    processors = tuple(table.c[name].type.bind_processor(dialect) for name in order)
    return compiled.string, order, processors


def insert_new_rows(session: Session, table: Table, rows: list[dict[str, Any]]) -> int:
    """Insert ``rows`` (all with the same keys), skipping any whose key is taken; returns how
    many were inserted. Through the driver's executemany, like a pulled page."""
    if not rows:
        return 0
    names = tuple(sorted(rows[0]))
    fast = _insert_new_statement(session.connection().dialect, table, names)
    if fast is None:
        outcome = session.connection().execute(sqlite_insert(table).on_conflict_do_nothing(), rows)
        return max(outcome.rowcount, 0)
    sql, order, processors = fast
    cursor = session.connection().exec_driver_sql(sql, _driver_rows(rows, order, processors))
    return max(cursor.rowcount, 0)


def _driver_rows(
    rows: list[dict[str, Any]],
    order: tuple[str, ...],
    processors: tuple[Callable[[Any], Any] | None, ...],
) -> list[tuple[Any, ...]]:
    return [
        tuple(
            row[name] if process is None else process(row[name])
            for name, process in zip(order, processors, strict=True)
        )
        for row in rows
    ]


def _rekey(session: Session, table: Table, renames: dict[uuid.UUID, uuid.UUID]) -> None:
    """Give locally seeded rows the server's ids, and every reference to them too."""
    if not renames:
        return
    pairs = [{"old": old, "new": new} for old, new in renames.items()]
    references = [
        (other, foreign_key.parent)
        for other in Base.metadata.sorted_tables
        for foreign_key in other.foreign_keys
        if foreign_key.column.table is table
    ]
    if table.name == "field_definitions":
        references.append((table_of_custom_values(), table_of_custom_values().c.field_id))
    for other, column in references:
        session.execute(
            sql_update(other)
            .where(column == bindparam("old"))
            .values({column.name: bindparam("new")})
            .execution_options(synchronize_session=False),
            pairs,
        )
    session.execute(
        sql_update(table)
        .where(table.c.id == bindparam("old"))
        .values(id=bindparam("new"))
        .execution_options(synchronize_session=False),
        pairs,
    )


def table_of_custom_values() -> Table:
    table = CustomValue.__table__
    assert isinstance(table, Table)
    return table
