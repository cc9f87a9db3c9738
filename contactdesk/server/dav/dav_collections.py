"""The two collections each user has on the DAV side: an address book and a calendar.

``contacts``: the contacts in the user's scope, each as a vCard of the fields
the role may see (read by the feed's own ``visible_records``). ``activities``:
the user's own activities that have a due time, each as one event. Items are
named by record id; an item's ETag is its record version plus a digest of the
text, so a change of what the text shows (the account's new name, a field a
rule now hides) changes it too.

Sync tokens (RFC 6578) are feed sequence numbers: what changed since a token
is what the feed has after it. A token older than the user's epoch (an admin
changed what the role may see) is refused, and the client fetches afresh.

Writes from a phone are turned into one ``update`` of the changed fields and
pushed through ``push_service.push_changes``, the path every desktop push
takes: the field rules refuse a field the role may not edit (403, nothing
written), and an edit made on a stale ETag is checked field by field against
the record's version it was based on, so a clash is kept as a conflict for
the user, never dropped.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import ValidationError as WireError
from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from contactdesk.errors import AccessDenied, NotFound, ValidationError
from contactdesk.model import Activity, Contact
from contactdesk.server.dav.activity_events import (
    EventLinks,
    activity_event,
    event_length,
    event_times,
    subject_from_summary,
    summary_of,
)
from contactdesk.server.dav.contact_cards import card_fields, contact_card
from contactdesk.server.sync import feed_writes, push_service
from contactdesk.server.sync.field_access import stored_form
from contactdesk.server.sync.policy_cache import policy_for
from contactdesk.server.sync.pull_service import visible_records
from contactdesk.server.sync.resync_epochs import current_epoch
from contactdesk.server.sync.tables import FeedCounter, RecordVersion
from contactdesk.services.actor import Actor
from contactdesk.services.field_catalog import ENTITIES
from contactdesk.services.field_rules import scope_clause
from contactdesk.services.field_values import json_safe
from contactdesk.sync_protocol import ChangeOutcome, PushedChange

# How conflicts of these edits are marked, so that the user's desktop shows them.
PHONE = "phone"
CONTACTS = "contacts"
ACTIVITIES = "activities"
COLLECTIONS = {CONTACTS: "contact", ACTIVITIES: "activity"}
EXTENSIONS = {CONTACTS: ".vcf", ACTIVITIES: ".ics"}
SYNC_TOKEN_PREFIX = "http://contactdesk.invalid/ns/sync/"
# The largest card or event a phone may send (a photo-less vCard is a few kB).
MAX_ITEM_BYTES = 256 * 1024


class SyncTokenInvalid(ValueError):
    """A sync token this server did not give, or one from before the user's epoch."""


@dataclass(frozen=True)
class Item:
    """One member of a collection: its record, version and text."""

    record_id: uuid.UUID
    version: int
    text: str
    # When the item starts and ends (events only), for calendar-query time ranges.
    starts_at: datetime | None = None
    ends_at: datetime | None = None

    @property
    def etag(self) -> str:
        digest = hashlib.sha256(self.text.encode()).hexdigest()[:16]
        return f'"{self.version}-{digest}"'


@dataclass(frozen=True)
class Listing:
    """Members of a collection (all, some, or changed since a token) and the token now."""

    token: str
    items: list[Item]
    # Records changed since the token that are no longer members (deleted, out of scope).
    gone: list[uuid.UUID]


@dataclass(frozen=True)
class PutResult:
    """What a PUT did: ``conflicts`` names fields kept as conflicts (not applied)."""

    applied: list[str]
    conflicts: list[str]


def sync_token(session: Session) -> str:
    """The collection's token now: the feed's newest sequence number."""
    value = session.scalar(select(FeedCounter.value).where(FeedCounter.name == feed_writes.FEED))
    return f"{SYNC_TOKEN_PREFIX}{int(value or 0)}"


def read_token(session: Session, actor: Actor, token: str) -> int:
    """The sequence number a client's token stands for; SyncTokenInvalid if it is not usable."""
    match = re.fullmatch(re.escape(SYNC_TOKEN_PREFIX) + r"(\d{1,18})", token.strip())
    if match is None:
        raise SyncTokenInvalid("not a sync token of this server")
    since = int(match.group(1))
    if since < current_epoch(session, actor):
        raise SyncTokenInvalid("what this user may see changed since; fetch the collection again")
    return since


def list_items(
    session: Session,
    actor: Actor,
    collection: str,
    *,
    ids: Iterable[uuid.UUID] | None = None,
    since: int | None = None,
    vcard_version: str = "3.0",
) -> Listing:
    """Members of ``collection`` for ``actor``: all, the ones in ``ids``, or changed since."""
    token = sync_token(session)
    entity = COLLECTIONS[collection]
    query = _members(actor, collection, session)
    if ids is not None:
        wanted = list(ids)
        query = query.where(RecordVersion.record_id.in_(wanted)) if wanted else query.where(False)
    if since is not None:
        query = query.where(_changed_since(collection, since))
    versions = {row[0]: int(row[1]) for row in session.execute(query)}
    items = _render(session, actor, collection, versions, vcard_version)
    gone: list[uuid.UUID] = []
    if since is not None:
        gone = [
            record_id
            for record_id in session.scalars(
                select(RecordVersion.record_id).where(
                    RecordVersion.entity == entity,
                    RecordVersion.version > since,
                    RecordVersion.created_version <= since,
                )
            )
            if record_id not in versions
        ]
    return Listing(token, items, gone)


def get_item(
    session: Session,
    actor: Actor,
    collection: str,
    record_id: uuid.UUID,
    vcard_version: str = "3.0",
) -> Item:
    """One member; NotFound if the record is not in the user's collection."""
    items = list_items(session, actor, collection, ids=[record_id], vcard_version=vcard_version)
    if not items.items:
        raise NotFound(f"no {COLLECTIONS[collection]} {record_id} in your {collection}")
    return items.items[0]


def put_item(
    session: Session,
    actor: Actor,
    collection: str,
    record_id: uuid.UUID,
    text: str,
    base_version: int | None,
    now: datetime,
) -> PutResult:
    """Apply a phone's edit of an item through the one change path, in the caller's transaction.

    ``base_version`` is the version the phone's ETag named (None: it named none,
    so the edit is made on the record as it is now). Raises NotFound for an item
    that is not in the collection, AccessDenied (new items), ValidationError for
    a text that cannot be read, and RefusedChange (403 / 422) from the push.
    """
    feed_writes.lock_feed(session)
    entity = COLLECTIONS[collection]
    current = get_item(session, actor, collection, record_id)
    fields = visible_records(session, actor, entity, [record_id]).get(record_id)
    if fields is None:  # pragma: no cover - get_item found it in scope just now
        raise NotFound(f"no {entity} {record_id} in your {collection}")
    wanted = _card_changes(text) if collection == CONTACTS else _event_changes(text, fields)
    spec = ENTITIES[entity]
    policy = policy_for(session, actor.role)
    changed: dict[str, Any] = {}
    for name, value in wanted.items():
        if name not in fields:
            # Hidden from the role: the card never held it, so its absence changes
            # nothing; a value typed in on the phone is pushed, and the rules refuse it.
            if value is not None:
                changed[name] = value
            continue
        if _same(session, spec, policy, name, value, fields[name]):
            continue
        changed[name] = value
    if not changed:
        return PutResult([], [])
    base = current.version if base_version is None else base_version
    if base > current.version:
        raise ValidationError("If-Match", "names a version this server never gave")
    try:
        change = PushedChange.model_validate(
            {
                "change_id": uuid.uuid4(),
                "entity": entity,
                "record_id": record_id,
                "op": "update",
                "base_version": base,
                "fields": changed,
            }
        )
    except WireError as error:
        problem = error.errors()[0]
        raise ValidationError(f"{entity}", str(problem.get("msg", "bad value"))) from error
    (outcome,) = push_service.push_changes(session, actor, [change], now, source=PHONE)
    return _result(outcome)


def _result(outcome: ChangeOutcome) -> PutResult:
    if outcome.status == "rejected":
        raise AccessDenied(outcome.reason or "the change was refused")
    return PutResult(
        applied=list(outcome.applied_fields or []),
        conflicts=[conflict.field for conflict in outcome.conflicts or []],
    )


def _card_changes(text: str) -> dict[str, Any]:
    try:
        return dict(card_fields(text))
    except ValueError as error:
        raise ValidationError("vCard", str(error)) from error


def _event_changes(text: str, fields: dict[str, Any]) -> dict[str, Any]:
    try:
        times = event_times(text)
    except ValueError as error:
        raise ValidationError("iCalendar", str(error)) from error
    wanted: dict[str, Any] = {"due_at": times.start.isoformat()}
    if times.minutes != int(event_length(fields).total_seconds() // 60):
        wanted["duration_minutes"] = times.minutes
    if times.subject is not None and times.subject != summary_of(fields):
        wanted["subject"] = subject_from_summary(times.subject, fields)
    return wanted


def _same(session: Session, spec: Any, policy: Any, name: str, value: Any, current: Any) -> bool:
    """Whether ``value`` is what the record holds, once stored as the server stores it."""
    if value is None or current is None:
        return value is None and current in (None, "")
    try:
        stored = json_safe(stored_form(session, spec, policy, name, value))
    except ValidationError:
        return False  # a bad value is a change: the push names it
    return bool(stored == current)


# -- membership -----------------------------------------------------------------


def _members(actor: Actor, collection: str, session: Session) -> Any:
    entity = COLLECTIONS[collection]
    spec = ENTITIES[entity]
    policy = policy_for(session, actor.role)
    model: Any = spec.model
    query = (
        select(RecordVersion.record_id, RecordVersion.version)
        .join(model, model.id == RecordVersion.record_id)
        .where(RecordVersion.deleted.is_(False), scope_clause(spec, policy, actor))
    )
    if collection == ACTIVITIES:
        query = query.where(Activity.owner_id == actor.user_id, Activity.due_at.is_not(None))
    return query


def _changed_since(collection: str, since: int) -> ColumnElement[bool]:
    """Records changed after ``since``, or whose linked records (shown in them) did."""
    linked = select(RecordVersion.record_id).where(RecordVersion.version > since)
    if collection == CONTACTS:
        return or_(RecordVersion.version > since, Contact.account_id.in_(linked))
    return or_(
        RecordVersion.version > since,
        and_(Activity.contact_id.is_not(None), Activity.contact_id.in_(linked)),
        and_(Activity.account_id.is_not(None), Activity.account_id.in_(linked)),
        and_(Activity.opportunity_id.is_not(None), Activity.opportunity_id.in_(linked)),
    )


def _render(
    session: Session,
    actor: Actor,
    collection: str,
    versions: dict[uuid.UUID, int],
    vcard_version: str,
) -> list[Item]:
    entity = COLLECTIONS[collection]
    values = visible_records(session, actor, entity, list(versions))
    records = {key: fields for key, fields in values.items() if fields is not None}
    if collection == CONTACTS:
        accounts = _names(session, actor, "account", records.values(), "account_id", "name")
        return [
            Item(
                record_id,
                versions[record_id],
                contact_card(
                    record_id,
                    fields,
                    organisation=accounts.get(str(fields.get("account_id"))),
                    version=vcard_version,
                ),
            )
            for record_id, fields in sorted(records.items(), key=lambda pair: str(pair[0]))
        ]
    contacts = _names(session, actor, "contact", records.values(), "contact_id", "display_name")
    accounts = _names(session, actor, "account", records.values(), "account_id", "name")
    deals = _names(session, actor, "opportunity", records.values(), "opportunity_id", "name")
    items = []
    for record_id, fields in sorted(records.items(), key=lambda pair: str(pair[0])):
        if not fields.get("due_at"):
            continue  # the role may not see when it is due: nothing to put in a calendar
        links = EventLinks(
            contact=contacts.get(str(fields.get("contact_id"))),
            account=accounts.get(str(fields.get("account_id"))),
            deal=deals.get(str(fields.get("opportunity_id"))),
        )
        text = activity_event(record_id, fields, links)
        start = datetime.fromisoformat(str(fields["due_at"]))
        items.append(
            Item(record_id, versions[record_id], text, start, start + event_length(fields))
        )
    return items


def _names(
    session: Session,
    actor: Actor,
    entity: str,
    records: Iterable[dict[str, Any]],
    link: str,
    name_field: str,
) -> dict[str, str]:
    """The visible names of the records ``link`` points to, by id text."""
    ids = {str(fields[link]) for fields in records if fields.get(link)}
    if not ids:
        return {}
    found = visible_records(session, actor, entity, [uuid.UUID(text) for text in ids])
    return {
        str(key): str(fields[name_field])
        for key, fields in found.items()
        if fields is not None and fields.get(name_field)
    }
