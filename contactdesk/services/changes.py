"""The description of what a unit of work changed, and its entry in the change log."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from contactdesk.model import ChangeLog
from contactdesk.services.actor import Actor
from contactdesk.services.field_values import json_safe

OPERATIONS = ("create", "update", "delete", "merge", "unmerge")


@dataclass(frozen=True)
class Change:
    """One record's change: ``fields`` maps each changed field to (old, new)."""

    entity: str
    record_id: uuid.UUID
    op: str
    fields: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    base_version: int = 0


@dataclass
class ChangeSet:
    """Everything one committed unit of work changed, in order."""

    changes: list[Change] = field(default_factory=list)

    @property
    def record_id(self) -> uuid.UUID:
        """The id of the first record changed (the one created, for a create)."""
        return self.changes[0].record_id

    def entities(self) -> set[str]:
        return {change.entity for change in self.changes}

    def ids(self, entity: str) -> list[uuid.UUID]:
        return [change.record_id for change in self.changes if change.entity == entity]

    def extend(self, other: ChangeSet) -> None:
        self.changes.extend(other.changes)


def record_in_log(session: Session, actor: Actor, changes: list[Change]) -> None:
    """Write ``changes`` to the change log inside the caller's transaction.

    Called by the unit of work just before it commits, so that a change and its
    outbox entry are always committed (or lost) together.
    """
    session.add_all(
        ChangeLog(
            change_id=uuid.uuid4(),
            entity=change.entity,
            record_id=change.record_id,
            op=change.op,
            fields={
                name: [json_safe(old), json_safe(new)] for name, (old, new) in change.fields.items()
            },
            base_version=change.base_version,
            actor_id=actor.user_id,
            actor_name=actor.username,
        )
        for change in changes
    )
