"""Bad input gets a clear error naming the field; odd but valid input is stored as typed."""

from __future__ import annotations

from datetime import date

import pytest

from contactdesk.errors import ValidationError
from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.services.field_catalog import FieldSpec
from contactdesk.services.field_values import coerce_value, normalise_email, normalise_phone
from contactdesk.services.record_queries import get_record
from contactdesk.store import Store


@pytest.mark.parametrize("bad", ["plainaddress", "a@b", "a b@c.com", "@example.com", "a@.com."])
def test_invalid_email_is_refused_naming_the_field(bad: str) -> None:
    with pytest.raises(ValidationError, match="email") as error:
        coerce_value(FieldSpec("email", "Email", "email", max_length=254), bad, "contact")
    assert error.value.field == "contact.email"


def test_email_domain_is_lower_cased_but_local_part_kept() -> None:
    assert normalise_email(" Jane.Doe@Example.COM ") == "Jane.Doe@example.com"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("020 7946 0018", "+442079460018"),
        ("+1 (415) 555-0132", "+14155550132"),
        ("07700 900123", "+447700900123"),
    ],
)
def test_phone_numbers_are_stored_in_e164(typed: str, stored: str) -> None:
    assert normalise_phone(typed) == stored


@pytest.mark.parametrize("bad", ["12", "call me", "+99 123"])
def test_impossible_phone_number_is_refused(bad: str) -> None:
    with pytest.raises(ValidationError, match="phone"):
        normalise_phone(bad)


def test_over_long_text_is_refused_with_the_limit(store: Store, admin: Actor) -> None:
    with pytest.raises(
        ValidationError, match=r"contact\.title: is 500 characters long; at most 120"
    ):
        unit_of_work.create(store, admin, "contact", {"display_name": "Ann", "title": "x" * 500})


def test_nul_character_is_refused(store: Store, admin: Actor) -> None:
    with pytest.raises(ValidationError, match="NUL"):
        unit_of_work.create(store, admin, "contact", {"display_name": "Ann\x00Lee"})


@pytest.mark.parametrize(
    "name",
    [
        "Robert'); DROP TABLE contacts;--",
        "1' OR '1'='1",
        "Zoë Ångström-Øre",
        "Αλέξανδρος Παπαδόπουλος",
        "Олександр Шевченко",
        "山田 太郎",
        "محمد عبد الله",
        'O\'Brien "Bob" <b>',
    ],
)
def test_unusual_names_are_stored_exactly_as_typed(store: Store, admin: Actor, name: str) -> None:
    record_id = unit_of_work.create(store, admin, "contact", {"display_name": name}).record_id
    assert get_record(store, admin, "contact", record_id)["display_name"] == name


def test_dates_accept_iso_text() -> None:
    spec = FieldSpec("birthday", "Birthday", "date")
    assert coerce_value(spec, "1980-02-29", "contact") == date(1980, 2, 29)


def test_impossible_date_is_refused() -> None:
    with pytest.raises(ValidationError, match="not a date"):
        coerce_value(FieldSpec("birthday", "Birthday", "date"), "1981-02-29", "contact")


@pytest.mark.parametrize("bad", ["lots", "nan", "inf", True])
def test_money_must_be_a_finite_number(bad: object) -> None:
    with pytest.raises(ValidationError, match=r"opportunity\.amount"):
        coerce_value(FieldSpec("amount", "Amount", "money"), bad, "opportunity")


def test_money_is_rounded_to_cents() -> None:
    assert (
        coerce_value(FieldSpec("amount", "Amount", "money"), "1,234.567", "opportunity") == 1234.57
    )


def test_choice_outside_its_list_is_refused_listing_the_choices() -> None:
    spec = FieldSpec("origin", "Origin", "choice", choices=("inbound", "outbound"))
    with pytest.raises(ValidationError, match="inbound, outbound"):
        coerce_value(spec, "sideways", "opportunity")
