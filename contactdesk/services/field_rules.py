"""Per-role field access (hidden / read / edit) and record scope, as one policy object.

This is the security rule of the product: every service that reads or writes
records asks the policy, so a hidden field never leaves the service layer.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, false, or_, select, true
from sqlalchemy.orm import Session

from contactdesk.errors import AccessDenied
from contactdesk.model import FieldDefinition, FieldRule, Role, User
from contactdesk.services.actor import Actor
from contactdesk.services.field_catalog import ENTITIES, EntitySpec, FieldSpec

# Every record carries these; they reveal nothing a rule could want to hide.
META_FIELDS = ("id", "created_at", "updated_at", "version")


@dataclass(frozen=True)
class CustomField:
    id: uuid.UUID
    entity: str
    name: str
    label: str
    type: str
    choices: tuple[str, ...]
    retired: bool

    def as_spec(self) -> FieldSpec:
        return FieldSpec(self.name, self.label, self.type, choices=self.choices)


def capability_refused(role: str, capability: str, what: str) -> AccessDenied:
    """The refusal of ``what`` to ``role``, which lacks ``capability`` (on every door alike)."""
    return AccessDenied(f"role {role!r} may not {what} (it needs the capability {capability!r})")


@dataclass
class Policy:
    """What one role may see and edit. Built from the store's rules; immutable in use."""

    role: str
    scope: str
    access: dict[tuple[str, str], str]
    custom_fields: dict[str, list[CustomField]] = field(default_factory=dict)
    # What the role may do beyond fields (``model.governance.CAPABILITIES``).
    capabilities: frozenset[str] = frozenset()
    # Statements built from this policy (projections), reused until rules change.
    cache: dict[tuple[str, str], Any] = field(default_factory=dict, repr=False, compare=False)

    def can(self, capability: str) -> bool:
        """Whether the role has ``capability`` (run_campaigns, hand_off_leads, ...)."""
        return capability in self.capabilities

    def require(self, capability: str, what: str) -> None:
        """Refuse, naming the role and the capability, unless the role has ``capability``.

        The one check of who may do what: a role name never decides it.
        """
        if capability not in self.capabilities:
            raise capability_refused(self.role, capability, what)

    def level(self, entity: str, name: str) -> str:
        if name in META_FIELDS:
            return "read"
        return self.access.get((entity, name), "hidden")

    def can_see(self, entity: str, name: str) -> bool:
        return self.level(entity, name) != "hidden"

    def can_edit(self, entity: str, name: str) -> bool:
        return self.level(entity, name) == "edit"

    def custom(self, entity: str, *, include_retired: bool = False) -> list[CustomField]:
        fields = self.custom_fields.get(entity, [])
        return [f for f in fields if include_retired or not f.retired]

    def custom_by_name(self, entity: str, name: str) -> CustomField | None:
        for custom in self.custom_fields.get(entity, []):
            if custom.name == name:
                return custom
        return None

    def visible_builtin(self, entity: str) -> list[FieldSpec]:
        return [spec for spec in ENTITIES[entity].fields if self.can_see(entity, spec.name)]

    def visible_custom(self, entity: str) -> list[CustomField]:
        return [f for f in self.custom(entity) if self.can_see(entity, f.name)]

    def visible_field_names(self, entity: str) -> list[str]:
        builtin = [spec.name for spec in self.visible_builtin(entity)]
        return builtin + [f.name for f in self.visible_custom(entity)]

    def require_visible(self, entity: str, name: str) -> None:
        if not self.can_see(entity, name):
            raise AccessDenied(
                f"role {self.role!r} may not see field {entity}.{name}", field=f"{entity}.{name}"
            )

    def require_editable(self, entity: str, names: Iterable[str]) -> None:
        for name in names:
            if not self.can_edit(entity, name):
                raise AccessDenied(
                    f"role {self.role!r} may not edit field {entity}.{name}",
                    field=f"{entity}.{name}",
                )


def load_policy(session: Session, role: str) -> Policy:
    """Read the rules of ``role`` from the store."""
    role_row = session.scalar(select(Role).where(Role.name == role))
    if role_row is None:
        known = ", ".join(session.scalars(select(Role.name).order_by(Role.name)))
        raise AccessDenied(f"unknown role {role!r} (known: {known})")
    rows = session.execute(
        select(FieldDefinition.entity, FieldDefinition.name, FieldRule.access)
        .join(FieldRule, FieldRule.field_id == FieldDefinition.id)
        .where(FieldRule.role_id == role_row.id)
    )
    access = {(entity, name): level for entity, name, level in rows}
    customs: dict[str, list[CustomField]] = {}
    for definition in session.scalars(
        select(FieldDefinition)
        .where(FieldDefinition.builtin.is_(False))
        .order_by(FieldDefinition.position, FieldDefinition.name)
    ):
        customs.setdefault(definition.entity, []).append(
            CustomField(
                definition.id,
                definition.entity,
                definition.name,
                definition.label,
                definition.type,
                tuple(definition.choices or ()),
                definition.retired,
            )
        )
    capabilities = frozenset(role_row.capabilities or ())
    return Policy(role, role_row.scope, access, customs, capabilities)


def scope_owner_branches(
    session: Session, spec: EntitySpec, policy: Policy, actor: Actor
) -> list[ColumnElement[bool]] | None:
    """The scope as a list of single-owner conditions whose union it is; None if unscoped.

    A list read in sort order benefits: each branch is one range of the
    (owner, sort) index, where the OR of the whole scope would make SQLite
    sort every record the user may see just to show the first page.
    """
    if spec.owner_field is None or policy.scope == "all":
        return None
    owner: Any = spec.model.__table__.c[spec.owner_field]
    branches: list[ColumnElement[bool]] = [owner.is_(None)]
    if actor.user_id is None:
        return branches
    if policy.scope == "team" and actor.team is not None:
        users: Any = User.__table__.c
        members = session.scalars(select(users.id).where(users.team == actor.team))
        return branches + [owner == member for member in members]
    return [*branches, owner == actor.user_id]


def scope_clause(spec: EntitySpec, policy: Policy, actor: Actor) -> ColumnElement[bool]:
    """The SQL condition that keeps only the records ``actor`` may see."""
    if spec.owner_field is None or policy.scope == "all":
        return true()
    table: Any = spec.model.__table__
    owner: Any = table.c[spec.owner_field]
    if actor.user_id is None:
        # A role viewed without a user (``--as sales``) owns nothing: unassigned only.
        unassigned: ColumnElement[bool] = owner.is_(None)
        return unassigned
    if policy.scope == "own":
        return or_(owner == actor.user_id, owner.is_(None))
    if policy.scope == "team":
        if actor.team is None:
            return or_(owner == actor.user_id, owner.is_(None))
        users: Any = User.__table__.c
        team_members = select(users.id).where(users.team == actor.team)
        clause: ColumnElement[bool] = or_(owner.in_(team_members), owner.is_(None))
        return clause
    return false()
