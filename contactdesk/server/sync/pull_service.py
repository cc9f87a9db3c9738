"""The role-filtered feed: records changed since a cursor, as this user may see them.

State-based (like Zotero's "objects modified since version N"): a page holds
each record changed since the cursor once, at its current version, so a client
never replays history. Hidden fields are never read into a page.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from typing import Any, NamedTuple

from sqlalchemy import Boolean, Float, Integer, Select, String, select
from sqlalchemy.orm import Session

from contactdesk.model import FieldRule, Role
from contactdesk.server.sync.feed_writes import FEED
from contactdesk.server.sync.policy_cache import policy_for
from contactdesk.server.sync.resync_epochs import current_epoch, hidden_fields
from contactdesk.server.sync.tables import FeedCounter, RecordVersion
from contactdesk.services.actor import Actor
from contactdesk.services.custom_values import read_values
from contactdesk.services.field_catalog import ENTITIES
from contactdesk.services.field_rules import Policy, scope_clause
from contactdesk.services.field_values import json_safe
from contactdesk.services.governance_records import GOVERNANCE_MODELS, governance_values
from contactdesk.services.record_derivations import role_safe_display_name, sources_of
from contactdesk.sync_protocol import PROTOCOL_VERSION, FeedRecord, PullResponse

# Column types whose Python values are JSON values as they come (no conversion).
_JSON_READY = (String, Integer, Float, Boolean)


def pull_changes(
    session: Session, actor: Actor, since: int, limit: int, client_epoch: int | None
) -> PullResponse:
    """One page of records changed after ``since``, filtered for ``actor``; run in a snapshot.

    If ``client_epoch`` is given and is not the actor's current epoch, no
    records are sent: the answer says to resync and which fields are now hidden.
    A page never splits the records of one version, so ``cursor`` is always a
    version every record at or below which has been delivered.
    """
    policy = policy_for(session, actor.role)
    epoch = current_epoch(session, actor)
    hidden = hidden_fields(policy)
    if client_epoch is not None and client_epoch != epoch:
        return PullResponse(
            protocol_version=PROTOCOL_VERSION,
            epoch=epoch,
            resync_required=True,
            hidden_fields=hidden,
            changes=[],
            cursor=0,
            has_more=True,
        )
    rows = _page(session, since, limit)
    has_more = len(rows) > limit
    if has_more:
        boundary = rows[limit - 1].version
        rows = [row for row in rows if row.version < boundary] + [
            _Version(*row)
            for row in session.connection().execute(
                _versions()
                .where(RecordVersion.version == boundary)
                .order_by(RecordVersion.record_id)
            )
        ]
    cursor = rows[-1].version if rows else since
    return PullResponse(
        protocol_version=PROTOCOL_VERSION,
        epoch=epoch,
        resync_required=False,
        hidden_fields=hidden,
        changes=_feed_records(session, actor, policy, rows),
        cursor=cursor,
        has_more=has_more,
        latest=_latest(session),
    )


def _latest(session: Session) -> int:
    """The newest sequence number in this snapshot: where a pull that started now ends."""
    value = session.scalar(select(FeedCounter.value).where(FeedCounter.name == FEED))
    return int(value or 0)


class _Version(NamedTuple):
    """One row of ``record_versions`` as the pull reads it (columns, not mapped objects)."""

    record_id: uuid.UUID
    entity: str
    version: int
    deleted: bool
    merged_into: uuid.UUID | None


def _versions() -> Select[uuid.UUID, str, int, bool, uuid.UUID | None]:
    return select(
        RecordVersion.record_id,
        RecordVersion.entity,
        RecordVersion.version,
        RecordVersion.deleted,
        RecordVersion.merged_into,
    )


def _page(session: Session, since: int, limit: int) -> list[_Version]:
    # Columns, not mapped rows: a page is a thousand rows read once, and building
    # and tracking instances cost several times the query.
    return [
        _Version(*row)
        for row in session.connection().execute(
            _versions()
            .where(RecordVersion.version > since)
            .order_by(RecordVersion.version, RecordVersion.record_id)
            .limit(limit + 1)
        )
    ]


def _feed_records(
    session: Session, actor: Actor, policy: Policy, rows: list[_Version]
) -> list[FeedRecord]:
    by_entity: dict[str, list[uuid.UUID]] = defaultdict(list)
    for row in rows:
        if not row.deleted:
            by_entity[row.entity].append(row.record_id)
    values: dict[uuid.UUID, dict[str, Any] | None] = {}
    for entity, ids in by_entity.items():
        if entity in ENTITIES:
            values.update(_record_values(session, actor, policy, entity, ids))
        else:
            values.update(_governance_values(session, actor, policy, entity, ids))
    # Built from the server's own typed columns, made JSON-safe here: nothing to
    # validate again (a page holds a thousand records; validating their fields
    # cost as much as reading them).
    construct = FeedRecord.model_construct
    records = []
    for row in rows:
        if row.deleted:
            records.append(
                construct(
                    entity=row.entity,
                    id=row.record_id,
                    version=row.version,
                    action="delete",
                    fields={},
                    merged_into=row.merged_into,
                )
            )
            continue
        if row.record_id not in values:
            continue  # governance a role does not receive (another role's rules)
        fields = values[row.record_id]
        records.append(
            construct(
                entity=row.entity,
                id=row.record_id,
                version=row.version,
                action="purge" if fields is None else "upsert",
                fields={} if fields is None else fields,
                merged_into=None,
            )
        )
    return records


def _record_values(
    session: Session, actor: Actor, policy: Policy, entity: str, ids: list[uuid.UUID]
) -> dict[uuid.UUID, dict[str, Any] | None]:
    """Visible fields of each record in scope; None for a record out of scope (purge)."""
    spec = ENTITIES[entity]
    model: Any = spec.model
    visible = [field.name for field in policy.visible_builtin(entity)]
    customs = policy.visible_custom(entity)
    # Columns, not mapped objects: a page is read once, and building and tracking
    # thousands of instances cost more than the query.
    names = [*visible, "created_at", "updated_at"]
    # Hidden sources of a visible derived field are read to check it, never sent.
    checked = _hidden_sources(entity, visible)
    sources = sorted({source for hidden in checked.values() for source in hidden})
    columns = [getattr(model, name) for name in names]
    rows = (
        session.connection()
        .execute(
            select(model.id, *columns, *(getattr(model, name) for name in sources)).where(
                model.id.in_(ids), scope_clause(spec, policy, actor)
            )
        )
        .all()
    )
    custom_values = read_values(session, [row[0] for row in rows], customs) if customs else {}
    found: dict[uuid.UUID, dict[str, Any] | None] = dict.fromkeys(ids)
    # Only columns whose values are not JSON already (ids, dates) are converted.
    converted = [
        (name, json_safe) for name, column in zip(names, columns, strict=True)
        if not isinstance(column.type, _JSON_READY)
    ]  # fmt: skip
    for row in rows:
        fields = dict(zip(names, row[1:], strict=False))
        for name, convert in converted:
            value = fields[name]
            if value is not None:
                fields[name] = convert(value)
        if checked:
            hidden = dict(zip(sources, row[1 + len(names) :], strict=True))
            _without_hidden_parts(fields, checked, hidden)
        if customs:
            extra = custom_values.get(row[0], {})
            fields.update({custom.name: json_safe(extra.get(custom.name)) for custom in customs})
        found[row[0]] = fields
    return found


def _hidden_sources(entity: str, visible: list[str]) -> dict[str, list[str]]:
    """Each visible derived field of ``entity`` with the sources of it the role may not see."""
    checked = {}
    for name in visible:
        hidden = [source for source in sources_of(entity, name) if source not in visible]
        if hidden:
            checked[name] = hidden
    return checked


def _without_hidden_parts(
    fields: dict[str, Any], checked: dict[str, list[str]], hidden: dict[str, Any]
) -> None:
    """Rebuild each derived value that carries a hidden source value from visible fields."""
    for name, sources in checked.items():
        values = [str(hidden[source]) for source in sources if hidden.get(source)]
        if name == "display_name":
            fields[name] = role_safe_display_name(fields, values)


def _governance_values(
    session: Session, actor: Actor, policy: Policy, entity: str, ids: list[uuid.UUID]
) -> dict[uuid.UUID, dict[str, Any] | None]:
    model: Any = GOVERNANCE_MODELS[entity]
    query = select(model).where(model.id.in_(ids))
    if entity == "field_rule" and not policy.can("administer"):
        # A role receives its own rules only; admins see every role's to edit them.
        own_role = select(Role.id).where(Role.name == actor.role).scalar_subquery()
        query = query.where(FieldRule.role_id == own_role)
    return {row.id: governance_values(row) for row in session.scalars(query)}


# Ids per IN query when records are read outside a feed page (an address book).
READ_CHUNK = 500


def visible_records(
    session: Session, actor: Actor, entity: str, ids: list[uuid.UUID]
) -> dict[uuid.UUID, dict[str, Any] | None]:
    """Each record's fields as the feed would send them to ``actor`` (None: out of scope).

    The one reading of records for a role: the CardDAV and CalDAV collections use
    it too, so a field hidden from a role reaches a phone no more than a desktop.
    """
    policy = policy_for(session, actor.role)
    found: dict[uuid.UUID, dict[str, Any] | None] = {}
    for start in range(0, len(ids), READ_CHUNK):
        chunk = ids[start : start + READ_CHUNK]
        found.update(_record_values(session, actor, policy, entity, chunk))
    return found
