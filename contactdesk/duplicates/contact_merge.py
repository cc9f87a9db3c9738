"""Merging two contacts into one without losing a value, and undoing it exactly.

``merge_contacts`` keeps the survivor, takes the value the user picked for each
field, and keeps every losing value: extra emails, phones and addresses become
ContactDetail alternates, anything else a line in the notes. Activities, leads,
opportunities, intel, details and custom values of the absorbed contact move to
the survivor; the absorbed contact is deleted. All of it is one unit of work,
logged for sync (op ``merge`` on the survivor, the re-pointed links as updates,
the absorbed contact as a delete), and recorded in a MergeRecord that holds both
contacts as they were, so ``unmerge_contacts`` can restore both and their links.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.orm import Session

from contactdesk.duplicates.row_snapshot import dump_row, load_row
from contactdesk.errors import ContactDeskError, NotFound, ValidationError
from contactdesk.model import (
    Account,
    Activity,
    Contact,
    ContactDetail,
    ContactPhoto,
    CustomValue,
    Intel,
    Lead,
    MergeRecord,
    Opportunity,
)
from contactdesk.model.base import Base, utc_now
from contactdesk.services.actor import Actor
from contactdesk.services.changes import Change
from contactdesk.services.custom_values import read_values
from contactdesk.services.field_catalog import ENTITIES
from contactdesk.services.unit_of_work import UnitOfWork, unit_of_work
from contactdesk.store.local_store import Store
from contactdesk.store.snapshots import snapshot_if_due

SURVIVOR = "survivor"
ABSORBED = "absorbed"
LINKED: dict[str, type[Base]] = {
    "activity": Activity,
    "lead": Lead,
    "opportunity": Opportunity,
    "intel": Intel,
}
# Losing values of these fields become ContactDetail alternates of this kind.
ALTERNATE_KIND = {"email": "email", "phone": "phone", "mobile": "phone"}
ADDRESS_FIELDS = ("street", "city", "region", "postcode", "country")
NOT_PICKED = frozenset({"notes", *ADDRESS_FIELDS[1:]})
MERGED_LABEL = "merged"
# A store snapshot ("pre-merge") is taken before a merge unless one is younger than this.
MERGE_SNAPSHOT_EVERY = timedelta(minutes=30)


def _table(model: type[Base]) -> Table:
    table: Table = model.__table__  # type: ignore[assignment]
    return table


@dataclass(frozen=True)
class MergeResult:
    """The merge's log id (for undo) and the contact that remains."""

    merge_id: uuid.UUID
    survivor_id: uuid.UUID
    absorbed_id: uuid.UUID


def _rows(session: Session, model: type[Base], column: str, ids: list[uuid.UUID]) -> list[Any]:
    table = _table(model)
    return list(session.execute(select(table).where(table.c[column].in_(ids))).mappings())


def _snapshot(session: Session, survivor: uuid.UUID, absorbed: uuid.UUID) -> dict[str, Any]:
    ids = [survivor, absorbed]
    links = {
        entity: [
            str(i)
            for i in session.scalars(
                select(_table(model).c.id).where(_table(model).c.contact_id == absorbed)
            )
        ]
        for entity, model in LINKED.items()
    }
    return {
        "contacts": [dump_row(_table(Contact), r) for r in _rows(session, Contact, "id", ids)],
        "details": [
            dump_row(_table(ContactDetail), r)
            for r in _rows(session, ContactDetail, "contact_id", ids)
        ],
        "photos": [
            dump_row(_table(ContactPhoto), r)
            for r in _rows(session, ContactPhoto, "contact_id", ids)
        ],
        "custom": [
            dump_row(_table(CustomValue), r) for r in _rows(session, CustomValue, "record_id", ids)
        ],
        "links": links,
    }


def _text(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def _address_text(contact: Contact) -> str:
    return ", ".join(
        str(getattr(contact, name)) for name in ADDRESS_FIELDS if getattr(contact, name)
    )


class _Merge:
    """One merge in progress inside a unit of work.

    Every write goes through the unit of work's public operations, so the
    merge refuses what a direct edit would: a field the role may not edit, a
    link to move that is outside the actor's scope, a value breaking a rule.
    """

    def __init__(self, work: UnitOfWork, survivor: Contact, absorbed: Contact) -> None:
        self.work = work
        self.session = work.session
        self.survivor = survivor
        self.absorbed = absorbed
        # The survivor's new values, set together by ``apply`` (set_fields).
        self.values: dict[str, Any] = {}
        self.fields: dict[str, tuple[Any, Any]] = {}
        self.note_lines: list[str] = []

    def set(self, name: str, value: Any) -> None:
        if getattr(self.survivor, name) != value:
            self.values[name] = value

    def add_alternate(self, kind: str, value: str) -> None:
        self.work.add_child(
            "contact",
            self.survivor.id,
            "contact_detail",
            {"kind": kind, "label": MERGED_LABEL, "value": value},
        )

    def pick_fields(self, picks: Mapping[str, str]) -> None:
        spec = ENTITIES["contact"]
        policy = self.work.policy
        label = {f.name: f.label for f in spec.fields}
        for name in (f.name for f in spec.fields):
            if name in NOT_PICKED or not policy.can_see("contact", name):
                continue
            mine, theirs = getattr(self.survivor, name), getattr(self.absorbed, name)
            # Unpicked, a field the role may not edit keeps the survivor's value.
            keep_mine = mine is not None or not policy.can_edit("contact", name)
            choice = picks.get(name, SURVIVOR if keep_mine else ABSORBED)
            if choice not in (SURVIVOR, ABSORBED):
                raise ValidationError(f"contact.{name}", f"pick {SURVIVOR!r} or {ABSORBED!r}")
            kept, lost = (mine, theirs) if choice == SURVIVOR else (theirs, mine)
            if name == "street":
                self._pick_address(choice)
                continue
            if kept is not None:
                self.set(name, kept)
            if lost is None or lost == kept:
                continue
            if name in ALTERNATE_KIND:
                self.add_alternate(ALTERNATE_KIND[name], str(lost))
            elif name == "account_id":
                company = self.session.get(Account, lost)
                self.note_lines.append(f"Company: {company.name if company else lost}")
            elif name not in ("owner_id", "display_name"):
                self.note_lines.append(f"{label[name]}: {_text(lost)}")
            elif name == "display_name":
                self.note_lines.append(f"Also known as: {lost}")

    def _pick_address(self, choice: str) -> None:
        source, other = (
            (self.survivor, self.absorbed) if choice == SURVIVOR else (self.absorbed, self.survivor)
        )
        if not any(getattr(source, name) for name in ADDRESS_FIELDS):
            source, other = other, source
        kept = {name: getattr(source, name) for name in ADDRESS_FIELDS}
        lost = _address_text(other)
        for name, value in kept.items():
            self.set(name, value)
        if lost and lost != _address_text(source):
            self.add_alternate("address", lost)

    def move_links(self) -> None:
        for entity in LINKED:
            self.work.relink_children(entity, "contact_id", self.absorbed.id, self.survivor.id)
        self.work.relink_parts("contact_detail", self.absorbed.id, self.survivor.id)

    def move_custom_values(self) -> None:
        policy = self.work.policy
        custom = policy.custom("contact", include_retired=True)
        ids = [self.survivor.id, self.absorbed.id]
        stored = read_values(self.session, ids, custom)
        mine, theirs = stored.get(self.survivor.id, {}), stored.get(self.absorbed.id, {})
        for field in custom:
            value = theirs.get(field.name)
            if value is None:
                continue
            if mine.get(field.name) is None and policy.can_edit("contact", field.name):
                self.values[field.name] = value
            elif mine.get(field.name) != value and policy.can_see("contact", field.name):
                self.note_lines.append(f"{field.label}: {value}")
        values = _table(CustomValue)
        # The absorbed contact's own values go with it (its delete logs them).
        self.session.execute(delete(values).where(values.c.record_id == self.absorbed.id))

    def move_photo(self) -> None:
        if self.session.get(ContactPhoto, self.survivor.id) is not None:
            return
        photo = self.session.get(ContactPhoto, self.absorbed.id)
        if photo is not None:
            mime, data = photo.mime_type, photo.data
            self.session.delete(photo)
            self.session.flush()
            self.session.add(ContactPhoto(contact_id=self.survivor.id, mime_type=mime, data=data))

    def finish_notes(self) -> None:
        parts = [self.survivor.notes or ""]
        if self.absorbed.notes and self.absorbed.notes != self.survivor.notes:
            parts.append(self.absorbed.notes)
        if self.note_lines:
            heading = f"Merged from {self.absorbed.display_name}:"
            parts.append("\n".join([heading, *self.note_lines]))
        combined = "\n\n".join(part for part in parts if part).strip() or None
        self.set("notes", combined)

    def apply(self) -> None:
        """Set the survivor's new values, with every check a direct edit has."""
        self.fields.update(self.work.set_fields("contact", self.survivor.id, self.values))


def _load_in_scope(work: UnitOfWork, contact_id: uuid.UUID) -> Contact:
    contact: Contact = work.load("contact", contact_id)
    return contact


def merge_contacts(
    store: Store,
    actor: Actor,
    survivor_id: uuid.UUID,
    absorbed_id: uuid.UUID,
    picks: Mapping[str, str] | None = None,
) -> MergeResult:
    """Merge ``absorbed_id`` into ``survivor_id``; ``picks`` maps field -> survivor/absorbed.

    A field without a pick keeps the survivor's value, or the absorbed one's
    when the survivor has none. Returns the merge id that ``unmerge_contacts`` takes.
    """
    if survivor_id == absorbed_id:
        raise ValidationError("merge", "a contact cannot be merged with itself")
    if store.path is not None:
        # Each merge can be undone on its own; the snapshot guards a whole review
        # session, so one per MERGE_SNAPSHOT_EVERY rather than a full copy per pair.
        snapshot_if_due(store.path, "pre-merge", MERGE_SNAPSHOT_EVERY)
    with unit_of_work(store, actor) as work:
        survivor = _load_in_scope(work, survivor_id)
        absorbed = _load_in_scope(work, absorbed_id)
        work.policy.require_editable("contact", ["display_name", "notes"])
        snapshot = _snapshot(work.session, survivor_id, absorbed_id)
        merge = _Merge(work, survivor, absorbed)
        merge.pick_fields(picks or {})
        merge.move_links()
        merge.move_custom_values()
        merge.move_photo()
        merge.finish_notes()
        merge.apply()
        merge.fields["merged_from"] = (None, absorbed_id)
        work.session.flush()
        work.record_change(Change("contact", survivor_id, "merge", merge.fields, survivor.version))
        work.delete("contact", absorbed_id)
        record = MergeRecord(
            actor_name=actor.username,
            survivor_id=survivor_id,
            absorbed_id=absorbed_id,
            snapshot=snapshot,
        )
        work.session.add(record)
        work.session.flush()
        merge_id = record.id
    return MergeResult(merge_id, survivor_id, absorbed_id)


def unmerge_contacts(store: Store, actor: Actor, merge_id: uuid.UUID) -> None:
    """Undo merge ``merge_id``: both contacts, their details, photos, custom values and links.

    The survivor gets back exactly the values it had before the merge (later
    edits of it are replaced, and the change log says so).
    """
    with unit_of_work(store, actor) as work:
        record = work.session.get(MergeRecord, merge_id)
        if record is None:
            raise NotFound(f"no merge with id {merge_id}")
        if record.undone_at is not None:
            raise ContactDeskError("this merge was already undone")
        work.policy.require_editable("contact", ["display_name", "notes"])
        session = work.session
        if session.get(Contact, record.absorbed_id) is not None:
            raise ContactDeskError("the merged-away contact exists again; cannot undo")
        survivor = session.get(Contact, record.survivor_id)
        if survivor is None:
            raise ContactDeskError("the merged contact was deleted since; cannot undo")
        snap = record.snapshot
        contacts = {row["id"]: load_row(_table(Contact), row) for row in snap["contacts"]}
        before = contacts[str(record.survivor_id)]
        fields = {
            name: (getattr(survivor, name), value)
            for name, value in before.items()
            if name != "id" and getattr(survivor, name) != value
        }
        ids = [record.survivor_id, record.absorbed_id]
        session.execute(
            delete(_table(ContactDetail)).where(_table(ContactDetail).c.contact_id.in_(ids))
        )
        session.execute(
            delete(_table(ContactPhoto)).where(_table(ContactPhoto).c.contact_id.in_(ids))
        )
        session.execute(delete(_table(CustomValue)).where(_table(CustomValue).c.record_id.in_(ids)))
        session.execute(
            update(_table(Contact))
            .where(_table(Contact).c.id == record.survivor_id)
            .values({k: v for k, v in before.items() if k != "id"})
        )
        absorbed = contacts[str(record.absorbed_id)]
        session.execute(insert(_table(Contact)).values(absorbed))
        for model, key in (
            (ContactDetail, "details"),
            (ContactPhoto, "photos"),
            (CustomValue, "custom"),
        ):
            rows = [load_row(_table(model), row) for row in snap[key]]
            if rows:
                session.execute(insert(_table(model)), rows)
        work.record_change(
            Change(
                "contact",
                record.survivor_id,
                "unmerge",
                {**fields, "merged_from": (record.absorbed_id, None)},
            )
        )
        work.record_change(
            Change(
                "contact",
                record.absorbed_id,
                "create",
                {k: (None, v) for k, v in absorbed.items() if v is not None and k != "id"},
            )
        )
        for entity, link_ids in snap["links"].items():
            table = _table(LINKED[entity])
            link_keys = [uuid.UUID(i) for i in link_ids]
            if not link_keys:
                continue
            session.execute(
                update(table).where(table.c.id.in_(link_keys)).values(contact_id=record.absorbed_id)
            )
            for link_key in link_keys:
                work.record_change(
                    Change(
                        entity,
                        link_key,
                        "update",
                        {"contact_id": (record.survivor_id, record.absorbed_id)},
                    )
                )
        session.expire_all()
        record.undone_at = utc_now()
