"""A contact as a vCard (3.0 or 4.0) for CardDAV, and the fields a phone's vCard sets.

Built from the fields the role may see (the feed's reading), so a card never
holds a hidden field: a field the role cannot see is simply not written. A
card sent back by a phone is read into the same field names; which of them
changed, and whether the role may change them, is the sync service's business.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from datetime import date
from typing import Any

import vobject

VCARD_TYPE = "text/vcard"
VCARD_VERSIONS = ("3.0", "4.0")
# The contact fields a phone's card carries (and may change), in the catalog's names.
CARD_FIELDS = (
    "first_name",
    "last_name",
    "nickname",
    "title",
    "email",
    "phone",
    "mobile",
    "street",
    "city",
    "region",
    "postcode",
    "country",
    "birthday",
    "notes",
)
ADDRESS_FIELDS = ("street", "city", "region", "postcode", "country")
NO_NAME = "(no name)"


class CardUnreadable(ValueError):
    """The body is not one vCard this server can read."""


def contact_card(
    record_id: uuid.UUID,
    fields: Mapping[str, Any],
    *,
    organisation: str | None = None,
    version: str = "3.0",
) -> str:
    """The vCard of one contact, with only ``fields`` (the ones the role may see)."""
    card = vobject.vCard()
    card.add("version").value = version
    card.add("uid").value = str(record_id)
    card.add("fn").value = _text(fields.get("display_name")) or _full_name(fields) or NO_NAME
    if "first_name" in fields or "last_name" in fields:
        card.add("n").value = vobject.vcard.Name(
            family=_text(fields.get("last_name")), given=_text(fields.get("first_name"))
        )
    elif version == "3.0":
        # 3.0 requires N; an empty one says nothing about hidden names.
        card.add("n").value = vobject.vcard.Name()
    for name, prop in (("nickname", "nickname"), ("title", "title"), ("notes", "note")):
        if _text(fields.get(name)):
            card.add(prop).value = _text(fields.get(name))
    if _text(fields.get("email")):
        email = card.add("email")
        email.value = _text(fields.get("email"))
        email.type_param = ["work", "internet"] if version == "3.0" else "work"
    if _text(fields.get("phone")):
        phone = card.add("tel")
        phone.value = _text(fields.get("phone"))
        phone.type_param = ["work", "voice"] if version == "3.0" else "work"
    if _text(fields.get("mobile")):
        mobile = card.add("tel")
        mobile.value = _text(fields.get("mobile"))
        mobile.type_param = "cell"
    if any(_text(fields.get(name)) for name in ADDRESS_FIELDS):
        address = card.add("adr")
        address.value = vobject.vcard.Address(
            street=_text(fields.get("street")),
            city=_text(fields.get("city")),
            region=_text(fields.get("region")),
            code=_text(fields.get("postcode")),
            country=_text(fields.get("country")),
        )
        address.type_param = "work"
    if _text(fields.get("birthday")):
        card.add("bday").value = _text(fields.get("birthday"))
    if organisation:
        card.add("org").value = [organisation]
    if fields.get("updated_at"):
        card.add("rev").value = _compact_time(str(fields["updated_at"]))
    text: str = card.serialize()
    return text


def card_fields(text: str) -> dict[str, str | None]:
    """The contact fields a vCard sets, by field name; a missing property clears its field.

    Raises CardUnreadable when the text is not one vCard.
    """
    card = _read_card(text)
    try:
        return _fields_of(card)
    except CardUnreadable:
        raise
    except Exception as error:  # vobject parses values lazily and raises its own kinds
        raise CardUnreadable(f"the vCard cannot be read: {str(error)[:200]}") from error


def _fields_of(card: Any) -> dict[str, str | None]:
    found: dict[str, str | None] = dict.fromkeys(CARD_FIELDS)
    contents = card.contents
    if "n" in contents:
        name = contents["n"][0].value
        found["first_name"] = _joined(getattr(name, "given", ""))
        found["last_name"] = _joined(getattr(name, "family", ""))
    for field, prop in (("nickname", "nickname"), ("title", "title"), ("notes", "note")):
        if prop in contents:
            found[field] = _joined(contents[prop][0].value)
    if "email" in contents:
        found["email"] = _joined(contents["email"][0].value)
    for tel in contents.get("tel", []):
        kinds = {str(kind).lower() for kind in tel.params.get("TYPE", [])}
        kinds |= {k for value in list(kinds) for k in value.split(",")}
        field = "mobile" if "cell" in kinds else "phone"
        if found[field] is None:
            found[field] = _tel(_joined(tel.value))
    if "adr" in contents:
        address = contents["adr"][0].value
        found["street"] = _joined(getattr(address, "street", ""))
        found["city"] = _joined(getattr(address, "city", ""))
        found["region"] = _joined(getattr(address, "region", ""))
        found["postcode"] = _joined(getattr(address, "code", ""))
        found["country"] = _joined(getattr(address, "country", ""))
    if "bday" in contents:
        found["birthday"] = _birthday(_joined(contents["bday"][0].value))
    return found


def _read_card(text: str) -> Any:
    try:
        card = vobject.readOne(text, validate=False)
    except Exception as error:  # vobject raises many kinds (ParseError, ValueError, ...)
        raise CardUnreadable(f"not a vCard: {str(error)[:200]}") from error
    if getattr(card, "name", "").upper() != "VCARD":
        raise CardUnreadable("the body is not a VCARD")
    return card


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _full_name(fields: Mapping[str, Any]) -> str:
    return " ".join(_text(fields.get(n)) for n in ("first_name", "last_name") if fields.get(n))


def _joined(value: Any) -> str | None:
    """A property value as one text (vobject gives lists for repeated parts); '' is None."""
    if isinstance(value, list | tuple):
        value = " ".join(str(part) for part in value if part)
    text = str(value or "").strip()
    return text or None


def _tel(value: str | None) -> str | None:
    # vCard 4.0 phones may send a URI (tel:+44...).
    if value is not None and value.lower().startswith("tel:"):
        value = value[4:].strip() or None
    return value


def _birthday(value: str | None) -> str | None:
    """A BDAY as ISO text (20260301 and 2026-03-01T00:00:00Z read as 2026-03-01)."""
    if value is None:
        return None
    compact = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", value)
    if compact:
        value = "-".join(compact.groups())
    head = value[:10]
    try:
        return date.fromisoformat(head).isoformat()
    except ValueError:
        return value  # the field's own check names the bad value


def _compact_time(iso: str) -> str:
    """An ISO timestamp as a vCard REV (20261202T101500Z)."""
    digits = re.sub(r"[-:]", "", iso.split(".")[0].split("+")[0])
    return digits if digits.endswith("Z") else digits + "Z"
