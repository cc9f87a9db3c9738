"""A segment condition on a custom field, as a correlated EXISTS on ``custom_values``.

``record_queries.condition_clause`` checks the field, operator and value, but
writes ``contacts.id IN (SELECT record_id ...)``; on a large store SQLite then
drives the whole query from that list (one primary-key lookup per value,
seconds on 1M contacts). EXISTS probes the ``custom_values`` primary key
(record_id, field_id) once per candidate contact instead, so the selective
built-in conditions lead. The check is still ``condition_clause``'s: it runs
first, and only its SQL is replaced.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, exists, not_, select

from contactdesk.model import Contact, CustomValue
from contactdesk.services.custom_values import to_columns
from contactdesk.services.field_rules import CustomField
from contactdesk.services.field_values import coerce_value

NUMERIC = ("number", "money", "boolean")


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _stored(custom: CustomField, value: Any) -> Any:
    text, number = to_columns(custom, coerce_value(custom.as_spec(), value, custom.entity))
    return number if custom.type in NUMERIC else text


def custom_exists_clause(custom: CustomField, op: str, value: Any) -> ColumnElement[bool]:
    """Contacts whose value of ``custom`` meets ``op value`` (already validated)."""
    column: Any = CustomValue.value_number if custom.type in NUMERIC else CustomValue.value_text
    if op in ("empty", "filled"):
        test = None
    elif op == "contains":
        test = column.ilike(f"%{_escape_like(str(value))}%", escape="\\")
    elif op == "startswith":
        test = column.ilike(f"{_escape_like(str(value))}%", escape="\\")
    elif op == "in":
        test = column.in_([_stored(custom, item) for item in value])
    elif custom.type == "multi_choice":
        test = column.like(f'%"{_escape_like(str(value))}"%', escape="\\")
    else:
        stored = _stored(custom, value)
        tests = {
            "eq": column == stored,
            "ne": column == stored,
            "lt": column < stored,
            "le": column <= stored,
            "gt": column > stored,
            "ge": column >= stored,
        }
        test = tests[op]
    found = select(CustomValue.record_id).where(
        CustomValue.record_id == Contact.id, CustomValue.field_id == custom.id
    )
    if test is not None:
        found = found.where(test)
    # "is not" and "is empty" include contacts that have no value at all.
    return not_(exists(found)) if op in ("ne", "empty") else exists(found)
