"""Request and response bodies of the admin API."""

from __future__ import annotations

import uuid
from typing import Annotated

from pydantic import Field, JsonValue

from contactdesk.sync_protocol import Name, RequestModel, Secret, WireModel

# What a name, scope, access level, type, team or outcome may be is checked by
# ``services.governance``, as on the desktop, so both answer with the same message;
# these bodies only bound sizes.
Position = Annotated[int, Field(ge=0, le=100_000)]
Choices = Annotated[list[Name], Field(max_length=200)]


class RoleView(WireModel):
    id: uuid.UUID
    name: str
    label: str
    scope: str
    builtin: bool
    capabilities: list[str]
    version: int


class RoleCreate(RequestModel):
    name: Name
    label: Name | None = None
    scope: Name = "own"
    capabilities: list[Name] = Field(default_factory=list, max_length=50)
    # A role whose field rules the new one copies (else each field's default).
    like: Name | None = None


class RoleUpdate(RequestModel):
    label: Name | None = None
    scope: Name | None = None
    # The role's capabilities, all of them (what is not listed is withdrawn).
    capabilities: list[Name] | None = Field(default=None, max_length=50)


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
    name: Name
    label: Name | None = None
    type: Name
    choices: Choices | None = None


class FieldUpdate(RequestModel):
    label: Name | None = None
    choices: Choices | None = None
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
    access: Name


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
    # Where the stage goes (the stages from there move up); default: before the closing ones.
    position: Position | None = None
    probability: float = 0.0
    owner_team: Name
    outcome: Name = "open"


class StageUpdate(RequestModel):
    name: Name | None = None
    position: Position | None = None
    probability: float | None = None
    owner_team: Name | None = None
    outcome: Name | None = None


class SettingView(WireModel):
    key: str
    value: JsonValue
    version: int


class SettingPut(RequestModel):
    value: JsonValue


class RevokedTokens(WireModel):
    revoked: int
