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
from operator import itemgetter
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
def _wire_columns(
    table: Table,
) -> tuple[frozenset[str], tuple[tuple[str, Callable[[Any], Any]], ...]]:
    """The columns a pulled field may set, and those whose JSON form needs converting."""
    settable = [column for column in table.c if column.name not in ("id", "version")]
    return frozenset(column.name for column in settable), tuple(
        (column.name, convert)
        for column in settable
        if (convert := _converter(column.type)) is not _as_is
    )


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
    columns, convert = _wire_columns(table)
    derivation = DERIVATIONS.get(entity)
    required = _required_without_default(table)
    deleted_here = {
        record_id
        for record_id, entries in pending.items()
        if any(entry.op == "delete" for entry in entries)
    }
    rows: list[dict[str, Any]] = []
    customs: list[tuple[uuid.UUID, dict[str, Any]]] = []
    for record in records:
        if record.id in deleted_here:
            continue  # deleted here, not yet pushed: the push settles it
        # Most fields are text or numbers taken as they come: the row is a copy of
        # the fields, and only the few that need it (ids, dates) are converted.
        row: dict[str, Any] = dict(record.fields)
        others = row.keys() - columns
        if others:
            customs.append((record.id, {name: row.pop(name) for name in others}))
        row["id"] = record.id
        row["version"] = record.version
        for name, how in convert:
            value = row.get(name)
            if value is not None:
                row[name] = how(value)
        if derivation is not None:
            row.update(derivation({}, row))
        for name in required:
            if name not in row:
                # A required column the role cannot see still needs something on insert.
                row[name] = NOT_NULL_FALLBACK
        rows.append(row)
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
    found: dict[uuid.UUID, list[ChangeLog]] = defaultdict(list)
    # Usually nothing waits to be pushed (always on a first sync): one index probe.
    if session.scalar(select(ChangeLog.seq).where(*pending_filter()).limit(1)) is None:
        return found
    ids = list(record_ids)
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
        connection = session.connection()
        staged = _staged_upsert(connection.dialect, table, names)
        if staged is None:
            statement = sqlite_insert(table)
            updated = {name: statement.excluded[name] for name in names if name != "id"}
            session.execute(
                statement.on_conflict_do_update(index_elements=["id"], set_=updated), shaped
            )
            continue
        # The rows go through the driver's executemany (their bind processing done
        # here in one pass) into a temporary table, then into the table in ONE
        # statement. Upserted one statement per row, each row's search-index
        # trigger made FTS5 write a segment of its own (~130 µs a row, most of a
        # first sync); one INSERT ... SELECT fires the same triggers in a single
        # statement at a quarter of the cost.
        clear, fill, merge, order, processors = staged
        connection.exec_driver_sql(_stage_table(table))
        connection.exec_driver_sql(clear)
        connection.exec_driver_sql(fill, _driver_rows(shaped, order, processors))
        connection.exec_driver_sql(merge)
        connection.exec_driver_sql(clear)


def _stage_name(table: Table) -> str:
    return f"sync_stage_{table.name}"


@cache
def _stage_table(table: Table) -> str:
    """A temporary table with the columns (and so the type affinities) of ``table``."""
    return (
        f'CREATE TEMP TABLE IF NOT EXISTS "{_stage_name(table)}"'
        f' AS SELECT * FROM main."{table.name}" WHERE 0'
    )


@cache
def _staged_upsert(
    dialect: Dialect, table: Table, names: tuple[str, ...]
) -> tuple[str, str, str, tuple[str, ...], tuple[Callable[[Any], Any] | None, ...]] | None:
    """SQL to clear and fill the stage of ``table`` and merge it in by id, compiled once.

    Also the fill's parameters in order and each one's bind processor (None: passed
    as is); None when the insert needs a column default filled in (a column the
    rows do not hold), which is left to SQLAlchemy.
    """
    fast = _upsert_statement(dialect, table, names)
    if fast is None:
        return None
    _sql, order, processors = fast
    quote = dialect.identifier_preparer.quote
    stage = f'temp."{_stage_name(table)}"'
    columns = ", ".join(quote(name) for name in order)
    updates = ", ".join(f"{quote(name)} = excluded.{quote(name)}" for name in order if name != "id")
    action = f"DO UPDATE SET {updates}" if updates else "DO NOTHING"
    return (
        f"DELETE FROM {stage}",
        f"INSERT INTO {stage} ({columns}) VALUES ({', '.join('?' for _ in order)})",
        # WHERE true: SQLite's grammar needs it between a SELECT and ON CONFLICT.
        f"INSERT INTO main.{quote(table.name)} ({columns}) SELECT {columns} FROM {stage}"
        f" WHERE true ORDER BY rowid ON CONFLICT (id) {action}",
        order,
        processors,
    )


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
    # The dialect's own processors, as the ORM binds them (dates as SQLAlchemy's text form).
    processors = tuple(
        table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in order
    )
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
    if len(order) == 1:
        (name,), (process,) = order, processors
        return [(row[name] if process is None else process(row[name]),) for row in rows]
    # The values in order in one C call per row; only the columns with a bind
    # processor (ids, dates: a few of twenty) are then converted one by one.
    values = itemgetter(*order)
    converted = [(index, process) for index, process in enumerate(processors) if process]
    if not converted:
        return [values(row) for row in rows]
    driver_rows = []
    for row in rows:
        out = list(values(row))
        for index, process in converted:
            out[index] = process(out[index])
        driver_rows.append(tuple(out))
    return driver_rows


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
