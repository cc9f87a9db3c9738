"""Applying a pushed batch: idempotent per change id, merged per field, conflicts kept.

Runs inside one write transaction: the feed lock is its first statement, so
batches from every server process apply one after another, each accepted
change takes the next sequence number, and a refused change (403, 422, 409)
rolls the whole batch back. A change that breaks a business rule of its entity
(``record_rules``) is answered ``rejected`` with the rule's message, alone.

A batch costs a handful of queries, not a dozen per change: right after the
lock it loads the batch's earlier outcomes, record versions, field versions,
records and record scope with IN queries (``batch_state``), and hands out
sequence numbers from the counter it read, writing the counter back once. The
lock is held until commit, so the range is the batch's alone and the feed
stays gapless.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Index, Table, UniqueConstraint, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from contactdesk.errors import ContactDeskError, ValidationError
from contactdesk.model import User
from contactdesk.server.errors import Conflict, RefusedChange
from contactdesk.server.sync import feed_writes, record_links
from contactdesk.server.sync.batch_state import BatchState
from contactdesk.server.sync.field_access import (
    current_values,
    entity_spec_or_refuse,
    require_in_scope,
    stored_form,
)
from contactdesk.server.sync.policy_cache import policy_for
from contactdesk.server.sync.tables import FeedChange, KeptConflict, PushOutcome, RecordVersion
from contactdesk.services.actor import Actor
from contactdesk.services.field_catalog import ENTITIES, EntitySpec
from contactdesk.services.field_rules import Policy
from contactdesk.services.field_values import json_safe
from contactdesk.services.record_rules import RuleBroken
from contactdesk.services.unit_of_work import UnitOfWork
from contactdesk.sync_protocol import ChangeOutcome, FieldConflict, PushedChange


def _has_unique_rule(table: Any) -> bool:
    assert isinstance(table, Table)
    return any(isinstance(c, UniqueConstraint) for c in table.constraints) or any(
        isinstance(index, Index) and index.unique for index in table.indexes
    )


# Entities whose rows no uniqueness rule guards: an edit of their built-in fields is
# checked in full in Python, so its write can wait for the batch's next flush.
PLAIN_ENTITIES = frozenset(
    name for name, spec in ENTITIES.items() if not _has_unique_rule(spec.model.__table__)
)


def is_plain(spec: EntitySpec, values: Mapping[str, Any]) -> bool:
    """An edit of built-in fields of a record no uniqueness rule guards, owner unchanged.

    Such an edit is checked in full like any other, but its write waits for the
    batch's next flush: the batch writes plain edits, their feed rows and field
    versions in a few executemany rounds.
    """
    return (
        spec.name in PLAIN_ENTITIES
        and all(name in spec.by_name for name in values)
        and (spec.owner_field is None or spec.owner_field not in values)
    )


@dataclass
class _Batch:
    session: Session
    actor: Actor
    policy: Policy
    now: datetime
    state: BatchState
    # Versions this batch gave records: a later change of the same record in the
    # same batch was made on top of the earlier one, whatever base it states.
    produced: dict[uuid.UUID, int] = field(default_factory=dict)
    # Records whose scope the change being applied has checked (``require_in_scope``).
    checked: set[uuid.UUID] = field(default_factory=set)
    # Where the changes came from when not a desktop's outbox ("phone": CardDAV, CalDAV).
    source: str | None = None
    work: UnitOfWork = field(init=False)

    def __post_init__(self) -> None:
        self.work = UnitOfWork(
            self.session, self.actor, self.policy, scope_checked=self.scope_checked
        )

    def base(self, change: PushedChange) -> int:
        return max(change.base_version, self.produced.get(change.record_id, 0))

    def require_in_scope(self, spec: EntitySpec, record_id: uuid.UUID) -> None:
        # A record this batch already changed may have changed owner: ask again.
        if record_id in self.produced or not self.state.known_in_scope(spec.name, record_id):
            require_in_scope(self.session, spec, self.policy, self.actor, record_id)
        self.checked.add(record_id)

    def scope_checked(self, _entity: str, record_id: uuid.UUID) -> bool:
        return record_id in self.checked


def push_changes(
    session: Session,
    actor: Actor,
    changes: list[PushedChange],
    now: datetime,
    *,
    source: str | None = None,
) -> list[ChangeOutcome]:
    """Apply ``changes`` in order in the caller's transaction; one outcome per change.

    A change id seen before gets its first outcome again and applies nothing.
    Raises RefusedChange (naming the change, record and field) when a change
    writes a field the role may not edit, touches a record outside its scope,
    or carries a bad value; the caller then rolls back the whole batch.
    ``source`` marks the conflicts kept (``"phone"``): a desktop adopts those, as
    no outbox of its own will hear of them.
    """
    assert actor.user_id is not None, "pushes are made by a user"
    feed_writes.lock_feed(session)
    policy = policy_for(session, actor.role)
    state = BatchState.load(session, actor, policy, changes)
    batch = _Batch(session, actor, policy, now, state, source=source)
    answered: dict[uuid.UUID, ChangeOutcome] = {}
    results: list[ChangeOutcome] = []
    # The batch reads through BatchState, not queries, so pending rows need not be
    # flushed before every read; the unit of work's own flushes write them in rounds.
    with session.no_autoflush:
        for change in changes:
            outcome = answered.get(change.change_id) or _earlier_outcome(state, actor, change)
            if outcome is None:
                outcome = _apply_refusing(batch, change)
                session.add(
                    PushOutcome(
                        change_id=change.change_id,
                        user_id=actor.user_id,
                        outcome=outcome.model_dump(mode="json"),
                        at=now,
                    )
                )
            answered[change.change_id] = outcome
            results.append(outcome)
    state.store_counter(session)
    return results


def _earlier_outcome(state: BatchState, actor: Actor, change: PushedChange) -> ChangeOutcome | None:
    stored = state.outcomes.get(change.change_id)
    if stored is None:
        return None
    if stored.user_id != actor.user_id:
        return _rejected(change, "this change id was already used by another user")
    return ChangeOutcome.model_validate(stored.outcome)


def _apply_refusing(batch: _Batch, change: PushedChange) -> ChangeOutcome:
    batch.checked.clear()
    try:
        outcome = _APPLY[change.op](batch, change)
        if change.op != "update":
            # An update's record write is flushed by the unit of work (where a broken
            # rule fails) or, for a plain edit no uniqueness rule can break, with the
            # batch's next flush; its feed rows go with that flush, in one round.
            batch.session.flush()
    except RuleBroken as error:
        # The unit of work checks an entity's rules before it writes anything, so
        # this change alone is refused, as the app's own dialogs refuse it.
        return _rejected(change, str(error))
    except ContactDeskError as error:
        raise RefusedChange(error, change.change_id, change.record_id) from error
    except IntegrityError as error:
        reason = str(error.orig).splitlines()[0] if error.orig else "constraint violated"
        raise RefusedChange(
            Conflict(f"the change breaks a uniqueness or link rule ({reason})"),
            change.change_id,
            change.record_id,
        ) from error
    if outcome.version is not None and outcome.status != "rejected":
        batch.produced[change.record_id] = outcome.version
    return outcome


# -- operations -----------------------------------------------------------


def _create(batch: _Batch, change: PushedChange) -> ChangeOutcome:
    session = batch.session
    spec = entity_spec_or_refuse(change.entity)
    known = batch.state.record_version(session, change.record_id)
    if known is not None and (not known.deleted or known.entity != spec.name):
        return _rejected(change, f"a record with id {change.record_id} already exists")
    if known is not None:
        _require_known_base(change, known)
    if known is not None and batch.base(change) < known.version:
        return _rejected(
            change,
            f"{spec.name} {change.record_id} was deleted at version {known.version};"
            f" to restore it, create it again with base_version {known.version}",
        )
    for name, value in change.fields.items():
        stored_form(session, spec, batch.policy, name, value)
    batch.work.create(spec.name, change.fields, record_id=change.record_id)
    made = batch.work.changes[-1]
    seq = batch.state.next_seq()
    _record_row(session, spec, change.record_id).version = seq
    batch.state.mark_created(session, spec.name, change.record_id, seq)
    _log(batch, change, seq, {name: json_safe(new) for name, (_old, new) in made.fields.items()})
    return ChangeOutcome(
        change_id=change.change_id,
        status="applied",
        version=seq,
        applied_fields=list(change.fields),
    )


def _update(batch: _Batch, change: PushedChange) -> ChangeOutcome:
    session, policy = batch.session, batch.policy
    spec = entity_spec_or_refuse(change.entity)
    known = batch.state.record_version(session, change.record_id)
    if known is None or known.entity != spec.name:
        return _rejected(change, f"no {spec.name} with id {change.record_id}")
    _require_known_base(change, known)
    names = list(change.fields)
    mine = {
        name: json_safe(stored_form(session, spec, policy, name, value))
        for name, value in change.fields.items()
    }
    policy.require_editable(spec.name, names)
    base = batch.base(change)
    if known.deleted:
        # An edit racing a delete is kept as a conflict, never a resurrection.
        conflicts = [
            FieldConflict(
                field=name,
                original=_value_at(session, change.record_id, name, base),
                mine=mine[name],
                theirs=None,
                server_version=known.version,
            )
            for name in names
        ]
        conflicts = _with_author(batch.session, conflicts)
        _keep(batch, change, spec, conflicts, record_deleted=True)
        return ChangeOutcome(
            change_id=change.change_id,
            status="conflict",
            version=known.version,
            conflicts=conflicts,
            record_deleted=True,
            reason=f"{spec.name} {change.record_id} was deleted on the server",
        )
    batch.require_in_scope(spec, change.record_id)
    record = _record_row(session, spec, change.record_id)
    versions = batch.state.field_versions(session, change.record_id)
    theirs = current_values(session, spec, policy, record, names)
    to_apply: dict[str, Any] = {}
    conflicts = []
    for name in names:
        field_version = versions.get(name, known.created_version)
        if field_version <= base:
            to_apply[name] = change.fields[name]
        elif mine[name] != theirs[name]:
            conflicts.append(
                FieldConflict(
                    field=name,
                    original=_value_at(session, change.record_id, name, base),
                    mine=mine[name],
                    theirs=theirs[name],
                    server_version=field_version,
                )
            )
    version = known.version
    if to_apply:
        plain = is_plain(spec, to_apply)
        changed = batch.work.update(spec.name, change.record_id, to_apply, flush=not plain)
        if changed:
            made = batch.work.changes[-1]
            version = batch.state.next_seq()
            record.version = version
            batch.state.mark_changed(session, change.record_id, list(made.fields), version)
            _log(
                batch,
                change,
                version,
                {n: json_safe(new) for n, (_old, new) in made.fields.items()},
                old={n: json_safe(old) for n, (old, _new) in made.fields.items()},
            )
    if conflicts:
        conflicts = _with_author(batch.session, conflicts)
        _keep(batch, change, spec, conflicts, record_deleted=False)
    return ChangeOutcome(
        change_id=change.change_id,
        status="conflict" if conflicts else "applied",
        version=version,
        applied_fields=list(to_apply),
        conflicts=conflicts,
    )


def _delete(batch: _Batch, change: PushedChange) -> ChangeOutcome:
    session = batch.session
    spec = entity_spec_or_refuse(change.entity)
    if change.fields:
        raise ValidationError(f"{spec.name}.fields", "a delete carries no fields")
    known = batch.state.record_version(session, change.record_id)
    if known is None or known.entity != spec.name:
        return _rejected(change, f"no {spec.name} with id {change.record_id}")
    _require_known_base(change, known)
    if known.deleted:
        return ChangeOutcome(change_id=change.change_id, status="applied", version=known.version)
    _require_may_remove(batch, spec, change.record_id)
    stale = _edited_since(batch, spec, known, change)
    if stale:
        return stale
    seq = batch.state.next_seq()
    _remove(batch, spec, change.record_id, seq, merged_into=None)
    _log(batch, change, seq, {})
    return ChangeOutcome(change_id=change.change_id, status="applied", version=seq)


def _merge(batch: _Batch, change: PushedChange) -> ChangeOutcome:
    session = batch.session
    spec = entity_spec_or_refuse(change.entity)
    winner_id = _merge_winner(spec, change)
    loser = batch.state.record_version(session, change.record_id)
    winner = batch.state.record_version(session, winner_id)
    if loser is None or loser.entity != spec.name:
        return _rejected(change, f"no {spec.name} with id {change.record_id}")
    _require_known_base(change, loser)
    if loser.deleted:
        if loser.merged_into == winner_id:
            return ChangeOutcome(
                change_id=change.change_id, status="applied", version=loser.version
            )
        return _rejected(change, f"{spec.name} {change.record_id} is already deleted")
    if winner is None or winner.deleted or winner.entity != spec.name:
        return _rejected(change, f"no live {spec.name} with id {winner_id} to merge into")
    _require_may_remove(batch, spec, change.record_id)
    require_in_scope(session, spec, batch.policy, batch.actor, winner_id)
    stale = _edited_since(batch, spec, loser, change)
    if stale:
        return stale
    seq = batch.state.next_seq()
    # Repointing links changes other records' versions behind the batch's back.
    batch.state.forget(session)
    session.flush()  # the links this batch has changed so far move too
    record_links.repoint(session, batch.work, spec.name, change.record_id, winner_id, seq)
    _remove(batch, spec, change.record_id, seq, merged_into=winner_id)
    _log(batch, change, seq, {"merged_into": str(winner_id)})
    return ChangeOutcome(change_id=change.change_id, status="applied", version=seq)


_APPLY = {"create": _create, "update": _update, "delete": _delete, "merge": _merge}


# -- pieces ---------------------------------------------------------------


def _require_known_base(change: PushedChange, known: RecordVersion) -> None:
    """Refuse an edit made on a version the server never gave this record.

    A base ahead of the record would pass every "edited since?" test and silently
    overwrite other users' edits; it means a confused or hostile client, or a
    server restored from an older backup, and is never applied.
    """
    if change.base_version > known.version:
        raise Conflict(
            f"base_version {change.base_version} is ahead of the server's version"
            f" {known.version} of {change.entity} {change.record_id}; pull and edit again"
        )


def _merge_winner(spec: EntitySpec, change: PushedChange) -> uuid.UUID:
    label = f"{spec.name}.merged_into"
    if set(change.fields) != {"merged_into"}:
        raise ValidationError(
            label, "a merge carries exactly one field, merged_into (the winner id)"
        )
    try:
        winner = uuid.UUID(str(change.fields["merged_into"]))
    except ValueError:
        raise ValidationError(
            label, f"{change.fields['merged_into']!r} is not a record id"
        ) from None
    if winner == change.record_id:
        raise ValidationError(label, "a record cannot be merged into itself")
    return winner


def _require_may_remove(batch: _Batch, spec: EntitySpec, record_id: uuid.UUID) -> None:
    batch.policy.require_editable(spec.name, [spec.title_field])
    batch.require_in_scope(spec, record_id)


def _edited_since(
    batch: _Batch, spec: EntitySpec, known: RecordVersion, change: PushedChange
) -> ChangeOutcome | None:
    """A conflict if the record was edited after the base a delete or merge was made on.

    Removing it would silently lose that edit, so the removal waits for the user.
    """
    base = batch.base(change)
    versions = batch.state.field_versions(batch.session, change.record_id)
    if known.created_version > base:
        moved = {name: known.created_version for name in spec.by_name}
    else:
        moved = {name: version for name, version in versions.items() if version > base}
    visible = [name for name in moved if batch.policy.can_see(spec.name, name)]
    if not moved:
        return None
    record = _record_row(batch.session, spec, change.record_id)
    theirs = current_values(batch.session, spec, batch.policy, record, visible)
    conflicts = [
        FieldConflict(
            field=name,
            original=_value_at(batch.session, change.record_id, name, base),
            mine=None,
            theirs=theirs[name],
            server_version=moved[name],
        )
        for name in visible
    ]
    conflicts = _with_author(batch.session, conflicts)
    _keep(batch, change, spec, conflicts, record_deleted=False)
    return ChangeOutcome(
        change_id=change.change_id,
        status="conflict",
        version=known.version,
        conflicts=conflicts,
        reason=f"{spec.name} {change.record_id} was edited on the server since version {base}",
    )


def _remove(
    batch: _Batch,
    spec: EntitySpec,
    record_id: uuid.UUID,
    seq: int,
    *,
    merged_into: uuid.UUID | None,
) -> None:
    session = batch.session
    # Links, cascades and expire_all below change what the batch loaded: read afresh after.
    batch.state.forget(session)
    record_links.prepare_delete(session, spec.name, record_id, seq)
    record_links.drop_custom_values(session, record_id)
    batch.work.delete(spec.name, record_id)
    feed_writes.mark_deleted(session, record_id, seq, merged_into=merged_into)
    session.flush()
    # The database cascaded the delete; drop what this session still holds of it.
    session.expire_all()


def _record_row(session: Session, spec: EntitySpec, record_id: uuid.UUID) -> Any:
    record = session.get(spec.model, record_id)
    assert record is not None, f"{spec.name} {record_id} has a version but no row"
    return record


def _value_at(session: Session, record_id: uuid.UUID, name: str, base: int) -> Any:
    """The value ``name`` had at version ``base``, this batch's own earlier changes included."""
    session.flush()
    return feed_writes.value_at(session, record_id, name, base)


def _with_author(session: Session, conflicts: list[FieldConflict]) -> list[FieldConflict]:
    """The conflicts with who made the server's value and when (the change at its version)."""
    seqs = {conflict.server_version for conflict in conflicts}
    if not seqs:
        return conflicts
    authors = {
        seq: (username, at)
        for seq, username, at in session.execute(
            select(FeedChange.seq, User.username, FeedChange.at)
            .outerjoin(User, User.id == FeedChange.user_id)
            .where(FeedChange.seq.in_(seqs))
        )
    }
    return [
        conflict.model_copy(
            update={
                "changed_by": authors.get(conflict.server_version, (None, None))[0],
                "changed_at": authors.get(conflict.server_version, (None, None))[1],
            }
        )
        for conflict in conflicts
    ]


def _keep(
    batch: _Batch,
    change: PushedChange,
    spec: EntitySpec,
    conflicts: list[FieldConflict],
    *,
    record_deleted: bool,
) -> None:
    assert batch.actor.user_id is not None
    for conflict in conflicts:
        batch.session.add(
            KeptConflict(
                change_id=change.change_id,
                user_id=batch.actor.user_id,
                entity=spec.name,
                record_id=change.record_id,
                field=conflict.field,
                original=conflict.original,
                mine=conflict.mine,
                theirs=conflict.theirs,
                server_version=conflict.server_version,
                record_deleted=record_deleted,
                created_at=batch.now,
                source=batch.source,
            )
        )


def _log(
    batch: _Batch,
    change: PushedChange,
    seq: int,
    fields: dict[str, Any],
    *,
    old: dict[str, Any] | None = None,
) -> None:
    feed_writes.log_change(
        batch.session,
        seq=seq,
        change_id=change.change_id,
        entity=change.entity,
        record_id=change.record_id,
        op=change.op,
        fields=fields,
        base_version=change.base_version,
        user_id=batch.actor.user_id,
        at=batch.now,
        old=old,
    )


def _rejected(change: PushedChange, reason: str) -> ChangeOutcome:
    return ChangeOutcome(change_id=change.change_id, status="rejected", reason=reason)
