"""Every write takes one path: validated, in one transaction, logged, announced."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select

from contactdesk.errors import NotFound, ValidationError
from contactdesk.model import ChangeLog, Contact
from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.services.changes import ChangeSet
from contactdesk.services.record_queries import get_record
from contactdesk.store import Store


def _count(store: Store, model: type) -> int:
    with store.reading() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_create_returns_what_changed_with_the_new_id(store: Store, admin: Actor) -> None:
    changes = unit_of_work.create(store, admin, "contact", {"display_name": "Ann Lee"})
    assert [(c.entity, c.op) for c in changes.changes] == [("contact", "create")]
    assert get_record(store, admin, "contact", changes.record_id)["display_name"] == "Ann Lee"


def test_create_writes_its_change_log_entry_in_the_same_transaction(
    store: Store, admin: Actor
) -> None:
    changes = unit_of_work.create(store, admin, "contact", {"display_name": "Ann Lee"})
    with store.reading() as session:
        entry = session.scalars(select(ChangeLog)).one()
    assert entry.record_id == changes.record_id
    assert entry.op == "create"
    assert entry.fields["display_name"] == [None, "Ann Lee"]
    assert entry.pushed_at is None


def test_display_name_is_made_from_first_and_last_name(store: Store, admin: Actor) -> None:
    changes = unit_of_work.create(
        store, admin, "contact", {"first_name": "Ann", "last_name": "Lee"}
    )
    assert get_record(store, admin, "contact", changes.record_id)["display_name"] == "Ann Lee"


def test_contact_without_any_name_or_email_is_refused(store: Store, admin: Actor) -> None:
    with pytest.raises(ValidationError, match=r"contact\.display_name: is required"):
        unit_of_work.create(store, admin, "contact", {"title": "CFO"})
    assert _count(store, Contact) == 0


def test_update_records_only_the_fields_that_changed(store: Store, admin: Actor) -> None:
    record_id = unit_of_work.create(
        store, admin, "contact", {"display_name": "Ann Lee", "title": "CFO"}
    ).record_id
    changes = unit_of_work.update(
        store, admin, "contact", record_id, {"title": "CEO", "display_name": "Ann Lee"}
    )
    assert changes.changes[0].fields == {"title": ("CFO", "CEO")}


def test_update_with_nothing_different_changes_nothing(store: Store, admin: Actor) -> None:
    record_id = unit_of_work.create(store, admin, "contact", {"display_name": "Ann"}).record_id
    assert (
        unit_of_work.update(store, admin, "contact", record_id, {"display_name": "Ann"}).changes
        == []
    )
    assert _count(store, ChangeLog) == 1


def test_delete_logs_the_last_values(store: Store, admin: Actor) -> None:
    record_id = unit_of_work.create(store, admin, "contact", {"display_name": "Ann"}).record_id
    changes = unit_of_work.delete(store, admin, "contact", record_id)
    assert changes.changes[0].fields["display_name"] == ("Ann", None)
    with pytest.raises(NotFound):
        get_record(store, admin, "contact", record_id)


def test_updating_a_missing_record_is_not_found(store: Store, admin: Actor) -> None:
    with pytest.raises(NotFound):
        unit_of_work.update(store, admin, "contact", uuid.uuid4(), {"title": "x"})


def test_a_failure_inside_a_unit_rolls_back_every_write(store: Store, admin: Actor) -> None:
    with pytest.raises(ValidationError), unit_of_work.unit_of_work(store, admin) as work:
        work.create("contact", {"display_name": "First"})
        work.create("contact", {"display_name": "Second", "email": "not-an-email"})
    assert _count(store, Contact) == 0
    assert _count(store, ChangeLog) == 0


def test_listeners_hear_the_changes_after_commit(store: Store, admin: Actor) -> None:
    heard: list[ChangeSet] = []
    store.add_listener(heard.append)
    unit_of_work.create(store, admin, "contact", {"display_name": "Ann"})
    assert [c.op for c in heard[0].changes] == ["create"]


def test_listeners_hear_nothing_from_a_failed_unit(store: Store, admin: Actor) -> None:
    heard: list[ChangeSet] = []
    store.add_listener(heard.append)
    with pytest.raises(ValidationError):
        unit_of_work.create(store, admin, "contact", {"display_name": "Ann", "email": "x"})
    assert heard == []


def test_reference_to_a_missing_record_is_refused(store: Store, admin: Actor) -> None:
    with pytest.raises(ValidationError, match=r"contact\.account_id: no account"):
        unit_of_work.create(
            store, admin, "contact", {"display_name": "Ann", "account_id": str(uuid.uuid4())}
        )


def test_opportunity_stage_is_given_by_name(store: Store, admin: Actor) -> None:
    record_id = unit_of_work.create(
        store, admin, "opportunity", {"name": "Big deal", "stage_id": "Proposal"}
    ).record_id
    assert get_record(store, admin, "opportunity", record_id)["stage"] == "Proposal"


def test_unknown_stage_is_refused_naming_the_known_ones(store: Store, admin: Actor) -> None:
    with pytest.raises(ValidationError, match=r"unknown stage 'Pondering' \(stages: Qualified"):
        unit_of_work.create(store, admin, "opportunity", {"name": "Deal", "stage_id": "Pondering"})


def test_unknown_field_is_refused_by_name(store: Store, admin: Actor) -> None:
    with pytest.raises(ValidationError, match=r"contact\.shoe_size: no such field"):
        unit_of_work.create(store, admin, "contact", {"display_name": "Ann", "shoe_size": 9})


def test_owner_defaults_to_the_acting_user(store: Store, people: dict) -> None:
    rita = people["rita"].actor()
    record_id = unit_of_work.create(store, rita, "contact", {"display_name": "Ann"}).record_id
    assert get_record(store, rita, "contact", record_id)["owner"] == "Rita Rep"
