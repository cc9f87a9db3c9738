"""Epochs: when what a role or user may see changes, their clients must purge and resync."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from contactdesk.model import CustomValue, FieldDefinition, Role, User
from contactdesk.server.sync.tables import ResyncEpoch
from contactdesk.services.actor import Actor
from contactdesk.services.field_catalog import ENTITIES
from contactdesk.services.field_rules import Policy, load_policy


def role_subject(role: str) -> str:
    return f"role:{role}"


def user_subject(user_id: uuid.UUID) -> str:
    return f"user:{user_id}"


def current_epoch(session: Session, actor: Actor) -> int:
    """The epoch a client of ``actor`` must hold: the later of its role's and its user's."""
    subjects = [role_subject(actor.role)]
    if actor.user_id is not None:
        subjects.append(user_subject(actor.user_id))
    epoch = session.scalar(
        select(func.max(ResyncEpoch.epoch)).where(ResyncEpoch.subject.in_(subjects))
    )
    return int(epoch or 0)


def bump(session: Session, subject: str, seq: int) -> None:
    row = session.get(ResyncEpoch, subject)
    if row is None:
        session.add(ResyncEpoch(subject=subject, epoch=seq))
    else:
        row.epoch = seq


def hidden_fields(policy: Policy) -> dict[str, list[str]]:
    """Per entity, the fields (built-in and custom) ``policy`` does not let its role see."""
    hidden: dict[str, list[str]] = {}
    for name, spec in ENTITIES.items():
        names = [f.name for f in spec.fields] + [
            f.name for f in policy.custom(name, include_retired=True)
        ]
        invisible = [field for field in names if not policy.can_see(name, field)]
        if invisible:
            hidden[name] = invisible
    return hidden


@dataclass(frozen=True)
class Visibility:
    """What every role sees and every user is, before a governance change."""

    roles: dict[str, tuple[str, frozenset[tuple[str, str]]]]
    users: dict[uuid.UUID, tuple[uuid.UUID, str | None, bool]]


def visibility(session: Session) -> Visibility:
    roles: dict[str, tuple[str, frozenset[tuple[str, str]]]] = {}
    for role in session.scalars(select(Role.name)):
        policy = load_policy(session, role)
        seen = frozenset(
            (entity, field) for entity in ENTITIES for field in policy.visible_field_names(entity)
        )
        roles[role] = (policy.scope, seen)
    users = {
        user.id: (user.role_id, user.team, user.active) for user in session.scalars(select(User))
    }
    return Visibility(roles, users)


def bump_changed(session: Session, before: Visibility, seq: int) -> list[str]:
    """Bump the epoch of every role and user whose view changed since ``before``.

    A role that lost a field or changed scope must purge; one that gained a
    field needs a fresh snapshot only if that field holds values anywhere (a
    new custom field has none, so adding one does not resync every client).
    Returns the subjects bumped.
    """
    session.flush()
    after = visibility(session)
    bumped: list[str] = []
    for role, (scope, seen) in after.roles.items():
        old_scope, old_seen = before.roles.get(role, (scope, frozenset()))
        gained = seen - old_seen
        if scope != old_scope or old_seen - seen or any(_has_values(session, f) for f in gained):
            bump(session, role_subject(role), seq)
            bumped.append(role_subject(role))
    for user_id, standing in after.users.items():
        if user_id in before.users and before.users[user_id] != standing:
            bump(session, user_subject(user_id), seq)
            bumped.append(user_subject(user_id))
    return bumped


def _has_values(session: Session, field: tuple[str, str]) -> bool:
    entity, name = field
    if name in ENTITIES[entity].by_name:
        return True
    definition = select(FieldDefinition.id).where(
        FieldDefinition.entity == entity, FieldDefinition.name == name
    )
    return bool(session.scalar(select(exists().where(CustomValue.field_id.in_(definition)))))
