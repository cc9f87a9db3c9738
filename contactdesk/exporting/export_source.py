"""The contacts an export writes, page by page, as the acting role may see them.

Fields come from :func:`contactdesk.services.record_queries.page_records`, which
never selects a hidden field. Extra values (ContactDetail) are included only
when the role may see the field they extend: no extra phones when
``contact.phone`` is hidden, no extra addresses when ``contact.street`` is.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Integer, literal_column, select
from sqlalchemy.sql.expression import ColumnClause

from contactdesk.model import Contact, ContactDetail, ContactPhoto
from contactdesk.segments.saved_segments import open_segment
from contactdesk.segments.segment_counts import count_segment, segment_contact_ids
from contactdesk.services.actor import Actor
from contactdesk.services.field_rules import CustomField
from contactdesk.services.policy_cache import policy_for
from contactdesk.services.record_queries import Condition, count_records, page_records
from contactdesk.store.local_store import Store

DETAIL_ROWID: ColumnClause[int] = literal_column("contact_details.rowid", Integer())

PAGE_SIZE = 1_000
# Which contact field a kind of extra value belongs to, for the visibility check.
DETAIL_FIELDS = {"email": "email", "phone": "phone", "address": "street", "url": "notes"}


@dataclass(frozen=True)
class ExportContact:
    """One contact to write: its visible fields, extra values and photo.

    ``uid`` is the UID of the card the contact was imported from, written back so a
    phone that exported the card recognises it (and a re-import matches it by UID);
    a contact typed into ContactDesk has none and is written as ``urn:uuid:<id>``.
    """

    record: dict[str, Any]
    details: list[tuple[str, str | None, str]] = field(default_factory=list)
    photo: tuple[str, bytes] | None = None
    uid: str | None = None

    @property
    def card_uid(self) -> str:
        return self.uid or f"urn:uuid:{self.record['id']}"


@dataclass(frozen=True)
class ExportColumns:
    """What the role may see: built-in field names and custom fields."""

    builtin: list[str]
    custom: list[CustomField]
    detail_kinds: frozenset[str]

    def shows(self, name: str) -> bool:
        return name in self.builtin


def export_columns(store: Store, actor: Actor) -> ExportColumns:
    """The contact fields and detail kinds ``actor``'s role may see."""
    with store.reading() as session:
        policy = policy_for(store, session, actor.role)
        builtin = [spec.name for spec in policy.visible_builtin("contact")]
        kinds = frozenset(k for k, f in DETAIL_FIELDS.items() if policy.can_see("contact", f))
        return ExportColumns(builtin, policy.visible_custom("contact"), kinds)


def count_export(store: Store, actor: Actor, segment: str | None) -> int:
    """How many contacts the export will write."""
    if segment is None:
        return count_records(store, actor, "contact")
    return count_segment(store, actor, open_segment(store, segment).definition)


def _attach(
    store: Store, columns: ExportColumns, records: list[dict[str, Any]]
) -> list[ExportContact]:
    ids = [uuid.UUID(record["id"]) for record in records]
    details: dict[uuid.UUID, list[tuple[str, str | None, str]]] = {}
    photos: dict[uuid.UUID, tuple[str, bytes]] = {}
    with store.reading() as session:
        if columns.detail_kinds:
            for contact_id, kind, label, value in session.execute(
                select(
                    ContactDetail.contact_id,
                    ContactDetail.kind,
                    ContactDetail.label,
                    ContactDetail.value,
                )
                .where(
                    ContactDetail.contact_id.in_(ids),
                    ContactDetail.kind.in_(sorted(columns.detail_kinds)),
                )
                # Insertion order (SQLite's rowid): an import writes a card's values in
                # file order with one timestamp, and random ids would shuffle them.
                .order_by(ContactDetail.contact_id, ContactDetail.created_at, DETAIL_ROWID)
            ):
                details.setdefault(contact_id, []).append((kind, label, value))
        for contact_id, mime, data in session.execute(
            select(ContactPhoto.contact_id, ContactPhoto.mime_type, ContactPhoto.data).where(
                ContactPhoto.contact_id.in_(ids)
            )
        ):
            photos[contact_id] = (mime, data)
        uids: dict[uuid.UUID, str] = {}
        for contact_id, uid in session.execute(
            select(Contact.id, Contact.vcard_uid).where(
                Contact.id.in_(ids), Contact.vcard_uid.is_not(None)
            )
        ):
            uids[contact_id] = str(uid)
    return [
        ExportContact(record, details.get(key, []), photos.get(key), uids.get(key))
        for record, key in zip(records, ids, strict=True)
    ]


def iter_export_contacts(
    store: Store, actor: Actor, *, segment: str | None = None, page_size: int = PAGE_SIZE
) -> Iterator[list[ExportContact]]:
    """Pages of the contacts to export: every one ``actor`` may see, or a saved segment's."""
    columns = export_columns(store, actor)
    if segment is None:
        after = None
        while True:
            page = page_records(store, actor, "contact", after=after, limit=page_size)
            if page.rows:
                yield _attach(store, columns, page.rows)
            if page.next_after is None:
                return
            after = page.next_after
    definition = open_segment(store, segment).definition
    for ids in segment_contact_ids(store, actor, definition, batch=page_size):
        page = page_records(
            store,
            actor,
            "contact",
            where=[Condition("id", "in", [str(i) for i in ids])],
            limit=len(ids),
        )
        yield _attach(store, columns, page.rows)
