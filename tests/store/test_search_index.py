"""The FTS5 index follows the tables: every indexed field found by prefix, kept on edit."""

from __future__ import annotations

import uuid

import pytest

from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.services.search import search_records
from contactdesk.store import Store


@pytest.fixture
def jane(store: Store, admin: Actor) -> str:
    account = unit_of_work.create(store, admin, "account", {"name": "Northwind Traders"})
    created = unit_of_work.create(
        store,
        admin,
        "contact",
        {
            "first_name": "Jane",
            "last_name": "Doe",
            "email": "jane.doe@mail.example.org",
            "phone": "020 7946 0018",
            "account_id": account.record_id,
        },
    )
    return str(created.record_id)


def _names(store: Store, admin: Actor, text: str) -> list[str]:
    return [
        hit.record["display_name"] for hit in search_records(store, admin, text, entity="contact")
    ]


@pytest.mark.parametrize(
    "typed",
    [
        "Ja",
        "jane",
        "Do",
        "jane d",
        "North",
        "northw",
        "jane.doe@",
        "mail.exam",
        "020 7946",
        "+4420",
    ],
)
def test_contact_is_found_by_a_prefix_of_each_indexed_field(
    store: Store, admin: Actor, jane: str, typed: str
) -> None:
    assert _names(store, admin, typed) == ["Jane Doe"]


def test_a_word_that_does_not_start_any_field_finds_nothing(
    store: Store, admin: Actor, jane: str
) -> None:
    assert _names(store, admin, "oe") == []


def test_renaming_a_contact_updates_the_index(store: Store, admin: Actor, jane: str) -> None:
    unit_of_work.update(store, admin, "contact", jane, {"display_name": "Janet Smith"})
    assert _names(store, admin, "smi") == ["Janet Smith"]
    with store.engine.connect() as conn:
        names = conn.exec_driver_sql("SELECT name FROM search_index WHERE name != company").all()
    # Her first and last name stay searchable beside the new display name (issue 22).
    assert names == [("Janet Smith Jane Doe",)]


def test_renaming_the_company_updates_its_contacts(store: Store, admin: Actor, jane: str) -> None:
    account_id = search_records(store, admin, "northwind", entity="account")[0].record["id"]
    unit_of_work.update(store, admin, "account", account_id, {"name": "Southwind Ltd"})
    assert _names(store, admin, "southw") == ["Jane Doe"]
    assert _names(store, admin, "northw") == []


def test_deleting_a_contact_removes_it_from_the_index(
    store: Store, admin: Actor, jane: str
) -> None:
    unit_of_work.delete(store, admin, "contact", jane)
    assert _names(store, admin, "jane") == []
    with store.engine.connect() as conn:
        assert (
            conn.exec_driver_sql("SELECT count(*) FROM search_docs WHERE entity='contact'").scalar()
            == 0
        )


def test_accents_and_non_latin_names_are_searchable(store: Store, admin: Actor) -> None:
    unit_of_work.create(store, admin, "contact", {"first_name": "Zoë", "last_name": "Ångström"})
    unit_of_work.create(store, admin, "contact", {"display_name": "Αλέξανδρος Παπαδόπουλος"})
    unit_of_work.create(store, admin, "contact", {"display_name": "山田 太郎"})
    assert _names(store, admin, "zoe") == ["Zoë Ångström"]
    assert _names(store, admin, "Αλέξ") == ["Αλέξανδρος Παπαδόπουλος"]
    assert _names(store, admin, "山田") == ["山田 太郎"]


@pytest.mark.parametrize("typed", ['"', "' OR 1=1 --", "NEAR(", "*", "a AND", ")(", "^"])
def test_query_syntax_characters_are_treated_as_text(
    store: Store, admin: Actor, jane: str, typed: str
) -> None:
    assert isinstance(search_records(store, admin, typed), list)


def test_empty_search_lists_every_record_up_to_the_limit(
    store: Store, admin: Actor, jane: str
) -> None:
    hits = search_records(store, admin, "", limit=10)
    assert {hit.entity for hit in hits} == {"contact", "account"}
    assert len(search_records(store, admin, "", limit=1)) == 1


def test_a_contacts_additional_email_and_phone_are_found_and_follow_it_when_moved(
    store: Store, admin: Actor, jane: str
) -> None:
    other = unit_of_work.create(store, admin, "contact", {"display_name": "Other Person"})
    with unit_of_work.unit_of_work(store, admin) as work:
        for kind, value in (("email", "jd@home.example"), ("phone", "+441632960111")):
            work.add_child(
                "contact",
                uuid.UUID(jane),
                "contact_detail",
                {"kind": kind, "label": "home", "value": value},
            )
    assert _names(store, admin, "jd@home") == ["Jane Doe"]
    assert _names(store, admin, "+44 1632 960111") == ["Jane Doe"]
    # A merge moves the values to the kept contact; the index follows both contacts.
    with unit_of_work.unit_of_work(store, admin) as work:
        work.relink_parts("contact_detail", uuid.UUID(jane), other.record_id)
    assert _names(store, admin, "jd@home") == ["Other Person"]
    assert _names(store, admin, "+44 1632 960111") == ["Other Person"]
    assert _names(store, admin, "jane.doe@") == ["Jane Doe"]
