"""Admins decide, per role and field, hidden / read / edit, and each role's record scope."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from sqlalchemy import select

from contactdesk.errors import NotFound, ValidationError
from contactdesk.model import FieldDefinition, FieldRule, Role
from contactdesk.model.governance import ACCESS_LEVELS, SCOPES
from contactdesk.services.actor import Actor
from contactdesk.services.changes import Change, ChangeSet
from contactdesk.services.custom_fields import require_admin
from contactdesk.services.defaults import default_access
from contactdesk.services.unit_of_work import UnitOfWork, unit_of_work
from contactdesk.store.local_store import Store

ROLE_NAME = re.compile(r"^[a-z][a-z0-9_-]{0,39}$")


@dataclass(frozen=True)
class RuleRow:
    """One line of the rule matrix: a field and each role's access to it."""

    entity: str
    field: str
    label: str
    type: str
    builtin: bool
    retired: bool
    access: dict[str, str]


@dataclass(frozen=True)
class RoleInfo:
    name: str
    label: str
    scope: str
    builtin: bool


def list_roles(store: Store) -> list[RoleInfo]:
    """Every role with its record scope, by name."""
    with store.reading() as session:
        return [
            RoleInfo(role.name, role.label, role.scope, role.builtin)
            for role in session.scalars(select(Role).order_by(Role.name))
        ]


def _role(work: UnitOfWork, name: str) -> Role:
    role = work.session.scalar(select(Role).where(Role.name == name))
    if role is None:
        known = ", ".join(work.session.scalars(select(Role.name).order_by(Role.name)))
        raise NotFound(f"no role {name!r} (roles: {known})")
    return role


def set_rule(store: Store, actor: Actor, role: str, field: str, access: str) -> ChangeSet:
    """Set ``role``'s access to ``field`` (``entity.name``): hidden, read or edit."""
    require_admin(store, actor)
    if access not in ACCESS_LEVELS:
        raise ValidationError("rule.access", f"{access!r} is not one of {', '.join(ACCESS_LEVELS)}")
    entity, _, name = field.partition(".")
    if not name:
        raise ValidationError("rule.field", f"{field!r}: give the field as ENTITY.FIELD")
    with unit_of_work(store, actor) as work:
        role_row = _role(work, role)
        if "administer" in (role_row.capabilities or ()) and access != "edit":
            raise ValidationError(
                "rule.role", f"{role!r} may administer, so it always edits every field"
            )
        definition = work.session.scalar(
            select(FieldDefinition).where(
                FieldDefinition.entity == entity, FieldDefinition.name == name
            )
        )
        if definition is None:
            raise NotFound(f"no field {field}")
        rule = work.session.scalar(
            select(FieldRule).where(
                FieldRule.role_id == role_row.id, FieldRule.field_id == definition.id
            )
        )
        if rule is None:
            rule = FieldRule(role_id=role_row.id, field_id=definition.id, access=access)
            work.session.add(rule)
            work.session.flush()
            work.record_change(
                Change("field_rule", rule.id, "create", _rule_fields(role, field, None, access))
            )
        elif rule.access != access:
            old = rule.access
            rule.access = access
            work.record_change(
                Change("field_rule", rule.id, "update", _rule_fields(role, field, old, access))
            )
    return ChangeSet(work.changes)


def _rule_fields(
    role: str, field: str, old: str | None, new: str
) -> dict[str, tuple[object, object]]:
    return {"role": (role, role), "field": (field, field), "access": (old, new)}


def set_scope(store: Store, actor: Actor, role: str, scope: str) -> ChangeSet:
    """Which records ``role`` sees: its own (and unassigned), its team's, or all."""
    require_admin(store, actor)
    if scope not in SCOPES:
        raise ValidationError("role.scope", f"{scope!r} is not one of {', '.join(SCOPES)}")
    with unit_of_work(store, actor) as work:
        role_row = _role(work, role)
        if "administer" in (role_row.capabilities or ()) and scope != "all":
            raise ValidationError(
                "role.scope", f"{role!r} may administer, so it always sees all records"
            )
        if role_row.scope != scope:
            work.record_change(
                Change("role", role_row.id, "update", {"scope": (role_row.scope, scope)})
            )
            role_row.scope = scope
    return ChangeSet(work.changes)


def add_role(
    store: Store,
    actor: Actor,
    name: str,
    *,
    label: str | None = None,
    scope: str = "own",
    like: str | None = None,
) -> ChangeSet:
    """A new role; its rules copy role ``like`` if given, else every field starts hidden."""
    require_admin(store, actor)
    if not ROLE_NAME.match(name):
        raise ValidationError("role.name", f"{name!r}: lower-case letters, digits, - and _")
    if scope not in SCOPES:
        raise ValidationError("role.scope", f"{scope!r} is not one of {', '.join(SCOPES)}")
    with unit_of_work(store, actor) as work:
        if work.session.scalar(select(Role.id).where(Role.name == name)) is not None:
            raise ValidationError("role.name", f"a role {name!r} exists already")
        template = _role(work, like) if like else None
        role = Role(name=name, label=(label or name.capitalize())[:80], scope=scope, builtin=False)
        work.session.add(role)
        work.session.flush()
        work.record_change(
            Change("role", role.id, "create", {"name": (None, name), "scope": (None, scope)})
        )
        copied: dict[uuid.UUID, str] = {}
        if template is not None:
            rows = work.session.execute(
                select(FieldRule.field_id, FieldRule.access).where(FieldRule.role_id == template.id)
            )
            copied = {field_id: access for field_id, access in rows}
        for definition in work.session.scalars(select(FieldDefinition)):
            access = copied.get(definition.id) or default_access(
                name, definition.entity, definition.name
            )
            rule = FieldRule(role_id=role.id, field_id=definition.id, access=access)
            work.session.add(rule)
    return ChangeSet(work.changes)


def rule_matrix(store: Store, entity: str | None = None) -> tuple[list[str], list[RuleRow]]:
    """Roles (columns) and one row per field with each role's access, for the matrix editor."""
    with store.reading() as session:
        roles = list(session.execute(select(Role.id, Role.name).order_by(Role.name)))
        query = select(FieldDefinition).order_by(FieldDefinition.entity, FieldDefinition.position)
        if entity:
            query = query.where(FieldDefinition.entity == entity)
        definitions = list(session.scalars(query))
        access: dict[tuple[object, object], str] = {
            (field_id, role_id): level
            for field_id, role_id, level in session.execute(
                select(FieldRule.field_id, FieldRule.role_id, FieldRule.access)
            )
        }
        role_names = [name for _, name in roles]
        rows = [
            RuleRow(
                d.entity,
                d.name,
                d.label,
                d.type,
                d.builtin,
                d.retired,
                {name: access.get((d.id, role_id), "hidden") for role_id, name in roles},
            )
            for d in definitions
        ]
        return role_names, rows
