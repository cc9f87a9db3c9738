"""HTTP endpoints of the admin API: governance data readable by every user, writable by admins."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from contactdesk.server.admin import service
from contactdesk.server.admin.schemas import (
    FieldCreate,
    FieldUpdate,
    FieldView,
    RevokedTokens,
    RoleCreate,
    RoleUpdate,
    RoleView,
    RuleSet,
    RuleView,
    SettingPut,
    SettingView,
    StageCreate,
    StageUpdate,
    StageView,
    UserCreate,
    UserUpdate,
    UserView,
)
from contactdesk.server.auth.dependencies import AdminUser, CurrentUser
from contactdesk.server.dependencies import Db, Settings
from contactdesk.sync_protocol import Name

router = APIRouter(prefix="/admin", tags=["admin"])
SettingKey = Annotated[str, Path(min_length=1, max_length=60, pattern=r"^[a-z][a-z0-9_]*$")]


@router.get("/roles", response_model=list[RoleView])
def roles(_user: CurrentUser, db: Db) -> list[RoleView]:
    with db.snapshot() as session:
        return service.list_roles(session)


@router.post("/roles", response_model=RoleView, status_code=201)
def create_role(body: RoleCreate, user: AdminUser, db: Db, settings: Settings) -> RoleView:
    with db.transaction() as session:
        return service.create_role(session, user.actor, body, settings.clock())


@router.patch("/roles/{role_id}", response_model=RoleView)
def update_role(
    role_id: uuid.UUID, body: RoleUpdate, user: AdminUser, db: Db, settings: Settings
) -> RoleView:
    with db.transaction() as session:
        return service.update_role(session, user.actor, role_id, body, settings.clock())


@router.get("/users", response_model=list[UserView])
def users(_user: CurrentUser, db: Db) -> list[UserView]:
    with db.snapshot() as session:
        return service.list_users(session)


@router.post("/users", response_model=UserView, status_code=201)
def create_user(body: UserCreate, user: AdminUser, db: Db, settings: Settings) -> UserView:
    with db.transaction() as session:
        return service.create_user(session, user.actor, body, settings.clock())


@router.patch("/users/{user_id}", response_model=UserView)
def update_user(
    user_id: uuid.UUID, body: UserUpdate, user: AdminUser, db: Db, settings: Settings
) -> UserView:
    with db.transaction() as session:
        return service.update_user(session, user.actor, user_id, body, settings.clock())


@router.post("/users/{user_id}/revoke-tokens", response_model=RevokedTokens)
def revoke_tokens(
    user_id: uuid.UUID, _admin: AdminUser, db: Db, settings: Settings
) -> RevokedTokens:
    """Log a user out everywhere (a lost laptop)."""
    with db.transaction() as session:
        return RevokedTokens(revoked=service.revoke_tokens(session, user_id, settings.clock()))


@router.get("/fields", response_model=list[FieldView])
def fields(
    _user: CurrentUser, db: Db, entity: Annotated[Name | None, Query()] = None
) -> list[FieldView]:
    with db.snapshot() as session:
        return service.list_fields(session, entity)


@router.post("/fields", response_model=FieldView, status_code=201)
def create_field(body: FieldCreate, user: AdminUser, db: Db, settings: Settings) -> FieldView:
    with db.transaction() as session:
        return service.create_field(session, user.actor, body, settings.clock())


@router.patch("/fields/{field_id}", response_model=FieldView)
def update_field(
    field_id: uuid.UUID, body: FieldUpdate, user: AdminUser, db: Db, settings: Settings
) -> FieldView:
    with db.transaction() as session:
        return service.update_field(session, user.actor, field_id, body, settings.clock())


@router.get("/rules", response_model=list[RuleView])
def rules(
    user: CurrentUser, db: Db, role: Annotated[Name | None, Query()] = None
) -> list[RuleView]:
    """The rules of the caller's role (admins: of any role, or all)."""
    with db.snapshot() as session:
        return service.list_rules(session, role if user.is_admin else user.role)


@router.put("/rules", response_model=RuleView)
def set_rule(body: RuleSet, user: AdminUser, db: Db, settings: Settings) -> RuleView:
    with db.transaction() as session:
        return service.set_rule(session, user.actor, body, settings.clock())


@router.get("/funnel-stages", response_model=list[StageView])
def stages(_user: CurrentUser, db: Db) -> list[StageView]:
    with db.snapshot() as session:
        return service.list_stages(session)


@router.post("/funnel-stages", response_model=StageView, status_code=201)
def create_stage(body: StageCreate, user: AdminUser, db: Db, settings: Settings) -> StageView:
    with db.transaction() as session:
        return service.create_stage(session, user.actor, body, settings.clock())


@router.patch("/funnel-stages/{stage_id}", response_model=StageView)
def update_stage(
    stage_id: uuid.UUID, body: StageUpdate, user: AdminUser, db: Db, settings: Settings
) -> StageView:
    with db.transaction() as session:
        return service.update_stage(session, user.actor, stage_id, body, settings.clock())


@router.get("/settings", response_model=list[SettingView])
def settings_list(_user: CurrentUser, db: Db) -> list[SettingView]:
    with db.snapshot() as session:
        return service.list_settings(session)


@router.put("/settings/{key}", response_model=SettingView)
def put_setting(
    key: SettingKey, body: SettingPut, user: AdminUser, db: Db, settings: Settings
) -> SettingView:
    value: Any = body.value
    with db.transaction() as session:
        return service.put_setting(session, user.actor, key, value, settings.clock())
