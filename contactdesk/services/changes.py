"""The description of what a unit of work changed, and its entry in the change log."""

from __future__ import annotations

import uuid

from sqlalchemy import insert
from sqlalchemy.orm import Session

from contactdesk.model import ChangeLog
from contactdesk.model.base import utc_now
from contactdesk.services.actor import Actor
from contactdesk.services.field_values import json_safe
from contactdesk.store.change_set import Change, ChangeSet

OPERATIONS = ("create", "update", "delete", "merge", "unmerge")

__all__ = ["OPERATIONS", "Change", "ChangeSet", "record_in_log"]


def record_in_log(session: Session, actor: Actor, changes: list[Change]) -> None:
    """Write ``changes`` to the change log inside the caller's transaction.

    Called by the unit of work just before it commits, so that a change and its
    outbox entry are always committed (or lost) together. One executemany for
    all of them, in order: the same writer serves one edit and a bulk import.
    """
    if not changes:
        return
    at = utc_now()
    session.execute(
        insert(ChangeLog),
        [
            {
                "change_id": uuid.uuid4(),
                "entity": change.entity,
                "record_id": change.record_id,
                "op": change.op,
                "fields": {
                    name: [json_safe(old), json_safe(new)]
                    for name, (old, new) in change.fields.items()
                },
                "base_version": change.base_version,
                "actor_id": actor.user_id,
                "actor_name": actor.username,
                "at": at,
            }
            for change in changes
        ],
    )
