"""Contacts as vCard 4.0 (RFC 6350): escaped, folded at 75 octets, UTF-8, CRLF.

Written by hand rather than with vobject, whose serialiser fails on some
photos; the format is simple and our importer reads it back.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterable
from datetime import date
from typing import IO, Any

from contactdesk.exporting.export_source import ExportColumns, ExportContact
from contactdesk.importing.parsed_contact import YEARLESS_BIRTHDAY_YEAR

FOLD_OCTETS = 75
TYPE_WORDS = {"mobile": "cell", "cell": "cell", "work": "work", "home": "home", "fax": "fax"}


def escape_text(value: str) -> str:
    """RFC 6350 text escaping: backslash, comma, semicolon and newlines."""
    return (
        value.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\\n")
        .replace("\r", "\\n")
        .replace("\n", "\\n")
    )


def fold_line(line: str) -> str:
    """Fold ``line`` into lines of at most 75 octets, never splitting a UTF-8 character."""
    encoded = line.encode("utf-8")
    if len(encoded) <= FOLD_OCTETS:
        return line + "\r\n"
    parts: list[str] = []
    current = ""
    size = 0
    limit = FOLD_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, FOLD_OCTETS - 1
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts) + "\r\n"


def _type(label: str | None) -> str:
    if not label:
        return ""
    words = [TYPE_WORDS.get(word, "") for word in label.lower().split()]
    chosen = ",".join(word for word in words if word)
    return f";TYPE={chosen}" if chosen else ""


def vcard_birthday(value: date) -> str:
    """``YYYYMMDD``, or ``--MMDD`` when the year is unknown."""
    if value.year == YEARLESS_BIRTHDAY_YEAR:
        return f"--{value.month:02d}{value.day:02d}"
    return value.strftime("%Y%m%d")


def card_lines(contact: ExportContact, columns: ExportColumns) -> list[str]:
    """The content lines (unfolded) of one contact's card."""
    record = contact.record
    text = {name: str(record.get(name) or "") for name in columns.builtin}
    lines = ["BEGIN:VCARD", "VERSION:4.0", f"UID:{escape_text(contact.card_uid)}"]
    name = text.get("display_name") or text.get("email") or "?"
    lines.append(f"FN:{escape_text(name)}")
    if text.get("last_name") or text.get("first_name"):
        last, first = (
            escape_text(text.get("last_name", "")),
            escape_text(text.get("first_name", "")),
        )
        lines.append(f"N:{last};{first};;;")
    if text.get("nickname"):
        lines.append(f"NICKNAME:{escape_text(text['nickname'])}")
    if columns.shows("account_id") and record.get("account"):
        lines.append(f"ORG:{escape_text(str(record['account']))}")
    if text.get("title"):
        lines.append(f"TITLE:{escape_text(text['title'])}")
    if text.get("email"):
        lines.append(f"EMAIL;PREF=1:{escape_text(text['email'])}")
    if text.get("phone"):
        lines.append(f"TEL;TYPE=work;PREF=1:{escape_text(text['phone'])}")
    if text.get("mobile"):
        lines.append(f"TEL;TYPE=cell:{escape_text(text['mobile'])}")
    parts = [text.get(name, "") for name in ("street", "city", "region", "postcode", "country")]
    if any(parts):
        lines.append("ADR;TYPE=work:;;" + ";".join(escape_text(p) for p in parts))
    for kind, label, value in contact.details:
        if kind == "email":
            lines.append(f"EMAIL{_type(label)}:{escape_text(value)}")
        elif kind == "phone":
            lines.append(f"TEL{_type(label)}:{escape_text(value)}")
        elif kind == "address":
            lines.append(f"ADR{_type(label)}:;;{escape_text(value)};;;;")
        elif kind == "url":
            lines.append(f"URL{_type(label)}:{value}")
    birthday = record.get("birthday")
    if isinstance(birthday, date):
        lines.append(f"BDAY:{vcard_birthday(birthday)}")
    if text.get("notes"):
        lines.append(f"NOTE:{escape_text(text['notes'])}")
    for custom in columns.custom:
        custom_value: Any = record.get(custom.name)
        if custom_value is not None:
            shown = ",".join(custom_value) if isinstance(custom_value, list) else str(custom_value)
            tag = custom.name.upper().replace("_", "-")
            lines.append(f"X-CONTACTDESK-{tag}:{escape_text(shown)}")
    if contact.photo is not None:
        mime, data = contact.photo
        encoded = base64.b64encode(data).decode("ascii")
        lines.append(f"PHOTO:data:{mime};base64,{encoded}")
    lines.append("END:VCARD")
    return lines


def write_vcards(
    stream: IO[str],
    columns: ExportColumns,
    pages: Iterable[list[ExportContact]],
    on_page: Callable[[int], None],
) -> int:
    """Write every contact of every page as a card; returns how many."""
    written = 0
    for page in pages:
        for contact in page:
            stream.write("".join(fold_line(line) for line in card_lines(contact, columns)))
        written += len(page)
        on_page(len(page))
    return written
