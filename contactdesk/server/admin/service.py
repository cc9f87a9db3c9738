"""Reading and changing governance data; every change is a feed change, rule changes bump epochs.

Writes take the feed lock first (like a push), so each governance change gets
the next sequence number and reaches every client through the pull.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from contactdesk.errors import NotFound, ValidationError
from contactdesk.model import FieldDefinition, FieldRule, FunnelStage, Role, Setting, User
from contactdesk.model.base import Base
from contactdesk.server.admin.schemas import (
    FieldCreate,
    FieldUpdate,
    FieldView,
    RoleCreate,
    RoleUpdate,
    RoleView,
    RuleSet,
    RuleView,
    SettingView,
    StageCreate,
    StageUpdate,
    StageView,
    UserCreate,
    UserUpdate,
    UserView,
)
from contactdesk.server.auth.service import revoke_user_tokens, set_password
from contactdesk.server.errors import Conflict
from contactdesk.server.sync import feed_writes
from contactdesk.server.sync.policy_cache import note_governance_change
from contactdesk.server.sync.resync_epochs import Visibility, bump_changed, visibility
from contactdesk.server.sync.tables import RecordVersion
from contactdesk.services.actor import Actor
from contactdesk.services.defaults import default_access
from contactdesk.services.field_catalog import ENTITIES, GOVERNED_ENTITIES
from contactdesk.services.field_values import normalise_email
from contactdesk.services.governance_records import (
    GOVERNANCE_ENTITIES,
    GOVERNANCE_MODELS,
    governance_values,
)
from contactdesk.services.text_checks import unwritable_part


class GovernanceWrite:
    """One admin transaction: publishes each changed row to the feed, then bumps epochs."""

    def __init__(self, session: Session, actor: Actor, now: datetime) -> None:
        feed_writes.lock_feed(session)
        self.session = session
        self.actor = actor
        self.now = now
        self.before: Visibility = visibility(session)
        self.last_seq = 0

    def publish(self, entity: str, row: Base, *, created: bool, fields: list[str]) -> int:
        self.session.add(row)
        self.session.flush()
        seq = feed_writes.next_seq(self.session)
        record: Any = row
        record.version = seq
        if created or feed_writes.record_version(self.session, record.id) is None:
            feed_writes.mark_created(self.session, entity, record.id, seq)
        else:
            feed_writes.mark_changed(self.session, record.id, fields, seq)
        values = governance_values(row)
        feed_writes.log_change(
            self.session,
            seq=seq,
            change_id=uuid.uuid4(),
            entity=entity,
            record_id=record.id,
            op="create" if created else "update",
            fields=values if created else {name: values.get(name) for name in fields},
            base_version=0,
            user_id=self.actor.user_id,
            at=self.now,
        )
        self.last_seq = seq
        note_governance_change(self.session)
        if entity in GOVERNANCE_ENTITIES:
            bump_changed(self.session, self.before, seq)
            self.before = visibility(self.session)
        return seq


def publish_unversioned(session: Session, now: datetime) -> int:
    """Give every governance row the feed does not know yet a version (after seeding).

    Runs at start-up, so defaults seeded by a newer version reach clients too.
    Returns how many rows were published.
    """
    feed_writes.lock_feed(session)
    known = set(session.scalars(select(RecordVersion.record_id)))
    published = 0
    for entity, model in GOVERNANCE_MODELS.items():
        rows: list[Any] = list(session.scalars(select(model)))
        for row in rows:
            if row.id in known:
                continue
            seq = feed_writes.next_seq(session)
            row.version = seq
            feed_writes.mark_created(session, entity, row.id, seq)
            feed_writes.log_change(
                session,
                seq=seq,
                change_id=uuid.uuid4(),
                entity=entity,
                record_id=row.id,
                op="create",
                fields=governance_values(row),
                base_version=0,
                user_id=None,
                at=now,
            )
            published += 1
            note_governance_change(session)
    return published


def _changed(row: Any, values: dict[str, Any]) -> list[str]:
    changed = []
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed.append(name)
    return changed


def _role_named(session: Session, name: str) -> Role:
    role = session.scalar(select(Role).where(Role.name == name))
    if role is None:
        known = ", ".join(session.scalars(select(Role.name).order_by(Role.name)))
        raise ValidationError("role", f"unknown role {name!r} (known: {known})")
    return role


# -- roles ----------------------------------------------------------------


def _role_view(role: Role) -> RoleView:
    return RoleView.model_validate(role, from_attributes=True)


def list_roles(session: Session) -> list[RoleView]:
    return [_role_view(role) for role in session.scalars(select(Role).order_by(Role.name))]


def create_role(session: Session, actor: Actor, body: RoleCreate, now: datetime) -> RoleView:
    """Add a role; it sees nothing until rules are set for it."""
    write = GovernanceWrite(session, actor, now)
    if session.scalar(select(Role.id).where(Role.name == body.name)) is not None:
        raise Conflict(f"role {body.name!r} already exists")
    role = Role(
        name=body.name,
        label=body.label,
        scope=body.scope,
        builtin=False,
        capabilities=sorted(set(body.capabilities)),
    )
    write.publish("role", role, created=True, fields=[])
    return _role_view(role)


def update_role(
    session: Session, actor: Actor, role_id: uuid.UUID, body: RoleUpdate, now: datetime
) -> RoleView:
    write = GovernanceWrite(session, actor, now)
    role = session.get(Role, role_id)
    if role is None:
        raise NotFound(f"no role {role_id}")
    values = body.model_dump(exclude_none=True)
    if "capabilities" in values:
        values["capabilities"] = sorted(set(values["capabilities"]))
        if "administer" in (role.capabilities or ()) and "administer" not in values["capabilities"]:
            _keep_an_administrator(session, role)
    changed = _changed(role, values)
    if changed:
        write.publish("role", role, created=False, fields=changed)
    return _role_view(role)


def _keep_an_administrator(session: Session, role: Role) -> None:
    # Without any role that may administer, nobody could ever grant it back.
    others = [
        name
        for name, granted in session.execute(select(Role.name, Role.capabilities))
        if name != role.name and "administer" in (granted or ())
    ]
    if not others:
        raise ValidationError(
            "role.capabilities",
            f"{role.name!r} is the last role that may administer; keep it there",
        )


# -- users ----------------------------------------------------------------


def _user_view(user: User, role: str) -> UserView:
    return UserView(
        id=user.id,
        username=user.username,
        display_name=user.display_name,
        email=user.email,
        role=role,
        team=user.team,
        territory=user.territory,
        is_team_lead=user.is_team_lead,
        active=user.active,
        version=user.version,
    )


def list_users(session: Session) -> list[UserView]:
    rows = session.execute(
        select(User, Role.name).join(Role, Role.id == User.role_id).order_by(User.username)
    )
    return [_user_view(user, role) for user, role in rows]


def create_user(session: Session, actor: Actor, body: UserCreate, now: datetime) -> UserView:
    """Add a user with a password (argon2-hashed); the user reaches clients through the feed."""
    write = GovernanceWrite(session, actor, now)
    if session.scalar(select(User.id).where(User.username == body.username)) is not None:
        raise Conflict(f"user {body.username!r} already exists")
    role = _role_named(session, body.role)
    user = User(
        username=body.username,
        display_name=body.display_name or body.username,
        email=normalise_email(body.email, "user.email") if body.email else None,
        role_id=role.id,
        team=body.team,
        territory=body.territory,
        is_team_lead=body.is_team_lead,
        active=True,
    )
    session.add(user)
    session.flush()
    set_password(session, user.id, body.password, now)
    write.publish("user", user, created=True, fields=[])
    return _user_view(user, role.name)


def update_user(
    session: Session, actor: Actor, user_id: uuid.UUID, body: UserUpdate, now: datetime
) -> UserView:
    """Change a user; a new password, role or deactivation revokes all the user's tokens."""
    write = GovernanceWrite(session, actor, now)
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(f"no user {user_id}")
    values = body.model_dump(exclude_none=True, exclude={"password", "role"})
    if "email" in values:
        values["email"] = normalise_email(values["email"], "user.email")
    if body.role is not None:
        values["role_id"] = _role_named(session, body.role).id
    changed = _changed(user, values)
    if body.password is not None:
        set_password(session, user.id, body.password, now)
    if {"role_id", "active"} & set(changed):
        revoke_user_tokens(session, user.id, now)
    if changed:
        write.publish("user", user, created=False, fields=changed)
    return _user_view(user, session.get_one(Role, user.role_id).name)


def revoke_tokens(session: Session, user_id: uuid.UUID, now: datetime) -> int:
    if session.get(User, user_id) is None:
        raise NotFound(f"no user {user_id}")
    return revoke_user_tokens(session, user_id, now)


# -- fields and rules -----------------------------------------------------


def _field_view(definition: FieldDefinition) -> FieldView:
    return FieldView.model_validate(definition, from_attributes=True)


def list_fields(session: Session, entity: str | None) -> list[FieldView]:
    query = select(FieldDefinition).order_by(
        FieldDefinition.entity, FieldDefinition.position, FieldDefinition.name
    )
    if entity is not None:
        query = query.where(FieldDefinition.entity == entity)
    return [_field_view(definition) for definition in session.scalars(query)]


def create_field(session: Session, actor: Actor, body: FieldCreate, now: datetime) -> FieldView:
    """Add a custom field, with each role's default rule for it."""
    write = GovernanceWrite(session, actor, now)
    if body.entity not in GOVERNED_ENTITIES:
        raise ValidationError(
            "field.entity", f"custom fields exist on {', '.join(GOVERNED_ENTITIES)} only"
        )
    taken = session.scalar(
        select(FieldDefinition.id).where(
            FieldDefinition.entity == body.entity, FieldDefinition.name == body.name
        )
    )
    if taken is not None or body.name in ENTITIES[body.entity].by_name:
        raise Conflict(f"field {body.entity}.{body.name} already exists")
    if body.type in ("choice", "multi_choice") and not body.choices:
        raise ValidationError(f"{body.entity}.{body.name}", "a choice field needs choices")
    position = len(ENTITIES[body.entity].fields) + len(list_fields(session, body.entity))
    definition = FieldDefinition(
        entity=body.entity,
        name=body.name,
        label=body.label,
        type=body.type,
        builtin=False,
        choices=body.choices,
        retired=False,
        position=position,
    )
    write.publish("field_definition", definition, created=True, fields=[])
    for role in session.scalars(select(Role)):
        rule = FieldRule(
            role_id=role.id,
            field_id=definition.id,
            access=default_access(role.name, body.entity, body.name),
        )
        write.publish("field_rule", rule, created=True, fields=[])
    return _field_view(definition)


def update_field(
    session: Session, actor: Actor, field_id: uuid.UUID, body: FieldUpdate, now: datetime
) -> FieldView:
    write = GovernanceWrite(session, actor, now)
    definition = session.get(FieldDefinition, field_id)
    if definition is None:
        raise NotFound(f"no field {field_id}")
    values = body.model_dump(exclude_none=True)
    if definition.builtin and set(values) - {"label", "position"}:
        raise ValidationError(
            f"{definition.entity}.{definition.name}",
            "only label and position of a built-in field change",
        )
    changed = _changed(definition, values)
    if changed:
        write.publish("field_definition", definition, created=False, fields=changed)
    return _field_view(definition)


def list_rules(session: Session, role: str | None) -> list[RuleView]:
    query = (
        select(
            Role.name,
            FieldDefinition.entity,
            FieldDefinition.name,
            FieldRule.access,
            FieldRule.version,
        )
        .join(Role, Role.id == FieldRule.role_id)
        .join(FieldDefinition, FieldDefinition.id == FieldRule.field_id)
        .order_by(Role.name, FieldDefinition.entity, FieldDefinition.position)
    )
    if role is not None:
        query = query.where(Role.name == role)
    return [
        RuleView(role=r, entity=e, field=f, access=a, version=v)
        for r, e, f, a, v in session.execute(query)
    ]


def set_rule(session: Session, actor: Actor, body: RuleSet, now: datetime) -> RuleView:
    """Set what a role may do with one field; a change of visibility bumps the role's epoch."""
    write = GovernanceWrite(session, actor, now)
    role = _role_named(session, body.role)
    if "administer" in (role.capabilities or ()) and body.access != "edit":
        # As on the desktop (rule_admin.set_rule): an administering role edits every field.
        raise ValidationError(
            "rule.role", f"{role.name!r} may administer, so it always edits every field"
        )
    definition = session.scalar(
        select(FieldDefinition).where(
            FieldDefinition.entity == body.entity, FieldDefinition.name == body.field
        )
    )
    if definition is None:
        raise ValidationError(f"{body.entity}.{body.field}", "no such field")
    rule = session.scalar(
        select(FieldRule).where(FieldRule.role_id == role.id, FieldRule.field_id == definition.id)
    )
    if rule is None:
        rule = FieldRule(role_id=role.id, field_id=definition.id, access=body.access)
        write.publish("field_rule", rule, created=True, fields=[])
    elif rule.access != body.access:
        rule.access = body.access
        write.publish("field_rule", rule, created=False, fields=["access"])
    return RuleView(
        role=role.name,
        entity=body.entity,
        field=body.field,
        access=rule.access,
        version=rule.version,
    )


# -- funnel stages and settings -------------------------------------------


def _stage_view(stage: FunnelStage) -> StageView:
    return StageView.model_validate(stage, from_attributes=True)


def list_stages(session: Session) -> list[StageView]:
    return [
        _stage_view(s) for s in session.scalars(select(FunnelStage).order_by(FunnelStage.position))
    ]


def create_stage(session: Session, actor: Actor, body: StageCreate, now: datetime) -> StageView:
    write = GovernanceWrite(session, actor, now)
    if session.scalar(select(FunnelStage.id).where(FunnelStage.name == body.name)) is not None:
        raise Conflict(f"stage {body.name!r} already exists")
    stage = FunnelStage(**body.model_dump())
    write.publish("funnel_stage", stage, created=True, fields=[])
    return _stage_view(stage)


def update_stage(
    session: Session, actor: Actor, stage_id: uuid.UUID, body: StageUpdate, now: datetime
) -> StageView:
    write = GovernanceWrite(session, actor, now)
    stage = session.get(FunnelStage, stage_id)
    if stage is None:
        raise NotFound(f"no funnel stage {stage_id}")
    values = body.model_dump(exclude_none=True)
    renamed = "name" in values and values["name"] != stage.name
    if renamed and session.scalar(select(FunnelStage.id).where(FunnelStage.name == values["name"])):
        raise Conflict(f"stage {values['name']!r} already exists")
    changed = _changed(stage, values)
    if changed:
        write.publish("funnel_stage", stage, created=False, fields=changed)
    return _stage_view(stage)


def list_settings(session: Session) -> list[SettingView]:
    return [
        SettingView(key=s.key, value=s.value, version=s.version)
        for s in session.scalars(select(Setting).order_by(Setting.key))
    ]


def put_setting(session: Session, actor: Actor, key: str, value: Any, now: datetime) -> SettingView:
    """Set a company-wide setting (hand-off rules, goal metric)."""
    _check_setting_value(key, value)
    write = GovernanceWrite(session, actor, now)
    setting = session.scalar(select(Setting).where(Setting.key == key))
    if setting is None:
        setting = Setting(key=key, value=value)
        write.publish("setting", setting, created=True, fields=[])
    elif setting.value != value:
        setting.value = value
        write.publish("setting", setting, created=False, fields=["value"])
    return SettingView(key=setting.key, value=setting.value, version=setting.version)


# A setting is a small document (a hand-off rule, a metric name), read by every client.
MAX_SETTING_CHARACTERS = 64_000


def _check_setting_value(key: str, value: Any) -> None:
    """Refuse a value the feed could not serialise later, or one too large to send to all."""
    label = f"setting.{key}"
    problem = unwritable_part(value)
    if problem:
        raise ValidationError(label, problem)
    size = len(json.dumps(value))
    if size > MAX_SETTING_CHARACTERS:
        raise ValidationError(
            label, f"is {size} characters as JSON; at most {MAX_SETTING_CHARACTERS} allowed"
        )
