"""Launch briefs, reps marking them read and ready, and readiness per sales team.

A brief is a catalog entity written through the unit of work. A rep's
readiness (``brief_readiness``: one row per brief and rep) is written here for
the acting user only, logged as a change so it syncs back to marketing.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select

from contactdesk.errors import NotFound, ValidationError
from contactdesk.marketing.marketing_access import require_marketing
from contactdesk.model import BriefReadiness, Collateral, LaunchBrief, Role, User
from contactdesk.model.base import utc_now
from contactdesk.services.actor import Actor
from contactdesk.services.capabilities import role_names_with
from contactdesk.services.changes import Change, ChangeSet
from contactdesk.services.record_queries import Record, get_record, page_records
from contactdesk.services.unit_of_work import unit_of_work
from contactdesk.store.local_store import Store

NO_TEAM = "(no team)"
LIST_LIMIT = 500


@dataclass(frozen=True)
class RepReadiness:
    """One rep's state for a brief."""

    user_id: uuid.UUID
    name: str
    team: str
    read_at: datetime | None
    ready_at: datetime | None


@dataclass(frozen=True)
class TeamReadiness:
    """How far a sales team is with a brief: reps, how many read it, how many are ready."""

    team: str
    reps: int
    read: int
    ready: int
    not_ready: tuple[str, ...]


@dataclass(frozen=True)
class BriefReadinessReport:
    """Readiness per team for one brief, and the days left before its start date."""

    brief_id: uuid.UUID
    title: str
    starts_on: date | None
    days_to_start: int | None
    teams: tuple[TeamReadiness, ...]
    reps: tuple[RepReadiness, ...]


def _parse(values: Mapping[str, Any]) -> dict[str, Any]:
    parsed = dict(values)
    raw = parsed.get("starts_on")
    if isinstance(raw, str):
        try:
            parsed["starts_on"] = date.fromisoformat(raw) if raw.strip() else None
        except ValueError:
            message = f"{raw!r} is not a date (YYYY-MM-DD)"
            raise ValidationError("launch_brief.starts_on", message) from None
    if "collateral_ids" in parsed:
        parsed["collateral_ids"] = [str(item) for item in parsed["collateral_ids"] or []]
    return parsed


def save_brief(
    store: Store,
    actor: Actor,
    values: Mapping[str, Any],
    brief_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """Create a brief (no ``brief_id``) or change one; returns its id.

    Fields: title, product, campaign_id, audience (who benefits), what_it_does,
    value (time, money or pain saved), proof, differentiators, table_stakes,
    collateral_ids, starts_on.
    """
    require_marketing(store, actor, "run_campaigns", "write launch briefs")
    parsed = _parse(values)
    with unit_of_work(store, actor) as work:
        if brief_id is None:
            return work.create("launch_brief", parsed)
        work.update("launch_brief", brief_id, parsed)
    return brief_id


def list_briefs(store: Store, actor: Actor) -> list[Record]:
    """Every launch brief, by title."""
    return page_records(store, actor, "launch_brief", limit=LIST_LIMIT).rows


def get_brief(store: Store, actor: Actor, brief_id: uuid.UUID | str) -> Record:
    """One launch brief as the actor sees it."""
    return get_record(store, actor, "launch_brief", brief_id)


def _mark(store: Store, actor: Actor, brief_id: uuid.UUID, *, ready: bool) -> ChangeSet:
    if actor.user_id is None:
        raise ValidationError("brief_readiness.user", "sign in as a user to mark a brief")
    now = utc_now()
    with unit_of_work(store, actor) as work:
        session = work.session
        if session.get(LaunchBrief, brief_id) is None:
            raise NotFound(f"no launch brief with id {brief_id}")
        row = session.scalar(
            select(BriefReadiness).where(
                BriefReadiness.brief_id == brief_id, BriefReadiness.user_id == actor.user_id
            )
        )
        fields: dict[str, tuple[Any, Any]] = {}
        if row is None:
            row = BriefReadiness(brief_id=brief_id, user_id=actor.user_id)
            session.add(row)
            fields.update({"brief_id": (None, brief_id), "user_id": (None, actor.user_id)})
        # Ready implies read: a rep cannot be ready for a brief they never opened.
        if row.read_at is None:
            fields["read_at"] = (None, now)
            row.read_at = now
        if ready and row.ready_at is None:
            fields["ready_at"] = (None, now)
            row.ready_at = now
        session.flush()
        if fields:
            op = "create" if "brief_id" in fields else "update"
            work.record_change(Change("brief_readiness", row.id, op, fields, row.version))
    return ChangeSet(work.changes)


def mark_brief_read(store: Store, actor: Actor, brief_id: uuid.UUID) -> ChangeSet:
    """The acting rep has read the brief (idempotent)."""
    return _mark(store, actor, brief_id, ready=False)


def mark_brief_ready(store: Store, actor: Actor, brief_id: uuid.UUID) -> ChangeSet:
    """The acting rep is ready to sell what the brief launches (marks it read too)."""
    return _mark(store, actor, brief_id, ready=True)


def brief_readiness(
    store: Store, actor: Actor, brief_id: uuid.UUID, today: date
) -> BriefReadinessReport:
    """Readiness per sales team for a brief: every active sales rep counts, marked or not."""
    with store.reading() as session:
        brief = session.get(LaunchBrief, brief_id)
        if brief is None:
            raise NotFound(f"no launch brief with id {brief_id}")
        marks = {
            row.user_id: row
            for row in session.scalars(
                select(BriefReadiness).where(BriefReadiness.brief_id == brief_id)
            )
        }
        reps_query = (
            select(User)
            .join(Role, Role.id == User.role_id)
            .where(Role.name.in_(role_names_with(session, "receive_leads")), User.active)
            .order_by(User.team, User.display_name)
        )
        reps = [
            RepReadiness(
                rep.id,
                rep.display_name,
                rep.team or NO_TEAM,
                marks[rep.id].read_at if rep.id in marks else None,
                marks[rep.id].ready_at if rep.id in marks else None,
            )
            for rep in session.scalars(reps_query)
        ]
        title, starts_on = brief.title, brief.starts_on
    teams: dict[str, list[RepReadiness]] = {}
    for rep in reps:
        teams.setdefault(rep.team, []).append(rep)
    per_team = tuple(
        TeamReadiness(
            team=team,
            reps=len(members),
            read=sum(1 for rep in members if rep.read_at is not None),
            ready=sum(1 for rep in members if rep.ready_at is not None),
            not_ready=tuple(rep.name for rep in members if rep.ready_at is None),
        )
        for team, members in sorted(teams.items())
    )
    days = (starts_on - today).days if starts_on is not None else None
    return BriefReadinessReport(brief_id, title, starts_on, days, per_team, tuple(reps))


# A brief stays in the reps' list this long after its launch (then it is history).
CURRENT_AFTER_LAUNCH = timedelta(days=30)


@dataclass(frozen=True)
class RepBrief:
    """A current brief as a rep reads it, with the collateral it names and the rep's marks."""

    brief: Record
    collateral: tuple[str, ...]
    read_at: datetime | None
    ready_at: datetime | None


def briefs_for_rep(store: Store, actor: Actor, today: date) -> list[RepBrief]:
    """Briefs not launched more than 30 days ago, soonest launch first, with the actor's marks."""
    briefs = [
        brief
        for brief in list_briefs(store, actor)
        if brief.get("starts_on") is None or brief["starts_on"] >= today - CURRENT_AFTER_LAUNCH
    ]
    briefs.sort(key=lambda brief: (brief.get("starts_on") or date.max, brief["title"]))
    ids = [uuid.UUID(brief["id"]) for brief in briefs]
    with store.reading() as session:
        marks = {
            row.brief_id: row
            for row in session.scalars(
                select(BriefReadiness).where(
                    BriefReadiness.brief_id.in_(ids), BriefReadiness.user_id == actor.user_id
                )
            )
        }
        wanted = {item for brief in briefs for item in brief.get("collateral_ids") or []}
        titles = {
            str(row.id): row.title
            for row in session.execute(
                select(Collateral.id, Collateral.title).where(
                    Collateral.id.in_([uuid.UUID(item) for item in wanted])
                )
            )
        }
    result = []
    for brief, brief_id in zip(briefs, ids, strict=True):
        mark = marks.get(brief_id)
        collateral = tuple(
            titles[item] for item in brief.get("collateral_ids") or [] if item in titles
        )
        result.append(
            RepBrief(
                brief,
                collateral,
                mark.read_at if mark is not None else None,
                mark.ready_at if mark is not None else None,
            )
        )
    return result
