"""Whole table rows as JSON and back, typed by their columns, for exact restores.

A merge record must give back both contacts exactly as they were, down to
ids, timestamps, versions and photo bytes; so rows are saved column by column
and read back by each column's type rather than guessed from the JSON.
"""

from __future__ import annotations

import base64
import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, LargeBinary, Table, Uuid

from contactdesk.model.types import UtcDateTime


def dump_row(table: Table, row: Any) -> dict[str, Any]:
    """A JSON-safe dict of every column of ``row`` (a mapping from ``select(table)``)."""
    dumped: dict[str, Any] = {}
    for column in table.columns:
        value = row[column.name]
        if value is None:
            dumped[column.name] = None
        elif isinstance(value, uuid.UUID):
            dumped[column.name] = str(value)
        elif isinstance(value, datetime | date):
            dumped[column.name] = value.isoformat()
        elif isinstance(value, bytes):
            dumped[column.name] = base64.b64encode(value).decode("ascii")
        else:
            dumped[column.name] = value
    return dumped


def load_row(table: Table, data: dict[str, Any]) -> dict[str, Any]:
    """The column values of a dumped row, typed for an INSERT or UPDATE of ``table``."""
    loaded: dict[str, Any] = {}
    for column in table.columns:
        value = data.get(column.name)
        if value is None:
            loaded[column.name] = None
        elif isinstance(column.type, Uuid):
            loaded[column.name] = uuid.UUID(value)
        elif isinstance(column.type, UtcDateTime):
            loaded[column.name] = datetime.fromisoformat(value)
        elif isinstance(column.type, Date):
            loaded[column.name] = date.fromisoformat(value)
        elif isinstance(column.type, LargeBinary):
            loaded[column.name] = base64.b64decode(value)
        else:
            loaded[column.name] = value
    return loaded
