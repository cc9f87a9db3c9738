"""What one committed write changed: the notice a store hands its listeners.

Plain data, so the store can announce writes without knowing who makes them.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any


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
