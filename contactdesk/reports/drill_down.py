"""Fetching the records behind a report row, with only the fields the role may see."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import aliased

from contactdesk.reports.report_context import ReportContext
from contactdesk.reports.report_result import ANY, UNSET, DrillDown
from contactdesk.services.field_catalog import ENTITIES
from contactdesk.services.field_values import json_safe
from contactdesk.services.record_queries import TITLE_COLUMNS, label_key

DRILL_LIMIT = 500


def drill_records(
    context: ReportContext,
    entity: str,
    where: Sequence[ColumnElement[bool]],
    title: str,
    *,
    limit: int = DRILL_LIMIT,
) -> DrillDown:
    """Up to ``limit`` records of ``entity`` meeting ``where`` (in scope), and how many there are.

    ``where`` may only refer to the entity's own columns (use subqueries for
    related tables), so the projection below needs no other joins.
    """
    spec = ENTITIES[entity]
    model: Any = spec.model
    columns: list[Any] = [model.id.label("id")]
    fields: list[tuple[str, str]] = []
    joins: list[tuple[Any, Any]] = []
    for field in context.policy.visible_builtin(entity):
        if field.target is not None and field.target in TITLE_COLUMNS:
            target, title_name = TITLE_COLUMNS[field.target]
            alias: Any = aliased(target, name=f"ref_{field.name}")
            columns.append(getattr(alias, title_name).label(label_key(field.name)))
            joins.append((alias, alias.id == getattr(model, field.name)))
            fields.append((label_key(field.name), field.label))
        elif field.type != "reference":
            columns.append(getattr(model, field.name).label(field.name))
            fields.append((field.name, field.label))
    conditions = [context.scope(entity), *where]
    query = select(*columns).select_from(model)
    for alias, on in joins:
        query = query.outerjoin(alias, on)
    query = query.where(*conditions).order_by(getattr(model, spec.order_by), model.id).limit(limit)
    records = []
    for row in context.session.execute(query):
        record = {key: json_safe(value) for key, value in row._mapping.items()}
        if isinstance(row.id, uuid.UUID):
            record["id"] = str(row.id)
        records.append(record)
    total = int(context.session.scalar(select(func.count(model.id)).where(*conditions)) or 0)
    return DrillDown(entity, title, tuple(fields), records, total)


def key_match(column: Any, value: str) -> ColumnElement[bool] | None:
    """The condition a key value puts on ``column``: None for ANY, IS NULL for UNSET."""
    if value == ANY:
        return None
    if value == UNSET:
        clause: ColumnElement[bool] = column.is_(None)
        return clause
    matched: ColumnElement[bool] = column == value
    return matched


def key_conditions(pairs: Sequence[tuple[Any, str]]) -> list[ColumnElement[bool]]:
    """The conditions of several (column, key value) pairs, leaving out ANY."""
    found = [key_match(column, value) for column, value in pairs]
    return [clause for clause in found if clause is not None]


def reference_match(
    id_column: Any, target_id: Any, target_title: Any, value: str
) -> ColumnElement[bool] | None:
    """The condition a key value (a referenced record's title) puts on a reference column.

    ``reference_match(Lead.campaign_id, Campaign.id, Campaign.name, "Spring")``:
    None for ANY, IS NULL for UNSET, else ``IN (ids with that title)``.
    """
    if value == ANY:
        return None
    if value == UNSET:
        clause: ColumnElement[bool] = id_column.is_(None)
        return clause
    matched: ColumnElement[bool] = id_column.in_(select(target_id).where(target_title == value))
    return matched


def reference_conditions(
    pairs: Sequence[tuple[Any, Any, Any, str]],
) -> list[ColumnElement[bool]]:
    """``reference_match`` for several (id column, target id, target title, value), without ANY."""
    found = [reference_match(*pair) for pair in pairs]
    return [clause for clause in found if clause is not None]


def key_text(value: Any) -> str:
    """A grouped value as it appears in a row key."""
    return UNSET if value is None else str(value)
