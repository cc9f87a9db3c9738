"""Stream contacts out of a vCard file (versions 2.1, 3.0 and 4.0).

The file is decoded (see :mod:`contactdesk.importing.text_decoding`), cut
into cards (:mod:`~contactdesk.importing.vcard_blocks`), each card's quirks
are cleaned up (:mod:`~contactdesk.importing.vcard_normalising`) and the
result is parsed by ``vobject``, one card at a time. A card that fails
becomes a :class:`RowError` and the next card is read as usual.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import vobject

from contactdesk.importing.birthday_parsing import parse_birthday
from contactdesk.importing.errors import UnreadableFile
from contactdesk.importing.parsed_contact import (
    LabeledValue,
    ParsedContact,
    ParseOutcome,
    Photo,
    PostalAddress,
    RowError,
)
from contactdesk.importing.text_decoding import decide_encoding, not_text_in, open_text
from contactdesk.importing.vcard_blocks import BrokenBlock, CardBlock, split_cards
from contactdesk.importing.vcard_normalising import CardSyntaxError, normalise_card

_IGNORED_TYPES = frozenset({"pref", "internet", "voice", "x400", "x-internet", "dom", "intl"})
_TYPE_WORDS = {"cell": "mobile", "msg": "message", "homepage": "home page"}
_APPLE_LABEL = re.compile(r"^_\$!<(.*)>!\$_$")
_DATA_URI = re.compile(r"^data:([^;,]*)(;[^,]*)?,(.*)$", re.DOTALL)
_CONSUMED = frozenset(
    {
        "VERSION",
        "FN",
        "N",
        "NICKNAME",
        "ORG",
        "TITLE",
        "EMAIL",
        "TEL",
        "ADR",
        "URL",
        "NOTE",
        "BDAY",
        "PHOTO",
        "CATEGORIES",
        "UID",
    }
)
_MAGIC = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF8", "image/gif"),
    (b"BM", "image/bmp"),
)


def read_vcard(path: str | Path, *, encoding: str | None = None) -> Iterator[ParseOutcome]:
    """Yield a :class:`ParsedContact` or :class:`RowError` for each card in ``path``.

    ``encoding`` overrides the detected file encoding (for legacy files that
    declare nothing, such as a Hebrew card in cp1255). Streams card by card.
    Raises :class:`UnreadableFile` for binary junk or a file with no card.
    """
    codec = encoding or decide_encoding(path).codec
    found = False
    with open_text(path, encoding=codec) as stream:
        try:
            for block in split_cards(stream):
                found = True
                if isinstance(block, BrokenBlock):
                    yield RowError(block.start_line, block.reason, card_index=block.index)
                    continue
                yield _read_card(block, codec)
        except UnicodeDecodeError as error:
            raise not_text_in(path, codec, error) from None
    if not found:
        raise UnreadableFile(path, "no vCard (BEGIN:VCARD ... END:VCARD) was found in the file")


def _read_card(block: CardBlock, codec: str) -> ParseOutcome:
    where = f"card {block.index} (line {block.start_line})"
    try:
        card = normalise_card(block.lines, block.start_line, codec)
        component = vobject.readOne(card.text, ignoreUnreadable=False)
    except CardSyntaxError as exc:
        return RowError(block.start_line, f"{where}: {exc}", card_index=block.index)
    except Exception as exc:  # vobject raises many types, all mean "this card is broken"
        reason = f"{where} could not be parsed: {exc}".strip()
        return RowError(block.start_line, reason, card_index=block.index)
    try:
        return _to_contact(component, block, card.version)
    except (ValueError, TypeError, AttributeError) as exc:
        return RowError(block.start_line, f"{where}: {exc}", card_index=block.index)


def _words(raw: str) -> str:
    """``AssistantPhone`` -> ``assistant phone``; ``CELL`` -> ``mobile``."""
    raw = raw.strip()
    if match := _APPLE_LABEL.match(raw):
        raw = match.group(1)
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", raw).lower()
    return _TYPE_WORDS.get(spaced, spaced)


def _label(child: Any, group_labels: dict[str, str]) -> str:
    if child.group and group_labels.get(child.group.lower()):
        return group_labels[child.group.lower()]
    types: list[str] = []
    for raw in child.params.get("TYPE", []):
        for part in str(raw).split(","):
            word = _words(part)
            if word and word not in _IGNORED_TYPES and word not in types:
                types.append(word)
    return " ".join(types)


def _text(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value if str(v))
    # "http\://" is a common non-standard escape (Apple, Gmail).
    return str(value).strip().replace("\\:", ":")


def _photo(child: Any) -> Photo | str | None:
    """Decode a PHOTO property; a remote URL comes back as a string."""
    value = child.value
    declared = ""
    for key in ("TYPE", "MEDIATYPE"):
        if child.params.get(key):
            declared = str(child.params[key][0]).lower()
    data: bytes
    if isinstance(value, bytes):
        data = value
    else:
        text = str(value).strip()
        match = _DATA_URI.match(text)
        if match is None:
            return text or None
        declared = match.group(1) or declared
        payload = match.group(3)
        try:
            data = (
                base64.b64decode(payload)
                if "base64" in (match.group(2) or "")
                else payload.encode()
            )
        except (binascii.Error, ValueError):
            return None
    if not data:
        return None
    return Photo(data=data, mime_type=_mime(data, declared))


def _mime(data: bytes, declared: str) -> str:
    for magic, mime in _MAGIC:
        if data.startswith(magic):
            return mime
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if "/" in declared:
        return declared
    return f"image/{declared}" if declared else "application/octet-stream"


def _to_contact(component: Any, block: CardBlock, version: str) -> ParseOutcome:
    children = list(component.getChildren())
    group_labels: dict[str, str] = {}
    for child in children:
        if child.name == "X-ABLABEL" and child.group and _text(child.value):
            group_labels[child.group.lower()] = _words(_text(child.value))
    fields: dict[str, Any] = {}
    emails: list[LabeledValue] = []
    phones: list[LabeledValue] = []
    urls: list[LabeledValue] = []
    addresses: list[PostalAddress] = []
    categories: list[str] = []
    extra: dict[str, str] = {}
    for child in children:
        name = child.name
        if name == "FN":
            _keep_first(fields, extra, "full_name", "FN", _text(child.value))
        elif name == "N":
            n = child.value
            fields.setdefault("last_name", _text(n.family))
            fields.setdefault("first_name", _text(n.given))
            fields.setdefault("middle_name", _text(n.additional).replace(", ", " "))
            fields.setdefault("name_prefix", _text(n.prefix))
            fields.setdefault("name_suffix", _text(n.suffix))
        elif name == "NICKNAME":
            nicknames = (part.strip() for part in _text(child.value).split(","))
            _add_to(fields, "nickname", ", ".join(part for part in nicknames if part), ", ")
        elif name == "ORG":
            parts = child.value if isinstance(child.value, list) else [child.value]
            parts = [str(p).strip() for p in parts]
            fields.setdefault("organisation", parts[0] if parts else "")
            fields.setdefault("department", " / ".join(p for p in parts[1:] if p))
        elif name == "TITLE":
            _keep_first(fields, extra, "title", "TITLE", _text(child.value))
        elif name == "NOTE":
            _add_to(fields, "note", str(child.value).strip(), "\n\n")
        elif name == "UID":
            _keep_first(fields, extra, "uid", "UID", _text(child.value))
        elif name == "BDAY":
            birthday = parse_birthday(_text(child.value))
            if birthday is None:
                extra.setdefault("BDAY", _text(child.value))
            else:
                fields.setdefault("birthday", birthday)
        elif name in {"EMAIL", "TEL", "URL"}:
            value = _text(child.value)
            if name == "TEL" and value.lower().startswith("tel:"):
                value = value[4:]
            if value:
                target = {"EMAIL": emails, "TEL": phones, "URL": urls}[name]
                target.append(LabeledValue(_label(child, group_labels), value))
        elif name == "ADR":
            adr = child.value
            street = "\n".join(
                p for p in (_text(adr.street), _text(adr.extended), _text(adr.box)) if p
            )
            address = PostalAddress(
                label=_label(child, group_labels),
                street=street,
                city=_text(adr.city),
                region=_text(adr.region),
                postcode=_text(adr.code),
                country=_text(adr.country),
            )
            if not address.is_empty():
                addresses.append(address)
        elif name == "CATEGORIES":
            values = child.value if isinstance(child.value, list) else [child.value]
            categories.extend(str(v).strip() for v in values if str(v).strip())
        elif name == "PHOTO":
            photo = _photo(child)
            if isinstance(photo, Photo):
                fields.setdefault("photo", photo)
            elif photo:
                extra.setdefault("PHOTO", photo)
        elif name in {"X-ABLABEL", "VERSION"}:
            continue
        else:
            text = _text(child.value) if not isinstance(child.value, bytes) else ""
            if text:
                extra[name] = f"{extra[name]}\n{text}" if name in extra else text
    if not fields.get("full_name"):
        fields["full_name"] = _fallback_name(fields, emails, phones)
    if not (fields["full_name"] or fields.get("organisation") or emails or phones):
        return RowError(
            block.start_line,
            f"card {block.index} (line {block.start_line}) has no name, organisation, "
            "email or phone",
            card_index=block.index,
        )
    extra["VERSION"] = version
    return ParsedContact(
        source_line=block.start_line,
        card_index=block.index,
        emails=tuple(emails),
        phones=tuple(phones),
        urls=tuple(urls),
        addresses=tuple(addresses),
        categories=tuple(dict.fromkeys(categories)),
        extra=extra,
        **fields,
    )


def _add_to(fields: dict[str, Any], key: str, value: str, separator: str) -> None:
    """Append a repeated property's value (two NOTE or NICKNAME lines keep both)."""
    if value:
        fields[key] = f"{fields[key]}{separator}{value}" if fields.get(key) else value


def _keep_first(
    fields: dict[str, Any], extra: dict[str, str], key: str, prop: str, value: str
) -> None:
    """The first value fills the field; a repeated one is kept under its property name."""
    if not fields.get(key):
        fields[key] = value
    elif value and value != fields[key]:
        extra[prop] = f"{extra[prop]}\n{value}" if prop in extra else value


def _fallback_name(
    fields: dict[str, Any], emails: list[LabeledValue], phones: list[LabeledValue]
) -> str:
    """Build a display name when FN is missing: from N, else EMAIL, else TEL.

    Not from ORG: a card naming only a company becomes an account, not a contact.
    """
    parts = [
        fields.get(k, "")
        for k in ("name_prefix", "first_name", "middle_name", "last_name", "name_suffix")
    ]
    joined = " ".join(p for p in parts if p)
    if joined:
        return joined
    if fields.get("organisation"):
        return ""
    if emails:
        return emails[0].value
    return phones[0].value if phones else ""
