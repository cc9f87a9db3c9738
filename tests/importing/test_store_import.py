"""Importing real address-book files into a store: values land where they belong."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from contactdesk.importing import ColumnMapping, store_import
from contactdesk.importing.errors import UnreadableFile
from contactdesk.importing.import_log import list_imports, revert_import, skipped_rows
from contactdesk.importing.store_import import ImportCancelled, import_contacts
from contactdesk.model import Account, ChangeLog, Contact, ContactDetail, ContactPhoto
from contactdesk.services.actor import Actor
from contactdesk.services.custom_fields import add_custom_field
from contactdesk.services.search import search_records
from contactdesk.store import Store
from contactdesk.store.snapshots import list_snapshots

DATA = Path(__file__).parent.parent / "data"
SYSTEM = Actor.system()


def _contact(store: Store, name: str) -> Contact:
    with store.reading() as session:
        found = session.scalar(select(Contact).where(Contact.display_name == name))
        assert found is not None, f"no contact {name!r}"
        return found


def _count(store: Store, model: Any) -> int:
    with store.reading() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def _account_name(store: Store, contact: Contact) -> str | None:
    with store.reading() as session:
        account = session.get(Account, contact.account_id) if contact.account_id else None
        return account.name if account else None


def test_google_csv_puts_names_email_phones_company_title_and_birthday_in_place(
    store: Store,
) -> None:
    import_contacts(store, SYSTEM, DATA / "google_contacts_current.csv")
    ada = _contact(store, "Ada Augusta Lovelace")
    assert (ada.first_name, ada.last_name) == ("Ada Augusta", "Lovelace")
    assert ada.email == "ada@engines.example"
    assert (ada.phone, ada.mobile) == ("+442079460000", "+442079460018")
    assert ada.title == "Head of Research"
    assert ada.birthday is not None and ada.birthday.isoformat() == "1815-12-10"
    assert _account_name(store, ada) == "Analytical Engines Ltd"


def test_google_yearless_birthday_keeps_the_sentinel_year(store: Store) -> None:
    import_contacts(store, SYSTEM, DATA / "google_contacts_current.csv")
    grace = _contact(store, "Grace Hopper")
    assert grace.birthday is not None and (grace.birthday.year, grace.birthday.month) == (1604, 12)


def test_german_outlook_csv_lands_in_the_right_fields(store: Store) -> None:
    import_contacts(store, SYSTEM, DATA / "csv" / "outlook_de.csv")
    jurgen = _contact(store, "Jürgen Müller")
    assert (jurgen.email, jurgen.city, jurgen.title) == (
        "j.mueller@mueller-soehne.example",
        "Köln",
        "Vertriebsleiter",
    )
    assert _account_name(store, jurgen) == "Müller & Söhne GmbH"


def test_iphone_vcard_keeps_extra_phones_and_addresses_as_details(store: Store) -> None:
    import_contacts(store, SYSTEM, DATA / "vcard" / "John_Doe_IPHONE.vcf")
    john = _contact(store, "Mr. John Richter James Doe Sr.")
    assert _account_name(store, john) == "IBM"
    assert john.title == "Money Counter"
    with store.reading() as session:
        kinds = [d.kind for d in session.scalars(select(ContactDetail))]
        photo = session.get(ContactPhoto, john.id)
    assert kinds.count("phone") >= 4 and "address" in kinds and "url" in kinds
    assert photo is not None and photo.mime_type == "image/jpeg" and len(photo.data) > 1000


def test_vcard4_data_uri_photo_is_stored(store: Store) -> None:
    import_contacts(store, SYSTEM, DATA / "vcard" / "contact_photo_with_data_uri_v4.vcf")
    assert _count(store, ContactPhoto) == 1


def test_greek_vcard_keeps_its_script(store: Store) -> None:
    import_contacts(store, SYSTEM, DATA / "vcard" / "Greek.vcf")
    greek = _contact(store, "Βαγγέλης")
    assert greek.last_name == "Παπαθανασίου" and greek.city == "Αθήνα"


@pytest.mark.parametrize(
    "sample",
    sorted(p for p in DATA.rglob("*") if p.suffix.lower() in (".csv", ".vcf")),
    ids=lambda p: p.name,
)
def test_every_sample_imports_or_is_refused_with_a_clear_error(store: Store, sample: Path) -> None:
    try:
        result = import_contacts(store, SYSTEM, sample)
    except UnreadableFile as error:
        assert error.reason
        assert _count(store, Contact) == 0
        return
    assert result.imported + result.companies_imported + result.skipped_count > 0
    assert all(row.location >= 1 and row.reason for row in result.skipped)


def test_a_row_with_nothing_to_name_it_by_is_skipped_with_line_and_reason(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "people.csv"
    path.write_text("Name,Email,Notes\nAnn,ann@x.example,\n,,only a note\nCy,cy@x.example,\n")
    result = import_contacts(store, SYSTEM, path)
    assert result.imported == 2
    assert [row.location for row in result.skipped] == [3]
    assert "no name" in result.skipped[0].reason


def test_skipped_rows_are_kept_in_the_import_log(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text("Name,Email,Notes\n,,only a note\n")
    result = import_contacts(store, SYSTEM, path)
    assert [row.location for row in skipped_rows(store, result.batch_id)] == [2]


def _details(store: Store, contact: Contact) -> list[tuple[str, str | None, str]]:
    with store.reading() as session:
        rows = session.scalars(select(ContactDetail).where(ContactDetail.contact_id == contact.id))
        found = [(d.kind, d.label, d.value) for d in rows]
    return sorted(found, key=lambda detail: (detail[0], detail[1] or "", detail[2]))


def test_an_invalid_email_keeps_the_contact_and_the_address_as_unverified_text(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "people.csv"
    path.write_text("Name,Email\nBob Odd,bob at example\n")
    result = import_contacts(store, SYSTEM, path)
    bob = _contact(store, "Bob Odd")
    assert bob.email is None
    assert _details(store, bob) == [("email", "unverified", "bob at example")]
    assert (result.imported, result.skipped_count) == (1, 0)


def test_an_invalid_email_is_reported_as_a_warning_for_its_line(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "people.csv"
    path.write_text("Name,Email\nAnn,ann@x.example\nBob Odd,bob at example\n")
    result = import_contacts(store, SYSTEM, path)
    assert result.warning_count == 1
    assert result.warnings[0].location == 3
    assert "'bob at example'" in result.warnings[0].message
    assert "unverified email" in result.warnings[0].message


def test_german_fax_that_is_no_number_in_the_default_region_is_kept_as_unverified_detail(
    store: Store,
) -> None:
    result = import_contacts(store, SYSTEM, DATA / "vcard" / "v4.vcf")
    gerda = _contact(store, "Möhrke Gerda")
    assert gerda.email == "info@kinderland-blubblub.de"
    assert _account_name(store, gerda) == "KiTa Öhrdingen"
    assert ("phone", "fax (unverified)", "034441/ 39 23 34") in _details(store, gerda)
    assert result.skipped_count == 0
    assert any("'034441/ 39 23 34'" in w.message for w in result.warnings)


def test_v4_card_with_words_for_phones_arrives_with_all_emails_and_phones_kept(
    store: Store,
) -> None:
    import_contacts(store, SYSTEM, DATA / "vcard" / "v4.vcf")
    max_ = _contact(store, "Dr. Max Horst Mustermann jr. Maxl SED")
    assert (max_.email, max_.phone, max_.mobile) == ("privat@freenet.de", None, None)
    assert (max_.first_name, max_.last_name, max_.title) == ("Max Horst", "Mustermann", "Gröfaz")
    details = _details(store, max_)
    assert ("email", "work", "geschaeftlich@freenet.de") in details
    assert ("email", None, "nichts@wabbel.de") in details
    assert ("phone", "mobile (unverified)", "Mobil") in details
    assert ("phone", "unverified", "ohne") in details
    assert len([d for d in details if d[0] == "phone"]) == 10


def test_a_custom_value_of_the_wrong_type_goes_to_the_notes_with_a_warning(
    store: Store, tmp_path: Path
) -> None:
    add_custom_field(store, SYSTEM, "contact", "shoe_size", "number")
    path = tmp_path / "people.csv"
    path.write_text("Who,Email,Size\nCinder Ella,ce@x.example,glass\n")
    mapping = ColumnMapping.from_specs(
        {0: "full_name", 1: "email", 2: "custom:shoe_size"}, has_header=True
    )
    result = import_contacts(store, SYSTEM, path, mapping=mapping)
    ella = _contact(store, "Cinder Ella")
    assert ella.notes is not None and "glass" in ella.notes
    assert result.warning_count == 1 and result.skipped_count == 0


def test_an_import_over_the_snapshot_threshold_snapshots_the_store_first(
    store: Store, store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_import, "SNAPSHOT_ABOVE_ENTRIES", 2)
    path = tmp_path / "people.csv"
    path.write_text("Name,Email\n" + "".join(f"P{i},p{i}@x.example\n" for i in range(3)))
    import_contacts(store, SYSTEM, path)
    assert [snapshot.reason for snapshot in list_snapshots(store_path)] == ["pre-import"]


def test_a_small_import_takes_no_snapshot(store: Store, store_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text("Name,Email\nAnn,ann@x.example\n")
    import_contacts(store, SYSTEM, path)
    assert list_snapshots(store_path) == []


def test_imported_contacts_are_in_the_change_log_and_search_index(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "people.csv"
    path.write_text("Name,Email,Company\nZelda Quux,zq@x.example,Quux Ltd\n")
    import_contacts(store, SYSTEM, path)
    with store.reading() as session:
        ops = {(c.entity, c.op) for c in session.scalars(select(ChangeLog))}
    assert {("contact", "create"), ("account", "create")} <= ops
    assert [hit.record["display_name"] for hit in search_records(store, SYSTEM, "zelda")] == [
        "Zelda Quux"
    ]


def test_cancel_mid_import_leaves_nothing(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "many.csv"
    path.write_text("Name,Email\n" + "".join(f"P{i},p{i}@x.example\n" for i in range(50)))
    calls = iter([False, False, True])
    with pytest.raises(ImportCancelled):
        import_contacts(store, SYSTEM, path, batch_rows=10, cancelled=lambda: next(calls))
    assert _count(store, Contact) == 0
    assert list_imports(store) == []


def test_revert_removes_the_imported_contacts_and_their_new_accounts(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "people.csv"
    path.write_text("Name,Email,Company\nAnn,ann@x.example,NewCo\n")
    result = import_contacts(store, SYSTEM, path)
    revert_import(store, SYSTEM, result.batch_id)
    assert (_count(store, Contact), _count(store, Account)) == (0, 0)
    assert list_imports(store)[0].status == "reverted"


def test_import_reports_a_match_with_an_existing_contact_by_email(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "people.csv"
    path.write_text("Name,Email\nAnn,ann@x.example\n")
    import_contacts(store, SYSTEM, path)
    again = import_contacts(store, SYSTEM, path)
    assert [(d.location, d.reason) for d in again.duplicates] == [(2, "same email ann@x.example")]


def test_national_numbers_are_read_in_the_country_of_each_entrys_address(
    store: Store, tmp_path: Path
) -> None:
    # Outlook's German export header (as in data/csv/outlook_de.csv), national numbers.
    rows = [
        '"Vorname","Nachname","Land/Region geschäftlich","Telefon geschäftlich"',
        '"Jana","Berg","Deutschland","030 1234567"',
        '"Lea","Wien","Österreich","01 5123456"',
        '"Tom","Hale","","020 7946 0001"',
    ]
    path = tmp_path / "national.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    import_contacts(store, SYSTEM, path)
    phones = {name: _contact(store, name).phone for name in ("Jana Berg", "Lea Wien", "Tom Hale")}
    assert phones == {
        "Jana Berg": "+49301234567",
        "Lea Wien": "+4315123456",
        "Tom Hale": "+442079460001",
    }
