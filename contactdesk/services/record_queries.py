"""Reading records as a role sees them: projection, scope, filters, keyset paging.

Hidden fields are never selected, so they cannot leak through a result, a sort
or a filter. Reference fields also bring the referenced record's title under the
field's name without ``_id`` (``account_id`` -> ``account``).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    String,
    Uuid,
    and_,
    bindparam,
    exists,
    func,
    or_,
    select,
    tuple_,
    type_coerce,
    union_all,
)
from sqlalchemy.orm import Session

from contactdesk.errors import AccessDenied, NotFound, ValidationError
from contactdesk.model import CustomValue, FunnelStage, Segment, User
from contactdesk.model.base import Base
from contactdesk.services.actor import Actor
from contactdesk.services.custom_values import NUMERIC_TYPES, from_columns, to_columns
from contactdesk.services.field_catalog import ENTITIES, EntitySpec, FieldSpec, entity_spec
from contactdesk.services.field_rules import (
    META_FIELDS,
    CustomField,
    Policy,
    scope_clause,
    scope_owner_branches,
)
from contactdesk.services.field_values import coerce_value
from contactdesk.services.list_positions import key_before
from contactdesk.services.policy_cache import policy_for
from contactdesk.store.local_store import Store

Record = dict[str, Any]
OPERATORS = ("eq", "ne", "lt", "le", "gt", "ge", "contains", "startswith", "in", "empty", "filled")

TITLE_COLUMNS: dict[str, tuple[type[Base], str]] = {
    "user": (User, "display_name"),
    "funnel_stage": (FunnelStage, "name"),
    "segment": (Segment, "name"),
    **{name: (spec.model, spec.title_field) for name, spec in ENTITIES.items()},
}


META_SPECS = {
    "id": FieldSpec("id", "Id", "reference"),
    "created_at": FieldSpec("created_at", "Created", "datetime"),
    "updated_at": FieldSpec("updated_at", "Updated", "datetime"),
    "version": FieldSpec("version", "Version", "integer"),
}


# The label of the sort value selected beside a page's columns (no field has it).
SORT_VALUE = "__sort_value"
# Labels of custom values in a projection (field names are not valid as labels).
CUSTOM_PREFIX = "__custom_"


@dataclass(frozen=True)
class Condition:
    """``field op value``, for filtering lists and counts. ``value`` is as a user types it."""

    field: str
    op: str = "eq"
    value: Any = None


@dataclass(frozen=True)
class Page:
    rows: list[Record]
    # Pass back as ``after`` to get the next page; None when this was the last.
    next_after: tuple[Any, str] | None


def label_key(field_name: str) -> str:
    return field_name[:-3] if field_name.endswith("_id") else f"{field_name}_label"


def _table(spec: EntitySpec) -> Any:
    return spec.model.__table__


def _column(spec: EntitySpec, name: str) -> Any:
    # Core columns, not ORM attributes: reads here need no identity map, and the
    # ORM's per-row loading costs more than the query itself.
    return _table(spec).c[name]


def _projection(spec: EntitySpec, policy: Policy) -> Any:
    """The FROM clause with the columns ``policy`` lets its role see; cached per policy."""
    cached = policy.cache.get(("projection", spec.name))
    if cached is not None:
        return cached
    table = _table(spec)
    columns: list[Any] = [_raw_ids(table.c[name]).label(name) for name in META_FIELDS]
    source: Any = table
    for field in policy.visible_builtin(spec.name):
        columns.append(_raw_ids(table.c[field.name]).label(field.name))
        if field.target is not None and field.target in TITLE_COLUMNS:
            target_model, title = TITLE_COLUMNS[field.target]
            alias: Any = target_model.__table__.alias(f"ref_{field.name}")
            columns.append(alias.c[title].label(label_key(field.name)))
            source = source.outerjoin(alias, alias.c.id == table.c[field.name])
    values: Any = CustomValue.__table__.c
    for index, custom in enumerate(policy.visible_custom(spec.name)):
        # Each custom value is a primary-key probe in the same statement: no
        # second query with the page's ids bound as a list.
        stored = values.value_number if custom.type in NUMERIC_TYPES else values.value_text
        columns.append(
            select(stored)
            .where(values.record_id == table.c.id, values.field_id == custom.id)
            .scalar_subquery()
            .label(f"{CUSTOM_PREFIX}{index}")
        )
    projection = select(*columns).select_from(source)
    policy.cache[("projection", spec.name)] = projection
    return projection


def _raw_ids(column: Any) -> Any:
    # Ids leave the service as text; reading them as text skips building a
    # uuid.UUID per cell only to turn it back into a string.
    return type_coerce(column, String) if isinstance(column.type, Uuid) else column


def _base_select(spec: EntitySpec, policy: Policy, actor: Actor) -> Select[Any]:
    query: Select[Any] = _projection(spec, policy)
    return query.where(scope_clause(spec, policy, actor))


@dataclass(frozen=True)
class _RowShape:
    """How a projected row becomes a record: which keys are ids, which are custom values."""

    id_keys: tuple[str, ...]
    # (column label, field) of each custom value selected by the projection.
    customs: tuple[tuple[str, CustomField], ...]


def _to_record(row: Any, shape: _RowShape) -> Record:
    return _to_records([row], list(row._fields), shape)[0]


def _read_records(
    session: Session, query: Any, shape: _RowShape, values: dict[str, Any] | None = None
) -> list[Record]:
    result = session.execute(query, values)
    return _to_records(result.all(), list(result.keys()), shape)


def _to_records(rows: Sequence[Any], keys: list[str], shape: _RowShape) -> list[Record]:
    """Rows as records: ids dashed, custom values typed. Keys are zipped once per
    row (``row._mapping`` per row cost more than the query on a 100-row page)."""
    records = [dict(zip(keys, row, strict=True)) for row in rows]
    for key in shape.id_keys:
        for record in records:
            value = record[key]
            if value.__class__ is str and len(value) == 32:
                v = value
                record[key] = f"{v[:8]}-{v[8:12]}-{v[12:16]}-{v[16:20]}-{v[20:]}"
            elif isinstance(value, uuid.UUID):
                record[key] = str(value)
    for label, custom in shape.customs:
        numeric = custom.type in NUMERIC_TYPES
        for record in records:
            stored = record.pop(label)
            record[custom.name] = (
                from_columns(custom, None, stored)
                if numeric
                else from_columns(custom, stored, None)
            )
    return records


def _row_shape(spec: EntitySpec, policy: Policy) -> _RowShape:
    cached = policy.cache.get(("row_shape", spec.name))
    if cached is None:
        references = policy.visible_builtin(spec.name)
        cached = _RowShape(
            ("id", *(f.name for f in references if f.type in ("reference", "stage"))),
            tuple(
                (f"{CUSTOM_PREFIX}{index}", custom)
                for index, custom in enumerate(policy.visible_custom(spec.name))
            ),
        )
        policy.cache[("row_shape", spec.name)] = cached
    shape: _RowShape = cached
    return shape


def condition_clause(
    spec: EntitySpec, policy: Policy, condition: Condition, *, fold_case: bool = False
) -> ColumnElement[bool]:
    """SQL for one condition, after checking the role may see (and so filter by) the field.

    ``fold_case``: "is", "is not" and "is one of" on free text ignore case ("north"
    finds "North"), as "contains" and "starts with" always do (segments ask for it).
    """
    if condition.op not in OPERATORS:
        raise ValidationError(condition.field, f"unknown operator {condition.op!r}")
    policy.require_visible(spec.name, condition.field)
    if condition.field in spec.by_name or condition.field in META_FIELDS:
        field_spec = spec.by_name.get(condition.field) or META_SPECS[condition.field]
        column = _column(spec, condition.field)
        typed = _typed(spec, field_spec, condition)
        if fold_case and field_spec.type in FREE_TEXT_TYPES and condition.op in FOLDED_OPS:
            return _folded(column, condition.op, typed)
        return _compare(column, condition, typed)
    custom = policy.custom_by_name(spec.name, condition.field)
    if custom is None:
        raise ValidationError(f"{spec.name}.{condition.field}", "no such field")
    clause: ColumnElement[bool] = _custom_clause(spec, custom, condition, fold_case)
    return clause


# Types typed freely (not picked from a list): their "is" may ignore case.
FREE_TEXT_TYPES = ("text", "longtext", "email", "phone", "url")
FOLDED_OPS = ("eq", "ne", "in")


def _case_variants(values: Sequence[Any]) -> list[str]:
    """Spellings of ``values`` to compare under SQLite's NOCASE collation.

    NOCASE folds ASCII letters only; the lower, upper, capitalised and title-cased
    spellings cover a non-ASCII capital too ("österreich" finds "Österreich").
    Compared as ``column COLLATE NOCASE IN (...)``, a NOCASE index still serves.
    """
    found: dict[str, None] = {}
    for value in values:
        if value is None:
            continue
        text = str(value)
        for spelling in (text, text.lower(), text.upper(), text.capitalize(), text.title()):
            found.setdefault(spelling, None)
    return list(found)


def _folded(column: Any, op: str, value: Any) -> ColumnElement[bool]:
    spellings = _case_variants(value if op == "in" else [value])
    matches: ColumnElement[bool] = column.collate("NOCASE").in_(spellings)
    if op == "ne":
        return or_(~matches, column.is_(None))
    return matches


def _typed(spec: EntitySpec, field: FieldSpec, condition: Condition) -> Any:
    if condition.op in ("empty", "filled"):
        return None
    if condition.op in ("contains", "startswith"):
        return str(condition.value)
    if condition.op == "in":
        return [coerce_value(field, v, spec.name) for v in condition.value]
    if field.type in ("stage", "reference"):
        return coerce_value(
            FieldSpec(field.name, field.label, "reference"), condition.value, spec.name
        )
    if field.type == "multi_choice":
        return str(condition.value)
    return coerce_value(field, condition.value, spec.name)


def _compare(column: Any, condition: Condition, value: Any) -> ColumnElement[bool]:
    op = condition.op
    if op == "empty":
        return column.is_(None)  # type: ignore[no-any-return]
    if op == "filled":
        return column.is_not(None)  # type: ignore[no-any-return]
    if op == "contains":
        return column.ilike(f"%{_escape_like(value)}%", escape="\\")  # type: ignore[no-any-return]
    if op == "startswith":
        return column.ilike(f"{_escape_like(value)}%", escape="\\")  # type: ignore[no-any-return]
    if op == "in":
        return column.in_(value)  # type: ignore[no-any-return]
    comparisons = {
        "eq": column == value,
        "ne": or_(column != value, column.is_(None)),
        "lt": column < value,
        "le": column <= value,
        "gt": column > value,
        "ge": column >= value,
    }
    chosen: ColumnElement[bool] = comparisons[op]
    return chosen


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _custom_clause(
    spec: EntitySpec, custom: CustomField, condition: Condition, fold_case: bool = False
) -> Any:
    # A correlated EXISTS probes custom_values' primary key (record_id, field_id)
    # once per candidate record, so the other, more selective conditions lead.
    # ``id IN (SELECT record_id ...)`` made SQLite build the whole list of
    # matching values first (300,000 ids for "loyalty >= 7" on 1M contacts).
    model: Any = _table(spec).c
    values: Any = CustomValue.__table__.c
    field_spec = custom.as_spec()
    is_number = custom.type in ("number", "money", "boolean")
    stored_column: Any = values.value_number if is_number else values.value_text
    found = select(values.record_id).where(
        values.record_id == model.id, values.field_id == custom.id
    )
    if condition.op == "empty":
        return ~exists(found)
    if condition.op == "filled":
        return exists(found)
    if condition.op in ("contains", "startswith"):
        clause = _compare(stored_column, condition, str(condition.value))
    elif fold_case and custom.type in FREE_TEXT_TYPES and condition.op in FOLDED_OPS:
        wanted = condition.value if condition.op == "in" else [condition.value]
        spelled = stored_column.collate("NOCASE").in_(_case_variants(wanted))
        if condition.op == "ne":
            # "is not X" includes records with no value at all.
            return ~exists(found.where(spelled))
        clause = spelled
    elif condition.op == "in":
        stored = [
            to_columns(custom, coerce_value(field_spec, v, spec.name)) for v in condition.value
        ]
        clause = stored_column.in_([number if is_number else text for text, number in stored])
    elif custom.type == "multi_choice":
        clause = stored_column.like(f'%"{_escape_like(str(condition.value))}"%', escape="\\")
    else:
        text, number = to_columns(custom, coerce_value(field_spec, condition.value, spec.name))
        stored_value = number if is_number else text
        if condition.op == "ne":
            # "is not X" includes records with no value at all.
            return ~exists(found.where(stored_column == stored_value))
        clause = _compare(stored_column, condition, stored_value)
    return exists(found.where(clause))


def _filters(spec: EntitySpec, policy: Policy, where: Sequence[Condition]) -> list[Any]:
    return [condition_clause(spec, policy, condition) for condition in where]


def _sort_column(spec: EntitySpec, policy: Policy, sort: str | None) -> Any:
    if sort is None:
        return _column(spec, spec.order_by)
    if sort not in spec.by_name and sort not in META_FIELDS:
        raise ValidationError(f"{spec.name}.{sort}", "cannot sort by this field")
    policy.require_visible(spec.name, sort)
    return _column(spec, sort)


def get_record(store: Store, actor: Actor, entity: str, record_id: uuid.UUID | str) -> Record:
    """One record as ``actor`` sees it. NotFound if missing or outside the actor's scope."""
    spec = entity_spec(entity)
    key = _parse(spec, record_id)
    with store.reading() as session:
        policy = policy_for(store, session, actor.role)
        id_column = _column(spec, "id")
        row = session.execute(_base_select(spec, policy, actor).where(id_column == key)).first()
        if row is None:
            raise NotFound(f"no {entity} with id {key} that {actor.username} may see")
        return _to_record(row, _row_shape(spec, policy))


def matching_query(policy: Policy, entity: str, ids: Any) -> Any:
    """The records (as ``policy`` shows them) whose id the subquery ``ids`` selects.

    ``ids`` applies the actor's scope and its own limit (search builds it, with
    bound parameters, once per role and actor).
    """
    spec = entity_spec(entity)
    model: Any = _table(spec).c
    # Sorted by the caller, not by ORDER BY: with one, SQLite may walk the whole
    # sort index testing each row against the id list instead of looking ids up.
    return (
        _projection(spec, policy)
        .add_columns(_column(spec, spec.order_by).label(SORT_VALUE))
        .where(model.id.in_(ids))
    )


def records_matching(
    session: Session,
    policy: Policy,
    entity: str,
    query: Any,
    values: dict[str, Any],
    limit: int,
) -> list[Record]:
    """Run a ``matching_query`` with ``values``: its first ``limit`` records in list order."""
    shape = _row_shape(entity_spec(entity), policy)
    result = session.execute(query, values)
    records = _to_records(result.all(), list(result.keys()), shape)
    records.sort(key=_list_order)
    for record in records[:limit]:
        del record[SORT_VALUE]
    return records[:limit]


def _list_order(record: Record) -> tuple[bool, Any, str]:
    value = record[SORT_VALUE]
    return (value is not None, value if value is not None else "", record["id"])


def page_records(
    store: Store,
    actor: Actor,
    entity: str,
    *,
    after: tuple[Any, str] | None = None,
    offset: int | None = None,
    limit: int = 100,
    sort: str | None = None,
    where: Sequence[Condition] = (),
) -> Page:
    """A page of records in sort order, continuing ``after`` the last one seen.

    Keyset paging: the cost of a page does not grow with how far into the list it
    is. ``offset`` jumps to a row position (for scroll-bar jumps) and pages on
    from there by key.
    """
    spec = entity_spec(entity)
    if limit < 1 or limit > 10_000:
        raise ValidationError("limit", "must be between 1 and 10000")
    with store.reading() as session:
        policy = policy_for(store, session, actor.role)
        model: Any = _table(spec).c
        sort_column = _sort_column(spec, policy, sort)
        if not offset and _one_range(spec, policy, sort):
            return _keyset_page(session, policy, spec, actor, sort, where, after, limit)
        conditions = [scope_clause(spec, policy, actor), *_filters(spec, policy, where)]
        if _nullable(spec, sort or spec.order_by):
            ordering = [sort_column.is_not(None), sort_column, model.id]
        else:
            ordering = [sort_column, model.id]
        if after is not None:
            conditions.append(_after_clause(sort_column, model.id, after, spec))
        if offset:
            # Find the row before the jump target on the (covering) index, from
            # the nearest anchor of the list's position index, then page on by
            # key: OFFSET over the full projection would join every skipped row.
            anchor = _key_before(
                store,
                session,
                spec,
                policy,
                actor,
                sort,
                where,
                offset,
                conditions,
                ordering,
                sort_column,
            )
            if anchor is None:
                return Page([], None)
            conditions.append(_after_clause(sort_column, model.id, anchor, spec))
        branches = None if offset else scope_owner_branches(session, spec, policy, actor)
        if branches:
            # The branches apply scope, filters and position; the outer query
            # only fetches and orders their few ids.
            ids = _branch_ids(spec, conditions[1:], branches, ordering, limit)
            conditions = [model.id.in_(ids)]
        # The sort value rides along (the role may not see the sort key) so the
        # next page's key needs no second query.
        query = (
            _projection(spec, policy)
            .add_columns(sort_column.label(SORT_VALUE))
            .where(*conditions)
            .order_by(*ordering)
            .limit(limit + 1)
        )
        shape = _row_shape(spec, policy)
        rows = _read_records(session, query, shape)
        more = len(rows) > limit
        rows = rows[:limit]
        sort_values = [row.pop(SORT_VALUE) for row in rows]
        next_after = (sort_values[-1], rows[-1]["id"]) if more and rows else None
        return Page(rows, next_after)


def _one_range(spec: EntitySpec, policy: Policy, sort: str | None) -> bool:
    """Whether a page is one range of a (sort, id) order: no owner branches, no NULL sorts."""
    unscoped = spec.owner_field is None or policy.scope == "all"
    return unscoped and not _nullable(spec, sort or spec.order_by)


# (id(policy), entity, sort, actor, filters, continues) -> (policy, statement).
# The statement of a list is built once with bound parameters: building and
# keying a fresh one per page cost more than SQLite's work for 100 rows.
_PAGE_STATEMENTS: dict[tuple[Any, ...], tuple[Policy, Any]] = {}
PAGE_STATEMENT_CACHE_SIZE = 64


def _keyset_page(
    session: Session,
    policy: Policy,
    spec: EntitySpec,
    actor: Actor,
    sort: str | None,
    where: Sequence[Condition],
    after: tuple[Any, str] | None,
    limit: int,
) -> Page:
    sort_column = _sort_column(spec, policy, sort)
    key = (id(policy), spec.name, sort, actor, repr(where), after is not None)
    cached = _PAGE_STATEMENTS.get(key)
    if cached is not None and cached[0] is policy:
        query = cached[1]
    else:
        model: Any = _table(spec).c
        conditions = [scope_clause(spec, policy, actor), *_filters(spec, policy, where)]
        if after is not None:
            after_key = tuple_(
                bindparam("after_sort", type_=sort_column.type), bindparam("after_id", type_=Uuid())
            )
            conditions.append(tuple_(sort_column, model.id) > after_key)
        query = (
            _projection(spec, policy)
            .add_columns(sort_column.label(SORT_VALUE))
            .where(*conditions)
            .order_by(sort_column, model.id)
            .limit(bindparam("limit", type_=Integer()))
        )
        if len(_PAGE_STATEMENTS) >= PAGE_STATEMENT_CACHE_SIZE:
            _PAGE_STATEMENTS.clear()
        _PAGE_STATEMENTS[key] = (policy, query)
    values: dict[str, Any] = {"limit": limit + 1}
    if after is not None:
        value, last_id = after
        if isinstance(sort_column.type, Uuid) and isinstance(value, str):
            value = uuid.UUID(value)
        values["after_sort"] = value
        values["after_id"] = last_id if isinstance(last_id, uuid.UUID) else _parse(spec, last_id)
    rows = _read_records(session, query, _row_shape(spec, policy), values)
    more = len(rows) > limit
    rows = rows[:limit]
    sort_values = [row.pop(SORT_VALUE) for row in rows]
    next_after = (sort_values[-1], rows[-1]["id"]) if more and rows else None
    return Page(rows, next_after)


def _key_before(
    store: Store,
    session: Session,
    spec: EntitySpec,
    policy: Policy,
    actor: Actor,
    sort: str | None,
    where: Sequence[Condition],
    offset: int,
    conditions: list[Any],
    ordering: list[Any],
    sort_column: Any,
) -> tuple[Any, Any] | None:
    """(sort value, id) of the row just before position ``offset`` of this list."""
    id_column = _column(spec, "id")

    def read_key(after: tuple[Any, Any] | None, skip: int) -> tuple[Any, Any] | None:
        bounds = list(conditions)
        if after is not None:
            bounds.append(_after_clause(sort_column, id_column, after, spec))
        row = session.execute(
            select(sort_column, _raw_ids(id_column))
            .select_from(_table(spec))
            .where(*bounds)
            .order_by(*ordering)
            .limit(1)
            .offset(skip)
        ).first()
        return None if row is None else (row[0], row[1])

    # The list's shape: what decides its rows and their order.
    shape = (spec.name, sort, policy.scope, actor.user_id, actor.team, repr(where))
    return key_before(store, session, spec.name, shape, offset, read_key)


def _branch_ids(
    spec: EntitySpec,
    conditions: list[Any],
    branches: list[ColumnElement[bool]],
    ordering: list[Any],
    limit: int,
) -> Any:
    """Ids of the next page, read as the union of one index range per owner."""
    parts = [
        select(_column(spec, "id"))
        .where(*conditions, branch)
        .order_by(*ordering)
        .limit(limit + 1)
        .subquery()
        for branch in branches
    ]
    return union_all(*(select(part.c.id) for part in parts))


def _after_clause(
    sort_column: Any, id_column: Any, after: tuple[Any, Any], spec: EntitySpec
) -> ColumnElement[bool]:
    """Rows strictly after (value, id) in (sort, id) order, nulls first."""
    value, last_id = after
    key = last_id if isinstance(last_id, uuid.UUID) else _parse(spec, last_id)
    if isinstance(sort_column.type, Uuid) and isinstance(value, str):
        value = uuid.UUID(value)
    if value is None:
        clause: ColumnElement[bool] = or_(
            sort_column.is_not(None), and_(sort_column.is_(None), id_column > key)
        )
    else:
        # A row value, not "sort > v OR (sort = v AND id > k)": SQLite seeks a
        # (sort, id) index to the row value, where the OR form scans the index
        # from its first entry (a next page at row 900,000 read 900,000 entries).
        clause = tuple_(sort_column, id_column) > tuple_(value, key)
    return clause


def _nullable(spec: EntitySpec, name: str) -> bool:
    table: Any = spec.model.__table__
    return bool(table.c[name].nullable)


def count_records(store: Store, actor: Actor, entity: str, where: Sequence[Condition] = ()) -> int:
    """How many records ``actor`` may see that meet every condition in ``where``."""
    spec = entity_spec(entity)
    with store.reading() as session:
        policy = policy_for(store, session, actor.role)
        query = (
            select(func.count())
            .select_from(_table(spec))
            .where(scope_clause(spec, policy, actor))
            .where(*_filters(spec, policy, where))
        )
        return int(session.scalar(query) or 0)


def visible_fields(store: Store, actor: Actor, entity: str) -> list[FieldSpec]:
    """The fields of ``entity`` the actor's role may see, built-in then custom, in order."""
    spec = entity_spec(entity)
    with store.reading() as session:
        policy = policy_for(store, session, actor.role)
        return policy.visible_builtin(spec.name) + [
            custom.as_spec() for custom in policy.visible_custom(spec.name)
        ]


def editable_fields(store: Store, actor: Actor, entity: str) -> set[str]:
    """Names of the fields of ``entity`` the actor's role may edit."""
    with store.reading() as session:
        policy = policy_for(store, session, actor.role)
        return {
            name for name in policy.visible_field_names(entity) if policy.can_edit(entity, name)
        }


def _parse(spec: EntitySpec, record_id: uuid.UUID | str) -> uuid.UUID:
    if isinstance(record_id, uuid.UUID):
        return record_id
    try:
        return uuid.UUID(str(record_id))
    except ValueError:
        raise NotFound(f"{record_id!r} is not a {spec.name} id") from None


__all__ = [
    "AccessDenied",
    "Condition",
    "Page",
    "Record",
    "count_records",
    "editable_fields",
    "get_record",
    "matching_query",
    "page_records",
    "records_matching",
    "visible_fields",
]
