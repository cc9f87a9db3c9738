"""Who may do what: users, roles, field definitions and rules, funnel stages, settings."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column

from contactdesk.model.base import Base, RecordMixin

SCOPES = ("own", "team", "all")
# What a role may do beyond reading and writing fields, by name: data, never a role
# name in an ``if``. ``policy.require(capability, ...)`` checks them.
CAPABILITIES = (
    "administer",
    "run_campaigns",
    "hand_off_leads",
    "receive_leads",
    "edit_segments",
    "import",
    "export",
)
ACCESS_LEVELS = ("hidden", "read", "edit")
TEAMS = ("marketing", "sales")
STAGE_OUTCOMES = ("open", "won", "lost")


class Role(RecordMixin, Base):
    """A role: its record scope, and the capabilities (``CAPABILITIES``) its users have."""

    __tablename__ = "roles"

    name: Mapped[str] = mapped_column(String(40), unique=True)
    label: Mapped[str] = mapped_column(String(80))
    scope: Mapped[str] = mapped_column(String(8), default="own")
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)
    capabilities: Mapped[list[str]] = mapped_column(JSON, default=list)


class User(RecordMixin, Base):
    __tablename__ = "users"

    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str | None] = mapped_column(String(254))
    role_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("roles.id"))
    team: Mapped[str | None] = mapped_column(String(80))
    territory: Mapped[str | None] = mapped_column(String(80))
    is_team_lead: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class FieldDefinition(RecordMixin, Base):
    """A field of an entity, built in or custom; the unit that rules refer to."""

    __tablename__ = "field_definitions"
    __table_args__ = (UniqueConstraint("entity", "name"),)

    entity: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(60))
    label: Mapped[str] = mapped_column(String(120))
    type: Mapped[str] = mapped_column(String(20))
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)
    choices: Mapped[list[str] | None] = mapped_column(JSON)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)


class FieldRule(RecordMixin, Base):
    __tablename__ = "field_rules"
    __table_args__ = (UniqueConstraint("role_id", "field_id"),)

    role_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("roles.id", ondelete="CASCADE"))
    field_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("field_definitions.id", ondelete="CASCADE")
    )
    access: Mapped[str] = mapped_column(String(8))


class FunnelStage(RecordMixin, Base):
    """A step of the funnel both teams agreed on, and the team that owns it."""

    __tablename__ = "funnel_stages"

    name: Mapped[str] = mapped_column(String(60), unique=True)
    position: Mapped[int] = mapped_column(Integer)
    probability: Mapped[float] = mapped_column(Float, default=0.0)
    owner_team: Mapped[str] = mapped_column(String(20))
    outcome: Mapped[str] = mapped_column(String(8), default="open")


class Setting(RecordMixin, Base):
    """Company-wide settings agreed by both teams (hand-off rules, goal metric)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(60), unique=True)
    value: Mapped[Any] = mapped_column(JSON)


class CustomValue(Base):
    """The value of a custom field on one record.

    Kept in its own narrow table with typed columns so that a segment filter on a
    custom field is an index range scan on (field_id, value), not a JSON scan.
    """

    __tablename__ = "custom_values"
    __table_args__ = (
        Index("ix_custom_values_field_number", "field_id", "value_number", "record_id"),
        Index("ix_custom_values_field_text", "field_id", "value_text", "record_id"),
    )

    record_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    field_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("field_definitions.id", ondelete="CASCADE"), primary_key=True
    )
    value_text: Mapped[str | None] = mapped_column(String)
    value_number: Mapped[float | None] = mapped_column(Float)
