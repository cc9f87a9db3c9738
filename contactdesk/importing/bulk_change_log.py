"""Writing many change-log entries at once, inside the caller's transaction.

The same entries :func:`contactdesk.services.changes.record_in_log` writes, but as
one ``executemany`` per batch, so a million-row import or its revert logs every
record for sync without building a million ORM objects.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from contactdesk.importing.storage_form import insert_many, insert_stored, storage_value
from contactdesk.services.actor import Actor
from contactdesk.services.changes import Change
from contactdesk.services.field_values import json_safe

CHANGE_LOG_COLUMNS = (
    "change_id",
    "entity",
    "record_id",
    "op",
    "fields",
    "base_version",
    "actor_id",
    "actor_name",
    "at",
)


def log_changes(
    connection: Connection, actor: Actor, changes: Iterable[Change], at: datetime
) -> None:
    """Append ``changes`` to the change log (sync outbox) in the open transaction."""
    insert_many(
        connection,
        "change_log",
        CHANGE_LOG_COLUMNS,
        (
            (
                uuid.uuid4(),
                change.entity,
                change.record_id,
                change.op,
                {
                    name: [json_safe(old), json_safe(new)]
                    for name, (old, new) in change.fields.items()
                },
                change.base_version,
                actor.user_id,
                actor.username,
                at,
            )
            for change in changes
        ),
    )


def creation_fields(values: Mapping[str, Any]) -> str:
    """The change-log ``fields`` JSON of a created record: ``{name: [null, value]}``.

    Built straight to text for the import's hot path; most values are already
    text, so only the others go through :func:`json_safe`.
    """
    return json.dumps(
        {
            name: [None, value if value is None or type(value) is str else json_safe(value)]
            for name, value in values.items()
        }
    )


def log_creations(
    connection: Connection,
    actor: Actor,
    entity: str,
    created: Iterable[tuple[str, str]],
    at: datetime,
) -> None:
    """Log a "create" for each ``(record id as hex, creation_fields(...))``, one executemany."""
    actor_id = storage_value(actor.user_id)
    stamp = storage_value(at)
    insert_stored(
        connection,
        "change_log",
        CHANGE_LOG_COLUMNS,
        [
            (
                uuid.uuid4().hex,
                entity,
                record_id,
                "create",
                fields,
                0,
                actor_id,
                actor.username,
                stamp,
            )
            for record_id, fields in created
        ],
    )
