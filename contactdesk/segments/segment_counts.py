"""Counting a segment, breaking it down, and listing its members: all in SQL.

The count and the breakdown are single aggregate queries over the compiled
clause; member ids are streamed in keyset batches so that an exporter never
holds a million ids at once. Import/export consumes ``segment_contact_ids``.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select, tuple_
from sqlalchemy.orm import Session

from contactdesk.errors import ValidationError
from contactdesk.model import Account, Contact, FunnelStage, Lead, Opportunity, utc_now
from contactdesk.segments.related_conditions import CompileContext
from contactdesk.segments.segment_compiler import segment_clause
from contactdesk.segments.segment_definition import (
    ACCOUNT_PREFIX,
    SegmentDefinition,
    parse_definition,
)
from contactdesk.services.actor import Actor
from contactdesk.services.field_catalog import ENTITIES
from contactdesk.services.field_rules import scope_clause
from contactdesk.services.policy_cache import policy_for
from contactdesk.services.record_queries import Page, matching_query, records_matching
from contactdesk.store.local_store import Store

# Related breakdowns: a contact with leads from two sources counts under both.
RELATED_BREAKDOWNS = {"lead_source": ("lead", "source"), "stage": ("opportunity", "stage_id")}
ID_BATCH = 5_000
MEMBER_PAGE = 200
BREAKDOWN_ROWS = 20
UNSET = "(not set)"


@dataclass(frozen=True)
class BreakdownRow:
    value: str
    contacts: int


@dataclass(frozen=True)
class SegmentSummary:
    """What the segment builder shows: how many contacts match, and how they split."""

    count: int
    by: str
    breakdown: list[BreakdownRow]


def compile_segment(
    session: Session,
    store: Store,
    actor: Actor,
    definition: SegmentDefinition | dict[str, Any],
    now: datetime | None = None,
) -> ColumnElement[bool]:
    """The WHERE clause on contacts for ``definition`` as ``actor`` may use it.

    Raises ValidationError / AccessDenied for a malformed definition or a field
    the actor's role may not see.
    """
    context = CompileContext(policy_for(store, session, actor.role), actor, now or utc_now())
    return segment_clause(parse_definition(definition), context)


def validate_segment(
    store: Store, actor: Actor, definition: SegmentDefinition | dict[str, Any]
) -> None:
    """Refuse a definition ``actor`` could not run, without running it."""
    with store.reading() as session:
        compile_segment(session, store, actor, definition)


def count_segment(
    store: Store,
    actor: Actor,
    definition: SegmentDefinition | dict[str, Any],
    *,
    now: datetime | None = None,
) -> int:
    """How many contacts the actor may see match ``definition``."""
    with store.reading() as session:
        clause = compile_segment(session, store, actor, definition, now)
        return int(session.scalar(select(func.count(Contact.id)).where(clause)) or 0)


def summarise_segment(
    store: Store,
    actor: Actor,
    definition: SegmentDefinition | dict[str, Any],
    by: str = "account.industry",
    *,
    now: datetime | None = None,
) -> SegmentSummary:
    """Count and breakdown in one read (the builder's live figure). Runs on the worker.

    Grouped by a contact or company field, every contact falls in exactly one
    group, so the count is the sum over all groups: one query gives both.
    """
    with store.reading() as session:
        clause = compile_segment(session, store, actor, definition, now)
        if by in RELATED_BREAKDOWNS:
            count = int(session.scalar(select(func.count(Contact.id)).where(clause)) or 0)
            rows = _breakdown(session, store, actor, clause, by, BREAKDOWN_ROWS)
        else:
            count, rows = _field_breakdown(session, store, actor, clause, by, BREAKDOWN_ROWS)
    return SegmentSummary(count, by, rows)


def _breakdown(
    session: Session, store: Store, actor: Actor, clause: ColumnElement[bool], by: str, limit: int
) -> list[BreakdownRow]:
    if by not in RELATED_BREAKDOWNS:
        return _field_breakdown(session, store, actor, clause, by, limit)[1]
    policy = policy_for(store, session, actor.role)
    entity, field = RELATED_BREAKDOWNS[by]
    policy.require_visible(entity, field)
    members = select(Contact.id).where(clause)
    value: Any
    query: Select[Any]
    if by == "lead_source":
        value = Lead.source
        query = select(value, func.count(func.distinct(Lead.contact_id))).where(
            Lead.contact_id.in_(members), scope_clause(ENTITIES["lead"], policy, actor)
        )
    else:
        value = FunnelStage.name
        query = (
            select(value, func.count(func.distinct(Opportunity.contact_id)))
            .join(FunnelStage, FunnelStage.id == Opportunity.stage_id)
            .where(
                Opportunity.contact_id.in_(members),
                scope_clause(ENTITIES["opportunity"], policy, actor),
            )
        )
    rows = session.execute(query.group_by(value).order_by(func.count().desc(), value).limit(limit))
    return [BreakdownRow(_label(key), int(count)) for key, count in rows]


def _field_breakdown(
    session: Session, store: Store, actor: Actor, clause: ColumnElement[bool], by: str, limit: int
) -> tuple[int, list[BreakdownRow]]:
    """(matching contacts, largest groups) by a contact or ``account.`` field, in one query.

    The window total is computed over every group before LIMIT cuts the list.
    """
    policy = policy_for(store, session, actor.role)
    value: Any
    query: Select[Any]
    if by.startswith(ACCOUNT_PREFIX):
        name = by[len(ACCOUNT_PREFIX) :]
        _require_groupable("account", name)
        policy.require_visible("account", name)
        value = getattr(Account, name)
        query = (
            select(value, func.count(), func.sum(func.count()).over())
            .select_from(Contact)
            .outerjoin(Account, Account.id == Contact.account_id)
            .where(clause)
        )
    else:
        _require_groupable("contact", by)
        policy.require_visible("contact", by)
        value = getattr(Contact, by)
        query = select(value, func.count(), func.sum(func.count()).over()).where(clause)
    found = session.execute(query.group_by(value).order_by(func.count().desc(), value).limit(limit))
    rows = found.all()
    total = int(rows[0][2]) if rows else 0
    return total, [BreakdownRow(_label(key), int(count)) for key, count, _ in rows]


def _label(key: Any) -> str:
    return UNSET if key is None else str(key)


def _require_groupable(entity: str, name: str) -> None:
    spec = ENTITIES[entity].by_name.get(name)
    if spec is None or spec.type in ("longtext", "reference"):
        raise ValidationError(f"{entity}.{name}", "cannot break a segment down by this field")


def segment_contact_ids(
    store: Store,
    actor: Actor,
    definition: SegmentDefinition | dict[str, Any],
    *,
    batch: int = ID_BATCH,
    now: datetime | None = None,
) -> Iterator[list[uuid.UUID]]:
    """The ids of the segment's contacts in id order, ``batch`` at a time.

    For exporters and hand-off: each batch is read in its own short session,
    keyset-paged by id, so memory stays flat and writers are not blocked.
    """
    last: uuid.UUID | None = None
    while True:
        with store.reading() as session:
            clause = compile_segment(session, store, actor, definition, now)
            query = select(Contact.id).where(clause).order_by(Contact.id).limit(batch)
            if last is not None:
                query = query.where(Contact.id > last)
            ids = list(session.scalars(query))
        if not ids:
            return
        yield ids
        last = ids[-1]
        if len(ids) < batch:
            return


def segment_member_page(
    store: Store,
    actor: Actor,
    definition: SegmentDefinition | dict[str, Any],
    *,
    after: tuple[Any, str] | None = None,
    limit: int = MEMBER_PAGE,
    now: datetime | None = None,
) -> Page:
    """A page of the segment's contacts as ``actor`` sees them, in list (name) order.

    The same compiled clause as ``summarise_segment``'s count, so the pages list
    exactly the contacts counted. Keyset-paged on (sort key, id): pass the page's
    ``next_after`` back as ``after`` for the next one.
    """
    with store.reading() as session:
        clause = compile_segment(session, store, actor, definition, now)
        policy = policy_for(store, session, actor.role)
        keys = select(Contact.sort_key, Contact.id).where(clause)
        if after is not None:
            keys = keys.where(
                tuple_(Contact.sort_key, Contact.id) > tuple_(after[0], uuid.UUID(after[1]))
            )
        found = session.execute(
            keys.order_by(Contact.sort_key, Contact.id).limit(limit + 1)
        ).all()
        page = found[:limit]
        if not page:
            return Page([], None)
        query = matching_query(policy, "contact", [contact_id for _, contact_id in page])
        rows = records_matching(session, policy, "contact", query, {}, limit)
    last_key, last_id = page[-1]
    return Page(rows, (last_key, str(last_id)) if len(found) > limit else None)


def segment_member_query(
    session: Session, store: Store, actor: Actor, definition: SegmentDefinition | dict[str, Any]
) -> Select[Any]:
    """``SELECT contacts.id`` of the segment, to nest as ``IN (...)`` in other queries."""
    return select(Contact.id).where(compile_segment(session, store, actor, definition))
