"""Named segments: save, list, open, rename/edit and delete, each one logged for sync.

Segments are records like any other, so every write goes through a unit of
work and leaves a ``segment`` change in the change log. A definition is
validated for the saving actor before it is stored.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from contactdesk.errors import NotFound, ValidationError
from contactdesk.model import Segment
from contactdesk.segments.segment_counts import validate_segment
from contactdesk.segments.segment_definition import SegmentDefinition, parse_definition
from contactdesk.services.actor import Actor
from contactdesk.services.capabilities import require
from contactdesk.services.changes import Change
from contactdesk.services.unit_of_work import unit_of_work
from contactdesk.store.local_store import Store

NAME_LIMIT = 120


@dataclass(frozen=True)
class SavedSegment:
    id: uuid.UUID
    name: str
    definition: SegmentDefinition
    owner_id: uuid.UUID | None


def _require_editor(store: Store, actor: Actor) -> None:
    # Marketing builds segments (DESIGN.md) and admins maintain them: the edit_segments
    # capability of their roles, which an admin can give any role.
    require(store, actor, "edit_segments", "save or delete segments")


def _clean_name(name: str) -> str:
    cleaned = name.strip()
    if not cleaned:
        raise ValidationError("segment.name", "a segment needs a name")
    if len(cleaned) > NAME_LIMIT:
        raise ValidationError("segment.name", f"at most {NAME_LIMIT} characters")
    return cleaned


def save_segment(
    store: Store,
    actor: Actor,
    name: str,
    definition: SegmentDefinition | dict[str, Any],
    *,
    segment_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """Create a segment, or replace the name and definition of ``segment_id``; returns its id.

    Names are unique: saving under another segment's name is refused.
    """
    _require_editor(store, actor)
    cleaned = _clean_name(name)
    parsed = parse_definition(definition)
    validate_segment(store, actor, parsed)
    stored = parsed.to_json()
    with unit_of_work(store, actor) as work:
        session = work.session
        clash = session.scalar(select(Segment.id).where(Segment.name == cleaned))
        if clash is not None and clash != segment_id:
            raise ValidationError("segment.name", f"a segment called {cleaned!r} exists")
        if segment_id is None:
            segment = Segment(
                id=uuid.uuid4(), name=cleaned, definition=stored, owner_id=actor.user_id
            )
            session.add(segment)
            session.flush()
            fields: dict[str, tuple[Any, Any]] = {
                "name": (None, cleaned),
                "definition": (None, stored),
                "owner_id": (None, actor.user_id),
            }
            work.record_change(Change("segment", segment.id, "create", fields))
            return segment.id
        existing = session.get(Segment, segment_id)
        if existing is None:
            raise NotFound(f"no segment with id {segment_id}")
        fields = {}
        if existing.name != cleaned:
            fields["name"] = (existing.name, cleaned)
            existing.name = cleaned
        if existing.definition != stored:
            fields["definition"] = (existing.definition, stored)
            existing.definition = stored
        if fields:
            session.flush()
            work.record_change(Change("segment", existing.id, "update", fields, existing.version))
        return existing.id


def list_segments(store: Store) -> list[SavedSegment]:
    """Every saved segment by name (definitions that no longer parse are left out)."""
    with store.reading() as session:
        rows = list(session.scalars(select(Segment).order_by(Segment.name)))
    found = []
    for row in rows:
        try:
            found.append(
                SavedSegment(row.id, row.name, parse_definition(row.definition), row.owner_id)
            )
        except ValidationError:
            continue
    return found


def open_segment(store: Store, name_or_id: str | uuid.UUID) -> SavedSegment:
    """A saved segment by name or id; NotFound lists the names there are."""
    with store.reading() as session:
        row = None
        if isinstance(name_or_id, uuid.UUID):
            row = session.get(Segment, name_or_id)
        else:
            row = session.scalar(select(Segment).where(Segment.name == name_or_id.strip()))
        if row is None:
            names = (
                ", ".join(session.scalars(select(Segment.name).order_by(Segment.name))) or "none"
            )
            raise NotFound(f"no segment {str(name_or_id)!r} (segments: {names})")
        return SavedSegment(row.id, row.name, parse_definition(row.definition), row.owner_id)


def delete_segment(store: Store, actor: Actor, segment_id: uuid.UUID) -> None:
    """Delete a saved segment (campaigns that targeted it keep running, untargeted)."""
    _require_editor(store, actor)
    with unit_of_work(store, actor) as work:
        segment = work.session.get(Segment, segment_id)
        if segment is None:
            raise NotFound(f"no segment with id {segment_id}")
        fields: dict[str, tuple[Any, Any]] = {
            "name": (segment.name, None),
            "definition": (segment.definition, None),
        }
        version = segment.version
        work.session.delete(segment)
        work.session.flush()
        work.record_change(Change("segment", segment_id, "delete", fields, version))
