"""Admins add, rename and retire custom fields; retiring keeps the data."""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence

from sqlalchemy import func, select

from contactdesk.errors import NotFound, ValidationError
from contactdesk.model import FieldDefinition, FieldRule, Role
from contactdesk.services.actor import Actor
from contactdesk.services.capabilities import require
from contactdesk.services.changes import Change, ChangeSet
from contactdesk.services.field_catalog import CUSTOM_FIELD_TYPES, ENTITIES, GOVERNED_ENTITIES
from contactdesk.services.field_rules import META_FIELDS
from contactdesk.services.unit_of_work import UnitOfWork, unit_of_work
from contactdesk.store.local_store import Store

FIELD_NAME = re.compile(r"^[a-z][a-z0-9_]{0,59}$")
CHOICE_TYPES = ("choice", "multi_choice")
# A new custom field is readable by every role until an admin decides otherwise;
# admins edit it. Hidden-by-default would make a field nobody can fill in.
# A role that has no rule for the record's title field (a role added without rules).
NEW_FIELD_FALLBACK_ACCESS = "hidden"


def require_admin(store: Store, actor: Actor) -> None:
    """Refuse anyone whose role may not administer: governance is theirs alone."""
    require(store, actor, "administer", "change fields, rules, the funnel or settings")


def _check_choices(field_type: str, choices: Sequence[str] | None) -> list[str] | None:
    cleaned = [choice.strip() for choice in choices or () if choice.strip()]
    if field_type in CHOICE_TYPES:
        if not cleaned:
            raise ValidationError("field.choices", f"a {field_type} field needs choices")
        if len(set(cleaned)) != len(cleaned):
            raise ValidationError("field.choices", "choices must be different from each other")
        return cleaned
    if cleaned:
        raise ValidationError("field.choices", f"a {field_type} field takes no choices")
    return None


def _check_name(work: UnitOfWork, entity: str, name: str) -> None:
    if entity not in GOVERNED_ENTITIES:
        raise ValidationError(
            "field.entity", f"custom fields go on: {', '.join(GOVERNED_ENTITIES)}"
        )
    if not FIELD_NAME.match(name):
        raise ValidationError(
            "field.name", f"{name!r}: use lower-case letters, digits and _ (start with a letter)"
        )
    if name in ENTITIES[entity].by_name or name in META_FIELDS or name.endswith("_id"):
        raise ValidationError("field.name", f"{name!r} is a built-in field name of {entity}")
    taken = work.session.scalar(
        select(FieldDefinition.id).where(
            FieldDefinition.entity == entity, FieldDefinition.name == name
        )
    )
    if taken is not None:
        raise ValidationError("field.name", f"{entity} already has a field {name!r}")


def _title_access(work: UnitOfWork, entity: str) -> dict[uuid.UUID, str]:
    """Each role's access to the title field of ``entity`` (role id -> level)."""
    rows = work.session.execute(
        select(FieldRule.role_id, FieldRule.access)
        .join(FieldDefinition, FieldDefinition.id == FieldRule.field_id)
        .where(
            FieldDefinition.entity == entity,
            FieldDefinition.name == ENTITIES[entity].title_field,
        )
    )
    return {role_id: access for role_id, access in rows}


def add_custom_field(
    store: Store,
    actor: Actor,
    entity: str,
    name: str,
    field_type: str,
    *,
    label: str | None = None,
    choices: Sequence[str] | None = None,
) -> ChangeSet:
    """Define a custom field on ``entity`` with a default rule for every role.

    Each role starts with the access it has to the record's title field: the roles
    that work on the record (edit its name) can fill the new field in at once, those
    that only read such records read it, and those that never see them do not.
    """
    require_admin(store, actor)
    if field_type not in CUSTOM_FIELD_TYPES:
        raise ValidationError("field.type", f"{field_type!r} is not one of {CUSTOM_FIELD_TYPES}")
    checked = _check_choices(field_type, choices)
    text_label = (label or name.replace("_", " ").capitalize()).strip()[:120]
    with unit_of_work(store, actor) as work:
        _check_name(work, entity, name)
        position = work.session.scalar(
            select(func.coalesce(func.max(FieldDefinition.position), 0) + 1).where(
                FieldDefinition.entity == entity
            )
        )
        definition = FieldDefinition(
            entity=entity,
            name=name,
            label=text_label,
            type=field_type,
            builtin=False,
            choices=checked,
            position=position or 0,
        )
        work.session.add(definition)
        work.session.flush()
        work.record_change(
            Change(
                "field_definition",
                definition.id,
                "create",
                {
                    "entity": (None, entity),
                    "name": (None, name),
                    "label": (None, text_label),
                    "type": (None, field_type),
                    "choices": (None, checked),
                },
            )
        )
        title_access = _title_access(work, entity)
        for role in work.session.scalars(select(Role)):
            access = title_access.get(role.id, NEW_FIELD_FALLBACK_ACCESS)
            rule = FieldRule(role_id=role.id, field_id=definition.id, access=access)
            work.session.add(rule)
            work.session.flush()
            work.record_change(
                Change(
                    "field_rule",
                    rule.id,
                    "create",
                    {
                        "role": (None, role.name),
                        "field": (None, f"{entity}.{name}"),
                        "access": (None, access),
                    },
                )
            )
    return ChangeSet(work.changes)


def _custom_definition(work: UnitOfWork, entity: str, name: str) -> FieldDefinition:
    definition = work.session.scalar(
        select(FieldDefinition).where(
            FieldDefinition.entity == entity, FieldDefinition.name == name
        )
    )
    if definition is None:
        raise NotFound(f"no field {entity}.{name}")
    if definition.builtin:
        raise ValidationError(f"{entity}.{name}", "built-in fields cannot be renamed or retired")
    return definition


def update_custom_field(
    store: Store,
    actor: Actor,
    entity: str,
    name: str,
    *,
    label: str | None = None,
    choices: Sequence[str] | None = None,
    retired: bool | None = None,
) -> ChangeSet:
    """Relabel a custom field, change its choices, or retire/restore it (data is kept)."""
    require_admin(store, actor)
    with unit_of_work(store, actor) as work:
        definition = _custom_definition(work, entity, name)
        fields: dict[str, tuple[object, object]] = {}
        if label is not None:
            if not label.strip():
                raise ValidationError("field.label", "a field needs a label")
            fields["label"] = (definition.label, label.strip()[:120])
            definition.label = label.strip()[:120]
        if choices is not None:
            checked = _check_choices(definition.type, choices)
            fields["choices"] = (definition.choices, checked)
            definition.choices = checked
        if retired is not None and retired != definition.retired:
            fields["retired"] = (definition.retired, retired)
            definition.retired = retired
        if fields:
            work.record_change(Change("field_definition", definition.id, "update", fields))
    return ChangeSet(work.changes)
