"""Admins decide, per role and field, hidden / read / edit, and each role's record scope."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from contactdesk.model import FieldDefinition, FieldRule, Role
from contactdesk.services import governance
from contactdesk.services.actor import Actor
from contactdesk.services.changes import ChangeSet
from contactdesk.services.custom_fields import require_admin
from contactdesk.services.unit_of_work import unit_of_work
from contactdesk.store.local_store import Store


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


def set_rule(store: Store, actor: Actor, role: str, field: str, access: str) -> ChangeSet:
    """Set ``role``'s access to ``field`` (``entity.name``): hidden, read or edit."""
    require_admin(store, actor)
    entity, name = governance.parse_field(field)
    with unit_of_work(store, actor) as work:
        governance.set_rule(work.session, work, role, entity, name, access)
    return ChangeSet(work.changes)


def set_scope(store: Store, actor: Actor, role: str, scope: str) -> ChangeSet:
    """Which records ``role`` sees: its own (and unassigned), its team's, or all."""
    require_admin(store, actor)
    with unit_of_work(store, actor) as work:
        row = governance.role_named(work.session, role)
        governance.change_role(work.session, work, row, scope=scope)
    return ChangeSet(work.changes)


def add_role(
    store: Store,
    actor: Actor,
    name: str,
    *,
    label: str | None = None,
    scope: str = "own",
    like: str | None = None,
    capabilities: Iterable[str] = (),
) -> ChangeSet:
    """A new role; its rules copy role ``like`` if given, else every field starts hidden."""
    require_admin(store, actor)
    with unit_of_work(store, actor) as work:
        governance.add_role(
            work.session,
            work,
            name,
            label=label,
            scope=scope,
            like=like,
            capabilities=capabilities,
        )
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
