"""Contacts as a CSV file in the current Google Contacts layout.

Google's header (``First Name``, ``E-mail 1 - Label``, ``E-mail 1 - Value``,
``Organization Name``...) is what most address books and mail tools import,
and it is the layout our own importer recognises, so an export imports back
unchanged. A column is written only for a field the role may see. Numbered
groups have a fixed number of slots (the header comes before the rows); values
beyond the last slot join it with Google's `` ::: `` separator, so none is lost.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from datetime import date
from typing import IO, Any

from contactdesk.exporting.export_source import ExportColumns, ExportContact
from contactdesk.importing.column_mapping import MULTI_VALUE_SEPARATOR
from contactdesk.importing.parsed_contact import YEARLESS_BIRTHDAY_YEAR

EMAIL_SLOTS = 3
PHONE_SLOTS = 4
ADDRESS_SLOTS = 2
WEBSITE_SLOTS = 2
ADDRESS_PARTS = (
    ("Street", "street"),
    ("City", "city"),
    ("Region", "region"),
    ("Postal Code", "postcode"),
    ("Country", "country"),
)
SIMPLE_COLUMNS = (
    ("First Name", "first_name"),
    ("Last Name", "last_name"),
    ("Nickname", "nickname"),
    ("File As", "display_name"),
    ("Organization Name", "account_id"),
    ("Organization Title", "title"),
    ("Birthday", "birthday"),
    ("Notes", "notes"),
)

Row = dict[str, str]


def google_birthday(value: Any) -> str:
    """ISO date, or Google's ``--MM-DD`` when the year is unknown."""
    if not isinstance(value, date):
        return str(value or "")
    if value.year == YEARLESS_BIRTHDAY_YEAR:
        return f"--{value.month:02d}-{value.day:02d}"
    return value.isoformat()


def _fill_slots(row: Row, prefix: str, slots: int, items: list[tuple[str, str]]) -> None:
    """``items`` (label, value) into ``<prefix> n - Label / Value``; overflow joins the last."""
    for index, (label, value) in enumerate(items[:slots], start=1):
        row[f"{prefix} {index} - Label"] = label
        row[f"{prefix} {index} - Value"] = value
    if len(items) > slots:
        last = f"{prefix} {slots} - Value"
        row[last] = MULTI_VALUE_SEPARATOR.join([row[last], *(v for _, v in items[slots:])])


class GoogleCsvLayout:
    """The header for what a role may see, and each contact's row under it."""

    def __init__(self, columns: ExportColumns) -> None:
        self.columns = columns
        self.simple = [(h, name) for h, name in SIMPLE_COLUMNS if columns.shows(name)]
        header = [h for h, _ in self.simple]
        self.groups: list[tuple[str, int]] = []
        if "email" in columns.detail_kinds:
            self.groups.append(("E-mail", EMAIL_SLOTS))
        if "phone" in columns.detail_kinds or columns.shows("mobile"):
            self.groups.append(("Phone", PHONE_SLOTS))
        for prefix, slots in self.groups:
            for index in range(1, slots + 1):
                header += [f"{prefix} {index} - Label", f"{prefix} {index} - Value"]
        self.addresses = columns.shows("street")
        if self.addresses:
            for index in range(1, ADDRESS_SLOTS + 1):
                header.append(f"Address {index} - Label")
                header += [f"Address {index} - {part}" for part, _ in ADDRESS_PARTS]
        self.websites = "url" in columns.detail_kinds
        if self.websites:
            for index in range(1, WEBSITE_SLOTS + 1):
                header += [f"Website {index} - Label", f"Website {index} - Value"]
        for index in range(1, len(columns.custom) + 1):
            header += [f"Custom Field {index} - Label", f"Custom Field {index} - Value"]
        self.header = header

    def row(self, contact: ExportContact) -> Row:
        record = contact.record
        row: Row = {}
        for head, name in self.simple:
            value = record.get("account") if name == "account_id" else record.get(name)
            row[head] = google_birthday(value) if name == "birthday" else _text(value)
        kinds = self.columns.detail_kinds
        details = contact.details
        if "email" in kinds:
            emails = [("Work", record["email"])] if record.get("email") else []
            emails += [(label or "", value) for kind, label, value in details if kind == "email"]
            _fill_slots(row, "E-mail", EMAIL_SLOTS, emails)
        phones: list[tuple[str, str]] = []
        if record.get("phone"):
            phones.append(("Work", record["phone"]))
        if record.get("mobile"):
            phones.append(("Mobile", record["mobile"]))
        phones += [(label or "", value) for kind, label, value in details if kind == "phone"]
        if any(group == "Phone" for group, _ in self.groups):
            _fill_slots(row, "Phone", PHONE_SLOTS, phones)
        if self.addresses:
            self._addresses(row, contact)
        if self.websites:
            urls = [(label or "", value) for kind, label, value in details if kind == "url"]
            _fill_slots(row, "Website", WEBSITE_SLOTS, urls)
        for index, custom in enumerate(self.columns.custom, start=1):
            value = record.get(custom.name)
            if value is not None:
                row[f"Custom Field {index} - Label"] = custom.name
                row[f"Custom Field {index} - Value"] = _text(value)
        return row

    def _addresses(self, row: Row, contact: ExportContact) -> None:
        record = contact.record
        slot = 1
        if any(record.get(name) for _, name in ADDRESS_PARTS):
            row["Address 1 - Label"] = "Work"
            for part, name in ADDRESS_PARTS:
                row[f"Address 1 - {part}"] = _text(record.get(name))
            slot = 2
        extra = [
            (label or "", value) for kind, label, value in contact.details if kind == "address"
        ]
        for label, value in extra:
            if slot > ADDRESS_SLOTS:
                last = f"Address {ADDRESS_SLOTS} - Street"
                row[last] = MULTI_VALUE_SEPARATOR.join([row.get(last, ""), value])
                continue
            row[f"Address {slot} - Label"] = label
            row[f"Address {slot} - Street"] = value
            slot += 1


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


def write_google_csv(
    stream: IO[str],
    columns: ExportColumns,
    pages: Iterable[list[ExportContact]],
    on_page: Callable[[int], None],
) -> int:
    """Write every page to ``stream``; ``on_page(count)`` after each. Returns rows written."""
    layout = GoogleCsvLayout(columns)
    writer = csv.DictWriter(stream, fieldnames=layout.header, extrasaction="ignore")
    writer.writeheader()
    written = 0
    for page in pages:
        writer.writerows(layout.row(contact) for contact in page)
        written += len(page)
        on_page(len(page))
    return written
