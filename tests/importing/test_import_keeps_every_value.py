"""Issue 22 points 3-4: nothing from a file is dropped, and search finds every name part.

The sample is a vCard 3.0 with two EMAIL, two NOTE, a two-value NICKNAME,
three TEL and two ADR lines, and an FN that differs from its N: the importer
kept the first of each and dropped the rest, and searching the last name
found nothing.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from contactdesk.cli.main import main
from contactdesk.importing.store_import import import_contacts
from contactdesk.model import Contact
from contactdesk.services.actor import Actor
from contactdesk.services.additional_values import additional_values
from contactdesk.services.rule_admin import set_rule
from contactdesk.services.search import search_records
from contactdesk.store import Store

DATA = Path(__file__).parent.parent / "data"
CARD = DATA / "vcard" / "repeated_values_fn_differs.vcf"
SYSTEM = Actor.system()


def _only_contact(store: Store) -> Contact:
    with store.reading() as session:
        return session.scalars(select(Contact)).one()


def test_every_repeated_value_of_the_card_lands_in_a_field_or_an_additional_value(
    store: Store,
) -> None:
    import_contacts(store, SYSTEM, CARD)
    contact = _only_contact(store)
    assert (contact.display_name, contact.first_name, contact.last_name) == (
        "Ämi Display",
        "Firstname",
        "Lastname",
    )
    assert contact.nickname == "Ämi, Firsty"
    assert contact.vcard_uid == "urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1"
    assert contact.email == "first@example.org"
    assert (contact.phone, contact.mobile) == ("+49301234567", "+491712345678")
    assert contact.notes == "First note line\n\nSecond note, with a comma"
    assert (contact.street, contact.city) == ("Hauptstraße 1", "Berlin")
    extra = {(v.kind, v.label, v.value) for v in additional_values(store, SYSTEM, contact.id)}
    assert extra == {
        ("email", "home", "second@example.org"),
        ("phone", "home", "+49307654321"),
        ("address", "home", "Nebenweg 2\n14467 Potsdam\nDeutschland"),
    }


def test_a_role_that_may_not_see_emails_sees_no_additional_email(store: Store) -> None:
    import_contacts(store, SYSTEM, CARD)
    contact = _only_contact(store)
    assert additional_values(store, Actor.for_role("marketing"), contact.id)
    set_rule(store, SYSTEM, "marketing", "contact.email", "hidden")
    kinds = {v.kind for v in additional_values(store, Actor.for_role("marketing"), contact.id)}
    assert "email" not in kinds and "phone" in kinds


def test_the_import_log_says_where_unmapped_columns_went(
    store: Store, store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "people.csv"
    path.write_text("Name,Email,Shoe size\nAnn,ann@x.example,38\n", encoding="utf-8")
    assert main(["import", "--store", str(store_path), str(path)]) == 0
    out = capsys.readouterr().out
    assert "column 'Shoe size' had no field: kept in the contact's notes" in out
    assert _only_contact(store).notes == "Shoe size: 38"


@pytest.mark.parametrize(
    "typed",
    [
        "Lastname",
        "Firstname",
        "Display",
        "Firsty",
        "first@example.org",
        "+49 30 1234567",
        # The card's second EMAIL and third TEL, kept as additional values.
        "second@example.org",
        "+49 30 7654321",
        "+4930765",
    ],
)
def test_search_finds_the_imported_card_by_every_name_part_it_has(
    store: Store, store_path: Path, capsys: pytest.CaptureFixture[str], typed: str
) -> None:
    import_contacts(store, SYSTEM, CARD)
    capsys.readouterr()
    assert main(["search", "--store", str(store_path), "--json", typed]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert [hit["display_name"] for hit in hits] == ["Ämi Display"]


def test_a_birthday_that_is_no_date_is_kept_in_the_notes_with_a_warning_for_its_line(
    store: Store, store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "birthdays.csv"
    path.write_text("Name,Birthday\nAnn,1990-02-30\n", encoding="utf-8")
    assert main(["import", "--store", str(store_path), str(path)]) == 0
    out = capsys.readouterr().out
    assert "line 2: birthday '1990-02-30' is no date: kept in the notes as 'birthday'" in out
    assert "had no field" not in out
    contact = _only_contact(store)
    assert (contact.birthday, contact.notes) == (None, "birthday: 1990-02-30")


def test_a_role_that_may_not_see_phones_finds_no_one_by_an_additional_phone(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    import_contacts(store, SYSTEM, CARD)
    marketing = Actor.for_role("marketing")
    assert [h.record["display_name"] for h in search_records(store, marketing, "+4930765")] == [
        "Ämi Display"
    ]
    set_rule(store, SYSTEM, "marketing", "contact.phone", "hidden")
    set_rule(store, SYSTEM, "marketing", "contact.email", "hidden")
    assert search_records(store, marketing, "+4930765") == []
    assert search_records(store, marketing, "second@example") == []
