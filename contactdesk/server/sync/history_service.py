"""The history feed: every accepted edit of a record, as this user may see it.

The pull is state-based (a record's current values, once), so it cannot tell
another device who changed what from what. This feed can: it walks the
server's change log in sequence order and hands out, for records the user's
scope holds today, each update with the fields the role may see, old and new.
An update that touched only hidden fields is left out altogether, and a record
the user may no longer see (or that is deleted) takes its history with it.

Only updates travel. A create's values are the record's first state (the
record says when it was created), and a deleted or merged-away record is not
on the device to show a history for; a first sync of 100,000 imported
contacts would otherwise read 100,000 lines that say nothing new.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from contactdesk.model import User
from contactdesk.server.sync.feed_writes import FEED, value_at
from contactdesk.server.sync.policy_cache import policy_for
from contactdesk.server.sync.tables import FeedChange, FeedCounter
from contactdesk.services.actor import Actor
from contactdesk.services.field_catalog import ENTITIES
from contactdesk.services.field_rules import Policy, scope_clause
from contactdesk.services.record_derivations import sources_of
from contactdesk.sync_protocol import FieldMove, HistoryChange, HistoryPage, RecordHistoryResponse


class _Logged(NamedTuple):
    """One row of the change log as the history reads it (columns: no mapped objects)."""

    seq: int
    change_id: uuid.UUID
    entity: str
    record_id: uuid.UUID
    op: str
    fields: dict[str, Any]
    old: dict[str, Any] | None
    at: datetime
    username: str | None


def _logged() -> Select[Any]:
    return (
        select(
            FeedChange.seq,
            FeedChange.change_id,
            FeedChange.entity,
            FeedChange.record_id,
            FeedChange.op,
            FeedChange.fields,
            FeedChange.old,
            FeedChange.at,
            User.username,
        )
        .outerjoin(User, User.id == FeedChange.user_id)
        .where(FeedChange.op == "update", FeedChange.entity.in_(list(ENTITIES)))
        .order_by(FeedChange.seq)
    )


def history_page(session: Session, actor: Actor, since: int, limit: int) -> HistoryPage:
    """Up to ``limit`` changes after ``since`` that ``actor`` may see; run in a snapshot.

    ``cursor`` is the last sequence number looked at, not the last one sent:
    changes the user may not see are skipped for good. With nothing more to
    read it is the feed's newest number, which every committed change in the
    snapshot is at or below (the feed is gapless), so nothing is ever missed.
    """
    policy = policy_for(session, actor.role)
    rows = [
        _Logged(*row)
        for row in session.execute(_logged().where(FeedChange.seq > since).limit(limit + 1))
    ]
    has_more = len(rows) > limit
    rows = rows[:limit]
    if has_more:
        cursor = rows[-1].seq
    else:
        latest = session.scalar(select(FeedCounter.value).where(FeedCounter.name == FEED))
        cursor = max(since, int(latest or 0))
    return HistoryPage.model_construct(
        changes=_visible_lines(session, actor, policy, rows), cursor=cursor, has_more=has_more
    )


def records_history(
    session: Session, actor: Actor, record_ids: list[uuid.UUID]
) -> RecordHistoryResponse:
    """The whole history of ``record_ids`` as ``actor`` may see it, oldest first; in a snapshot.

    For records that came into the user's scope after the history feed had
    passed their earlier changes (a lead handed over, say). Records out of
    scope, deleted or unknown simply have no lines.
    """
    policy = policy_for(session, actor.role)
    rows = [
        _Logged(*row)
        for row in session.execute(_logged().where(FeedChange.record_id.in_(record_ids)))
    ]
    return RecordHistoryResponse(changes=_visible_lines(session, actor, policy, rows))


def _visible_lines(
    session: Session, actor: Actor, policy: Policy, rows: list[_Logged]
) -> list[HistoryChange]:
    in_scope = records_by_scope(session, actor, policy, ((r.entity, r.record_id) for r in rows))
    visible = {entity: shown_to_role(policy, entity) for entity in ENTITIES}
    lines = []
    for row in rows:
        if row.record_id not in in_scope:
            continue
        line = _visible_line(session, visible[row.entity], row)
        if line is not None:
            lines.append(line)
    return lines


def records_by_scope(
    session: Session,
    actor: Actor,
    policy: Policy,
    refs: Iterable[tuple[str, uuid.UUID]],
    *,
    in_scope: bool = True,
) -> set[uuid.UUID]:
    """The records of ``refs`` (entity, id) that exist and lie in the actor's scope today,
    or with ``in_scope=False`` that exist and lie outside it."""
    by_entity: dict[str, set[uuid.UUID]] = defaultdict(set)
    for entity, record_id in refs:
        by_entity[entity].add(record_id)
    found: set[uuid.UUID] = set()
    for entity, ids in by_entity.items():
        spec = ENTITIES[entity]
        model: Any = spec.model
        scope = scope_clause(spec, policy, actor)
        found.update(
            session.scalars(
                select(model.id).where(model.id.in_(ids), scope if in_scope else ~scope)
            )
        )
    return found


def shown_to_role(policy: Policy, entity: str) -> set[str]:
    """The fields whose old and new values a role may read in history lines and conflicts.

    A derived field with a hidden source (a display name built from a hidden
    last name) is left out: its logged values may carry the hidden one.
    """
    visible = set(policy.visible_field_names(entity))
    return {
        name for name in visible if all(source in visible for source in sources_of(entity, name))
    }


def _visible_line(session: Session, visible: set[str], row: _Logged) -> HistoryChange | None:
    names = [name for name in row.fields if name in visible]
    if not names:
        return None  # every field it set is hidden from this role
    old = row.old if row.old is not None else _old_from_chain(session, row, names)
    fields = {
        name: FieldMove.model_construct(old=old.get(name), new=row.fields[name]) for name in names
    }
    # Built from the server's own typed columns: nothing to validate, and a page
    # holds a thousand of them.
    return HistoryChange.model_construct(
        seq=row.seq,
        change_id=row.change_id,
        entity=row.entity,
        record_id=row.record_id,
        op=row.op,
        fields=fields,
        user_name=row.username,
        at=row.at,
    )


def _old_from_chain(session: Session, change: _Logged, names: list[str]) -> dict[str, Any]:
    """Old values of a change logged before they were kept: each field's previous new value."""
    return {name: value_at(session, change.record_id, name, change.seq - 1) for name in names}
