"""Writing many change-log entries at once, inside the caller's transaction.

The same entries :func:`contactdesk.services.changes.record_in_log` writes, but as
one ``executemany`` per batch, so a million-row import or its revert logs every
record for sync without building a million ORM objects.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import Connection

from contactdesk.importing.storage_form import insert_many
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
