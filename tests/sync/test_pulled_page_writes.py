"""A pulled page is written as the unit of work would write it: rows, search index, types."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import select

from contactdesk.model import Contact
from contactdesk.services.actor import Actor
from contactdesk.services.search import search_records
from contactdesk.store import Store
from contactdesk.sync.apply_feed import apply_page
from contactdesk.sync_protocol import FeedRecord


def _contact(number: int, **fields: object) -> FeedRecord:
    return FeedRecord(
        entity="contact",
        id=uuid.uuid4(),
        version=number,
        action="upsert",
        fields={
            "display_name": f"Quentin Marlowe{number}",
            "first_name": "Quentin",
            "last_name": f"Marlowe{number}",
            "email": f"q{number}@harbour.example",
            "phone": f"+44770090{number:04d}",
            "created_at": "2026-11-02T09:30:00+00:00",
            "updated_at": "2026-11-03T10:00:00.250000+00:00",
            "birthday": "1980-05-17",
            **fields,
        },
    )


def test_a_page_of_new_contacts_is_searchable_with_typed_values(store: Store) -> None:
    page = [_contact(number) for number in range(1, 301)]
    with store.transaction() as session:
        result = apply_page(session, page, "admin", snapshot=False)
    assert result.applied == 300
    assert page[16].id in _found(store, "Marlowe17")
    assert _found(store, "07700 900250") == {page[249].id}
    with store.reading() as session:
        row = session.execute(select(Contact).where(Contact.id == page[0].id)).scalar_one()
    assert row.created_at == datetime(2026, 11, 2, 9, 30, tzinfo=UTC)
    assert row.updated_at == datetime(2026, 11, 3, 10, 0, 0, 250000, tzinfo=UTC)
    assert str(row.birthday) == "1980-05-17"
    assert row.sort_key == "marlowe1 quentin"


def test_a_page_overwriting_contacts_moves_them_in_the_search_index(store: Store) -> None:
    first = [_contact(number) for number in range(1, 4)]
    with store.transaction() as session:
        apply_page(session, first, "admin", snapshot=False)
    renamed = [
        record.model_copy(
            update={
                "version": 10,
                "fields": {
                    **record.fields,
                    "display_name": "Renata Vale",
                    "first_name": "Renata",
                    "last_name": "Vale",
                },
            }
        )
        for record in first
    ]
    with store.transaction() as session:
        apply_page(session, renamed, "admin", snapshot=False)
    assert _found(store, "Marlowe") == set()
    assert _found(store, "Renata") == {record.id for record in first}


def _found(store: Store, query: str) -> set[uuid.UUID]:
    hits = search_records(store, Actor.system(), query, limit=50)
    return {uuid.UUID(str(hit.record["id"])) for hit in hits}
