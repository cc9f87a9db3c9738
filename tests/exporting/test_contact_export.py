"""Exports write what the role may see, in every format, and import back unchanged."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from contactdesk.exporting import ExportCancelled, export_contacts
from contactdesk.importing.store_import import import_contacts
from contactdesk.model import Contact
from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.services.rule_admin import set_rule
from contactdesk.services.store_opening import open_store
from contactdesk.store import Store

SYSTEM = Actor.system()
COMPARED = (
    "display_name",
    "first_name",
    "last_name",
    "email",
    "phone",
    "mobile",
    "title",
    "city",
    "postcode",
    "country",
    "birthday",
    "notes",
)


@pytest.fixture
def filled(store: Store) -> Store:
    account = unit_of_work.create(store, SYSTEM, "account", {"name": "Acme, Inc."}).record_id
    for values in (
        {
            "first_name": "Ann",
            "last_name": "Lee",
            "email": "ann@acme.example",
            "phone": "+442079460000",
            "mobile": "+447700900123",
            "title": "Buyer",
            "city": "Leeds",
            "postcode": "LS1 1AA",
            "country": "UK",
            "birthday": "1980-02-29",
            "notes": "Line one\nLine two; with, punctuation",
            "account_id": account,
        },
        {"first_name": "Bo", "last_name": "Ray", "email": "bo@ray.example"},
    ):
        unit_of_work.create(store, SYSTEM, "contact", values)
    return store


def _people(store: Store) -> list[tuple[object, ...]]:
    with store.reading() as session:
        rows = session.scalars(select(Contact).order_by(Contact.display_name))
        return [tuple(getattr(c, name) for name in COMPARED) for c in rows]


@pytest.mark.parametrize(("file_format", "suffix"), [("csv", "csv"), ("vcard", "vcf")])
def test_export_then_import_gives_the_same_contacts(
    filled: Store, tmp_path: Path, file_format: str, suffix: str
) -> None:
    out = tmp_path / f"people.{suffix}"
    export_contacts(filled, SYSTEM, out, file_format)
    fresh = open_store(tmp_path / "fresh.db")
    try:
        result = import_contacts(fresh, SYSTEM, out)
        assert result.skipped == []
        assert _people(fresh) == _people(filled)
    finally:
        fresh.close()


def test_xlsx_has_a_header_and_a_row_per_contact(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "people.xlsx"
    export_contacts(filled, SYSTEM, out, "xlsx")
    rows = list(load_workbook(out, read_only=True).active.iter_rows(values_only=True))
    assert len(rows) == 3
    assert "Email" in rows[0] and "Company" in rows[0]


def test_a_field_hidden_from_marketing_is_not_in_their_csv(filled: Store, tmp_path: Path) -> None:
    set_rule(filled, SYSTEM, "marketing", "contact.phone", "hidden")
    out = tmp_path / "people.csv"
    export_contacts(filled, Actor.for_role("marketing"), out, "csv")
    text = out.read_text()
    assert "+442079460000" not in text
    assert "ann@acme.example" in text


@pytest.mark.parametrize("file_format", ["vcard", "xlsx"])
def test_a_hidden_phone_is_in_no_export_format(
    filled: Store, tmp_path: Path, file_format: str
) -> None:
    set_rule(filled, SYSTEM, "marketing", "contact.phone", "hidden")
    out = tmp_path / f"people.{file_format}"
    export_contacts(filled, Actor.for_role("marketing"), out, file_format)
    assert b"+442079460000" not in out.read_bytes()
    if file_format == "xlsx":
        cells = [c for row in load_workbook(out).active.iter_rows(values_only=True) for c in row]
        assert "+442079460000" not in cells


def test_a_cancelled_export_leaves_no_file(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "people.csv"
    with pytest.raises(ExportCancelled):
        export_contacts(filled, SYSTEM, out, "csv", cancelled=lambda: True)
    assert list(tmp_path.glob("*people*")) == []


def test_google_csv_header_uses_googles_column_names(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "people.csv"
    export_contacts(filled, SYSTEM, out, "csv")
    header = next(csv.reader(out.open()))
    assert header[:2] == ["First Name", "Last Name"]
    assert {"E-mail 1 - Value", "Phone 1 - Value", "Organization Name"} <= set(header)
