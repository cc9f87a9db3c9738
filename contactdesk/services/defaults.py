"""What a new store starts with: roles, field definitions and rules, funnel, settings.

Safe defaults: sales edits what selling needs and sees its own and unassigned
records; marketing reads everything and edits lead and campaign data; admin
edits everything. Seeding is idempotent, and fields added to the catalog by a
newer version get definitions and rules on the next open.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from contactdesk.model import FieldDefinition, FieldRule, FunnelStage, Role, Setting
from contactdesk.model.governance import CAPABILITIES
from contactdesk.services.currency_codes import DEFAULT_CURRENCY
from contactdesk.services.field_catalog import ENTITIES
from contactdesk.store.local_store import Store

ROLES = (
    ("admin", "Administrator", "all"),
    ("marketing", "Marketing", "all"),
    ("sales", "Sales", "own"),
)
# What the shipped roles may do; an admin changes these in the admin view, and a
# role an admin adds starts with none.
ROLE_CAPABILITIES: dict[str, tuple[str, ...]] = {
    # Receiving leads makes a user a rep that routing hands leads to: not an admin's.
    "admin": tuple(name for name in CAPABILITIES if name != "receive_leads"),
    "marketing": ("run_campaigns", "hand_off_leads", "edit_segments", "import", "export"),
    "sales": ("receive_leads",),
}

FUNNEL = (
    # name, owning team, win probability, outcome
    ("Qualified", "marketing", 0.10, "open"),
    ("Discovery", "sales", 0.25, "open"),
    ("Proposal", "sales", 0.50, "open"),
    ("Negotiation", "sales", 0.75, "open"),
    ("Won", "sales", 1.0, "won"),
    ("Lost", "sales", 0.0, "lost"),
)

SETTINGS: dict[str, Any] = {
    "handoff": {"score_threshold": 60, "follow_up_hours": 48},
    "goal_metric": "margin",
    "phone_region": "GB",
    # ISO 4217 code of a deal whose currency is not set.
    "currency": DEFAULT_CURRENCY,
}

# Targets are set by admins and marketers; sales reads them (attainment), never sets them.
MARKETING_EDITS = frozenset({"lead", "campaign", "collateral", "launch_brief", "target"})
SALES_EDITS = frozenset({"contact", "account", "activity", "opportunity", "intel"})
SALES_LEAD_EDITS = frozenset(
    {
        "source",
        "status",
        "first_follow_up_at",
        "accepted_at",
        "rejected_at",
        "rejection_reason",
        "rejection_note",
        "quality",
    }
)
SALES_HIDDEN = frozenset({("campaign", "budget"), ("campaign", "spend")})
SALES_READ_ONLY = frozenset({("contact", "owner_id"), ("account", "owner_id")})


def default_access(role: str, entity: str, field: str) -> str:
    """The shipped rule for one built-in field."""
    if role == "admin":
        return "edit"
    if role == "marketing":
        return "edit" if entity in MARKETING_EDITS else "read"
    if role == "sales":
        if (entity, field) in SALES_HIDDEN:
            return "hidden"
        if (entity, field) in SALES_READ_ONLY:
            return "read"
        if entity in SALES_EDITS:
            return "edit"
        if entity == "lead" and field in SALES_LEAD_EDITS:
            return "edit"
        return "read"
    # A role an admin added starts with nothing visible until rules are set.
    return "hidden"


def ensure_defaults(store: Store) -> None:
    """Seed roles, the funnel, settings and every built-in field's definition and rules.

    A read decides first, so opening a complete store takes no write transaction.
    """
    with store.reading() as session:
        if _complete(session):
            return
    with store.transaction() as session:
        seed_defaults(session)


def _complete(session: Session) -> bool:
    rows = session.execute(
        select(FieldDefinition.entity, FieldDefinition.name).where(
            FieldDefinition.builtin.is_(True)
        )
    )
    defined = {(entity, name) for entity, name in rows}
    expected = {
        (entity.name, field.name) for entity in ENTITIES.values() for field in entity.fields
    }
    roles = set(session.scalars(select(Role.name)))
    settings = set(session.scalars(select(Setting.key)))
    has_stage = session.scalar(select(FunnelStage.id).limit(1)) is not None
    return (
        defined >= expected
        and roles >= {name for name, _, _ in ROLES}
        and settings >= set(SETTINGS)
        and has_stage
    )


def seed_defaults(session: Session) -> None:
    """Seed defaults in an open session (the server uses this on its own database)."""
    roles = _ensure_roles(session)
    _ensure_builtin_fields(session, roles)
    _ensure_funnel(session)
    _ensure_settings(session)


def _ensure_roles(session: Session) -> dict[str, Role]:
    existing = {role.name: role for role in session.scalars(select(Role))}
    for name, label, scope in ROLES:
        if name not in existing:
            granted = list(ROLE_CAPABILITIES.get(name, ()))
            role = Role(name=name, label=label, scope=scope, builtin=True, capabilities=granted)
            session.add(role)
            existing[name] = role
    session.flush()
    return existing


def _ensure_builtin_fields(session: Session, roles: dict[str, Role]) -> None:
    defined = {
        (d.entity, d.name)
        for d in session.scalars(select(FieldDefinition).where(FieldDefinition.builtin.is_(True)))
    }
    for entity in ENTITIES.values():
        for position, field in enumerate(entity.fields):
            if (entity.name, field.name) in defined:
                continue
            # Ids made here, not at flush, so the whole seed is one flush.
            definition = FieldDefinition(
                id=uuid.uuid4(),
                entity=entity.name,
                name=field.name,
                label=field.label,
                type=field.type,
                builtin=True,
                choices=list(field.choices) or None,
                position=position,
            )
            session.add(definition)
            for role in roles.values():
                session.add(
                    FieldRule(
                        role_id=role.id,
                        field_id=definition.id,
                        access=default_access(role.name, entity.name, field.name),
                    )
                )


def _ensure_funnel(session: Session) -> None:
    if session.scalar(select(FunnelStage.id).limit(1)) is not None:
        return
    for position, (name, team, probability, outcome) in enumerate(FUNNEL):
        session.add(
            FunnelStage(
                name=name,
                position=position,
                owner_team=team,
                probability=probability,
                outcome=outcome,
            )
        )


def _ensure_settings(session: Session) -> None:
    present = set(session.scalars(select(Setting.key)))
    for key, value in SETTINGS.items():
        if key not in present:
            session.add(Setting(key=key, value=value))
