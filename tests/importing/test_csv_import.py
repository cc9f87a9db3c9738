"""CSV import: real exports from Google, Gmail, Outlook (en/de/fr) and Thunderbird,
delimiters, encodings, headerless files and malformed rows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from contactdesk.importing import (
    ColumnMapping,
    ColumnMappingRequired,
    LabeledValue,
    ParsedContact,
    PostalAddress,
    RowError,
    UnreadableFile,
    preview_csv,
    read_csv,
)
from contactdesk.importing.parsed_contact import ParseOutcome

DATA = Path(__file__).resolve().parent.parent / "data"
CSV = DATA / "csv"


def contacts(outcomes: list[ParseOutcome]) -> list[ParsedContact]:
    return [o for o in outcomes if isinstance(o, ParsedContact)]


def errors(outcomes: list[ParseOutcome]) -> list[RowError]:
    return [o for o in outcomes if isinstance(o, RowError)]


def only_contact(path: Path) -> ParsedContact:
    outcomes = list(read_csv(path))
    assert errors(outcomes) == []
    (contact,) = contacts(outcomes)
    return contact


# --- current Google Contacts layout -------------------------------------------------------


def test_google_contacts_layout_is_recognised() -> None:
    assert preview_csv(DATA / "google_contacts_current.csv").layout == "google-contacts"


def test_google_contacts_names_org_and_title() -> None:
    ada = contacts(list(read_csv(DATA / "google_contacts_current.csv")))[0]
    assert (ada.first_name, ada.middle_name, ada.last_name) == ("Ada", "Augusta", "Lovelace")
    assert ada.organisation == "Analytical Engines Ltd"
    assert ada.title == "Head of Research"
    assert ada.department == "R&D"


def test_google_contacts_emails_keep_labels_and_split_multiple_values() -> None:
    ada = contacts(list(read_csv(DATA / "google_contacts_current.csv")))[0]
    assert ada.emails == (
        LabeledValue("work", "ada@engines.example"),
        LabeledValue("home", "ada.home@example.org"),
        LabeledValue("home", "ada.old@example.org"),
    )


def test_google_contacts_labels_become_categories() -> None:
    ada = contacts(list(read_csv(DATA / "google_contacts_current.csv")))[0]
    assert ada.categories == ("myContacts", "Customers", "VIP")


def test_google_contacts_custom_field_pair_goes_to_extra() -> None:
    ada = contacts(list(read_csv(DATA / "google_contacts_current.csv")))[0]
    assert ada.extra == {"Account ID": "ACME-0042"}


def test_google_contacts_multiline_notes_and_address() -> None:
    ada = contacts(list(read_csv(DATA / "google_contacts_current.csv")))[0]
    assert ada.note == "Met at the Babbage demo.\nFollow up in spring."
    assert ada.addresses == (
        PostalAddress("work", "12 St James's Square", "London", "", "SW1Y 4JH", "United Kingdom"),
    )


def test_line_numbers_count_physical_lines_of_multiline_rows() -> None:
    ada, grace = contacts(list(read_csv(DATA / "google_contacts_current.csv")))
    assert ada.source_line == 2
    assert grace.source_line == 6


def test_google_yearless_birthday_keeps_month_and_day() -> None:
    grace = contacts(list(read_csv(DATA / "google_contacts_current.csv")))[1]
    assert grace.birthday == dt.date(1604, 12, 9)
    assert not grace.birthday_year_known


# --- older Gmail, Outlook, Thunderbird ----------------------------------------------------


def test_legacy_gmail_export_values() -> None:
    contact = only_contact(CSV / "gmail.csv")
    assert contact.full_name == "Prefix Firstname Middle Lastname Suffix"
    assert contact.organisation == "company"
    assert contact.title == "jobtitle"
    assert contact.birthday == dt.date(1975, 12, 12)
    assert contact.note == 'note"note'
    assert contact.emails[0] == LabeledValue("home", "home@aaa.pl")
    assert LabeledValue("mobile", "mobile") in contact.phones
    assert contact.categories == ("My Contacts", "Test")


def test_legacy_gmail_address_with_po_box() -> None:
    contact = only_contact(CSV / "gmail.csv")
    assert contact.addresses[0] == PostalAddress(
        "home", "home_street\nhome_pobox", "home_city", "home_state", "home_zip", "home_country"
    )


def test_english_outlook_three_email_columns() -> None:
    contact = only_contact(CSV / "outlook.csv")
    assert [e.value for e in contact.emails] == [
        "test1@domain.tld",
        "test2@domain.tld",
        "test3@domain.tld",
    ]


def test_german_outlook_ansi_export() -> None:
    preview = preview_csv(CSV / "outlook_de.csv")
    contact = only_contact(CSV / "outlook_de.csv")
    assert (preview.layout, preview.encoding) == ("outlook-de", "cp1252")
    assert (contact.first_name, contact.last_name) == ("Jürgen", "Müller")
    assert contact.organisation == "Müller & Söhne GmbH"
    assert contact.title == "Vertriebsleiter"
    assert contact.birthday == dt.date(1970, 4, 3)
    assert contact.addresses[0].city == "Köln"
    assert contact.categories == ("Kunden", "Messe")


def test_french_outlook_tells_courtesy_title_from_job_title() -> None:
    contact = only_contact(CSV / "outlook_fr.csv")
    assert preview_csv(CSV / "outlook_fr.csv").layout == "outlook-fr"
    assert contact.name_prefix == "Mme"
    assert contact.title == "Directrice des achats"
    assert contact.last_name == "Lefèvre"
    assert contact.emails == (LabeledValue("", "elodie.lefevre@etudes.example"),)


def test_french_outlook_birthday_is_day_first() -> None:
    assert only_contact(CSV / "outlook_fr.csv").birthday == dt.date(1985, 3, 2)


def test_thunderbird_export_values() -> None:
    contact = only_contact(CSV / "tb_plain.csv")
    assert contact.full_name == "Displayname"
    assert contact.emails == (
        LabeledValue("", "test@domain.tld"),
        LabeledValue("", "next@domain.tld"),
    )
    assert LabeledValue("mobile", "mobile") in contact.phones
    assert contact.organisation == "Organization"
    assert contact.birthday == dt.date(1970, 11, 15)
    assert contact.addresses[1] == PostalAddress(
        "work", "Addr work", "Wcity", "Wstate", "33-333", "Poland"
    )


def test_thunderbird_quoted_fields_with_comma_tab_cr_and_newline() -> None:
    second = contacts(list(read_csv(CSV / "export.csv")))[1]
    assert second.title == '"worker"'
    assert second.extra["Custom 1"] == "custom, 1"
    assert second.extra["Custom 2"] == "custom\t2"
    assert second.extra["Custom 4"] == "custom\n4"
    assert second.note == "here's some unicode text…"


def test_quoted_company_only_row() -> None:
    contact = only_contact(CSV / "quote.csv")
    assert contact.organisation == "Acer America"
    assert contact.phones == (LabeledValue("work", "(800) 000-0000"),)


# --- delimiters, encodings, headers -------------------------------------------------------


def test_semicolon_delimited_file() -> None:
    names = [c.full_name for c in contacts(list(read_csv(CSV / "csv_semicolon.csv")))]
    assert names == ["John Doe", "Jane Doe"]
    assert preview_csv(CSV / "csv_semicolon.csv").dialect.delimiter == ";"


def test_tab_delimited_file(tmp_path: Path) -> None:
    path = tmp_path / "tabs.csv"
    path.write_text("Name\tEmail\tPhone\nAda Lovelace\tada@example.org\t+44 20 7946 0018\n")
    (contact,) = contacts(list(read_csv(path)))
    assert contact.emails == (LabeledValue("", "ada@example.org"),)
    assert contact.phones == (LabeledValue("", "+44 20 7946 0018"),)


def test_shift_jis_file_reads_japanese_names() -> None:
    contact = only_contact(CSV / "shiftjis_addressbook.csv")
    assert contact.full_name == "名無しの権兵衛"
    assert contact.emails == (LabeledValue("", "名無しの権兵衛@host.invalid"),)


def test_utf16_file_reads() -> None:
    contact = only_contact(CSV / "utf16_addressbook.csv")
    assert contact.full_name == "John Doe"
    assert contact.emails == (LabeledValue("", "johndoe@host.invalid"),)


def test_file_without_header_needs_a_mapping() -> None:
    with pytest.raises(ColumnMappingRequired) as caught:
        list(read_csv(CSV / "csv_no_header.csv"))
    assert caught.value.column_count == 4
    assert caught.value.first_row == ("John Doe", "John", "Doe", "john@doe.invalid")


def test_file_without_header_reads_with_a_user_mapping_by_column_index() -> None:
    mapping = ColumnMapping.from_specs(
        {0: "full_name", 1: "first_name", 2: "last_name", 3: "email:work"}
    )
    outcomes = list(read_csv(CSV / "csv_no_header.csv", mapping))
    first, second = contacts(outcomes)
    assert (first.source_line, first.full_name) == (1, "John Doe")
    assert second.emails == (LabeledValue("work", "jane@doe.invalid"),)


def test_user_mapping_can_target_custom_fields_and_ignore_columns(tmp_path: Path) -> None:
    path = tmp_path / "crm.csv"
    path.write_text("Who,Mail,Shoe size,Secret\nAda,ada@example.org,38,x\n")
    mapping = ColumnMapping.from_specs(
        {0: "full_name", 1: "email", 2: "custom:shoe_size", 3: "ignore"}, has_header=True
    )
    (contact,) = contacts(list(read_csv(path, mapping)))
    assert contact.custom == {"shoe_size": "38"}
    assert contact.extra == {}


def test_unknown_columns_of_a_known_layout_are_kept_in_extra() -> None:
    contact = only_contact(CSV / "gmail.csv")
    assert contact.extra["Relation 1 - Value"] == "spouse"


# --- malformed input ----------------------------------------------------------------------


def test_row_without_name_email_or_phone_is_an_error_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("Name,Email,Notes\nAda,ada@example.org,\n,,just a note\nBob,,\n")
    outcomes = list(read_csv(path))
    assert [c.full_name for c in contacts(outcomes)] == ["Ada", "Bob"]
    (error,) = errors(outcomes)
    assert error.location == 3
    assert "no name, email or phone" in error.reason


def test_row_with_cells_beyond_the_header_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("Name,Email\nAda,ada@example.org,surprise,more\nBob,bob@example.org\n")
    outcomes = list(read_csv(path))
    (error,) = errors(outcomes)
    assert error.location == 2
    assert "4 columns, expected 2" in error.reason
    assert [c.full_name for c in contacts(outcomes)] == ["Bob"]


def test_short_row_within_tolerance_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("Name,Email,Phone,Company\nAda,ada@example.org\n")
    assert contacts(list(read_csv(path)))[0].emails[0].value == "ada@example.org"


def test_ten_megabyte_single_field_is_a_row_error_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("w") as out:
        out.write("Name,Email,Notes\nAda,ada@example.org,short\n")
        out.write("Bob,bob@example.org," + "x" * (10 * 1024 * 1024) + "\n")
        out.write("Cy,cy@example.org,fine\n")
    outcomes = list(read_csv(path))
    assert [c.full_name for c in contacts(outcomes)] == ["Ada", "Cy"]
    (error,) = errors(outcomes)
    assert error.location == 3
    assert "longer than" in error.reason
    assert contacts(outcomes)[1].source_line == 4


def test_field_over_64_kib_is_a_row_error_naming_the_column(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text("Name,Email,Notes\nAda,ada@example.org," + "y" * 70_000 + "\n")
    (error,) = errors(list(read_csv(path)))
    assert error.location == 2
    assert "Notes holds 70,000 characters" in error.reason


def test_truncated_file_inside_a_quoted_field_keeps_the_good_rows(tmp_path: Path) -> None:
    path = tmp_path / "cut.csv"
    path.write_text('Name,Email,Notes\nAda,ada@example.org,ok\nBob,bob@example.org,"unfinished')
    outcomes = list(read_csv(path))
    assert contacts(outcomes)[0].full_name == "Ada"
    assert len(outcomes) == 2


def test_binary_junk_csv_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "junk.csv"
    path.write_bytes(b"\x00\x01\x02\xff" * 5000)
    with pytest.raises(UnreadableFile, match=r"junk\.csv"):
        list(read_csv(path))


def test_empty_csv_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    with pytest.raises(UnreadableFile, match="empty"):
        list(read_csv(path))


def test_wrong_encoding_forced_by_the_user_still_yields_rows(tmp_path: Path) -> None:
    # cp932 bytes read as Windows-1252 turn into mojibake, not an exception.
    outcomes = list(read_csv(CSV / "shiftjis_addressbook.csv", encoding="cp1252"))
    (contact,) = contacts(outcomes)
    assert contact.full_name != "名無しの権兵衛"
    assert contact.emails[0].value.endswith("@host.invalid")
