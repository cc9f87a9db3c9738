"""Reading and writing custom field values in their narrow typed table."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from contactdesk.model import CustomValue
from contactdesk.services.field_rules import CustomField

NUMERIC_TYPES = ("number", "money", "boolean")


def to_columns(custom: CustomField, value: Any) -> tuple[str | None, float | None]:
    """(value_text, value_number) for a coerced value of ``custom``."""
    if value is None:
        return None, None
    if custom.type in NUMERIC_TYPES:
        return None, float(value)
    if custom.type == "date":
        return value.isoformat() if isinstance(value, date) else str(value), None
    if custom.type == "multi_choice":
        return json.dumps(list(value), ensure_ascii=False), None
    return str(value), None


def from_columns(custom: CustomField, text: str | None, number: float | None) -> Any:
    """The Python value of a stored custom value."""
    if custom.type == "boolean":
        return None if number is None else bool(number)
    if custom.type in ("number", "money"):
        return number
    if text is None:
        return None
    if custom.type == "date":
        return date.fromisoformat(text)
    if custom.type == "multi_choice":
        loaded: list[str] = json.loads(text)
        return loaded
    return text


def write_value(session: Session, record_id: uuid.UUID, custom: CustomField, value: Any) -> None:
    """Store (or clear, for None) one custom value."""
    session.execute(
        delete(CustomValue).where(
            CustomValue.record_id == record_id, CustomValue.field_id == custom.id
        )
    )
    text, number = to_columns(custom, value)
    if text is None and number is None:
        return
    session.add(
        CustomValue(record_id=record_id, field_id=custom.id, value_text=text, value_number=number)
    )


def read_values(
    session: Session, record_ids: Iterable[uuid.UUID], fields: list[CustomField]
) -> dict[uuid.UUID, dict[str, Any]]:
    """Custom values of ``fields`` for each record id: {record_id: {name: value}}."""
    ids = list(record_ids)
    if not ids or not fields:
        return {}
    by_id = {custom.id: custom for custom in fields}
    found: dict[uuid.UUID, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):
        rows = session.execute(
            select(
                CustomValue.record_id,
                CustomValue.field_id,
                CustomValue.value_text,
                CustomValue.value_number,
            ).where(
                CustomValue.record_id.in_(ids[start : start + 500]),
                CustomValue.field_id.in_(list(by_id)),
            )
        )
        for record_id, field_id, text, number in rows:
            custom = by_id[field_id]
            found.setdefault(record_id, {})[custom.name] = from_columns(custom, text, number)
    return found
