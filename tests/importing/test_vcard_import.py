"""vCard import: 2.1, 3.0 and 4.0 cards exported by real phones, mail clients and
servers, with their legacy charsets, encodings, photos and broken cards."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from contactdesk.importing import (
    LabeledValue,
    ParsedContact,
    PostalAddress,
    RowError,
    UnreadableFile,
    read_vcard,
)
from contactdesk.importing.parsed_contact import ParseOutcome

VCARD = Path(__file__).resolve().parent.parent / "data" / "vcard"


def contacts(outcomes: list[ParseOutcome]) -> list[ParsedContact]:
    return [o for o in outcomes if isinstance(o, ParsedContact)]


def errors(outcomes: list[ParseOutcome]) -> list[RowError]:
    return [o for o in outcomes if isinstance(o, RowError)]


def only_card(name: str, **kwargs: str) -> ParsedContact:
    outcomes = list(read_vcard(VCARD / name, **kwargs))
    assert errors(outcomes) == []
    (card,) = contacts(outcomes)
    return card


# --- the John Doe exports (Cardme samples) ------------------------------------------------


def test_ms_outlook_21_john_doe_name_org_title() -> None:
    card = only_card("John_Doe_MS_OUTLOOK.vcf")
    assert card.full_name == "Mr. John Richter James Doe Sr."
    assert (card.first_name, card.last_name) == ("John", "Doe")
    assert (card.name_prefix, card.name_suffix) == ("Mr.", "Sr.")
    assert (card.organisation, card.department) == ("IBM", "Accounting")
    assert card.title == "Money Counter"


def test_ms_outlook_21_john_doe_contact_details() -> None:
    card = only_card("John_Doe_MS_OUTLOOK.vcf")
    assert card.emails == (LabeledValue("", "john.doe@ibm.cm"),)
    assert card.phones == (
        LabeledValue("work", "(905) 555-1234"),
        LabeledValue("home", "(905) 666-1234"),
    )
    assert card.addresses[0] == PostalAddress(
        "work", "Cresent moon drive", "Albaney", "New York", "12345", "United States of America"
    )
    assert card.birthday == dt.date(1980, 3, 22)


def test_ms_outlook_21_base64_photo_is_decoded() -> None:
    photo = only_card("John_Doe_MS_OUTLOOK.vcf").photo
    assert photo is not None
    assert photo.mime_type == "image/jpeg"
    assert len(photo.data) == 860
    assert photo.data[:3] == b"\xff\xd8\xff"


def test_ms_outlook_x_properties_are_kept_in_extra() -> None:
    card = only_card("John_Doe_MS_OUTLOOK.vcf")
    assert card.extra["X-MS-MANAGER"] == "Big Blue"
    assert card.extra["X-MS-ANNIVERSARY"] == "20110113"
    assert card.extra["VERSION"] == "2.1"


def test_quoted_printable_label_with_soft_line_breaks_is_joined() -> None:
    card = only_card("John_Doe_MS_OUTLOOK.vcf")
    assert card.extra["LABEL"].startswith("Cresent moon drive\nAlbaney, New York  12345")


def test_iphone_grouped_property_takes_its_apple_label() -> None:
    card = only_card("John_Doe_IPHONE.vcf")
    assert LabeledValue("assistant phone", "905-222-1234") in card.phones
    assert card.urls == (LabeledValue("home page", "http://www.ibm.com"),)


def test_iphone_type_params_become_labels() -> None:
    card = only_card("John_Doe_IPHONE.vcf")
    assert card.phones[:4] == (
        LabeledValue("mobile", "905-555-1234"),
        LabeledValue("home", "905-666-1234"),
        LabeledValue("work", "905-777-1234"),
        LabeledValue("home fax", "905-888-1234"),
    )


def test_iphone_blank_lines_between_folded_photo_lines_are_tolerated() -> None:
    # The iPhone export ends lines with CR CR LF.
    photo = only_card("John_Doe_IPHONE.vcf").photo
    assert photo is not None
    assert photo.mime_type == "image/jpeg"


def test_evolution_30_values() -> None:
    card = only_card("John_Doe_EVOLUTION.vcf")
    assert card.emails == (LabeledValue("work", "john.doe@ibm.com"),)
    assert card.department == "Accounting / Dungeon"
    assert card.addresses[0].street == "15 Crescent moon drive\nASB-123"


def test_android_multi_card_file_with_quoted_printable_utf8() -> None:
    cards = contacts(list(read_vcard(VCARD / "John_Doe_ANDROID.vcf")))
    assert len(cards) == 6
    assert cards[0].full_name == "john.doe@company.com"  # no FN, no N: from EMAIL
    assert cards[2].full_name == "Ñ Ñ Ñ Ñ Ñ"
    assert cards[5].organisation == "Ñ" * 44


def test_android_card_numbers_and_start_lines() -> None:
    cards = contacts(list(read_vcard(VCARD / "John_Doe_ANDROID.vcf")))
    assert [(c.card_index, c.source_line) for c in cards[:3]] == [(1, 1), (2, 6), (3, 11)]


# --- legacy charsets ----------------------------------------------------------------------


def test_outlook_21_windows_1252_umlaut_in_address() -> None:
    card = only_card("AnsiIssue.vcf")
    assert card.full_name == "Ralf Rastral"
    assert card.addresses == (
        PostalAddress("home", "Lämmerweg 12", "Kleindorf", "", "98765", "Deutschland"),
    )
    assert card.extra["LABEL"] == "Lämmerweg 12\n98765 Kleindorf"


def test_roundcube_21_declared_windows_1252_name() -> None:
    card = only_card("johndoe.vcf")
    assert card.full_name == "John Doë"
    assert card.emails == (
        LabeledValue("work", "inbox@roundcube.net"),
        LabeledValue("home", "roundcube@gmail.com"),
    )
    assert card.phones == (LabeledValue("work", "+123456789"), LabeledValue("mobile", "+987654321"))


def test_greek_ansi_card_uses_the_charset_declared_elsewhere_in_the_card() -> None:
    card = only_card("Greek.vcf")
    assert card.last_name == "Παπαθανασίου"
    assert card.first_name == "Ευάγγελος"
    assert card.full_name == "Βαγγέλης"


def test_ukrainian_ansi_card_is_read_as_windows_1251() -> None:
    card = only_card("Ukrainian.vcf")
    assert card.full_name == "Віталій Володимирович Кличко"
    assert card.addresses[0].city == "Київ"


def test_hebrew_card_without_any_charset_reads_with_a_user_given_encoding() -> None:
    assert only_card("Hebrew.vcf", encoding="cp1255").full_name == "אפרים קישון"


def test_unknown_charset_name_falls_back_instead_of_failing() -> None:
    card = only_card("Murks.vcf")
    assert card.full_name == "Sören Täve Nüßlebaum"
    assert card.addresses[0].city == "Mößlitz"


# --- UTF-16 -------------------------------------------------------------------------------


def test_utf16_bom_file_with_two_cards() -> None:
    first, second = contacts(list(read_vcard(VCARD / "v3Utf16Bom.vcf")))
    assert first.full_name == "Folker Kinzel"
    assert first.birthday == dt.date(1978, 3, 11)
    assert second.full_name == "KMS Außenstelle"
    assert second.emails == (LabeledValue("", "blablö@blub.com"),)
    assert second.source_line == 19


def test_bomless_utf16_be_apple_card() -> None:
    card = only_card("utf-16_sample.vcf")
    assert card.full_name == "Ǽgean ĽdaMonté"
    assert card.addresses[0] == PostalAddress(
        "work", "169 Mária Canal", "LaPaz", "Conceptión", "245-876", "Perú"
    )


# --- vCard 4.0, birthdays, photos ---------------------------------------------------------


def test_v4_cards_with_pref_and_type_params() -> None:
    first, second = contacts(list(read_vcard(VCARD / "v4.vcf")))
    assert first.full_name == "Möhrke Gerda"
    assert first.organisation == "KiTa Öhrdingen"
    assert first.emails == (LabeledValue("home", "info@kinderland-blubblub.de"),)
    assert second.emails[:3] == (
        LabeledValue("home", "privat@freenet.de"),
        LabeledValue("work", "geschaeftlich@freenet.de"),
        LabeledValue("other", "sonstige@freenet.de"),
    )


def test_impossible_birthday_is_kept_as_text_in_extra() -> None:
    second = contacts(list(read_vcard(VCARD / "v4.vcf")))[1]
    assert second.birthday is None
    assert second.extra["BDAY"] == "19723101"


def test_yearless_birthday_from_cardbook() -> None:
    card = only_card("contact4-with-bday-no-year.vcf")
    assert card.birthday == dt.date(1604, 1, 1)
    assert not card.birthday_year_known


def test_v4_data_uri_photo() -> None:
    photo = only_card("contact_photo_with_data_uri_v4.vcf").photo
    assert photo is not None
    assert photo.mime_type == "image/png"
    assert len(photo.data) == 72


def test_outlook_21_photo_of_a_german_card() -> None:
    card = only_card("Outlook v2.vcf")
    assert card.full_name == "Herr Max Anderer Mustermann sen."
    assert card.photo is not None and len(card.photo.data) == 23182
    assert LabeledValue("mobile", "+49 (0611) 123456 - 14") in card.phones


# --- missing FN and broken cards ----------------------------------------------------------


def test_cards_without_fn_or_n_are_named_from_their_email() -> None:
    names = [c.full_name for c in contacts(list(read_vcard(VCARD / "broken-vcards.vcf")))]
    assert names == ["test-misses-N-or-FN@example.com", "test-misses-N-or-FN@example1.com"]


def test_truncated_21_card_is_a_row_error() -> None:
    outcomes = list(read_vcard(VCARD / "Cropped_2_1.vcf"))
    (error,) = outcomes
    assert isinstance(error, RowError)
    assert error.location == 1
    assert "no END:VCARD" in error.reason


def test_empty_file_is_unreadable() -> None:
    with pytest.raises(UnreadableFile, match="no vCard"):
        list(read_vcard(VCARD / "Empty.vcf"))


def test_broken_cards_among_good_ones_are_reported_and_the_rest_imported(
    tmp_path: Path,
) -> None:
    path = tmp_path / "mixed.vcf"
    broken = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Broken\r\nthis line has no colon\r\nEND:VCARD\r\n"
    path.write_bytes(
        (VCARD / "contact_multiple.vcf").read_bytes()
        + broken
        + (VCARD / "John_Doe_MS_OUTLOOK.vcf").read_bytes()
        + (VCARD / "Cropped_2_1.vcf").read_bytes()
    )
    outcomes = list(read_vcard(path))
    assert [c.full_name for c in contacts(outcomes)] == [
        "Contact1",
        "Contact2",
        "Mr. John Richter James Doe Sr.",
    ]
    bad_line, truncated = errors(outcomes)
    assert (bad_line.card_index, bad_line.location) == (3, 13)
    assert "line 16 is not a vCard property" in bad_line.reason
    assert truncated.card_index == 5
    assert "no END:VCARD" in truncated.reason


def test_card_cut_short_by_the_next_begin_is_an_error_and_the_next_card_reads(
    tmp_path: Path,
) -> None:
    path = tmp_path / "cut.vcf"
    path.write_text(
        "BEGIN:VCARD\nVERSION:3.0\nFN:Cut\nBEGIN:VCARD\nVERSION:3.0\nFN:Whole\nEND:VCARD\n"
    )
    error, whole = list(read_vcard(path))
    assert isinstance(error, RowError) and error.location == 1
    assert isinstance(whole, ParsedContact) and whole.full_name == "Whole"
    assert whole.source_line == 4


def test_binary_junk_vcf_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "junk.vcf"
    path.write_bytes(bytes(range(256)) * 100)
    with pytest.raises(UnreadableFile, match=r"junk\.vcf"):
        list(read_vcard(path))


def test_card_with_nothing_to_identify_it_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "anon.vcf"
    path.write_text("BEGIN:VCARD\nVERSION:3.0\nNOTE:who am I?\nEND:VCARD\n")
    (error,) = list(read_vcard(path))
    assert isinstance(error, RowError)
    assert "no name, organisation, email or phone" in error.reason
