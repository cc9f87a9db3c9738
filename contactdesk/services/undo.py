"""Undo a user's last action while it has not left the device.

An action (accept or reject a lead, move a stage, log a call, delete a record) is
one or more units of work; each wrote its changes to the change log. ``undoable``
runs the action and returns an ``UndoTicket`` naming those change-log entries.
``undo`` writes the inverse changes through the unit of work, in reverse order,
so they are checked, logged and synced like any other change: an update sets the
old values back, a create is deleted, a delete is created again with its id.

Once a sync has pushed any of the entries, the server (and so every colleague)
has them; undoing would then be a new edit of shared data, not an undo, so
``undo`` refuses with ``UndoExpired`` and the user changes it back by hand.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import func, select

from contactdesk.errors import ContactDeskError
from contactdesk.model import ChangeLog
from contactdesk.services.actor import Actor
from contactdesk.services.changes import ChangeSet
from contactdesk.services.field_catalog import entity_spec
from contactdesk.services.unit_of_work import UnitOfWork, unit_of_work
from contactdesk.store.local_store import Store

T = TypeVar("T")


class UndoExpired(ContactDeskError):
    """The action's changes were pushed by a sync (or changed since): too late to undo."""


@dataclass(frozen=True)
class UndoTicket:
    """What an action wrote: its change-log entries (by seq), oldest first."""

    label: str
    seqs: tuple[int, ...]

    @property
    def empty(self) -> bool:
        return not self.seqs


def last_change_seq(store: Store) -> int:
    with store.reading() as session:
        return int(session.scalar(select(func.max(ChangeLog.seq))) or 0)


def undoable(
    store: Store, actor: Actor, label: str, action: Callable[[], T]
) -> tuple[T, UndoTicket]:
    """Run ``action`` (which writes as ``actor``) and return its result and its undo ticket.

    Runs on the database worker, where writes happen one after another: the
    entries after the last seq seen before the action, written by ``actor``, are
    the action's own.
    """
    before = last_change_seq(store)
    result = action()
    with store.reading() as session:
        seqs = session.scalars(
            select(ChangeLog.seq)
            .where(ChangeLog.seq > before, ChangeLog.actor_id == actor.user_id)
            .order_by(ChangeLog.seq)
        ).all()
    return result, UndoTicket(label, tuple(seqs))


def undo(store: Store, actor: Actor, ticket: UndoTicket) -> ChangeSet:
    """Write the inverse of the ticket's changes as ``actor``; refuse once they were pushed."""
    if ticket.empty:
        return ChangeSet([])
    with unit_of_work(store, actor) as work:
        entries = work.session.scalars(
            select(ChangeLog).where(ChangeLog.seq.in_(ticket.seqs)).order_by(ChangeLog.seq.desc())
        ).all()
        if len(entries) != len(ticket.seqs) or any(e.pushed_at is not None for e in entries):
            raise UndoExpired(
                "the last sync already sent this to the server; change it back by hand"
            )
        for entry in entries:
            _check_not_changed_since(work, entry)
            _reverse(work, entry.entity, entry.record_id, entry.op, entry.fields)
    return ChangeSet(work.changes)


def _check_not_changed_since(work: UnitOfWork, entry: ChangeLog) -> None:
    later = work.session.scalar(
        select(func.count())
        .select_from(ChangeLog)
        .where(ChangeLog.record_id == entry.record_id, ChangeLog.seq > entry.seq)
    )
    if later:
        raise UndoExpired("the record was changed again since; change it back by hand")


def _reverse(
    work: UnitOfWork, entity: str, record_id: uuid.UUID, op: str, fields: dict[str, Any]
) -> None:
    spec = entity_spec(entity)
    old = {name: pair[0] for name, pair in fields.items()}
    if op == "create":
        work.delete(entity, record_id)
    elif op == "update":
        # Fields the services maintain (system, derived) follow from the others again.
        settable = {name: value for name, value in old.items() if _settable(work, entity, name)}
        if settable:
            work.update(entity, record_id, settable)
    elif op == "delete":
        known = {name: value for name, value in old.items() if name in spec.by_name}
        work.create(
            entity,
            {name: value for name, value in known.items() if _settable(work, entity, name)},
            record_id=record_id,
        )
    else:
        raise UndoExpired(f"a {op} cannot be undone here")


def _settable(work: UnitOfWork, entity: str, name: str) -> bool:
    """Whether the undo may set ``name``: the role may edit it and the services do not own it."""
    field = entity_spec(entity).by_name.get(name)
    return work.policy.can_edit(entity, name) and not (field is not None and field.system)
