"""The governance rules, written once: roles, users, fields, field rules, the funnel, settings.

The desktop services (``rule_admin``, ``custom_fields``, ``directory``, ``funnel``,
``company_settings``, ``capabilities``) and the server's admin routes
(``server/admin/service.py``) both call these functions on an open session of
the same models; each side passes a ``GovernanceLog`` that records a change its
own way (the desktop's unit of work logs it for history, the server publishes
it to the feed). So a governance request gets the same answer on both: the same
refusal with the same message, or the same rows written.

Who may govern at all is checked by the caller (the ``administer`` capability).
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from contactdesk.errors import AlreadyExists, NotFound, ValidationError
from contactdesk.model import (
    FieldDefinition,
    FieldRule,
    FunnelStage,
    Opportunity,
    Role,
    Setting,
    User,
)
from contactdesk.model.base import Base
from contactdesk.model.governance import (
    ACCESS_LEVELS,
    CAPABILITIES,
    SCOPES,
    STAGE_OUTCOMES,
    TEAMS,
)
from contactdesk.services.currency_codes import CURRENCY_CODES
from contactdesk.services.defaults import default_access
from contactdesk.services.field_catalog import CUSTOM_FIELD_TYPES, ENTITIES, GOVERNED_ENTITIES
from contactdesk.services.field_rules import META_FIELDS
from contactdesk.services.field_values import normalise_email
from contactdesk.services.phone_regions import region_for_country
from contactdesk.services.text_checks import unwritable_part

ROLE_NAME = re.compile(r"^[a-z][a-z0-9_-]{0,39}$")
FIELD_NAME = re.compile(r"^[a-z][a-z0-9_]{0,59}$")
CHOICE_TYPES = ("choice", "multi_choice")
GOAL_METRICS = ("market_share", "volume", "margin")
# A role with no rule for the record's title field (one added without rules) gets this
# for a new custom field.
NEW_FIELD_FALLBACK_ACCESS = "hidden"
# A setting is a small document (a hand-off rule, a metric name), read by every client.
MAX_SETTING_CHARACTERS = 64_000

Fields = dict[str, tuple[Any, Any]]
# What a role without the ``administer`` capability is refused, on the desktop and the server.
GOVERNING = "change users, roles, fields, rules, the funnel or settings"


class GovernanceLog(Protocol):
    """Where a governance change goes once its row is in the session (flushed, with an id)."""

    def record(self, entity: str, row: Base, op: str, fields: Fields) -> None: ...


def _assign(row: Any, values: dict[str, Any]) -> Fields:
    """Set each differing attribute of ``row``; the (old, new) pairs of those that changed."""
    changed: Fields = {}
    for name, value in values.items():
        old = getattr(row, name)
        if old != value:
            changed[name] = (old, value)
            setattr(row, name, value)
    return changed


def _add(session: Session, log: GovernanceLog, entity: str, row: Base, fields: Fields) -> None:
    session.add(row)
    session.flush()
    log.record(entity, row, "create", fields)


def _update(session: Session, log: GovernanceLog, entity: str, row: Base, fields: Fields) -> None:
    if fields:
        session.flush()
        log.record(entity, row, "update", fields)


# -- roles ----------------------------------------------------------------


def role_named(session: Session, name: str) -> Role:
    """The role called ``name``; NotFound names the known ones."""
    role = session.scalar(select(Role).where(Role.name == name))
    if role is None:
        known = ", ".join(session.scalars(select(Role.name).order_by(Role.name)))
        raise NotFound(f"no role {name!r} (roles: {known})")
    return role


def _check_scope(name: str, scope: str, capabilities: Iterable[str]) -> None:
    if scope not in SCOPES:
        raise ValidationError("role.scope", f"{scope!r} is not one of {', '.join(SCOPES)}")
    if "administer" in capabilities and scope != "all":
        raise ValidationError(
            "role.scope", f"{name!r} may administer, so it always sees all records"
        )


def _checked_capabilities(granted: Iterable[str]) -> list[str]:
    wanted = sorted(set(granted))
    unknown = [name for name in wanted if name not in CAPABILITIES]
    if unknown:
        raise ValidationError(
            "role.capabilities",
            f"unknown capability {unknown[0]!r} (known: {', '.join(CAPABILITIES)})",
        )
    return wanted


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


def add_role(
    session: Session,
    log: GovernanceLog,
    name: str,
    *,
    label: str | None = None,
    scope: str = "own",
    capabilities: Iterable[str] = (),
    like: str | None = None,
) -> Role:
    """A new role with a rule for every field: role ``like``'s if given, else the default."""
    if not ROLE_NAME.match(name):
        raise ValidationError("role.name", f"{name!r}: lower-case letters, digits, - and _")
    granted = _checked_capabilities(capabilities)
    _check_scope(name, scope, granted)
    if session.scalar(select(Role.id).where(Role.name == name)) is not None:
        raise AlreadyExists("role.name", f"a role {name!r} exists already")
    template = role_named(session, like) if like else None
    text_label = (label or name.capitalize()).strip()[:80]
    role = Role(name=name, label=text_label, scope=scope, builtin=False, capabilities=granted)
    _add(
        session,
        log,
        "role",
        role,
        {
            "name": (None, name),
            "label": (None, text_label),
            "scope": (None, scope),
            "capabilities": (None, granted),
        },
    )
    copied: dict[uuid.UUID, str] = {}
    if template is not None:
        rows = session.execute(
            select(FieldRule.field_id, FieldRule.access).where(FieldRule.role_id == template.id)
        )
        copied = {field_id: access for field_id, access in rows}
    definitions = session.scalars(
        select(FieldDefinition).order_by(FieldDefinition.entity, FieldDefinition.position)
    )
    for definition in list(definitions):
        access = copied.get(definition.id) or default_access(
            name, definition.entity, definition.name
        )
        if "administer" in granted:
            access = "edit"
        _add_rule(session, log, role, definition, access)
    return role


def change_role(
    session: Session,
    log: GovernanceLog,
    role: Role,
    *,
    label: str | None = None,
    scope: str | None = None,
    capabilities: Iterable[str] | None = None,
) -> Fields:
    """Relabel ``role``, change its record scope or set exactly its capabilities."""
    values: dict[str, Any] = {}
    granted = sorted(role.capabilities or ())
    if capabilities is not None:
        granted = _checked_capabilities(capabilities)
        if "administer" in (role.capabilities or ()) and "administer" not in granted:
            _keep_an_administrator(session, role)
        values["capabilities"] = granted
    if scope is not None or capabilities is not None:
        _check_scope(role.name, scope if scope is not None else role.scope, granted)
        if scope is not None:
            values["scope"] = scope
    if label is not None:
        if not label.strip():
            raise ValidationError("role.label", "a role needs a label")
        values["label"] = label.strip()[:80]
    if "capabilities" in values and sorted(role.capabilities or ()) == granted:
        del values["capabilities"]  # a JSON list: compare sorted, not as written
    changed = _assign(role, values)
    _update(session, log, "role", role, changed)
    return changed


# -- users ----------------------------------------------------------------


def _checked_username(username: str) -> str:
    clean = username.strip()
    if not clean or len(clean) > 80 or any(c.isspace() for c in clean):
        raise ValidationError("user.username", "must be 1-80 characters with no spaces")
    return clean


def _role_for_user(session: Session, name: str) -> Role:
    role = session.scalar(select(Role).where(Role.name == name))
    if role is None:
        known = ", ".join(session.scalars(select(Role.name).order_by(Role.name)))
        raise ValidationError("user.role", f"unknown role {name!r} (known: {known})")
    return role


def add_user(
    session: Session,
    log: GovernanceLog,
    username: str,
    *,
    role: str,
    display_name: str | None = None,
    team: str | None = None,
    territory: str | None = None,
    is_team_lead: bool = False,
    email: str | None = None,
) -> User:
    """A new active user in ``role``. Username: 1-80 characters, no spaces, unique."""
    username = _checked_username(username)
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        raise AlreadyExists("user.username", f"{username!r} is taken")
    role_row = _role_for_user(session, role)
    user = User(
        username=username,
        display_name=(display_name or username).strip()[:120] or username,
        email=normalise_email(email, "user.email") if email else None,
        role_id=role_row.id,
        team=team,
        territory=territory,
        is_team_lead=is_team_lead,
        active=True,
    )
    fields: Fields = {
        "username": (None, username),
        "display_name": (None, user.display_name),
        "email": (None, user.email),
        "role_id": (None, role_row.id),
        "team": (None, team),
        "territory": (None, territory),
        "is_team_lead": (None, is_team_lead),
        "active": (None, True),
    }
    _add(session, log, "user", user, fields)
    return user


def change_user(
    session: Session,
    log: GovernanceLog,
    user: User,
    values: dict[str, Any],
    *,
    role: str | None = None,
) -> Fields:
    """Change ``user``'s ``values`` (display_name, email, team, territory, is_team_lead, active)
    and, by name, its role."""
    values = dict(values)
    if "email" in values and values["email"] is not None:
        values["email"] = normalise_email(values["email"], "user.email")
    if "display_name" in values:
        values["display_name"] = str(values["display_name"]).strip()[:120] or user.username
    if role is not None:
        values["role_id"] = _role_for_user(session, role).id
    changed = _assign(user, values)
    _update(session, log, "user", user, changed)
    return changed


# -- fields and their rules -----------------------------------------------


def _checked_choices(field_type: str, choices: Sequence[str] | None) -> list[str] | None:
    cleaned = [choice.strip() for choice in choices or () if choice.strip()]
    if field_type in CHOICE_TYPES:
        if not cleaned:
            raise ValidationError("field.choices", f"a {field_type} field needs choices")
        if len(set(cleaned)) != len(cleaned):
            raise ValidationError("field.choices", "choices must be different from each other")
        return cleaned
    if cleaned:
        raise ValidationError("field.choices", f"a {field_type} field takes no choices")
    return None


def _check_field_name(session: Session, entity: str, name: str) -> None:
    if entity not in GOVERNED_ENTITIES:
        raise ValidationError(
            "field.entity", f"custom fields go on: {', '.join(GOVERNED_ENTITIES)}"
        )
    if not FIELD_NAME.match(name):
        raise ValidationError(
            "field.name", f"{name!r}: use lower-case letters, digits and _ (start with a letter)"
        )
    if name in ENTITIES[entity].by_name or name in META_FIELDS or name.endswith("_id"):
        raise AlreadyExists("field.name", f"{name!r} is a built-in field name of {entity}")
    taken = session.scalar(
        select(FieldDefinition.id).where(
            FieldDefinition.entity == entity, FieldDefinition.name == name
        )
    )
    if taken is not None:
        raise AlreadyExists("field.name", f"{entity} already has a field {name!r}")


def _title_access(session: Session, entity: str) -> dict[uuid.UUID, str]:
    """Each role's access to the title field of ``entity`` (role id -> level)."""
    rows = session.execute(
        select(FieldRule.role_id, FieldRule.access)
        .join(FieldDefinition, FieldDefinition.id == FieldRule.field_id)
        .where(
            FieldDefinition.entity == entity,
            FieldDefinition.name == ENTITIES[entity].title_field,
        )
    )
    return {role_id: access for role_id, access in rows}


def add_field(
    session: Session,
    log: GovernanceLog,
    entity: str,
    name: str,
    field_type: str,
    *,
    label: str | None = None,
    choices: Sequence[str] | None = None,
) -> FieldDefinition:
    """Define a custom field on ``entity`` with a rule for every role.

    Each role starts with the access it has to the record's title field: the roles
    that work on the record (edit its name) can fill the new field in at once, those
    that only read such records read it, and those that never see them do not.
    """
    if field_type not in CUSTOM_FIELD_TYPES:
        raise ValidationError(
            "field.type", f"{field_type!r} is not one of {', '.join(CUSTOM_FIELD_TYPES)}"
        )
    checked = _checked_choices(field_type, choices)
    _check_field_name(session, entity, name)
    text_label = (label or name.replace("_", " ").capitalize()).strip()[:120]
    position = session.scalar(
        select(func.coalesce(func.max(FieldDefinition.position), 0) + 1).where(
            FieldDefinition.entity == entity
        )
    )
    definition = FieldDefinition(
        entity=entity,
        name=name,
        label=text_label,
        type=field_type,
        builtin=False,
        choices=checked,
        retired=False,
        position=position or 0,
    )
    fields: Fields = {
        "entity": (None, entity),
        "name": (None, name),
        "label": (None, text_label),
        "type": (None, field_type),
        "builtin": (None, False),
        "choices": (None, checked),
        "retired": (None, False),
        "position": (None, definition.position),
    }
    _add(session, log, "field_definition", definition, fields)
    title_access = _title_access(session, entity)
    for role in list(session.scalars(select(Role).order_by(Role.name))):
        access = title_access.get(role.id, NEW_FIELD_FALLBACK_ACCESS)
        if "administer" in (role.capabilities or ()):
            access = "edit"
        _add_rule(session, log, role, definition, access)
    return definition


def field_named(session: Session, entity: str, name: str) -> FieldDefinition:
    """The definition of ``entity.name``, built in or custom."""
    definition = session.scalar(
        select(FieldDefinition).where(
            FieldDefinition.entity == entity, FieldDefinition.name == name
        )
    )
    if definition is None:
        raise NotFound(f"no field {entity}.{name}")
    return definition


def change_field(
    session: Session,
    log: GovernanceLog,
    definition: FieldDefinition,
    *,
    label: str | None = None,
    choices: Sequence[str] | None = None,
    retired: bool | None = None,
    position: int | None = None,
) -> Fields:
    """Relabel or move a field; a custom one may also change its choices or retire (data stays)."""
    if definition.builtin and (choices is not None or retired is not None):
        raise ValidationError(
            f"{definition.entity}.{definition.name}",
            "a built-in field keeps its choices and cannot be retired",
        )
    values: dict[str, Any] = {}
    if label is not None:
        if not label.strip():
            raise ValidationError("field.label", "a field needs a label")
        values["label"] = label.strip()[:120]
    if choices is not None:
        values["choices"] = _checked_choices(definition.type, choices)
    if retired is not None:
        values["retired"] = retired
    if position is not None:
        if not 0 <= position <= 100_000:
            raise ValidationError("field.position", "must be between 0 and 100000")
        values["position"] = position
    changed = _assign(definition, values)
    _update(session, log, "field_definition", definition, changed)
    return changed


def _add_rule(
    session: Session, log: GovernanceLog, role: Role, definition: FieldDefinition, access: str
) -> FieldRule:
    rule = FieldRule(role_id=role.id, field_id=definition.id, access=access)
    fields: Fields = {
        "role_id": (None, role.id),
        "field_id": (None, definition.id),
        "access": (None, access),
    }
    _add(session, log, "field_rule", rule, fields)
    return rule


def parse_field(field: str) -> tuple[str, str]:
    """``entity.name`` as its two parts."""
    entity, _, name = field.partition(".")
    if not entity or not name:
        raise ValidationError("rule.field", f"{field!r}: give the field as ENTITY.FIELD")
    return entity, name


def set_rule(
    session: Session, log: GovernanceLog, role: str, entity: str, name: str, access: str
) -> FieldRule:
    """Set ``role``'s access to ``entity.name``: hidden, read or edit."""
    if access not in ACCESS_LEVELS:
        raise ValidationError("rule.access", f"{access!r} is not one of {', '.join(ACCESS_LEVELS)}")
    role_row = role_named(session, role)
    if "administer" in (role_row.capabilities or ()) and access != "edit":
        raise ValidationError(
            "rule.role", f"{role!r} may administer, so it always edits every field"
        )
    definition = field_named(session, entity, name)
    rule = session.scalar(
        select(FieldRule).where(
            FieldRule.role_id == role_row.id, FieldRule.field_id == definition.id
        )
    )
    if rule is None:
        return _add_rule(session, log, role_row, definition, access)
    _update(session, log, "field_rule", rule, _assign(rule, {"access": access}))
    return rule


# -- funnel stages --------------------------------------------------------


def _check_stage(name: str, probability: float, owner_team: str, outcome: str) -> str:
    clean = name.strip()
    if not clean:
        raise ValidationError("funnel_stage.name", "a stage needs a name")
    if len(clean) > 60:
        raise ValidationError("funnel_stage.name", "at most 60 characters")
    if not 0.0 <= probability <= 1.0:
        raise ValidationError("funnel_stage.probability", "must be between 0 and 1 (0% to 100%)")
    if owner_team not in TEAMS:
        raise ValidationError("funnel_stage.owner_team", f"must be one of {', '.join(TEAMS)}")
    if outcome not in STAGE_OUTCOMES:
        raise ValidationError("funnel_stage.outcome", f"must be one of {', '.join(STAGE_OUTCOMES)}")
    return clean


def _check_stage_unique(session: Session, name: str, own_id: uuid.UUID | None) -> None:
    other = session.scalar(select(FunnelStage.id).where(FunnelStage.name == name))
    if other is not None and other != own_id:
        raise AlreadyExists("funnel_stage.name", f"a stage {name!r} exists already")


def _stages(session: Session) -> list[FunnelStage]:
    return list(session.scalars(select(FunnelStage).order_by(FunnelStage.position)))


def _renumber(session: Session, log: GovernanceLog, ordered: list[FunnelStage]) -> None:
    for index, stage in enumerate(ordered):
        _update(session, log, "funnel_stage", stage, _assign(stage, {"position": index}))


def _opportunities_in(session: Session, stage: FunnelStage) -> int:
    return (
        session.scalar(select(func.count(Opportunity.id)).where(Opportunity.stage_id == stage.id))
        or 0
    )


def add_stage(
    session: Session,
    log: GovernanceLog,
    name: str,
    *,
    probability: float,
    owner_team: str,
    outcome: str = "open",
    position: int | None = None,
) -> FunnelStage:
    """A new stage at ``position`` (default: before the closing stages); the others move up."""
    name = _check_stage(name, probability, owner_team, outcome)
    _check_stage_unique(session, name, None)
    stages = _stages(session)
    open_count = sum(1 for s in stages if s.outcome == "open")
    index = open_count if position is None else max(0, min(position, len(stages)))
    stage = FunnelStage(
        name=name, position=index, probability=probability, owner_team=owner_team, outcome=outcome
    )
    fields: Fields = {
        "name": (None, name),
        "position": (None, index),
        "probability": (None, probability),
        "owner_team": (None, owner_team),
        "outcome": (None, outcome),
    }
    _add(session, log, "funnel_stage", stage, fields)
    stages.insert(index, stage)
    _renumber(session, log, stages)
    return stage


def change_stage(
    session: Session,
    log: GovernanceLog,
    stage: FunnelStage,
    *,
    name: str | None = None,
    probability: float | None = None,
    owner_team: str | None = None,
    outcome: str | None = None,
    position: int | None = None,
) -> Fields:
    """Rename a stage, change its probability, team or outcome, or move it to ``position``."""
    new_name = _check_stage(
        name if name is not None else stage.name,
        probability if probability is not None else stage.probability,
        owner_team if owner_team is not None else stage.owner_team,
        outcome if outcome is not None else stage.outcome,
    )
    _check_stage_unique(session, new_name, stage.id)
    if outcome is not None and outcome != stage.outcome:
        used = _opportunities_in(session, stage)
        if used:
            raise ValidationError(
                "funnel_stage.outcome",
                f"{used} opportunities are in stage {stage.name!r}; move them first",
            )
    values: dict[str, Any] = {"name": new_name}
    for attribute, value in (
        ("probability", probability),
        ("owner_team", owner_team),
        ("outcome", outcome),
    ):
        if value is not None:
            values[attribute] = value
    changed = _assign(stage, values)
    _update(session, log, "funnel_stage", stage, changed)
    if position is not None:
        stages = [s for s in _stages(session) if s.id != stage.id]
        stages.insert(max(0, min(position, len(stages))), stage)
        _renumber(session, log, stages)
    return changed


def reorder_stages(session: Session, log: GovernanceLog, names: Sequence[str]) -> None:
    """Put the stages in the order of ``names`` (every stage exactly once)."""
    stages = {s.name: s for s in session.scalars(select(FunnelStage))}
    if sorted(names) != sorted(stages):
        raise ValidationError("funnel_stage.position", "name every stage exactly once")
    _renumber(session, log, [stages[name] for name in names])


def remove_stage(session: Session, log: GovernanceLog, stage: FunnelStage) -> None:
    """Remove a stage no opportunity is in; the stages after it move down."""
    used = _opportunities_in(session, stage)
    if used:
        raise ValidationError(
            "funnel_stage", f"{used} opportunities are in stage {stage.name!r}; move them first"
        )
    session.delete(stage)
    session.flush()
    log.record("funnel_stage", stage, "delete", {"name": (stage.name, None)})
    _renumber(session, log, _stages(session))


# -- settings -------------------------------------------------------------


def _check_handoff(value: Any) -> Any:
    if not isinstance(value, dict) or set(value) != {"score_threshold", "follow_up_hours"}:
        raise ValidationError("handoff", "give score_threshold and follow_up_hours")
    threshold, hours = value["score_threshold"], value["follow_up_hours"]
    number = (int, float)
    if isinstance(threshold, bool) or not isinstance(threshold, number):
        raise ValidationError("handoff.score_threshold", "must be a number")
    if not 0 <= threshold <= 100:
        raise ValidationError("handoff.score_threshold", "must be between 0 and 100")
    if isinstance(hours, bool) or not isinstance(hours, int):
        raise ValidationError("handoff.follow_up_hours", "must be a whole number of hours")
    if not 1 <= hours <= 24 * 60:
        raise ValidationError("handoff.follow_up_hours", "must be between 1 and 1440 hours")
    return value


def _check_goal_metric(value: Any) -> Any:
    if value not in GOAL_METRICS:
        raise ValidationError("goal_metric", f"must be one of {', '.join(GOAL_METRICS)}")
    return value


def _check_phone_region(value: Any) -> Any:
    region = region_for_country(value) if isinstance(value, str) else None
    if region is None:
        raise ValidationError("phone_region", f"{value!r} is not a country this app knows")
    return region


def _check_currency(value: Any) -> Any:
    code = value.strip().upper() if isinstance(value, str) else value
    if code not in CURRENCY_CODES:
        raise ValidationError("currency", f"{value!r} is not an ISO 4217 currency code")
    return code


# The settings with a rule of their own; any other key takes any small JSON document.
SETTING_CHECKS = {
    "handoff": _check_handoff,
    "goal_metric": _check_goal_metric,
    "phone_region": _check_phone_region,
    "currency": _check_currency,
}


def checked_setting(key: str, value: Any) -> Any:
    """``value`` as setting ``key`` stores it; refused if the key's rule, or the feed, would not
    take it (a value that cannot be serialised, or one too large to send to every client)."""
    label = f"setting.{key}"
    problem = unwritable_part(value)
    if problem:
        raise ValidationError(label, problem)
    size = len(json.dumps(value))
    if size > MAX_SETTING_CHARACTERS:
        raise ValidationError(
            label, f"is {size} characters as JSON; at most {MAX_SETTING_CHARACTERS} allowed"
        )
    check = SETTING_CHECKS.get(key)
    return check(value) if check else value


def put_setting(session: Session, log: GovernanceLog, key: str, value: Any) -> Setting:
    """Create or replace setting ``key`` (checked by ``checked_setting``)."""
    value = checked_setting(key, value)
    setting = session.scalar(select(Setting).where(Setting.key == key))
    if setting is None:
        setting = Setting(key=key, value=value)
        _add(session, log, "setting", setting, {"key": (None, key), "value": (None, value)})
    else:
        _update(session, log, "setting", setting, _assign(setting, {"value": value}))
    return setting
