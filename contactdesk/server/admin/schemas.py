"""Request and response bodies of the admin API."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from pydantic import Field, JsonValue, StringConstraints

from contactdesk.model.governance import CAPABILITIES
from contactdesk.services.field_catalog import CUSTOM_FIELD_TYPES
from contactdesk.sync_protocol import Name, RequestModel, Secret, WireModel

Scope = Literal["own", "team", "all"]
Access = Literal["hidden", "read", "edit"]
Team = Literal["marketing", "sales"]
Outcome = Literal["open", "won", "lost"]
CustomType = Literal[CUSTOM_FIELD_TYPES]  # type: ignore[valid-type]
Capability = Literal[CAPABILITIES]  # type: ignore[valid-type]
Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,59}$")]
Position = Annotated[int, Field(ge=0, le=100_000)]


class RoleView(WireModel):
    id: uuid.UUID
    name: str
    label: str
    scope: str
    builtin: bool
    capabilities: list[str]
    version: int


class RoleCreate(RequestModel):
    name: Identifier
    label: Name
    scope: Scope = "own"
    capabilities: list[Capability] = Field(default_factory=list)


class RoleUpdate(RequestModel):
    label: Name | None = None
    scope: Scope | None = None
    # The role's capabilities, all of them (what is not listed is withdrawn).
    capabilities: list[Capability] | None = None


class UserView(WireModel):
    id: uuid.UUID
    username: str
    display_name: str
    email: str | None
    role: str
    team: str | None
    territory: str | None
    is_team_lead: bool
    active: bool
    version: int


class UserCreate(RequestModel):
    username: Name
    display_name: Name | None = None
    email: Name | None = None
    role: Name
    team: Name | None = None
    territory: Name | None = None
    is_team_lead: bool = False
    password: Secret


class UserUpdate(RequestModel):
    display_name: Name | None = None
    email: Name | None = None
    role: Name | None = None
    team: Name | None = None
    territory: Name | None = None
    is_team_lead: bool | None = None
    active: bool | None = None
    password: Secret | None = None


class FieldView(WireModel):
    id: uuid.UUID
    entity: str
    name: str
    label: str
    type: str
    builtin: bool
    choices: list[str] | None
    retired: bool
    position: int
    version: int


class FieldCreate(RequestModel):
    entity: Name
    name: Identifier
    label: Name
    type: CustomType
    choices: list[Name] | None = Field(default=None, max_length=200)


class FieldUpdate(RequestModel):
    label: Name | None = None
    choices: list[Name] | None = Field(default=None, max_length=200)
    retired: bool | None = None
    position: Position | None = None


class RuleView(WireModel):
    role: str
    entity: str
    field: str
    access: str
    version: int


class RuleSet(RequestModel):
    role: Name
    entity: Name
    field: Name
    access: Access


class StageView(WireModel):
    id: uuid.UUID
    name: str
    position: int
    probability: float
    owner_team: str
    outcome: str
    version: int


class StageCreate(RequestModel):
    name: Name
    position: Position
    probability: Annotated[float, Field(ge=0.0, le=1.0)] = 0.0
    owner_team: Team
    outcome: Outcome = "open"


class StageUpdate(RequestModel):
    name: Name | None = None
    position: Position | None = None
    probability: Annotated[float, Field(ge=0.0, le=1.0)] | None = None
    owner_team: Team | None = None
    outcome: Outcome | None = None


class SettingView(WireModel):
    key: str
    value: JsonValue
    version: int


class SettingPut(RequestModel):
    value: JsonValue


class RevokedTokens(WireModel):
    revoked: int
