"""Demo history from "other devices": what a sync would have brought, for pictures and trials.

A demo store has never synced, so no record has a colleague's changes in its
history. This writes some the way a sync stores them (``remote_history``),
so the History tab can be seen as it looks in a team.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from contactdesk.store.local_store import Store
from contactdesk.sync.remote_history import store_history_lines
from contactdesk.sync_protocol import FieldMove, HistoryChange


def add_colleague_changes(
    store: Store,
    entity: str,
    record_id: uuid.UUID | str,
    changes: list[tuple[str, datetime, dict[str, tuple[Any, Any]]]],
) -> int:
    """Store ``(user name, when, {field: (old, new)})`` updates as made on other devices.

    Returns how many were stored.
    """
    key = record_id if isinstance(record_id, uuid.UUID) else uuid.UUID(str(record_id))
    lines = [
        HistoryChange(
            seq=position,
            change_id=uuid.uuid4(),
            entity=entity,
            record_id=key,
            op="update",
            fields={name: FieldMove(old=old, new=new) for name, (old, new) in fields.items()},
            user_name=user_name,
            at=at,
        )
        for position, (user_name, at, fields) in enumerate(changes, start=1)
    ]
    with store.transaction() as session:
        return store_history_lines(session, lines)
