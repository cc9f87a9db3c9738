"""A merge refuses what a direct edit refuses: a read-only field, a link outside scope."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from sqlalchemy import func, select

from contactdesk.duplicates import ABSORBED, merge_contacts
from contactdesk.errors import AccessDenied
from contactdesk.model import Activity, ChangeLog, Contact
from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.services.directory import UserInfo
from contactdesk.services.rule_admin import set_rule
from contactdesk.store import Store


def _contact(store: Store, actor: Actor, **values: Any) -> uuid.UUID:
    return unit_of_work.create(store, actor, "contact", values).record_id


def _written(store: Store) -> tuple[int, int, list[str | None]]:
    with store.reading() as session:
        log = int(session.scalar(select(func.count()).select_from(ChangeLog)) or 0)
        contacts = int(session.scalar(select(func.count()).select_from(Contact)) or 0)
        emails = list(session.scalars(select(Contact.email).order_by(Contact.email)))
    return log, contacts, emails


def test_a_merge_may_not_change_a_field_the_role_may_only_read(
    store: Store, admin: Actor, people: dict[str, UserInfo]
) -> None:
    rita = people["rita"].actor()
    survivor = _contact(store, rita, display_name="Ann Lee", email="ann@acme.example")
    absorbed = _contact(store, rita, display_name="Ann Lee", email="ann@home.example")
    set_rule(store, admin, "sales", "contact.email", "read")
    before = _written(store)
    with pytest.raises(AccessDenied, match=r"may not edit field contact\.email"):
        merge_contacts(store, rita, survivor, absorbed, {"email": ABSORBED})
    assert _written(store) == before


def test_a_merge_that_leaves_a_read_only_field_as_it_is_goes_ahead(
    store: Store, admin: Actor, people: dict[str, UserInfo]
) -> None:
    rita = people["rita"].actor()
    survivor = _contact(store, rita, display_name="Ann Lee", email="ann@acme.example")
    absorbed = _contact(store, rita, display_name="Ann Lee", city="Leeds")
    set_rule(store, admin, "sales", "contact.email", "read")
    merge_contacts(store, rita, survivor, absorbed)
    with store.reading() as session:
        merged = session.get_one(Contact, survivor)
        assert (merged.email, merged.city) == ("ann@acme.example", "Leeds")


def test_a_merge_that_would_keep_a_read_only_value_as_an_alternate_is_refused(
    store: Store, admin: Actor, people: dict[str, UserInfo]
) -> None:
    rita = people["rita"].actor()
    survivor = _contact(store, rita, display_name="Ann Lee", email="ann@acme.example")
    absorbed = _contact(store, rita, display_name="Ann Lee", email="ann@home.example")
    set_rule(store, admin, "sales", "contact.email", "read")
    before = _written(store)
    with pytest.raises(AccessDenied, match=r"may not edit field contact\.email"):
        merge_contacts(store, rita, survivor, absorbed)
    assert _written(store) == before


def test_a_merge_may_not_move_links_outside_the_actors_scope(
    store: Store, admin: Actor, people: dict[str, UserInfo]
) -> None:
    rita = people["rita"].actor()
    survivor = _contact(store, rita, display_name="Ann Lee")
    absorbed = _contact(store, admin, display_name="Ann Lee")
    values = {"kind": "call", "subject": "Sam's call", "contact_id": absorbed}
    unit_of_work.create(store, admin, "activity", {**values, "owner_id": people["sam"].id})
    before = _written(store)
    with pytest.raises(AccessDenied, match="outside the record scope"):
        merge_contacts(store, rita, survivor, absorbed)
    assert _written(store) == before
    with store.reading() as session:
        assert session.scalar(select(Activity.contact_id)) == absorbed
