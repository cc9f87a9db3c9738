"""What a push batch reads once, up front: outcomes, versions, records, scope, the counter.

Loaded right after the feed lock, so nothing another writer commits can make it
stale; the batch keeps it up to date as it writes. Changes that touch records
the batch did not load (a merge repointing links, a delete cascading) call
``forget()``, and every later lookup goes to the database as before.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from contactdesk.server.sync import feed_writes
from contactdesk.server.sync.tables import (
    FeedCounter,
    FieldVersion,
    PushOutcome,
    RecordVersion,
)
from contactdesk.services.actor import Actor
from contactdesk.services.field_catalog import ENTITIES
from contactdesk.services.field_rules import Policy, scope_clause
from contactdesk.sync_protocol import PushedChange

# Far below every database's bound-parameter limit.
CHUNK = 500


def _chunks(ids: list[uuid.UUID]) -> Iterable[list[uuid.UUID]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


@dataclass
class BatchState:
    """One batch's view of the feed tables, read in bulk, kept current as it writes."""

    counter: int
    first_counter: int
    outcomes: dict[uuid.UUID, PushOutcome]
    versions: dict[uuid.UUID, RecordVersion | None]
    field_rows: dict[uuid.UUID, dict[str, FieldVersion]]
    in_scope: dict[str, set[uuid.UUID]]
    # Held so the session's identity map (weak references) keeps them for its gets.
    records: list[Any]
    valid: bool = True

    @classmethod
    def load(
        cls, session: Session, actor: Actor, policy: Policy, changes: list[PushedChange]
    ) -> BatchState:
        """Read what ``changes`` will look at: a few IN queries, whatever the batch size."""
        ids = list(dict.fromkeys(change.record_id for change in changes))
        change_ids = list(dict.fromkeys(change.change_id for change in changes))
        outcomes: dict[uuid.UUID, PushOutcome] = {}
        for chunk in _chunks(change_ids):
            for outcome in session.scalars(
                select(PushOutcome).where(PushOutcome.change_id.in_(chunk))
            ):
                outcomes[outcome.change_id] = outcome
        versions: dict[uuid.UUID, RecordVersion | None] = dict.fromkeys(ids)
        field_rows: dict[uuid.UUID, dict[str, FieldVersion]] = {key: {} for key in ids}
        for chunk in _chunks(ids):
            for row in session.scalars(
                select(RecordVersion).where(RecordVersion.record_id.in_(chunk))
            ):
                versions[row.record_id] = row
            for version in session.scalars(
                select(FieldVersion).where(FieldVersion.record_id.in_(chunk))
            ):
                field_rows[version.record_id][version.field] = version
        in_scope: dict[str, set[uuid.UUID]] = {}
        records: list[Any] = []
        by_entity: dict[str, list[uuid.UUID]] = {}
        for change in changes:
            if change.entity in ENTITIES:
                by_entity.setdefault(change.entity, []).append(change.record_id)
        for entity, entity_ids in by_entity.items():
            spec = ENTITIES[entity]
            model: Any = spec.model
            scoped: set[uuid.UUID] = set()
            for chunk in _chunks(list(dict.fromkeys(entity_ids))):
                # Loading the rows puts them in the session: the unit of work's gets are free.
                records.extend(session.scalars(select(model).where(model.id.in_(chunk))))
                scoped.update(
                    session.scalars(
                        select(model.id).where(
                            model.id.in_(chunk), scope_clause(spec, policy, actor)
                        )
                    )
                )
            in_scope[entity] = scoped
        counter = int(
            session.scalar(select(FeedCounter.value).where(FeedCounter.name == feed_writes.FEED))
            or 0
        )
        return cls(counter, counter, outcomes, versions, field_rows, in_scope, records)

    # -- sequence -----------------------------------------------------------

    def next_seq(self) -> int:
        """The next sequence number of the batch's range (the feed lock makes it ours)."""
        self.counter += 1
        return self.counter

    def store_counter(self, session: Session) -> None:
        """Write the last number handed out back to the counter (once per batch)."""
        if self.counter != self.first_counter:
            session.execute(
                update(FeedCounter)
                .where(FeedCounter.name == feed_writes.FEED)
                .values(value=self.counter)
            )

    # -- lookups ------------------------------------------------------------

    def forget(self, session: Session) -> None:
        """Stop trusting what was loaded: later lookups query the database."""
        # What the batch wrote so far must be in the database those queries read.
        session.flush()
        self.valid = False

    def known_in_scope(self, entity: str, record_id: uuid.UUID) -> bool:
        return self.valid and record_id in self.in_scope.get(entity, set())

    def record_version(self, session: Session, record_id: uuid.UUID) -> RecordVersion | None:
        if self.valid and record_id in self.versions:
            return self.versions[record_id]
        return feed_writes.record_version(session, record_id)

    def field_versions(self, session: Session, record_id: uuid.UUID) -> dict[str, int]:
        if self.valid and record_id in self.field_rows:
            return {name: int(row.version) for name, row in self.field_rows[record_id].items()}
        return feed_writes.field_versions(session, record_id)

    # -- writes -------------------------------------------------------------

    def mark_created(self, session: Session, entity: str, record_id: uuid.UUID, seq: int) -> None:
        """A new (or recreated) record at ``seq``; see ``feed_writes.mark_created``."""
        if not (self.valid and record_id in self.versions):
            feed_writes.mark_created(session, entity, record_id, seq)
            return
        existing = self.versions[record_id]
        if existing is None:
            row = RecordVersion(
                record_id=record_id, entity=entity, version=seq, created_version=seq, deleted=False
            )
            session.add(row)
            self.versions[record_id] = row
        else:
            existing.version = seq
            existing.created_version = seq
            existing.deleted = False
            existing.merged_into = None
        if self.field_rows[record_id]:
            session.execute(delete(FieldVersion).where(FieldVersion.record_id == record_id))
            self.field_rows[record_id] = {}

    def mark_changed(
        self, session: Session, record_id: uuid.UUID, fields: Iterable[str], seq: int
    ) -> None:
        """``fields`` of an existing record changed at ``seq``; see ``feed_writes.mark_changed``."""
        row = self.versions.get(record_id) if self.valid else None
        if row is None:
            feed_writes.mark_changed(session, record_id, fields, seq)
            return
        if row.deleted:
            return
        row.version = seq
        known = self.field_rows[record_id]
        for name in dict.fromkeys(fields):
            if name in known:
                known[name].version = seq
            else:
                known[name] = FieldVersion(record_id=record_id, field=name, version=seq)
                session.add(known[name])
