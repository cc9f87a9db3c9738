"""The one path every change takes: validate, check rules, write, log, notify.

A unit of work is one transaction. Its changes are written to the change log
(sync outbox and history) in that same transaction, and after the commit the
store's listeners hear what changed.
"""

from __future__ import annotations

import dataclasses
import functools
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete as sql_delete
from sqlalchemy import insert, select
from sqlalchemy import update as sql_update
from sqlalchemy.orm import Session

from contactdesk.errors import AccessDenied, NotFound, ValidationError
from contactdesk.model import ContactDetail, CustomValue, FunnelStage, Segment, User
from contactdesk.model.base import Base, utc_now
from contactdesk.services.actor import Actor
from contactdesk.services.changes import Change, ChangeSet, record_in_log
from contactdesk.services.custom_values import read_values, to_columns, write_value
from contactdesk.services.field_catalog import ENTITIES, EntitySpec, FieldSpec, entity_spec
from contactdesk.services.field_rules import CustomField, Policy, scope_clause
from contactdesk.services.field_values import DEFAULT_PHONE_REGION, coerce_value
from contactdesk.services.governance_records import GOVERNANCE_ENTITIES
from contactdesk.services.phone_regions import company_phone_region, phone_region
from contactdesk.services.policy_cache import forget_policies, policy_for
from contactdesk.services.record_derivations import DERIVATIONS
from contactdesk.services.record_rules import RULES, check_record_rules
from contactdesk.store.local_store import Store
from contactdesk.store.storage_form import insert_stored, storage_value

REFERENCE_MODELS: dict[str, type[Base]] = {
    "user": User,
    "funnel_stage": FunnelStage,
    "segment": Segment,
}


@dataclass(frozen=True)
class PreparedRecord:
    """A record that passed every check of a create, in stored form, not yet written.

    ``columns`` are values of the record's row that are no field (an import's
    vCard UID): written with it, never logged nor synced. ``parts`` are its
    parts (``CHILD_PARTS``), each ``(child, values)``, logged as ``add_child`` logs them.
    """

    entity: str
    record_id: uuid.UUID
    stored: dict[str, Any]
    custom: dict[CustomField, Any]
    columns: dict[str, Any] = dataclasses.field(default_factory=dict)
    parts: tuple[tuple[str, dict[str, Any]], ...] = ()

    def change(self) -> Change:
        fields = {name: (None, value) for name, value in self.stored.items() if value is not None}
        fields.update({f.name: (None, v) for f, v in self.custom.items() if v is not None})
        return Change(self.entity, self.record_id, "create", fields)


@dataclass(frozen=True)
class ChildPart:
    """A part of a record kept in a table of its own (not an entity with field rules)."""

    model: type[Base]
    parent: str
    parent_field: str
    # The parent's field whose rule governs a part with these values.
    governed_by: Callable[[Mapping[str, Any]], str]


# An extra email or phone of a contact is governed by the contact's email or phone rule.
_DETAIL_FIELD = {"email": "email", "phone": "phone", "address": "street"}
CHILD_PARTS: dict[str, ChildPart] = {
    "contact_detail": ChildPart(
        ContactDetail,
        "contact",
        "contact_id",
        lambda values: _DETAIL_FIELD.get(str(values.get("kind")), "notes"),
    ),
}


def _part_created(
    child: str,
    part_id: uuid.UUID,
    parent_field: str,
    parent_id: uuid.UUID,
    values: Mapping[str, Any],
) -> Change:
    fields: dict[str, tuple[Any, Any]] = {parent_field: (None, parent_id)}
    fields.update({name: (None, value) for name, value in values.items() if value is not None})
    return Change(child, part_id, "create", fields)


def _storage_form(value: Any) -> Any:
    return value if value is None or type(value) is str else storage_value(value)


def _constant(value: Any, _context: Any) -> Any:
    return value


def _column_defaults(table: Any, given: Sequence[str]) -> list[tuple[str, Callable[[Any], Any]]]:
    """The Python-side defaults of ``table``'s columns not in ``given`` (an insert's own)."""
    found: list[tuple[str, Callable[[Any], Any]]] = []
    for column in table.columns:
        default = column.default
        if column.name in given or default is None:
            continue
        if default.is_scalar:
            found.append((column.name, functools.partial(_constant, default.arg)))
        elif default.is_callable:
            found.append((column.name, default.arg))
    return found


def _target_model(target: str) -> type[Base]:
    if target in REFERENCE_MODELS:
        return REFERENCE_MODELS[target]
    return ENTITIES[target].model


class UnitOfWork:
    """Writes records for one actor inside one open transaction."""

    def __init__(
        self,
        session: Session,
        actor: Actor,
        policy: Policy,
        *,
        scope_checked: Callable[[str, uuid.UUID], bool] | None = None,
    ) -> None:
        self.session = session
        self.actor = actor
        self.policy = policy
        # Answers True for a record whose scope the caller has just checked itself
        # (a push batch, from what it loaded in bulk): no need to ask the database again.
        self.scope_checked = scope_checked
        self.changes: list[Change] = []
        # Changes already written to the log by ``log_pending`` (the first few, for listeners).
        self.logged: list[Change] = []
        self._default_phone_region: str | None = None
        # References known to exist and be in scope in this unit (a bulk import links
        # thousands of rows to the same few accounts and users).
        self._known_references: set[tuple[str, uuid.UUID]] = set()

    # -- public operations -------------------------------------------------

    def create(
        self, entity: str, values: Mapping[str, Any], *, record_id: uuid.UUID | None = None
    ) -> uuid.UUID:
        """Create a record of ``entity`` from ``values``; returns its id."""
        prepared = self.prepare_create(entity, values, record_id=record_id)
        spec = entity_spec(entity)
        record: Any = spec.model(id=prepared.record_id, **prepared.stored)
        self.session.add(record)
        self.session.flush()
        for field, value in prepared.custom.items():
            write_value(self.session, prepared.record_id, field, value)
        self.changes.append(prepared.change())
        return prepared.record_id

    def prepare_create(
        self,
        entity: str,
        values: Mapping[str, Any],
        *,
        record_id: uuid.UUID | None = None,
        columns: Mapping[str, Any] | None = None,
        parts: Sequence[tuple[str, Mapping[str, Any]]] = (),
    ) -> PreparedRecord:
        """Every check of ``create`` (field rules, values, scope, the entity's rules), no write.

        The bulk mode's first half: an importer prepares each row (a refused row
        raises, naming field and rule), then writes the prepared rows with
        ``create_prepared``. ``columns`` are row values that are no field (see
        PreparedRecord); ``parts`` are ``(child, values)`` created with the
        record, each checked as ``add_child`` checks it.
        """
        spec = entity_spec(entity)
        builtin, custom = self._split(spec, values)
        governing = [self._part_governed_by(entity, child, part) for child, part in parts]
        self.policy.require_editable(entity, [*builtin, *(f.name for f in custom), *governing])
        kept = dict(columns or {})
        for name in kept:
            if name in spec.by_name or name not in spec.model.__table__.c:
                raise ValidationError(f"{entity}.{name}", "is not a column kept beside the fields")
        stored = self._coerce_all(spec, builtin)
        if spec.owner_field and stored.get(spec.owner_field) is None and self.actor.user_id:
            stored[spec.owner_field] = self.actor.user_id
        stored.update(self._derive(entity, {}, stored))
        self._check_required(spec, stored)
        self._check_owner_in_scope(spec, stored)
        self._check_references_in_scope(spec, stored)
        new_id = record_id or uuid.uuid4()
        if entity in RULES:
            after = {name: None for name in spec.by_name} | stored
            check_record_rules(self.session, entity, new_id, None, after)
        return PreparedRecord(
            entity,
            new_id,
            stored,
            self._coerce_custom(entity, custom),
            kept,
            tuple((child, dict(part)) for child, part in parts),
        )

    def create_prepared(self, records: Sequence[PreparedRecord]) -> None:
        """Write prepared records of one entity in one executemany per table (bulk mode).

        Their change-log entries are written at commit like any other change.
        """
        if not records:
            return
        spec = entity_spec(records[0].entity)
        assert all(r.entity == spec.name for r in records), "one entity per call"
        table: Any = spec.model.__table__
        now = utc_now()
        stamp = storage_value(now)
        # Rows as tuples in storage form, one executemany per shape (the fields given).
        shapes: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
        for r in records:
            names = ("id", "created_at", "updated_at", "version", *r.stored, *r.columns)
            shapes.setdefault(names, []).append(
                (
                    r.record_id.hex,
                    stamp,
                    stamp,
                    0,
                    *map(_storage_form, r.stored.values()),
                    *map(_storage_form, r.columns.values()),
                )
            )
        connection = self.session.connection()
        for names, rows in shapes.items():
            defaults = _column_defaults(table, names)
            if defaults:
                names = (*names, *(name for name, _ in defaults))
                rows = [
                    (*row, *(_storage_form(default(None)) for _, default in defaults))
                    for row in rows
                ]
            insert_stored(connection, table.name, names, rows)
        parts: dict[str, list[dict[str, Any]]] = {}
        part_changes: list[Change] = []
        for r in records:
            for child, values in r.parts:
                part_id, parent_field = uuid.uuid4(), CHILD_PARTS[child].parent_field
                parts.setdefault(child, []).append(
                    {
                        "id": part_id,
                        "created_at": now,
                        "updated_at": now,
                        "version": 0,
                        parent_field: r.record_id,
                        **values,
                    }
                )
                part_changes.append(
                    _part_created(child, part_id, parent_field, r.record_id, values)
                )
        for child, part_rows in parts.items():
            part_table: Any = CHILD_PARTS[child].model.__table__
            self.session.execute(insert(part_table), part_rows)
        custom_rows = [
            {"record_id": r.record_id, "field_id": field.id, "value_text": t, "value_number": n}
            for r in records
            for field, value in r.custom.items()
            for t, n in [to_columns(field, value)]
            if t is not None or n is not None
        ]
        if custom_rows:
            values_table: Any = CustomValue.__table__
            self.session.execute(insert(values_table), custom_rows)
        self.changes.extend(r.change() for r in records)
        self.changes.extend(part_changes)
        # Written in the actor's scope (prepare checked the owner): later rows may link them.
        self._known_references.update((spec.name, r.record_id) for r in records)

    def update(
        self,
        entity: str,
        record_id: uuid.UUID | str,
        values: Mapping[str, Any],
        *,
        flush: bool = True,
    ) -> bool:
        """Change the given fields of one record; returns whether anything changed.

        ``flush=False`` leaves the write to the session's next flush (a push
        batch writes its plain edits in rounds); every check runs all the same.
        """
        record = self._load_in_scope(entity_spec(entity), record_id)
        fields = self.set_fields(entity, record.id, values)
        if not fields:
            return False
        if flush:
            self.session.flush()
        self.changes.append(Change(entity, record.id, "update", fields, record.version))
        return True

    def set_fields(
        self, entity: str, record_id: uuid.UUID | str, values: Mapping[str, Any]
    ) -> dict[str, tuple[Any, Any]]:
        """Check and set fields (built-in and custom) of one record; the (old, new) that differ.

        Every check of ``update`` runs (the role may edit each field, the record
        and what it links to are in scope, values and the entity's rules hold),
        but no change is logged: for a service whose change is logged as one
        (a merge logs the survivor's new values in its ``merge`` change).
        """
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
        return fields

    def relink_children(
        self, child: str, link_field: str, from_id: uuid.UUID, to_id: uuid.UUID
    ) -> list[uuid.UUID]:
        """Point every ``child`` record linked by ``link_field`` to ``from_id`` at ``to_id``.

        The role must be allowed to edit ``child.link_field``, every child must
        be in the actor's scope, and ``to_id`` must exist and be in scope; each
        moved child is logged as an update of its link. Returns the moved ids.
        """
        spec = entity_spec(child)
        model: Any = spec.model
        column = model.__table__.c[link_field]
        rows = list(self.session.execute(select(model.id, model.version).where(column == from_id)))
        if not rows:
            return []
        self.policy.require_editable(child, [link_field])
        self._check_references_in_scope(spec, {link_field: to_id})
        outside = self.session.scalar(
            select(model.id)
            .where(column == from_id, ~scope_clause(spec, self.policy, self.actor))
            .limit(1)
        )
        if outside is not None:
            raise AccessDenied(
                f"{child} {outside} is outside the record scope of role {self.policy.role!r}",
                field=f"{child}.{link_field}",
            )
        self.session.execute(sql_update(model).where(column == from_id).values({link_field: to_id}))
        for child_id, version in rows:
            self.changes.append(
                Change(child, child_id, "update", {link_field: (from_id, to_id)}, version)
            )
        return [child_id for child_id, _ in rows]

    def add_child(
        self, parent: str, parent_id: uuid.UUID, child: str, values: Mapping[str, Any]
    ) -> uuid.UUID:
        """Add a part of a record that is not an entity of its own (a contact's extra email).

        The parent must be in scope and the role allowed to edit the parent's
        field that governs the part (``CHILD_PARTS``); the part is logged as a create.
        """
        part = CHILD_PARTS[child]
        self._load_in_scope(entity_spec(parent), parent_id)
        self.policy.require_editable(parent, [self._part_governed_by(parent, child, values)])
        child_id = uuid.uuid4()
        self.session.add(part.model(id=child_id, **{part.parent_field: parent_id, **values}))
        self.changes.append(_part_created(child, child_id, part.parent_field, parent_id, values))
        return child_id

    def _part_governed_by(self, parent: str, child: str, values: Mapping[str, Any]) -> str:
        part = CHILD_PARTS.get(child)
        if part is None or part.parent != parent:
            raise ValidationError(child, f"is not a part of a {parent}")
        return part.governed_by(values)

    def relink_parts(self, child: str, from_id: uuid.UUID, to_id: uuid.UUID) -> list[uuid.UUID]:
        """Move every part of record ``from_id`` to ``to_id`` (both must be in scope)."""
        part = CHILD_PARTS[child]
        spec = entity_spec(part.parent)
        self._load_in_scope(spec, from_id)
        self._load_in_scope(spec, to_id)
        self.policy.require_editable(part.parent, [spec.title_field])
        model: Any = part.model
        column = model.__table__.c[part.parent_field]
        moved = list(self.session.scalars(select(model.id).where(column == from_id)))
        self.session.execute(
            sql_update(model).where(column == from_id).values({part.parent_field: to_id})
        )
        self.changes.extend(
            Change(child, part_id, "update", {part.parent_field: (from_id, to_id)})
            for part_id in moved
        )
        return moved

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

    def delete_many(self, entity: str, records: Sequence[tuple[uuid.UUID, str]]) -> None:
        """Delete many records by (id, title) with ``delete``'s checks (bulk mode: a revert).

        The title field must be editable and every record in the actor's scope,
        checked with one query for the lot; one out of scope refuses them all.
        Only the title's last value is logged, so a page needs no ORM objects.
        """
        if not records:
            return
        spec = entity_spec(entity)
        self.policy.require_editable(entity, [spec.title_field])
        model: Any = spec.model
        ids = [record_id for record_id, _title in records]
        visible = scope_clause(spec, self.policy, self.actor)
        in_scope = set(self.session.scalars(select(model.id).where(model.id.in_(ids), visible)))
        outside = next((record_id for record_id in ids if record_id not in in_scope), None)
        if outside is not None:
            raise AccessDenied(
                f"{spec.name} {outside} is outside the record scope of role {self.policy.role!r}"
            )
        self.session.execute(sql_delete(CustomValue).where(CustomValue.record_id.in_(ids)))
        self.session.execute(sql_delete(model).where(model.id.in_(ids)))
        self.changes.extend(
            Change(entity, record_id, "delete", {spec.title_field: (title, None)})
            for record_id, title in records
        )

    def load(self, entity: str, record_id: uuid.UUID | str) -> Any:
        """The record, if it exists and is in the actor's scope (AccessDenied/NotFound otherwise).

        The same refusal as an edit of it, for a service that reads before it writes.
        """
        return self._load_in_scope(entity_spec(entity), record_id)

    def log_pending(self) -> None:
        """Write the changes so far to the change log now and forget them (bulk mode).

        A large import calls this after each batch, so its Change objects need
        not all stay in memory; listeners still hear about the first few.
        """
        record_in_log(self.session, self.actor, self.changes)
        room = max(0, NOTIFIED_CHANGES - len(self.logged))
        self.logged.extend(self.changes[:room])
        self.changes.clear()

    def record_change(self, change: Change) -> None:
        """Add a change made by a specialised service (merge, import) to this unit."""
        self.changes.append(change)

    def record(self, entity: str, row: Any, op: str, fields: dict[str, tuple[Any, Any]]) -> None:
        """Log a governance row's change (``services.governance`` writes it; a GovernanceLog)."""
        self.changes.append(Change(entity, row.id, op, fields))

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
            if field.type == "stage_list" and coerced:
                # Stored as ids (hex, as JSON holds them), so a renamed stage keeps its links.
                coerced = sorted({self._stage_id(spec, field, item).hex for item in coerced})
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
        if (field.target, value) in self._known_references:
            return
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
            if (target.name, value) in self._known_references:
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
            self._known_references.add((target.name, value))

    def _load_in_scope(self, spec: EntitySpec, record_id: uuid.UUID | str) -> Any:
        key = record_id if isinstance(record_id, uuid.UUID) else _parse_id(spec, record_id)
        record = self.session.get(spec.model, key)
        if record is None:
            raise NotFound(f"no {spec.name} with id {key}")
        if self.scope_checked is not None and self.scope_checked(spec.name, key):
            return record
        model: Any = spec.model
        in_scope = self.session.scalar(
            select(model.id).where(model.id == key, scope_clause(spec, self.policy, self.actor))
        )
        if in_scope is None:
            raise AccessDenied(
                f"{spec.name} {key} is outside the record scope of role {self.policy.role!r}"
            )
        return record


# Listeners refresh by record; past this many changes they refresh everything anyway.
NOTIFIED_CHANGES = 1000
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
    done = [*work.logged, *work.changes]
    if any(change.entity in GOVERNANCE_ENTITIES for change in done):
        forget_policies(store)
    store.notify(ChangeSet(done))


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
