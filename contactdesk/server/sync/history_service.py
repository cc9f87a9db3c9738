"""The history feed: every accepted change of a record, as this user may see it.

The pull is state-based (a record's current values, once), so it cannot tell
another device who changed what from what. This feed can: it walks the
server's change log in sequence order and hands out, for records the user's
scope holds today, each change with the fields the role may see, old and new.
A change that touched only hidden fields is left out altogether, and a record
the user may no longer see (or that is deleted) takes its history with it.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from contactdesk.model import User
from contactdesk.server.sync.feed_writes import FEED
from contactdesk.server.sync.policy_cache import policy_for
from contactdesk.server.sync.tables import FeedChange, FeedCounter
from contactdesk.services.actor import Actor
from contactdesk.services.field_catalog import ENTITIES
from contactdesk.services.field_rules import Policy, scope_clause
from contactdesk.sync_protocol import FieldMove, HistoryChange, HistoryPage, RecordHistoryResponse


def history_page(session: Session, actor: Actor, since: int, limit: int) -> HistoryPage:
    """Up to ``limit`` changes after ``since`` that ``actor`` may see; run in a snapshot.

    ``cursor`` is the last sequence number looked at, not the last one sent:
    changes the user may not see are skipped for good. With nothing more to
    read it is the feed's newest number, which every committed change in the
    snapshot is at or below (the feed is gapless), so nothing is ever missed.
    """
    policy = policy_for(session, actor.role)
    rows = session.execute(
        select(FeedChange, User.username)
        .outerjoin(User, User.id == FeedChange.user_id)
        .where(FeedChange.seq > since, FeedChange.entity.in_(list(ENTITIES)))
        .order_by(FeedChange.seq)
        .limit(limit + 1)
    ).all()
    has_more = len(rows) > limit
    rows = rows[:limit]
    if has_more:
        cursor = rows[-1][0].seq
    else:
        latest = session.scalar(select(FeedCounter.value).where(FeedCounter.name == FEED))
        cursor = max(since, int(latest or 0))
    return HistoryPage(
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
    rows = session.execute(
        select(FeedChange, User.username)
        .outerjoin(User, User.id == FeedChange.user_id)
        .where(FeedChange.record_id.in_(record_ids), FeedChange.entity.in_(list(ENTITIES)))
        .order_by(FeedChange.seq)
    ).all()
    return RecordHistoryResponse(changes=_visible_lines(session, actor, policy, rows))


def _visible_lines(
    session: Session,
    actor: Actor,
    policy: Policy,
    rows: Sequence[tuple[FeedChange, str | None]],
) -> list[HistoryChange]:
    in_scope = _records_in_scope(session, actor, policy, [row[0] for row in rows])
    lines = []
    for change, username in rows:
        if change.record_id not in in_scope:
            continue
        line = _visible_line(session, policy, change, username)
        if line is not None:
            lines.append(line)
    return lines


def _records_in_scope(
    session: Session, actor: Actor, policy: Policy, changes: list[FeedChange]
) -> set[uuid.UUID]:
    """The records of ``changes`` that exist and lie in the actor's scope today."""
    by_entity: dict[str, set[uuid.UUID]] = defaultdict(set)
    for change in changes:
        by_entity[change.entity].add(change.record_id)
    found: set[uuid.UUID] = set()
    for entity, ids in by_entity.items():
        spec = ENTITIES[entity]
        model: Any = spec.model
        found.update(
            session.scalars(
                select(model.id).where(model.id.in_(ids), scope_clause(spec, policy, actor))
            )
        )
    return found


def _visible_line(
    session: Session, policy: Policy, change: FeedChange, username: str | None
) -> HistoryChange | None:
    if change.op != "update":
        fields: dict[str, FieldMove] = {}
    else:
        visible = set(policy.visible_field_names(change.entity))
        names = [name for name in change.fields if name in visible]
        if not names:
            return None  # every field it set is hidden from this role
        old = change.old if change.old is not None else _old_from_chain(session, change, names)
        fields = {name: FieldMove(old=old.get(name), new=change.fields[name]) for name in names}
    return HistoryChange(
        seq=change.seq,
        change_id=change.change_id,
        entity=change.entity,
        record_id=change.record_id,
        op=change.op,  # type: ignore[arg-type]  # the feed logs only the protocol's operations
        fields=fields,
        user_name=username,
        at=change.at,
    )


def _old_from_chain(session: Session, change: FeedChange, names: list[str]) -> dict[str, Any]:
    """Old values of a change logged before they were kept: each field's previous new value."""
    old: dict[str, Any] = {}
    earlier = session.scalars(
        select(FeedChange.fields)
        .where(FeedChange.record_id == change.record_id, FeedChange.seq < change.seq)
        .order_by(FeedChange.seq.desc())
    )
    wanted = set(names)
    for fields in earlier:
        for name in wanted & set(fields):
            old[name] = fields[name]
        wanted -= set(fields)
        if not wanted:
            break
    return old
