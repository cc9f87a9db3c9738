"""The description of what a unit of work changed, and its entry in the change log."""

from __future__ import annotations

import json
import uuid

from sqlalchemy.orm import Session

from contactdesk.model import ChangeLog
from contactdesk.model.base import utc_now
from contactdesk.services.actor import Actor
from contactdesk.services.field_values import json_safe
from contactdesk.store.change_set import Change, ChangeSet
from contactdesk.store.storage_form import insert_stored, storage_value

OPERATIONS = ("create", "update", "delete", "merge", "unmerge")

__all__ = ["OPERATIONS", "Change", "ChangeSet", "record_in_log"]


def record_in_log(session: Session, actor: Actor, changes: list[Change]) -> None:
    """Write ``changes`` to the change log inside the caller's transaction.

    Called by the unit of work just before it commits, so that a change and its
    outbox entry are always committed (or lost) together. One executemany for
    all of them, in order: the same writer serves one edit and a bulk import.
    The rows are built in the store's storage form (``storage_form``): a
    million-row import logs every record without a million ORM conversions.
    """
    if not changes:
        return
    actor_id = storage_value(actor.user_id)
    at = storage_value(utc_now())
    insert_stored(
        session.connection(),
        ChangeLog.__tablename__,
        LOG_COLUMNS,
        [
            (
                uuid.uuid4().hex,
                change.entity,
                change.record_id.hex,
                change.op,
                json.dumps(
                    {
                        name: [
                            old if old is None or type(old) is str else json_safe(old),
                            new if new is None or type(new) is str else json_safe(new),
                        ]
                        for name, (old, new) in change.fields.items()
                    }
                ),
                change.base_version,
                actor_id,
                actor.username,
                at,
            )
            for change in changes
        ],
    )


LOG_COLUMNS = (
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
