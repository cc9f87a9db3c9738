"""Reading and checking one record's fields for a role: stored forms, current values, scope."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from contactdesk.errors import AccessDenied, ValidationError
from contactdesk.model import FunnelStage
from contactdesk.services.actor import Actor
from contactdesk.services.custom_values import read_values
from contactdesk.services.field_catalog import ENTITIES, EntitySpec, FieldSpec
from contactdesk.services.field_rules import CustomField, Policy, scope_clause
from contactdesk.services.field_values import coerce_value, json_safe

# Column limits the catalog's coerce_value does not know about; a value past
# them would make PostgreSQL fail the statement (a 500) instead of a clear 422.
INTEGER_LIMIT = 2**31 - 1
MONEY_LIMIT = 10**12
NUMBER_LIMIT = 10**15


def entity_spec_or_refuse(entity: str) -> EntitySpec:
    spec = ENTITIES.get(entity)
    if spec is None:
        known = ", ".join(sorted(ENTITIES))
        raise ValidationError("entity", f"unknown entity {entity!r} (known: {known})")
    return spec


def field_spec(spec: EntitySpec, policy: Policy, name: str) -> FieldSpec | CustomField:
    """The built-in or (live) custom field ``name``; ValidationError naming it if none."""
    if name in spec.by_name:
        return spec.by_name[name]
    custom = policy.custom_by_name(spec.name, name)
    if custom is None:
        raise ValidationError(f"{spec.name}.{name}", "no such field")
    if custom.retired:
        raise ValidationError(f"{spec.name}.{name}", "this field is retired")
    return custom


def stored_form(session: Session, spec: EntitySpec, policy: Policy, name: str, value: Any) -> Any:
    """The value as the server would store it (validated), for comparing with the server's."""
    field = field_spec(spec, policy, name)
    label = f"{spec.name}.{name}"
    _check_json_type(field, label, value)
    # Checked before coercion too: float() of a huge JSON integer raises OverflowError.
    _check_magnitude(field, label, value)
    if isinstance(field, CustomField):
        stored = coerce_value(field.as_spec(), value, spec.name)
    elif field.type == "stage" and value is not None:
        return _stage_id(session, label, value)
    else:
        stored = coerce_value(field, value, spec.name)
    if field.type == "stage_list" and stored:
        # Funnel stages by id, as the desktop stores them (a rename keeps the links).
        stored = sorted({_stage_id(session, label, item).hex for item in stored})
    _check_magnitude(field, label, stored)
    return stored


def current_values(
    session: Session, spec: EntitySpec, policy: Policy, record: Any, names: list[str]
) -> dict[str, Any]:
    """The server's present values of ``names`` on ``record`` (JSON-safe)."""
    customs = [c for c in (policy.custom_by_name(spec.name, n) for n in names) if c is not None]
    custom_values = read_values(session, [record.id], customs).get(record.id, {})
    values: dict[str, Any] = {}
    for name in names:
        if name in spec.by_name:
            values[name] = json_safe(getattr(record, name))
        else:
            values[name] = json_safe(custom_values.get(name))
    return values


def require_in_scope(
    session: Session, spec: EntitySpec, policy: Policy, actor: Actor, record_id: uuid.UUID
) -> None:
    model: Any = spec.model
    found = session.scalar(
        select(model.id).where(model.id == record_id, scope_clause(spec, policy, actor))
    )
    if found is None:
        raise AccessDenied(
            f"{spec.name} {record_id} is outside the record scope of role {policy.role!r}"
        )


# The JSON type a pushed value must have for each field type (None always clears a field).
# Clients send stored values (sync_protocol: dates as ISO text, ids as UUID text); the
# permissive reading of typed-in text ("1,200", "yes") is for people, not the wire.
_JSON_TYPES: dict[str, tuple[tuple[type, ...], str]] = {
    "number": ((int, float), "a number"),
    "money": ((int, float), "a number"),
    "integer": ((int, float), "a whole number"),
    "boolean": ((bool,), "true or false"),
    "list": ((list,), "a list of text"),
    "stage_list": ((list,), "a list of funnel stage ids"),
    "multi_choice": ((list,), "a list of text"),
}


def _check_json_type(field: FieldSpec | CustomField, label: str, value: Any) -> None:
    """A 422 naming the field when a pushed value has the wrong JSON type for it."""
    if value is None:
        return
    wanted, expected = _JSON_TYPES.get(field.type, ((str,), "text"))
    fits = isinstance(value, wanted) and not (isinstance(value, bool) and bool not in wanted)
    if not fits:
        raise ValidationError(label, f"expects {expected} for a {field.type} field")


def _check_magnitude(field: FieldSpec | CustomField, label: str, value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return
    limit = {"integer": INTEGER_LIMIT, "money": MONEY_LIMIT}.get(field.type, NUMBER_LIMIT)
    if abs(value) >= limit:
        raise ValidationError(label, f"is too large (limit {limit:.0e})")


def _stage_id(session: Session, label: str, value: Any) -> uuid.UUID:
    text = str(value).strip()
    try:
        stage_id = uuid.UUID(text)
    except ValueError:
        found = session.scalar(select(FunnelStage.id).where(FunnelStage.name == text))
    else:
        found = session.scalar(select(FunnelStage.id).where(FunnelStage.id == stage_id))
    if found is None:
        names = ", ".join(session.scalars(select(FunnelStage.name).order_by(FunnelStage.position)))
        raise ValidationError(label, f"unknown stage {text!r} (stages: {names})")
    return found
