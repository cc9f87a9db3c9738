"""Keeping the feed true when a delete or merge touches the records that point at one.

The database cascades a delete (ON DELETE CASCADE / SET NULL); without this,
the records it removed or changed would never reach clients' feeds.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

from sqlalchemy import Column, Table, delete, select, update
from sqlalchemy.orm import Session

from contactdesk.model import CustomValue
from contactdesk.model.base import Base
from contactdesk.server.sync import feed_writes
from contactdesk.services.field_catalog import ENTITIES
from contactdesk.services.unit_of_work import CHILD_PARTS, UnitOfWork

# Far below every database's bound-parameter limit.
CHUNK = 500
ENTITY_BY_TABLE: dict[str, str] = {
    spec.model.__tablename__: name for name, spec in ENTITIES.items()
}


def _links_to(table: Table) -> Iterator[tuple[Table, Column[uuid.UUID], str | None]]:
    for other in Base.metadata.sorted_tables:
        for foreign_key in other.foreign_keys:
            if foreign_key.column.table is table:
                yield other, foreign_key.parent, foreign_key.ondelete


def table_of(entity: str) -> Table:
    table = ENTITIES[entity].model.__table__
    assert isinstance(table, Table)
    return table


def prepare_delete(session: Session, entity: str, record_id: uuid.UUID, seq: int) -> None:
    """Before a delete: tombstone what it cascades to, version what it unlinks."""
    for other, column, ondelete in _links_to(table_of(entity)):
        linked_entity = ENTITY_BY_TABLE.get(other.name)
        if linked_entity is None:
            continue
        ids = list(session.scalars(select(other.c.id).where(column == record_id)))
        rule = (ondelete or "").upper()
        for linked_id in ids:
            if rule == "CASCADE":
                prepare_delete(session, linked_entity, linked_id, seq)
                drop_custom_values(session, linked_id)
                feed_writes.mark_deleted(session, linked_id, seq)
            elif rule == "SET NULL":
                feed_writes.mark_changed(session, linked_id, [column.name], seq)
        if ids and rule == "SET NULL":
            session.execute(update(other).where(other.c.id.in_(ids)).values(version=seq))


def repoint(
    session: Session, work: UnitOfWork, entity: str, loser: uuid.UUID, winner: uuid.UUID, seq: int
) -> None:
    """Make every link to ``loser`` point at ``winner`` (a merge), versioning the records moved.

    Records and parts move through the unit of work (``relink_children``,
    ``relink_parts``): the role must be allowed to edit each link, and every
    record moved must be in its scope, as for a merge on the desktop. Rows that
    are no record (a photo, a clock's bookkeeping) follow with a plain update.
    """
    parts = {
        part.model.__tablename__: child
        for child, part in CHILD_PARTS.items()
        if part.parent == entity
    }
    for other, column, _ondelete in _links_to(table_of(entity)):
        linked_entity = ENTITY_BY_TABLE.get(other.name)
        if linked_entity is not None:
            moved = work.relink_children(linked_entity, column.name, loser, winner)
            for linked_id in moved:
                feed_writes.mark_changed(session, linked_id, [column.name], seq)
            for start in range(0, len(moved), CHUNK):
                chunk = moved[start : start + CHUNK]
                session.execute(update(other).where(other.c.id.in_(chunk)).values(version=seq))
        elif other.name in parts:
            work.relink_parts(parts[other.name], loser, winner)
        else:
            session.execute(update(other).where(column == loser).values({column.name: winner}))


def drop_custom_values(session: Session, record_id: uuid.UUID) -> None:
    """Custom values have no foreign key to their record (any entity), so delete them here."""
    session.execute(delete(CustomValue).where(CustomValue.record_id == record_id))
