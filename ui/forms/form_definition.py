"""Everything a record form needs, read in one worker task: fields, rules, record, options."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from contactdesk.services.actor import Actor
from contactdesk.services.field_catalog import FieldSpec
from contactdesk.services.record_queries import (
    Record,
    editable_fields,
    get_record,
    label_key,
    visible_fields,
)
from contactdesk.store import Store
from ui.forms.reference_options import ReferenceOption, reference_options

REFERENCE_TYPES = ("reference", "stage")


@dataclass(frozen=True)
class FormDefinition:
    """The fields ``actor``'s role sees on ``entity`` (in order), which it may edit, and values."""

    entity: str
    fields: list[FieldSpec]
    editable: frozenset[str]
    record: Record | None = None
    options: dict[str, list[ReferenceOption]] = field(default_factory=dict)

    def stored_value(self, spec: FieldSpec) -> object:
        """The record's value for ``spec``; references as (id, title) for the picker."""
        if self.record is None:
            return None
        value = self.record.get(spec.name)
        if spec.type in REFERENCE_TYPES:
            return (value, self.record.get(label_key(spec.name)))
        return value


def load_form_definition(
    store: Store, actor: Actor, entity: str, record_id: uuid.UUID | str | None = None
) -> FormDefinition:
    """Runs on the database worker. Options are read for editable reference fields only."""
    fields = visible_fields(store, actor, entity)
    editable = frozenset(editable_fields(store, actor, entity))
    record = get_record(store, actor, entity, record_id) if record_id is not None else None
    options = {
        spec.name: reference_options(store, actor, spec.target or "funnel_stage")
        for spec in fields
        if spec.type in REFERENCE_TYPES and spec.name in editable
    }
    return FormDefinition(entity, fields, editable, record, options)
