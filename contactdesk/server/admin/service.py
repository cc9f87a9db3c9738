"""Reading and changing governance data; every change is a feed change, rule changes bump epochs.

Writes take the feed lock first (like a push), so each governance change gets
the next sequence number and reaches every client through the pull.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from contactdesk.errors import NotFound
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
from contactdesk.server.sync import feed_writes
from contactdesk.server.sync.policy_cache import note_governance_change
from contactdesk.server.sync.resync_epochs import Visibility, bump_changed, visibility
from contactdesk.server.sync.tables import RecordVersion
from contactdesk.services import governance
from contactdesk.services.actor import Actor
from contactdesk.services.governance_records import (
    GOVERNANCE_ENTITIES,
    GOVERNANCE_MODELS,
    governance_values,
)


class GovernanceWrite:
    """One admin transaction: publishes each changed row to the feed, then bumps epochs."""

    def __init__(self, session: Session, actor: Actor, now: datetime) -> None:
        feed_writes.lock_feed(session)
        self.session = session
        self.actor = actor
        self.now = now
        self.before: Visibility = visibility(session)
        self.last_seq = 0
        self.visibility_may_change = False

    def record(self, entity: str, row: Base, op: str, fields: dict[str, tuple[Any, Any]]) -> None:
        """``services.governance`` reports a changed row (a GovernanceLog): publish it."""
        self.publish(entity, row, created=op == "create", fields=list(fields))

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
        self.visibility_may_change |= entity in GOVERNANCE_ENTITIES
        return seq

    def finish(self) -> None:
        """Once every row is published: bump the epoch of each role and user whose view changed.

        Once per request, not per row: a new role publishes a rule for every field.
        """
        if self.last_seq:
            note_governance_change(self.session)
        if self.visibility_may_change:
            bump_changed(self.session, self.before, self.last_seq)


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


Row = TypeVar("Row", bound=Base)


def _found(session: Session, model: type[Row], row_id: uuid.UUID, what: str) -> Row:
    row = session.get(model, row_id)
    if row is None:
        raise NotFound(f"no {what} {row_id}")
    return row


# -- roles ----------------------------------------------------------------


def _role_view(role: Role) -> RoleView:
    return RoleView.model_validate(role, from_attributes=True)


def list_roles(session: Session) -> list[RoleView]:
    return [_role_view(role) for role in session.scalars(select(Role).order_by(Role.name))]


def create_role(session: Session, actor: Actor, body: RoleCreate, now: datetime) -> RoleView:
    """Add a role, with a rule for every field (as ``rule_admin.add_role``)."""
    write = GovernanceWrite(session, actor, now)
    role = governance.add_role(
        session,
        write,
        body.name,
        label=body.label,
        scope=body.scope,
        capabilities=body.capabilities,
        like=body.like,
    )
    write.finish()
    return _role_view(role)


def update_role(
    session: Session, actor: Actor, role_id: uuid.UUID, body: RoleUpdate, now: datetime
) -> RoleView:
    write = GovernanceWrite(session, actor, now)
    role = _found(session, Role, role_id, "role")
    governance.change_role(session, write, role, **body.model_dump(exclude_none=True))
    write.finish()
    return _role_view(role)


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
    user = governance.add_user(
        session,
        write,
        body.username,
        role=body.role,
        display_name=body.display_name,
        team=body.team,
        territory=body.territory,
        is_team_lead=body.is_team_lead,
        email=body.email,
    )
    set_password(session, user.id, body.password, now)
    write.finish()
    return _user_view(user, body.role)


def update_user(
    session: Session, actor: Actor, user_id: uuid.UUID, body: UserUpdate, now: datetime
) -> UserView:
    """Change a user; a new password, role or deactivation revokes all the user's tokens."""
    write = GovernanceWrite(session, actor, now)
    user = _found(session, User, user_id, "user")
    values = body.model_dump(exclude_none=True, exclude={"password", "role"})
    changed = governance.change_user(session, write, user, values, role=body.role)
    if body.password is not None:
        set_password(session, user.id, body.password, now)
    if {"role_id", "active"} & set(changed):
        revoke_user_tokens(session, user.id, now)
    write.finish()
    return _user_view(user, session.get_one(Role, user.role_id).name)


def revoke_tokens(session: Session, user_id: uuid.UUID, now: datetime) -> int:
    _found(session, User, user_id, "user")
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
    """Add a custom field, with each role's rule for it (as ``custom_fields.add_custom_field``)."""
    write = GovernanceWrite(session, actor, now)
    definition = governance.add_field(
        session, write, body.entity, body.name, body.type, label=body.label, choices=body.choices
    )
    write.finish()
    return _field_view(definition)


def update_field(
    session: Session, actor: Actor, field_id: uuid.UUID, body: FieldUpdate, now: datetime
) -> FieldView:
    write = GovernanceWrite(session, actor, now)
    definition = _found(session, FieldDefinition, field_id, "field")
    governance.change_field(session, write, definition, **body.model_dump(exclude_none=True))
    write.finish()
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
    rule = governance.set_rule(session, write, body.role, body.entity, body.field, body.access)
    write.finish()
    return RuleView(
        role=body.role,
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
    """Add a stage at its position; the stages after it move up (as ``funnel.add_stage``)."""
    write = GovernanceWrite(session, actor, now)
    stage = governance.add_stage(
        session,
        write,
        body.name,
        probability=body.probability,
        owner_team=body.owner_team,
        outcome=body.outcome,
        position=body.position,
    )
    write.finish()
    return _stage_view(stage)


def update_stage(
    session: Session, actor: Actor, stage_id: uuid.UUID, body: StageUpdate, now: datetime
) -> StageView:
    write = GovernanceWrite(session, actor, now)
    stage = _found(session, FunnelStage, stage_id, "funnel stage")
    governance.change_stage(session, write, stage, **body.model_dump(exclude_none=True))
    write.finish()
    return _stage_view(stage)


def list_settings(session: Session) -> list[SettingView]:
    return [
        SettingView(key=s.key, value=s.value, version=s.version)
        for s in session.scalars(select(Setting).order_by(Setting.key))
    ]


def put_setting(session: Session, actor: Actor, key: str, value: Any, now: datetime) -> SettingView:
    """Set a company-wide setting (hand-off rules, goal metric), checked as on the desktop."""
    governance.checked_setting(key, value)  # before the feed lock: a refusal waits for nobody
    write = GovernanceWrite(session, actor, now)
    setting = governance.put_setting(session, write, key, value)
    write.finish()
    return SettingView(key=setting.key, value=setting.value, version=setting.version)
