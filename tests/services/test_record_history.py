"""Record history: who changed which field from what to what, filtered by field rules."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import update

from contactdesk.errors import AccessDenied, NotFound
from contactdesk.model import ChangeLog
from contactdesk.model.base import utc_now
from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.services.directory import UserInfo
from contactdesk.services.record_history import record_history
from contactdesk.services.rule_admin import set_rule
from contactdesk.store import Store


@pytest.fixture
def contact_id(store: Store, people: dict[str, UserInfo]) -> uuid.UUID:
    """A contact owned by rita, created by her, then retitled by her."""
    rita = people["rita"].actor()
    created = unit_of_work.create(store, rita, "contact", {"display_name": "Ann Lee"})
    unit_of_work.update(store, rita, "contact", created.record_id, {"title": "CFO"})
    return created.record_id


def test_an_update_names_who_changed_the_field_from_what_to_what(
    store: Store, people: dict[str, UserInfo], contact_id: uuid.UUID
) -> None:
    newest = record_history(store, people["rita"].actor(), "contact", contact_id)[0]
    assert newest.op == "update"
    assert newest.actor_name == "rita"
    assert [(c.field, c.label, c.old, c.new) for c in newest.fields] == [
        ("title", "Title", None, "CFO")
    ]


def test_history_is_newest_first(
    store: Store, people: dict[str, UserInfo], contact_id: uuid.UUID
) -> None:
    rita = people["rita"].actor()
    unit_of_work.update(store, rita, "contact", contact_id, {"title": "CEO"})
    entries = record_history(store, rita, "contact", contact_id)
    assert [entry.op for entry in entries] == ["update", "update", "create"]
    assert [(c.old, c.new) for c in entries[0].fields] == [("CFO", "CEO")]


def test_a_hidden_field_has_no_history_for_that_role(
    store: Store, admin: Actor, people: dict[str, UserInfo], contact_id: uuid.UUID
) -> None:
    unit_of_work.update(store, admin, "contact", contact_id, {"title": "CEO", "notes": "tall"})
    set_rule(store, admin, "sales", "contact.notes", "hidden")
    entries = record_history(store, people["rita"].actor(), "contact", contact_id)
    seen = {change.field for entry in entries for change in entry.fields}
    assert "notes" not in seen
    assert "title" in seen


def test_a_change_of_only_hidden_fields_is_absent_for_that_role(
    store: Store, admin: Actor, people: dict[str, UserInfo], contact_id: uuid.UUID
) -> None:
    unit_of_work.update(store, admin, "contact", contact_id, {"notes": "tall"})
    set_rule(store, admin, "sales", "contact.notes", "hidden")
    entries = record_history(store, people["rita"].actor(), "contact", contact_id)
    assert [entry.actor_name for entry in entries] == ["rita", "rita"]


def test_a_role_that_sees_the_field_gets_its_history(
    store: Store, admin: Actor, people: dict[str, UserInfo], contact_id: uuid.UUID
) -> None:
    unit_of_work.update(store, admin, "contact", contact_id, {"notes": "tall"})
    set_rule(store, admin, "sales", "contact.notes", "hidden")
    newest = record_history(store, people["mia"].actor(), "contact", contact_id)[0]
    assert [(c.field, c.new) for c in newest.fields] == [("notes", "tall")]


def test_history_survives_the_push_and_says_it_is_synced(
    store: Store, people: dict[str, UserInfo], contact_id: uuid.UUID
) -> None:
    # What the sync client does when the server acknowledges the changes.
    with store.transaction() as session:
        session.execute(update(ChangeLog).values(pushed_at=utc_now()))
    entries = record_history(store, people["rita"].actor(), "contact", contact_id)
    assert len(entries) == 2
    assert all(entry.synced for entry in entries)


def test_unsynced_changes_are_marked_as_only_on_this_device(
    store: Store, people: dict[str, UserInfo], contact_id: uuid.UUID
) -> None:
    entries = record_history(store, people["rita"].actor(), "contact", contact_id)
    assert not any(entry.synced for entry in entries)


def test_a_record_outside_the_readers_scope_has_no_history_for_them(
    store: Store, people: dict[str, UserInfo], contact_id: uuid.UUID
) -> None:
    with pytest.raises((NotFound, AccessDenied)):
        record_history(store, people["sam"].actor(), "contact", contact_id)
