"""Scheduling a rep's calls, meetings, tasks and emails; moving, completing and reminding.

``new_activity_values`` suggests what a new activity starts with (the next
full hour, a length by kind, the contact's company); creating, editing and
deleting go through the unit of work like any record. ``move_to_day`` keeps
the time of day and moves the date (a drag in the week view).
``complete_activity`` records the outcome of a meeting, task or email; a call
is completed by logging it (``call_logging.log_call``), which forces a next
step, so it is refused here. ``due_soon`` is the in-app reminder's query: the
rep's open activities due in the next REMINDER_WINDOW, read on the
(owner_id, due_at) index of open activities.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import aliased

from contactdesk.errors import NotFound, ValidationError
from contactdesk.model import Account, Activity, Contact
from contactdesk.services.actor import Actor
from contactdesk.services.changes import ChangeSet
from contactdesk.services.field_catalog import entity_spec
from contactdesk.services.field_rules import scope_clause
from contactdesk.services.policy_cache import policy_for
from contactdesk.services.record_queries import get_record
from contactdesk.services.unit_of_work import unit_of_work
from contactdesk.store.local_store import Store

SCHEDULED_KINDS = ("call", "meeting", "task", "email")
# Minutes a new activity of each kind is planned for.
DEFAULT_DURATION = {"call": 15, "meeting": 60, "task": 30, "email": 15}
REMINDER_WINDOW = timedelta(minutes=15)
REMINDER_LIMIT = 10
CALLS_ARE_LOGGED = "a call is completed by logging it, with its next step (Log call)"


@dataclass(frozen=True)
class DueSoon:
    """An open activity due within the reminder window."""

    activity_id: uuid.UUID
    kind: str
    subject: str
    due_at: datetime
    contact_name: str | None
    account_name: str | None


def new_activity_values(
    store: Store,
    actor: Actor,
    *,
    now: datetime,
    kind: str = "meeting",
    contact_id: uuid.UUID | str | None = None,
    account_id: uuid.UUID | str | None = None,
    opportunity_id: uuid.UUID | str | None = None,
) -> dict[str, Any]:
    """Pre-filled fields of a new activity; references as (id, title) for the form."""
    if kind not in SCHEDULED_KINDS:
        raise ValidationError("activity.kind", f"must be one of {', '.join(SCHEDULED_KINDS)}")
    next_hour = now.astimezone(UTC).replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    values: dict[str, Any] = {
        "kind": kind,
        "due_at": next_hour,
        "duration_minutes": DEFAULT_DURATION[kind],
    }
    if opportunity_id is not None:
        deal = get_record(store, actor, "opportunity", opportunity_id)
        values["opportunity_id"] = (deal["id"], deal.get("name"))
        contact_id = contact_id or deal.get("contact_id")
        account_id = account_id or deal.get("account_id")
    if contact_id is not None:
        contact = get_record(store, actor, "contact", contact_id)
        values["contact_id"] = (contact["id"], contact.get("display_name"))
        account_id = account_id or contact.get("account_id")
    if account_id is not None:
        try:
            account = get_record(store, actor, "account", account_id)
        except NotFound:
            return values
        values["account_id"] = (account["id"], account.get("name"))
    return values


def move_to_day(
    store: Store, actor: Actor, activity_id: uuid.UUID | str, day: date, *, tz: tzinfo = UTC
) -> ChangeSet:
    """Move the activity to ``day``, keeping its time of day as seen in ``tz``."""
    with unit_of_work(store, actor) as work:
        activity = _activity(work.session, work.policy, actor, activity_id)
        if activity.due_at is None:
            raise ValidationError("activity.due_at", "an activity without a due time has no day")
        local = activity.due_at.astimezone(tz)
        moved = datetime.combine(day, local.timetz()).astimezone(UTC)
        work.update("activity", activity.id, {"due_at": moved})
    return ChangeSet(work.changes)


def complete_activity(
    store: Store,
    actor: Actor,
    activity_id: uuid.UUID | str,
    *,
    outcome: str,
    now: datetime,
    notes: str | None = None,
) -> ChangeSet:
    """Mark a meeting, task or email done with its outcome (calls: see ``log_call``)."""
    if not outcome.strip():
        raise ValidationError("activity.outcome", "say how it went")
    with unit_of_work(store, actor) as work:
        activity = _activity(work.session, work.policy, actor, activity_id)
        if activity.kind == "call":
            raise ValidationError("activity.kind", CALLS_ARE_LOGGED)
        if activity.done_at is not None:
            raise ValidationError("activity.done_at", "this activity is already done")
        values: dict[str, Any] = {"done_at": now, "outcome": outcome.strip()}
        if notes and notes.strip():
            values["notes"] = notes.strip()
        work.update("activity", activity.id, values)
    return ChangeSet(work.changes)


def due_soon(
    store: Store,
    actor: Actor,
    user_id: uuid.UUID,
    *,
    now: datetime,
    window: timedelta = REMINDER_WINDOW,
) -> list[DueSoon]:
    """The user's open activities due from ``now`` to ``now + window``, soonest first."""
    with store.reading() as session:
        policy = policy_for(store, session, actor.role)
        query = due_soon_query(user_id, now, window).where(
            scope_clause(entity_spec("activity"), policy, actor)
        )
        return [DueSoon(*row) for row in session.execute(query)]


def due_soon_query(user_id: uuid.UUID, now: datetime, window: timedelta) -> Any:
    """The reminder's statement (exposed for the query-plan test)."""
    contact, account = aliased(Contact), aliased(Account)
    return (
        select(
            Activity.id,
            Activity.kind,
            Activity.subject,
            Activity.due_at,
            contact.display_name,
            account.name,
        )
        .outerjoin(contact, contact.id == Activity.contact_id)
        .outerjoin(account, account.id == Activity.account_id)
        .where(
            Activity.owner_id == user_id,
            Activity.done_at.is_(None),
            Activity.due_at >= now,
            Activity.due_at <= now + window,
        )
        .order_by(Activity.due_at)
        .limit(REMINDER_LIMIT)
    )


def _activity(session: Any, policy: Any, actor: Actor, activity_id: uuid.UUID | str) -> Activity:
    key = activity_id if isinstance(activity_id, uuid.UUID) else uuid.UUID(str(activity_id))
    found: Activity | None = session.scalar(
        select(Activity).where(
            Activity.id == key, scope_clause(entity_spec("activity"), policy, actor)
        )
    )
    if found is None:
        raise NotFound(f"no activity with id {activity_id} that {actor.username} may see")
    return found
