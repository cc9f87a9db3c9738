"""The conflicts kept for a user: listing them and marking them resolved."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from contactdesk.errors import NotFound
from contactdesk.server.sync.tables import KeptConflict
from contactdesk.services.actor import Actor
from contactdesk.sync_protocol import KeptConflictView

MAX_LISTED = 1000


def open_conflicts(session: Session, actor: Actor) -> list[KeptConflictView]:
    """The actor's unresolved conflicts, oldest first."""
    rows = session.scalars(
        select(KeptConflict)
        .where(KeptConflict.user_id == actor.user_id, KeptConflict.resolved_at.is_(None))
        .order_by(KeptConflict.created_at, KeptConflict.id)
        .limit(MAX_LISTED)
    )
    return [KeptConflictView.model_validate(row, from_attributes=True) for row in rows]


def resolve_conflict(
    session: Session, actor: Actor, conflict_id: uuid.UUID, resolution: str, now: datetime
) -> KeptConflictView:
    """Mark one of the actor's conflicts resolved; the chosen value travels as a normal push."""
    row = session.get(KeptConflict, conflict_id)
    if row is None or row.user_id != actor.user_id:
        raise NotFound(f"no conflict {conflict_id} of yours")
    row.resolved_at = now
    row.resolution = resolution
    return KeptConflictView.model_validate(row, from_attributes=True)
