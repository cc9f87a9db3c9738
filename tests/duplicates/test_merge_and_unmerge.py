"""Merging keeps every value and link; unmerging restores both contacts exactly."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from contactdesk.duplicates import (
    ABSORBED,
    find_duplicate_candidates,
    merge_contacts,
    unmerge_contacts,
)
from contactdesk.duplicates.row_snapshot import dump_row
from contactdesk.model import Activity, ChangeLog, Contact, ContactDetail, ContactPhoto, Lead
from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.store import Store
from contactdesk.store.snapshots import list_snapshots

SYSTEM = Actor.system()


def _contact(store: Store, **values: Any) -> uuid.UUID:
    return unit_of_work.create(store, SYSTEM, "contact", values).record_id


@pytest.fixture
def pair(store: Store) -> tuple[uuid.UUID, uuid.UUID]:
    first = _contact(
        store,
        display_name="Ann Lee",
        email="ann@acme.example",
        phone="+442079460000",
        title="Buyer",
        notes="Met at fair",
    )
    second = _contact(
        store,
        display_name="Ann Lee",
        email="ann.lee@home.example",
        phone="+442079460111",
        title="Head buyer",
        city="Leeds",
    )
    with store.transaction() as session:
        session.add(ContactPhoto(contact_id=second, mime_type="image/png", data=b"\x89PNG"))
        session.add(ContactDetail(contact_id=second, kind="url", label="home", value="http://x"))
    unit_of_work.create(
        store, SYSTEM, "activity", {"kind": "call", "subject": "Call", "contact_id": second}
    )
    unit_of_work.create(store, SYSTEM, "lead", {"contact_id": second, "source": "web"})
    return first, second


def _state(store: Store, ids: list[uuid.UUID]) -> dict[str, Any]:
    with store.reading() as session:
        return {
            "contacts": sorted(
                (
                    dump_row(Contact.__table__, r)
                    for r in session.execute(  # type: ignore[arg-type]
                        select(Contact.__table__).where(Contact.id.in_(ids))
                    ).mappings()
                ),
                key=lambda r: r["id"],
            ),
            "details": sorted(
                (d.contact_id, d.kind, d.value) for d in session.scalars(select(ContactDetail))
            ),
            "photos": sorted((p.contact_id, p.data) for p in session.scalars(select(ContactPhoto))),
            "activities": sorted(a.contact_id for a in session.scalars(select(Activity))),
            "leads": sorted(lead.contact_id for lead in session.scalars(select(Lead))),
        }


def test_merge_keeps_the_losing_email_and_phone_as_alternates(store: Store, pair) -> None:
    first, second = pair
    merge_contacts(store, SYSTEM, first, second)
    with store.reading() as session:
        values = {(d.kind, d.value) for d in session.scalars(select(ContactDetail))}
    assert ("email", "ann.lee@home.example") in values
    assert ("phone", "+442079460111") in values


def test_merge_takes_the_picked_value_and_notes_the_other(store: Store, pair) -> None:
    first, second = pair
    merge_contacts(store, SYSTEM, first, second, {"title": ABSORBED})
    with store.reading() as session:
        survivor = session.get(Contact, first)
        assert survivor is not None
        assert survivor.title == "Head buyer"
        assert "Title: Buyer" in (survivor.notes or "")
        assert survivor.city == "Leeds"


def test_merge_repoints_activities_leads_details_and_photo(store: Store, pair) -> None:
    first, second = pair
    merge_contacts(store, SYSTEM, first, second)
    state = _state(store, [first, second])
    assert state["activities"] == [first]
    assert state["leads"] == [first]
    assert (first, "url", "http://x") in state["details"]
    assert state["photos"] == [(first, b"\x89PNG")]
    assert [c["id"] for c in state["contacts"]] == [str(first)]


def test_merge_is_logged_as_a_merge_change_for_sync(store: Store, pair) -> None:
    first, second = pair
    merge_contacts(store, SYSTEM, first, second)
    with store.reading() as session:
        ops = {(c.record_id, c.op) for c in session.scalars(select(ChangeLog))}
    assert (first, "merge") in ops
    assert (second, "delete") in ops


def test_unmerge_restores_both_contacts_and_their_links_exactly(store: Store, pair) -> None:
    first, second = pair
    before = _state(store, [first, second])
    result = merge_contacts(store, SYSTEM, first, second, {"title": ABSORBED})
    unmerge_contacts(store, SYSTEM, result.merge_id)
    assert _state(store, [first, second]) == before


def test_a_merge_cannot_be_undone_twice(store: Store, pair) -> None:
    first, second = pair
    result = merge_contacts(store, SYSTEM, first, second)
    unmerge_contacts(store, SYSTEM, result.merge_id)
    with pytest.raises(Exception, match="already undone"):
        unmerge_contacts(store, SYSTEM, result.merge_id)


def test_candidates_pair_contacts_sharing_an_email(store: Store) -> None:
    a = _contact(store, display_name="Bo Ray", email="bo@x.example")
    b = _contact(store, display_name="Robert Ray", email="BO@x.example")
    found = find_duplicate_candidates(store, SYSTEM).candidates
    assert {(c.reason, frozenset((c.first_id, c.second_id))) for c in found} >= {
        ("email", frozenset((a, b)))
    }


def test_candidates_pair_similar_names_at_the_same_company(store: Store) -> None:
    account = unit_of_work.create(store, SYSTEM, "account", {"name": "Acme"}).record_id
    a = _contact(store, first_name="Jonathan", last_name="Smith", account_id=account)
    b = _contact(store, first_name="Jonathon", last_name="Smith", account_id=account)
    found = find_duplicate_candidates(store, SYSTEM).candidates
    assert [(c.reason, {c.first_id, c.second_id}) for c in found] == [("name", {a, b})]


def test_candidates_leave_same_names_at_different_companies_apart(store: Store) -> None:
    one = unit_of_work.create(store, SYSTEM, "account", {"name": "Acme"}).record_id
    two = unit_of_work.create(store, SYSTEM, "account", {"name": "Zenith Partners"}).record_id
    _contact(store, first_name="Jo", last_name="Smith", account_id=one)
    _contact(store, first_name="Jo", last_name="Smith", account_id=two)
    assert find_duplicate_candidates(store, SYSTEM).candidates == []


def test_a_merge_snapshots_the_store_first(
    store: Store, store_path: Path, pair: tuple[uuid.UUID, uuid.UUID]
) -> None:
    merge_contacts(store, Actor.system(), *pair)
    assert [snapshot.reason for snapshot in list_snapshots(store_path)] == ["pre-merge"]


def test_merges_in_one_review_session_share_one_snapshot(store: Store, store_path: Path) -> None:
    ids = [_contact(store, display_name=f"Twin {i}", email="twin@x.example") for i in range(3)]
    merge_contacts(store, Actor.system(), ids[0], ids[1])
    merge_contacts(store, Actor.system(), ids[0], ids[2])
    assert len(list_snapshots(store_path)) == 1
