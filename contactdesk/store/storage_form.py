"""Values in the form SQLAlchemy stores them in SQLite, for bulk ``executemany`` writes.

The bulk paths (the change log, the unit of work's bulk mode, an import's
bookkeeping) write plain tuples through the session's own connection, inside
its transaction, because the per-row ORM path is too slow for a million rows.
The tuples must hold exactly what the ORM would have written, or the ORM would
misread them: UUIDs as 32 hex digits, datetimes as naive UTC text, dates as ISO
text, JSON as text.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection


def storage_value(value: Any) -> Any:
    """The SQLite form of ``value`` as the ORM's column types would store it."""
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, datetime):
        moment = value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value
        return moment.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict | list):
        return json.dumps(value)
    return value


def insert_many(
    connection: Connection, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> None:
    """INSERT ``rows`` (values in ``columns`` order, Python values) with one executemany."""
    insert_stored(
        connection, table, columns, [tuple(storage_value(value) for value in row) for row in rows]
    )


def insert_stored(
    connection: Connection, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """INSERT ``rows`` whose values are already in storage form (see :func:`storage_value`).

    The import's hot path builds its tuples in storage form directly: converting
    every value of a million rows again costs more than writing them.
    """
    if not rows:
        return
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
    connection.exec_driver_sql(sql, rows)
