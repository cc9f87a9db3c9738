"""Governance rows as feed records: which models they are and which values travel."""

from __future__ import annotations

from typing import Any

from sqlalchemy import inspect

from contactdesk.model import FieldDefinition, FieldRule, FunnelStage, Role, Setting, User
from contactdesk.model.base import Base
from contactdesk.services.field_values import json_safe

GOVERNANCE_MODELS: dict[str, type[Base]] = {
    "role": Role,
    "user": User,
    "field_definition": FieldDefinition,
    "field_rule": FieldRule,
    "funnel_stage": FunnelStage,
    "setting": Setting,
}

# Entities whose changes alter what a role may see or do: the desktop drops its cached
# policies, the server bumps epochs. One name on both sides.
GOVERNANCE_ENTITIES = frozenset({"role", "user", "field_definition", "field_rule"})

_META = frozenset({"id", "version"})


def governance_values(row: Base) -> dict[str, Any]:
    """Every column of a governance row except id and version, JSON-safe."""
    mapper = inspect(type(row))
    return {
        column.key: json_safe(getattr(row, column.key))
        for column in mapper.column_attrs
        if column.key not in _META
    }
