"""The one path every change takes: validate, check rules, write, log, notify.

A unit of work is one transaction. Its changes are written to the change log
(sync outbox and history) in that same transaction, and after the commit the
store's listeners hear what changed.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from contactdesk.errors import AccessDenied, NotFound, ValidationError
from contactdesk.model import FunnelStage, Segment, User
from contactdesk.model.base import Base
from contactdesk.services.actor import Actor
from contactdesk.services.changes import Change, ChangeSet, record_in_log
from contactdesk.services.custom_values import read_values, write_value
from contactdesk.services.field_catalog import ENTITIES, EntitySpec, FieldSpec, entity_spec
from contactdesk.services.field_rules import CustomField, Policy, scope_clause
from contactdesk.services.field_values import DEFAULT_PHONE_REGION, coerce_value
from contactdesk.services.phone_regions import company_phone_region, phone_region
from contactdesk.services.policy_cache import GOVERNANCE_ENTITIES, forget_policies, policy_for
from contactdesk.services.record_derivations import DERIVATIONS
from contactdesk.services.record_rules import check_record_rules
from contactdesk.store.local_store import Store

REFERENCE_MODELS: dict[str, type[Base]] = {
    "user": User,
    "funnel_stage": FunnelStage,
    "segment": Segment,
}


def _target_model(target: str) -> type[Base]:
    if target in REFERENCE_MODELS:
        return REFERENCE_MODELS[target]
    return ENTITIES[target].model


class UnitOfWork:
    """Writes records for one actor inside one open transaction."""

    def __init__(self, session: Session, actor: Actor, policy: Policy) -> None:
        self.session = session
        self.actor = actor
        self.policy = policy
        self.changes: list[Change] = []
        self._default_phone_region: str | None = None

    # -- public operations -------------------------------------------------

    def create(
        self, entity: str, values: Mapping[str, Any], *, record_id: uuid.UUID | None = None
    ) -> uuid.UUID:
        """Create a record of ``entity`` from ``values``; returns its id."""
        spec = entity_spec(entity)
        builtin, custom = self._split(spec, values)
        self.policy.require_editable(entity, [*builtin, *(f.name for f in custom)])
        stored = self._coerce_all(spec, builtin)
        if spec.owner_field and stored.get(spec.owner_field) is None and self.actor.user_id:
            stored[spec.owner_field] = self.actor.user_id
        stored.update(self._derive(entity, {}, stored))
        self._check_required(spec, stored)
        self._check_owner_in_scope(spec, stored)
        self._check_references_in_scope(spec, stored)
        new_id = record_id or uuid.uuid4()
        after = {name: None for name in spec.by_name} | stored
        check_record_rules(self.session, entity, new_id, None, after)
        record: Any = spec.model(id=new_id, **stored)
        self.session.add(record)
        self.session.flush()
        typed_custom = self._coerce_custom(entity, custom)
        for field, value in typed_custom.items():
            write_value(self.session, record.id, field, value)
        fields = {name: (None, value) for name, value in stored.items() if value is not None}
        fields.update({f.name: (None, v) for f, v in typed_custom.items() if v is not None})
        self.changes.append(Change(entity, record.id, "create", fields))
        return new_id

    def update(self, entity: str, record_id: uuid.UUID | str, values: Mapping[str, Any]) -> bool:
        """Change the given fields of one record; returns whether anything changed."""
        spec = entity_spec(entity)
        record = self._load_in_scope(spec, record_id)
        builtin, custom = self._split(spec, values)
        self.policy.require_editable(entity, [*builtin, *(f.name for f in custom)])
        fields = self._set_builtin(spec, record, builtin)
        typed_custom = self._coerce_custom(entity, custom)
        if typed_custom:
            old_custom = read_values(self.session, [record.id], list(typed_custom)).get(
                record.id, {}
            )
            for field, value in typed_custom.items():
                if old_custom.get(field.name) != value:
                    write_value(self.session, record.id, field, value)
                    fields[field.name] = (old_custom.get(field.name), value)
        if not fields:
            return False
        self.session.flush()
        self.changes.append(Change(entity, record.id, "update", fields, record.version))
        return True

    def _set_builtin(
        self, spec: EntitySpec, record: Any, builtin: dict[str, Any]
    ) -> dict[str, tuple[Any, Any]]:
        """Coerce, derive and check ``builtin`` values, set them; the (old, new) that differ."""
        stored = self._coerce_all(spec, builtin, country=getattr(record, "country", None))
        current = {name: getattr(record, name) for name in spec.by_name}
        stored.update(self._derive(spec.name, current, stored))
        self._check_required(spec, {**current, **stored})
        if spec.owner_field in stored:
            self._check_owner_in_scope(spec, stored)
        changed = {name: value for name, value in stored.items() if current.get(name) != value}
        self._check_references_in_scope(spec, changed)
        check_record_rules(self.session, spec.name, record.id, current, {**current, **stored})
        fields: dict[str, tuple[Any, Any]] = {}
        for name, value in stored.items():
            old = getattr(record, name)
            if old != value:
                setattr(record, name, value)
                fields[name] = (old, value)
        return fields

    def delete(self, entity: str, record_id: uuid.UUID | str) -> None:
        """Delete one record the actor may edit; its last values go to the log."""
        spec = entity_spec(entity)
        record = self._load_in_scope(spec, record_id)
        self.policy.require_editable(entity, [spec.title_field])
        custom = self.policy.custom(entity, include_retired=True)
        old_custom = read_values(self.session, [record.id], custom).get(record.id, {})
        fields = {
            name: (getattr(record, name), None)
            for name in spec.by_name
            if getattr(record, name) is not None
        }
        fields.update({name: (value, None) for name, value in old_custom.items()})
        self.session.delete(record)
        self.session.flush()
        self.changes.append(Change(entity, record.id, "delete", fields, record.version))

    def record_change(self, change: Change) -> None:
        """Add a change made by a specialised service (merge, import) to this unit."""
        self.changes.append(change)

    # -- checks ------------------------------------------------------------

    def _split(
        self, spec: EntitySpec, values: Mapping[str, Any]
    ) -> tuple[dict[str, Any], dict[CustomField, Any]]:
        builtin: dict[str, Any] = {}
        custom: dict[CustomField, Any] = {}
        for name, value in values.items():
            if name in spec.by_name:
                builtin[name] = value
                continue
            field = self.policy.custom_by_name(spec.name, name)
            if field is None:
                raise ValidationError(f"{spec.name}.{name}", "no such field")
            if field.retired:
                raise ValidationError(f"{spec.name}.{name}", "this field is retired")
            custom[field] = value
        return builtin, custom

    def _coerce_all(
        self, spec: EntitySpec, values: dict[str, Any], *, country: str | None = None
    ) -> dict[str, Any]:
        """The stored form of ``values``; a phone number is read in the record's country.

        ``country`` is the record's country before this change (a new one in
        ``values`` wins).
        """
        stored: dict[str, Any] = {}
        region = DEFAULT_PHONE_REGION
        if any(spec.by_name[name].type == "phone" for name in values):
            written = values.get("country", country)
            region = phone_region(str(written) if written else None, self._company_region())
        for name, value in values.items():
            field = spec.by_name[name]
            if field.type == "stage" and value is not None:
                value = self._stage_id(spec, field, value)
            coerced = (
                coerce_value(field, value, spec.name, phone_region=region)
                if field.type != "stage"
                else value
            )
            if field.required and coerced is None and field.name not in DERIVED_REQUIRED:
                raise ValidationError(f"{spec.name}.{name}", "is required")
            if field.type == "reference" and coerced is not None:
                self._check_reference(spec, field, coerced)
            stored[name] = coerced
        return stored

    def _company_region(self) -> str:
        """The company's ``phone_region`` setting (read once per unit of work)."""
        if self._default_phone_region is None:
            self._default_phone_region = company_phone_region(self.session)
        return self._default_phone_region

    def _coerce_custom(self, entity: str, values: dict[CustomField, Any]) -> dict[CustomField, Any]:
        return {field: coerce_value(field.as_spec(), v, entity) for field, v in values.items()}

    def _stage_id(self, spec: EntitySpec, field: FieldSpec, value: Any) -> uuid.UUID:
        label = f"{spec.name}.{field.name}"
        text = str(value).strip()
        try:
            stage_id = uuid.UUID(text)
            if self.session.get(FunnelStage, stage_id) is not None:
                return stage_id
        except ValueError:
            found = self.session.scalar(select(FunnelStage.id).where(FunnelStage.name == text))
            if found is not None:
                return found
        names = ", ".join(
            self.session.scalars(select(FunnelStage.name).order_by(FunnelStage.position))
        )
        raise ValidationError(label, f"unknown stage {text!r} (stages: {names})")

    def _check_reference(self, spec: EntitySpec, field: FieldSpec, value: uuid.UUID) -> None:
        assert field.target is not None
        if self.session.get(_target_model(field.target), value) is None:
            raise ValidationError(
                f"{spec.name}.{field.name}", f"no {field.target} with id {value} exists"
            )

    def _derive(
        self, entity: str, current: dict[str, Any], incoming: dict[str, Any]
    ) -> dict[str, Any]:
        derivation = DERIVATIONS.get(entity)
        return derivation(current, incoming) if derivation else {}

    def _check_required(self, spec: EntitySpec, values: Mapping[str, Any]) -> None:
        for field in spec.fields:
            if field.required and values.get(field.name) is None:
                raise ValidationError(f"{spec.name}.{field.name}", "is required")

    def _check_owner_in_scope(self, spec: EntitySpec, stored: Mapping[str, Any]) -> None:
        if spec.owner_field is None:
            return
        owner = stored.get(spec.owner_field)
        if owner is None or self.policy.scope == "all" or owner == self.actor.user_id:
            return
        if self.policy.scope == "team" and self.actor.team is not None:
            team = self.session.scalar(select(User.team).where(User.id == owner))
            if team == self.actor.team:
                return
        raise AccessDenied(
            f"role {self.policy.role!r} may not assign {spec.name} records to another user"
            f" outside its scope ({self.policy.scope})",
            field=f"{spec.name}.{spec.owner_field}",
        )

    def _check_references_in_scope(self, spec: EntitySpec, stored: Mapping[str, Any]) -> None:
        """A link to a record the actor may not see is refused, like an edit of that record."""
        for name, value in stored.items():
            field = spec.by_name.get(name)
            target = ENTITIES.get(field.target or "") if field and value is not None else None
            if target is None or target.owner_field is None or self.policy.scope == "all":
                continue
            model: Any = target.model
            in_scope = scope_clause(target, self.policy, self.actor)
            visible = self.session.scalar(select(model.id).where(model.id == value, in_scope))
            if visible is None:
                raise AccessDenied(
                    f"{spec.name}.{name}: {target.name} {value} is outside the record scope of"
                    f" role {self.policy.role!r} (rule: references in scope)",
                    field=f"{spec.name}.{name}",
                )

    def _load_in_scope(self, spec: EntitySpec, record_id: uuid.UUID | str) -> Any:
        key = record_id if isinstance(record_id, uuid.UUID) else _parse_id(spec, record_id)
        record = self.session.get(spec.model, key)
        if record is None:
            raise NotFound(f"no {spec.name} with id {key}")
        model: Any = spec.model
        in_scope = self.session.scalar(
            select(model.id).where(model.id == key, scope_clause(spec, self.policy, self.actor))
        )
        if in_scope is None:
            raise AccessDenied(
                f"{spec.name} {key} is outside the record scope of role {self.policy.role!r}"
            )
        return record


# Required fields a derivation may fill (a contact's name from first/last/email).
DERIVED_REQUIRED = frozenset({"display_name"})


def _parse_id(spec: EntitySpec, record_id: str) -> uuid.UUID:
    try:
        return uuid.UUID(str(record_id))
    except ValueError:
        raise NotFound(f"{record_id!r} is not a {spec.name} id") from None


@contextmanager
def unit_of_work(store: Store, actor: Actor) -> Iterator[UnitOfWork]:
    """Open a transaction for ``actor``; commit its changes and their log entries together.

    Any exception rolls the whole unit back: nothing is half-written. Listeners
    are told what changed only after the commit succeeded.
    """
    with store.transaction() as session:
        work = UnitOfWork(session, actor, policy_for(store, session, actor.role))
        yield work
        record_in_log(session, actor, work.changes)
    if any(change.entity in GOVERNANCE_ENTITIES for change in work.changes):
        forget_policies(store)
    store.notify(ChangeSet(list(work.changes)))


def create(store: Store, actor: Actor, entity: str, values: Mapping[str, Any]) -> ChangeSet:
    """Create one record; ``ChangeSet.record_id`` is the new id."""
    with unit_of_work(store, actor) as work:
        work.create(entity, values)
    return ChangeSet(work.changes)


def update(
    store: Store, actor: Actor, entity: str, record_id: uuid.UUID | str, values: Mapping[str, Any]
) -> ChangeSet:
    """Change fields of one record; the change set is empty if nothing differed."""
    with unit_of_work(store, actor) as work:
        work.update(entity, record_id, values)
    return ChangeSet(work.changes)


def delete(store: Store, actor: Actor, entity: str, record_id: uuid.UUID | str) -> ChangeSet:
    """Delete one record."""
    with unit_of_work(store, actor) as work:
        work.delete(entity, record_id)
    return ChangeSet(work.changes)
