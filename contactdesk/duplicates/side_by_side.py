"""Two contacts field by field, as the acting role may see them, for a merge review."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from contactdesk.duplicates.contact_merge import NOT_PICKED
from contactdesk.services.actor import Actor
from contactdesk.services.record_queries import get_record, visible_fields
from contactdesk.store.local_store import Store


@dataclass(frozen=True)
class FieldPair:
    """One field of both contacts; ``pickable`` when a merge lets the user choose it."""

    name: str
    label: str
    first: Any
    second: Any
    pickable: bool

    @property
    def differs(self) -> bool:
        return bool(self.first != self.second)


def compare_contacts(
    store: Store, actor: Actor, first_id: uuid.UUID, second_id: uuid.UUID
) -> list[FieldPair]:
    """Every visible field of two contacts side by side (references shown by title)."""
    first = get_record(store, actor, "contact", first_id)
    second = get_record(store, actor, "contact", second_id)
    pairs: list[FieldPair] = []
    for spec in visible_fields(store, actor, "contact"):
        key = spec.name[:-3] if spec.name.endswith("_id") and spec.name[:-3] in first else spec.name
        pairs.append(
            FieldPair(
                spec.name,
                spec.label,
                first.get(key),
                second.get(key),
                spec.name not in NOT_PICKED,
            )
        )
    return pairs
