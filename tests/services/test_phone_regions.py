"""A phone number without + is read in the contact's country, else in the company's region."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from contactdesk.errors import ValidationError
from contactdesk.model import Setting
from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.services.company_settings import set_phone_region
from contactdesk.services.phone_regions import region_for_country
from contactdesk.services.record_queries import get_record
from contactdesk.services.search import search_records
from contactdesk.store import Store


@pytest.mark.parametrize(
    ("written", "region"),
    [
        ("Germany", "DE"),
        ("Deutschland", "DE"),
        ("Allemagne", "DE"),
        ("DE", "DE"),
        ("deu", "DE"),
        ("  united   kingdom ", "GB"),
        ("UK", "GB"),
        ("Vereinigtes Königreich", "GB"),
        ("Österreich", "AT"),
        ("United States", "US"),
    ],
)
def test_a_country_is_known_by_its_code_or_its_name_in_common_languages(
    written: str, region: str
) -> None:
    assert region_for_country(written) == region


@pytest.mark.parametrize("written", [None, "", "Atlantis", "Kunde"])
def test_an_unknown_or_empty_country_has_no_region(written: str | None) -> None:
    assert region_for_country(written) is None


def _phone_of(store: Store, admin: Actor, values: dict[str, str]) -> str:
    record_id = unit_of_work.create(store, admin, "contact", values).record_id
    return str(get_record(store, admin, "contact", record_id)["phone"])


def test_a_national_number_of_a_contact_in_germany_is_read_as_german(
    store: Store, admin: Actor
) -> None:
    values = {"display_name": "Jana Berg", "country": "Deutschland", "phone": "030 1234567"}
    assert _phone_of(store, admin, values) == "+49301234567"


def test_a_contact_of_no_country_has_numbers_read_in_the_companys_region(
    store: Store, admin: Actor
) -> None:
    assert _phone_of(store, admin, {"display_name": "Al Bo", "phone": "020 7946 0001"}) == (
        "+442079460001"
    )


def test_the_companys_phone_region_setting_is_where_countryless_numbers_are_read(
    store: Store, admin: Actor
) -> None:
    set_phone_region(store, admin, "Germany")
    assert _phone_of(store, admin, {"display_name": "Ute Ost", "phone": "030 1234567"}) == (
        "+49301234567"
    )


def test_an_edited_number_is_read_in_the_country_the_contact_already_has(
    store: Store, admin: Actor
) -> None:
    values = {"display_name": "Lea Wien", "country": "Österreich"}
    record_id = unit_of_work.create(store, admin, "contact", values).record_id
    unit_of_work.update(store, admin, "contact", record_id, {"phone": "01 5123456"})
    assert get_record(store, admin, "contact", record_id)["phone"] == "+4315123456"


def test_a_number_with_a_plus_ignores_the_country(store: Store, admin: Actor) -> None:
    values = {"display_name": "Max Rom", "country": "Germany", "phone": "+44 20 7946 0002"}
    assert _phone_of(store, admin, values) == "+442079460002"


def test_setting_the_phone_region_to_no_known_country_is_refused_by_name(
    store: Store, admin: Actor
) -> None:
    with pytest.raises(ValidationError, match="'Atlantis' is not a country"):
        set_phone_region(store, admin, "Atlantis")


def test_a_stored_phone_region_no_dialling_plan_knows_falls_back_to_the_default(
    store: Store, admin: Actor
) -> None:
    # Both doors refuse such a value now; a row written before they did may still hold one.
    with store.transaction() as session:
        session.execute(update(Setting).where(Setting.key == "phone_region").values(value="XX"))
    assert _phone_of(store, admin, {"display_name": "Al Bo", "phone": "020 7946 0001"}) == (
        "+442079460001"
    )


def test_searching_a_national_number_uses_the_companys_region(store: Store, admin: Actor) -> None:
    set_phone_region(store, admin, "DE")
    _phone_of(store, admin, {"display_name": "Ute Ost", "phone": "030 1234567"})
    assert [hit.record["display_name"] for hit in search_records(store, admin, "030 123")] == [
        "Ute Ost"
    ]
