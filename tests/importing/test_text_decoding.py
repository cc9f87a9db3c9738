"""Encoding detection: real exports in UTF-8, UTF-16, Shift-JIS and ANSI; junk refused."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from contactdesk.importing.errors import UnreadableFile
from contactdesk.importing.text_decoding import decide_encoding, detect_encoding

DATA = Path(__file__).resolve().parent.parent / "data"


def test_utf16_bom_vcard_is_detected_as_utf16() -> None:
    assert decide_encoding(DATA / "vcard" / "v3Utf16Bom.vcf").codec == "utf-16"


def test_bomless_big_endian_utf16_vcard_is_detected_from_its_nul_bytes() -> None:
    assert decide_encoding(DATA / "vcard" / "utf-16_sample.vcf").codec == "utf-16-be"


def test_bomless_little_endian_utf16_is_detected() -> None:
    head = "BEGIN:VCARD\r\nFN:Zoë\r\n".encode("utf-16-le")
    assert detect_encoding(head) == "utf-16-le"


def test_utf8_with_bom_is_detected() -> None:
    assert detect_encoding(codecs.BOM_UTF8 + "Name\nZoë\n".encode()) == "utf-8-sig"


def test_shift_jis_thunderbird_csv_is_detected_as_cp932() -> None:
    assert decide_encoding(DATA / "csv" / "shiftjis_addressbook.csv").codec == "cp932"


def test_outlook_ansi_vcard_falls_back_to_windows_1252() -> None:
    assert decide_encoding(DATA / "vcard" / "AnsiIssue.vcf").codec == "cp1252"


def test_german_ansi_text_is_not_mistaken_for_shift_jis() -> None:
    head = "Name;Straße\nJürgen Müller;Hauptstraße 5\n".encode("cp1252")
    assert detect_encoding(head) == "cp1252"


def test_a_utf8_character_cut_at_the_sample_end_is_still_utf8() -> None:
    head = "Zoë Ærø".encode()[:-1]
    assert detect_encoding(head) == "utf-8"


def test_binary_junk_with_nul_bytes_is_unreadable(tmp_path: Path) -> None:
    junk = tmp_path / "contacts.csv"
    junk.write_bytes(bytes(range(256)) * 64)
    with pytest.raises(UnreadableFile, match=r"contacts\.csv"):
        decide_encoding(junk)


def test_a_png_image_is_unreadable(tmp_path: Path) -> None:
    png = tmp_path / "photo.vcf"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(1, 256)) * 40)
    with pytest.raises(UnreadableFile, match=r"photo\.vcf"):
        decide_encoding(png)


def test_a_missing_file_is_unreadable_with_its_name(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match=r"nowhere\.csv"):
        decide_encoding(tmp_path / "nowhere.csv")
