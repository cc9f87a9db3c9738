"""A row that names only a company becomes an account, not a nameless contact.

Outlook, Google and vCard exports hold entries for a company with no person
(``Firma`` filled, ``Vorname``/``Nachname`` empty; a vCard whose FN is its
ORG). Storing such a row as a contact gave a contact named after the company
(or, in Outlook's case, no name at all and an aborted import). It becomes an
account instead: its name, first phone, first web address and country fill
the account's own fields; everything else (emails, further phones,
addresses, the note, unmapped columns) goes to the account's notes with its
label, so nothing of the row is dropped.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Any

from contactdesk.errors import ValidationError
from contactdesk.importing.note_lines import labelled_lines, with_note
from contactdesk.importing.parsed_contact import LabeledValue, ParsedContact, PostalAddress
from contactdesk.importing.phone_cache import PhoneCache
from contactdesk.services.field_catalog import ENTITIES
from contactdesk.services.field_values import coerce_value

ACCOUNT = ENTITIES["account"]
WEBSITE_LIMIT = ACCOUNT.by_name["website"].max_length or 300


@dataclass(frozen=True)
class AccountRow:
    """One company-only row, ready to store as an account."""

    name: str
    values: dict[str, Any]
    warnings: tuple[str, ...] = ()


def names_a_person(parsed: ParsedContact) -> bool:
    """True when the entry names someone, not only their company."""
    if parsed.first_name.strip() or parsed.last_name.strip() or parsed.middle_name.strip():
        return True
    full = parsed.full_name.strip()
    return bool(full) and full.casefold() != parsed.organisation.strip().casefold()


def is_company_only(parsed: ParsedContact) -> bool:
    """A row with a company and no person: it becomes an account."""
    return bool(parsed.organisation.strip()) and not names_a_person(parsed)


def _labelled(kind: str, item: LabeledValue) -> str:
    return f"{kind} ({item.label}): {item.value}" if item.label else f"{kind}: {item.value}"


def _address_line(address: PostalAddress) -> str:
    place = " ".join(p for p in (address.postcode, address.city) if p)
    parts = (address.street.replace("\n", ", "), place, address.region, address.country)
    text = ", ".join(p for p in parts if p)
    return f"Address ({address.label}): {text}" if address.label else f"Address: {text}"


def _coerce(name: str, value: Any) -> Any:
    return coerce_value(ACCOUNT.by_name[name], value, "account")


def build_account_row(parsed: ParsedContact, phones: PhoneCache, region: str) -> AccountRow:
    """The account a company-only entry becomes; raises ValidationError for a bad name."""
    name = _coerce("name", parsed.organisation.strip())
    values: dict[str, Any] = {"name": name}
    lines: list[str] = []
    warnings: list[str] = []
    for phone in parsed.phones:
        number, reason = phones.normalise(phone.value.strip(), region)
        if number is not None and "phone" not in values:
            values["phone"] = number
            continue
        if reason is not None:
            warnings.append(f"{reason}; kept in the account's notes")
        lines.append(_labelled("Phone", phone))
    for url in parsed.urls:
        if "website" not in values and len(url.value) <= WEBSITE_LIMIT:
            values["website"] = url.value
        else:
            lines.append(_labelled("Web", url))
    addresses = [a for a in parsed.addresses if not a.is_empty()]
    if addresses and addresses[0].country:
        with contextlib.suppress(ValidationError):  # an over-long country stays in the notes
            values["country"] = _coerce("country", addresses[0].country)
    lines.extend(_labelled("Email", email) for email in parsed.emails)
    lines.extend(_address_line(address) for address in addresses)
    named = (
        ("Department", parsed.department),
        ("Nickname", parsed.nickname),
        ("Categories", ", ".join(parsed.categories)),
    )
    notes = with_note(parsed.note, [*lines, *labelled_lines(named, parsed.extra)])
    if notes:
        values["notes"] = _coerce("notes", notes)
    return AccountRow(name, values, tuple(warnings))
