"""Turning a parsed address-book entry into the values a contact is stored with.

Every value goes through the same coercion the services use for a typed-in
value (:func:`contactdesk.services.field_values.coerce_value`), so an import
can never store what a form would refuse. A value that fails is reported
for its row with the field and the reason; the row is then skipped whole, so
that a contact is never stored with part of its data silently missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from contactdesk.errors import AccessDenied, ValidationError
from contactdesk.importing.parsed_contact import LabeledValue, ParsedContact, Photo, PostalAddress
from contactdesk.services.field_catalog import ENTITIES
from contactdesk.services.field_rules import CustomField, Policy
from contactdesk.services.field_values import coerce_value
from contactdesk.services.record_derivations import derive_contact

CONTACT = ENTITIES["contact"]
ACCOUNT_NAME = ENTITIES["account"].by_name["name"]
MOBILE_LABELS = ("cell", "mobile", "iphone", "handy", "portable")
# Card structure, not data about the person: not worth a line in the notes.
STRUCTURAL_KEYS = frozenset({"version", "prodid", "rev", "uid", "kind"})
DETAIL_FIELD = {"email": "email", "phone": "phone", "address": "street", "url": "notes"}


@dataclass(frozen=True)
class ContactDetailValue:
    """An extra value kept as a ContactDetail: kind, label, text."""

    kind: str
    label: str | None
    value: str


@dataclass(frozen=True)
class ContactRow:
    """One contact ready to store: coerced columns and what hangs off it."""

    values: dict[str, Any]
    account_name: str | None = None
    details: tuple[ContactDetailValue, ...] = ()
    photo: Photo | None = None
    custom: dict[CustomField, Any] = field(default_factory=dict)


def _is_mobile(phone: LabeledValue) -> bool:
    return any(word in phone.label for word in MOBILE_LABELS)


def _coerce(name: str, value: Any) -> Any:
    return coerce_value(CONTACT.by_name[name], value, "contact")


def _address_text(address: PostalAddress) -> str:
    """One address as the lines a letter would carry (stored in a ContactDetail)."""
    place = " ".join(part for part in (address.postcode, address.city) if part)
    parts = (address.street, place, address.region, address.country)
    return "\n".join(part for part in parts if part)


def _notes(parsed: ParsedContact) -> str:
    """The source's note, then the values with no column of their own, one per line."""
    kept: list[str] = []
    named = (
        ("Name prefix", parsed.name_prefix),
        ("Name suffix", parsed.name_suffix),
        ("Nickname", parsed.nickname),
        ("Department", parsed.department),
        ("Categories", ", ".join(parsed.categories)),
    )
    kept.extend(f"{label}: {value}" for label, value in named if value)
    kept.extend(
        f"{key}: {value}"
        for key, value in parsed.extra.items()
        if value.strip() and key.lower() not in STRUCTURAL_KEYS
    )
    note = parsed.note.strip()
    if not kept:
        return note
    return f"{note}\n\n" + "\n".join(kept) if note else "\n".join(kept)


def _split_phones(
    phones: tuple[LabeledValue, ...],
) -> tuple[LabeledValue | None, LabeledValue | None, list[LabeledValue]]:
    mobile = next((p for p in phones if _is_mobile(p)), None)
    phone = next((p for p in phones if p is not mobile and "fax" not in p.label), None)
    rest = [p for p in phones if p is not mobile and p is not phone]
    return phone, mobile, rest


def build_contact_row(parsed: ParsedContact, policy: Policy) -> ContactRow:
    """The stored form of ``parsed`` for a user with ``policy``.

    Raises ValidationError (a value is not valid, or the entry has nothing to
    name it by) or AccessDenied (the role may not edit a field the entry fills).
    """
    raw: dict[str, Any] = {
        "first_name": " ".join(p for p in (parsed.first_name, parsed.middle_name) if p),
        "last_name": parsed.last_name,
        "title": parsed.title,
        "notes": _notes(parsed),
        "birthday": parsed.birthday,
    }
    full_name = parsed.full_name or " ".join(
        p for p in (parsed.first_name, parsed.middle_name, parsed.last_name) if p
    )
    if full_name:
        raw["display_name"] = full_name
    details: list[ContactDetailValue] = []
    if parsed.emails:
        raw["email"] = parsed.emails[0].value
        details.extend(
            ContactDetailValue("email", e.label or None, _coerce("email", e.value))
            for e in parsed.emails[1:]
        )
    phone, mobile, other_phones = _split_phones(parsed.phones)
    raw["phone"] = phone.value if phone else None
    raw["mobile"] = mobile.value if mobile else None
    details.extend(
        ContactDetailValue("phone", p.label or None, _coerce("phone", p.value))
        for p in other_phones
    )
    addresses = [a for a in parsed.addresses if not a.is_empty()]
    if addresses:
        first = addresses[0]
        raw.update(
            street=first.street,
            city=first.city,
            region=first.region,
            postcode=first.postcode,
            country=first.country,
        )
        details.extend(
            ContactDetailValue("address", a.label or None, _address_text(a)) for a in addresses[1:]
        )
    details.extend(ContactDetailValue("url", u.label or None, u.value) for u in parsed.urls)
    values = {name: _coerce(name, value) for name, value in raw.items()}
    values = {name: value for name, value in values.items() if value is not None}
    values.update(derive_contact({}, values))
    account_name = (
        coerce_value(ACCOUNT_NAME, parsed.organisation, "account")
        if parsed.organisation.strip()
        else None
    )
    if "display_name" not in values:
        fallback = account_name or values.get("phone") or values.get("mobile")
        if not fallback:
            raise ValidationError("contact.display_name", "the entry has no name, email or phone")
        values.update(derive_contact({}, {**values, "display_name": fallback}))
    _check_editable(policy, values, details, account_name)
    custom = _custom_values(parsed, policy)
    return ContactRow(values, account_name, tuple(details), parsed.photo, custom)


def _check_editable(
    policy: Policy,
    values: dict[str, Any],
    details: list[ContactDetailValue],
    account_name: str | None,
) -> None:
    names = [name for name in values if name != "sort_key"]
    names.extend(DETAIL_FIELD[detail.kind] for detail in details)
    if account_name:
        names.append("account_id")
        policy.require_editable("account", ["name"])
    policy.require_editable("contact", sorted(set(names)))


def _custom_values(parsed: ParsedContact, policy: Policy) -> dict[CustomField, Any]:
    typed: dict[CustomField, Any] = {}
    for name, value in parsed.custom.items():
        custom = policy.custom_by_name("contact", name)
        if custom is None or custom.retired:
            raise ValidationError(f"contact.{name}", "no such custom field on contacts")
        if not policy.can_edit("contact", name):
            raise AccessDenied(f"role {policy.role!r} may not edit field contact.{name}")
        coerced = coerce_value(custom.as_spec(), value, "contact")
        if coerced is not None:
            typed[custom] = coerced
    return typed
