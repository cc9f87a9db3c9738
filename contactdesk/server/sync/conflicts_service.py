"""The conflicts kept for a user: listing them and marking them resolved."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from contactdesk.errors import NotFound
from contactdesk.server.sync.history_service import records_by_scope, shown_to_role
from contactdesk.server.sync.policy_cache import policy_for
from contactdesk.server.sync.tables import KeptConflict
from contactdesk.services.actor import Actor
from contactdesk.sync_protocol import KeptConflictView

MAX_LISTED = 1000


def open_conflicts(session: Session, actor: Actor) -> list[KeptConflictView]:
    """The actor's unresolved conflicts the role may read today, oldest first.

    A conflict holds the field's values (the server's among them): one on a field
    the role has lost since, or on a record that left the user's scope, is not
    listed (a device would copy it back after its purge). It is kept, not
    dropped, and listed again if the field or the record comes back.
    """
    rows = list(
        session.scalars(
            select(KeptConflict)
            .where(KeptConflict.user_id == actor.user_id, KeptConflict.resolved_at.is_(None))
            .order_by(KeptConflict.created_at, KeptConflict.id)
            .limit(MAX_LISTED)
        )
    )
    readable = _readable(session, actor, rows)
    return [KeptConflictView.model_validate(row, from_attributes=True) for row in readable]


def _readable(session: Session, actor: Actor, rows: list[KeptConflict]) -> list[KeptConflict]:
    """The conflicts of ``rows`` on fields the role sees, of records not out of its scope."""
    policy = policy_for(session, actor.role)
    shown = {entity: shown_to_role(policy, entity) for entity in {row.entity for row in rows}}
    hidden_records = records_by_scope(
        session, actor, policy, ((row.entity, row.record_id) for row in rows), in_scope=False
    )
    return [
        row
        for row in rows
        if row.field in shown[row.entity] and row.record_id not in hidden_records
    ]


def resolve_conflict(
    session: Session, actor: Actor, conflict_id: uuid.UUID, resolution: str, now: datetime
) -> KeptConflictView:
    """Mark one of the actor's conflicts resolved; the chosen value travels as a normal push."""
    row = session.get(KeptConflict, conflict_id)
    if row is None or row.user_id != actor.user_id or not _readable(session, actor, [row]):
        raise NotFound(f"no conflict {conflict_id} of yours")
    row.resolved_at = now
    row.resolution = resolution
    return KeptConflictView.model_validate(row, from_attributes=True)
