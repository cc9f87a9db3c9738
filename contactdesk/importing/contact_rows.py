"""Turning a parsed address-book entry into the values a contact is stored with.

Every value goes through the same coercion the services use for a typed-in
value (:func:`contactdesk.services.field_values.coerce_value`), so an import
can never store what a form would refuse.

A value that fails but can be kept as text is kept, never dropped with its
person: a phone that does not parse in the default region (a German
``034441/ 39 23 34``, a word like ``Pager``), an email address of an odd
shape, and a custom value of the wrong type. Phones and emails become a
ContactDetail labelled "... (unverified)"; a custom value goes to the notes
under its field name. Each is reported as a warning for its row. Only what
cannot be stored at all (no name, email or phone; a value too long even for
the notes) skips the row, with its reason.

The rules themselves (which fields the role may edit, required fields,
references and owner in scope, the entity's rules) are not checked here: the
import hands each row to the unit of work's bulk mode, which checks them as
for a typed-in record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from contactdesk.errors import ValidationError
from contactdesk.importing.company_rows import AccountRow, build_account_row, is_company_only
from contactdesk.importing.note_lines import kept_keys, labelled_lines, with_note
from contactdesk.importing.parsed_contact import LabeledValue, ParsedContact, Photo, PostalAddress
from contactdesk.importing.phone_cache import PhoneCache
from contactdesk.services.field_catalog import ENTITIES
from contactdesk.services.field_rules import Policy
from contactdesk.services.field_values import DEFAULT_PHONE_REGION, coerce_value
from contactdesk.services.phone_regions import phone_region
from contactdesk.services.record_derivations import derive_contact

CONTACT = ENTITIES["contact"]
ACCOUNT_NAME = ENTITIES["account"].by_name["name"]
MOBILE_LABELS = ("cell", "mobile", "iphone", "handy", "portable")
UNVERIFIED = "unverified"
LABEL_LIMIT = 60
UID_LIMIT = 255
# Keys a reader puts in ``extra`` for a birthday that is no date (CSV mapping, vCard BDAY):
# the value is kept in the notes and reported as a warning, not as an unmapped column.
UNREAD_BIRTHDAY_KEYS = ("birthday", "BDAY")
CONTACT_NOTES = "the contact's notes"
# Kept by the import itself beside the fields (never logged nor synced).
VCARD_UID = "vcard_uid"
PHONE_LIMIT = CONTACT.by_name["phone"].max_length or 40
# Longer than this is not a mistyped value worth keeping but junk in a column.
KEPT_TEXT_LIMIT = 1_000
# Text columns whose over-long value moves to the notes instead of costing the row.
MOVABLE_TO_NOTES = {
    "title": "Title",
    "first_name": "First name",
    "last_name": "Last name",
    "nickname": "Nickname",
    "street": "Street",
    "city": "City",
    "region": "Region",
    "postcode": "Postcode",
    "country": "Country",
}


@dataclass(frozen=True)
class ContactDetailValue:
    """An extra value kept as a ContactDetail: kind, label, text."""

    kind: str
    label: str | None
    value: str


@dataclass(frozen=True)
class ContactRow:
    """One contact as the file gives it: field values, and what hangs off it.

    ``values`` may hold ``vcard_uid`` (a column, not a field); ``custom`` maps a
    custom field's name to its value.
    """

    values: dict[str, Any]
    account_name: str | None = None
    details: tuple[ContactDetailValue, ...] = ()
    photo: Photo | None = None
    custom: dict[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


def _is_mobile(phone: LabeledValue) -> bool:
    return any(word in phone.label for word in MOBILE_LABELS)


def _coerce(name: str, value: Any) -> Any:
    return coerce_value(CONTACT.by_name[name], value, "contact")


def _address_text(address: PostalAddress) -> str:
    """One address as the lines a letter would carry (stored in a ContactDetail)."""
    place = " ".join(part for part in (address.postcode, address.city) if part)
    parts = (address.street, place, address.region, address.country)
    return "\n".join(part for part in parts if part)


def _notes(parsed: ParsedContact, moved: list[str]) -> str:
    """The source's note, then the values with no column of their own, one per line."""
    named = (
        ("Name prefix", parsed.name_prefix),
        ("Name suffix", parsed.name_suffix),
        ("Department", parsed.department),
        ("Categories", ", ".join(parsed.categories)),
    )
    return with_note(parsed.note, [*labelled_lines(named, parsed.extra), *moved])


def _split_phones(
    phones: list[LabeledValue],
) -> tuple[LabeledValue | None, LabeledValue | None, list[LabeledValue]]:
    mobile = next((p for p in phones if _is_mobile(p)), None)
    phone = next((p for p in phones if p is not mobile and "fax" not in p.label), None)
    rest = [p for p in phones if p is not mobile and p is not phone]
    return phone, mobile, rest


def _unverified_label(label: str) -> str:
    # A label read back from our own export already says so: never "(unverified) (unverified)".
    if label == UNVERIFIED or label.endswith(f"({UNVERIFIED})"):
        return label[:LABEL_LIMIT]
    return (f"{label} ({UNVERIFIED})" if label else UNVERIFIED)[:LABEL_LIMIT]


def _kept_text(kind: str, value: str) -> str:
    """A value kept unverified must still be storable text; else the row is skipped."""
    if "\x00" in value:
        raise ValidationError(f"contact.{kind}", "contains a NUL character")
    if len(value) > KEPT_TEXT_LIMIT:
        raise ValidationError(
            f"contact.{kind}", f"is {len(value)} characters long; at most {KEPT_TEXT_LIMIT} allowed"
        )
    return value


class ContactRowBuilder:
    """Builds the stored form of parsed entries for one import, as one role.

    Keeps what is worth keeping across rows: normalised phone numbers (a
    per-import :class:`PhoneCache`). The policy only names the custom fields.
    """

    def __init__(
        self,
        policy: Policy,
        phones: PhoneCache | None = None,
        *,
        default_region: str = DEFAULT_PHONE_REGION,
    ) -> None:
        self.policy = policy
        self.phones = phones or PhoneCache()
        # Numbers without + are read in the entry's country, else in this region.
        self.default_region = default_region
        # Unmapped column (or vCard property) -> where its values went, for the import log.
        self.unmapped: dict[str, str] = {}

    def build(self, parsed: ParsedContact) -> ContactRow | AccountRow:
        """The stored form of ``parsed``; what was kept unverified is in ``warnings``.

        An entry naming only a company becomes an :class:`AccountRow`. Raises
        ValidationError (a value cannot be stored even as text, or the entry
        has nothing to name it by).
        """
        if is_company_only(parsed):
            self._note_unmapped(parsed, "the account's notes")
            return self._account_row(parsed)
        self._note_unmapped(parsed, CONTACT_NOTES)
        warnings: list[str] = [
            f"birthday {parsed.extra[key]!r} is no date: kept in the notes as {key!r}"
            for key in UNREAD_BIRTHDAY_KEYS
            if parsed.extra.get(key, "").strip()
        ]
        details: list[ContactDetailValue] = []
        unverified: list[ContactDetailValue] = []
        moved: list[str] = []
        custom = self._custom_values(parsed, moved, warnings)
        values: dict[str, Any] = {}
        emails = self._emails(parsed.emails, unverified, warnings)
        if emails:
            values["email"] = emails[0].value
            details.extend(
                ContactDetailValue("email", e.label or None, e.value) for e in emails[1:]
            )
        addresses = [a for a in parsed.addresses if not a.is_empty()]
        region = phone_region(addresses[0].country if addresses else None, self.default_region)
        phone, mobile, other_phones = _split_phones(
            self._phones(parsed.phones, region, unverified, warnings)
        )
        if phone is not None:
            values["phone"] = phone.value
        if mobile is not None:
            values["mobile"] = mobile.value
        details.extend(ContactDetailValue("phone", p.label or None, p.value) for p in other_phones)
        texts: dict[str, Any] = {
            "first_name": " ".join(p for p in (parsed.first_name, parsed.middle_name) if p),
            "last_name": parsed.last_name,
            "nickname": parsed.nickname,
            "title": parsed.title,
        }
        if addresses:
            first = addresses[0]
            texts.update(
                street=first.street,
                city=first.city,
                region=first.region,
                postcode=first.postcode,
                country=first.country,
            )
            details.extend(
                ContactDetailValue("address", a.label or None, _address_text(a))
                for a in addresses[1:]
            )
        details.extend(ContactDetailValue("url", u.label or None, u.value) for u in parsed.urls)
        details.extend(unverified)
        for name, value in texts.items():
            if value:
                self._text_value(values, name, value, moved, warnings)
        full_name = parsed.full_name or " ".join(
            p for p in (parsed.first_name, parsed.middle_name, parsed.last_name) if p
        )
        if full_name:
            values["display_name"] = _coerce("display_name", full_name)
        if parsed.uid.strip():
            values[VCARD_UID] = parsed.uid.strip()[:UID_LIMIT]
        if parsed.birthday is not None:
            values["birthday"] = _coerce("birthday", parsed.birthday)
        notes = _notes(parsed, moved)
        if notes:
            values["notes"] = _coerce("notes", notes)
        values.update(derive_contact({}, values))
        account_name = (
            coerce_value(ACCOUNT_NAME, parsed.organisation, "account")
            if parsed.organisation.strip()
            else None
        )
        if "display_name" not in values:
            fallback = (
                values.get("phone")
                or values.get("mobile")
                or next((d.value for d in unverified), None)
            )
            if not fallback:
                raise ValidationError(
                    "contact.display_name", "the entry has no name, email or phone"
                )
            values["display_name"] = _coerce("display_name", fallback)
        # The unit of work derives the sort key (and a name) itself, as for a form.
        values.pop("sort_key", None)
        return ContactRow(
            values, account_name, tuple(details), parsed.photo, custom, tuple(warnings)
        )

    def _note_unmapped(self, parsed: ParsedContact, where: str) -> None:
        for key in kept_keys(parsed.extra):
            if key in UNREAD_BIRTHDAY_KEYS and where == CONTACT_NOTES:
                continue  # reported as a warning of its row (see build)
            if key not in self.unmapped:
                self.unmapped[key] = where
            elif self.unmapped[key] != where and " and " not in self.unmapped[key]:
                self.unmapped[key] = "the contact's and the account's notes"

    def _account_row(self, parsed: ParsedContact) -> AccountRow:
        addresses = [a for a in parsed.addresses if not a.is_empty()]
        region = phone_region(addresses[0].country if addresses else None, self.default_region)
        return build_account_row(parsed, self.phones, region)

    def _emails(
        self,
        emails: tuple[LabeledValue, ...],
        unverified: list[ContactDetailValue],
        warnings: list[str],
    ) -> list[LabeledValue]:
        checked: list[LabeledValue] = []
        for email in emails:
            text = email.value.strip()
            if not text:
                continue
            try:
                checked.append(LabeledValue(email.label, _coerce("email", text)))
            except ValidationError as error:
                unverified.append(
                    ContactDetailValue(
                        "email", _unverified_label(email.label), _kept_text("email", text)
                    )
                )
                warnings.append(f"{error.reason}; kept as an unverified email")
        return checked

    def _phones(
        self,
        phones: tuple[LabeledValue, ...],
        region: str,
        unverified: list[ContactDetailValue],
        warnings: list[str],
    ) -> list[LabeledValue]:
        checked: list[LabeledValue] = []
        for phone in phones:
            text = phone.value.strip()
            if not text:
                continue
            number: str | None = None
            reason: str | None = f"{text[:40]!r}… is too long for a phone number"
            if len(text) <= PHONE_LIMIT:
                number, reason = self.phones.normalise(text, region)
            if number is not None:
                checked.append(LabeledValue(phone.label, number))
                continue
            unverified.append(
                ContactDetailValue(
                    "phone", _unverified_label(phone.label), _kept_text("phone", text)
                )
            )
            warnings.append(f"{reason}; kept as an unverified phone")
        return checked

    @staticmethod
    def _text_value(
        values: dict[str, Any], name: str, value: str, moved: list[str], warnings: list[str]
    ) -> None:
        try:
            coerced = _coerce(name, value)
        except ValidationError as error:
            if name not in MOVABLE_TO_NOTES or "\x00" in value:
                raise
            moved.append(f"{MOVABLE_TO_NOTES[name]}: {value}")
            warnings.append(f"{error}; kept in the notes")
            return
        if coerced is not None:
            values[name] = coerced

    def _custom_values(
        self, parsed: ParsedContact, moved: list[str], warnings: list[str]
    ) -> dict[str, Any]:
        """Custom values by field name; one of the wrong type is kept in the notes."""
        typed: dict[str, Any] = {}
        for name, value in parsed.custom.items():
            custom = self.policy.custom_by_name("contact", name)
            if custom is None or custom.retired:
                typed[name] = value  # the unit of work refuses it, naming the field
                continue
            try:
                coerced = coerce_value(custom.as_spec(), value, "contact")
            except ValidationError as error:
                moved.append(f"{custom.label or name}: {_kept_text(name, value)}")
                warnings.append(f"{error}; kept in the notes")
                continue
            if coerced is not None:
                typed[name] = coerced
        return typed
