"""Rewrite one card's raw lines as clean vCard 3.0 text that ``vobject`` can parse.

``vobject`` 0.9.9 reads vCard 3.0 well but not the quirks of real files,
so this module handles them first, property by property:

* folded lines (3.0/4.0 leading whitespace, and 2.1 base64 continuation);
* blank lines inside a card (iPhone's ``\\r\\r\\n`` line ends);
* ``QUOTED-PRINTABLE`` values with ``=`` soft line breaks;
* legacy charsets: a ``CHARSET=`` parameter (``windows-1252``,
  ``ISO-8859-x``, ...) and undeclared ANSI bytes, using the card's other
  ``CHARSET`` declarations as a hint;
* 2.1 bare parameters (``TEL;WORK;VOICE``) and ``ENCODING=BASE64``;
* 2.1 values, which have no backslash escapes, escaped for 3.0.

The original version is kept in :attr:`NormalisedCard.version`.
"""

from __future__ import annotations

import codecs
import quopri
import re
from collections.abc import Sequence
from dataclasses import dataclass

_NAME_RE = re.compile(r"^(?:[A-Za-z0-9_-]+\.)?[A-Za-z0-9_-]+$")
_PROPERTY_START = re.compile(r"^(?:[A-Za-z0-9_-]+\.)?[A-Za-z][A-Za-z0-9_-]*[;:]")
_ENCODING_WORDS = frozenset({"QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"})
_STRUCTURED = frozenset({"N", "ADR", "ORG"})
_LIST_VALUED = frozenset({"CATEGORIES", "NICKNAME"})
_SINGLE_BYTE_FILE_CODECS = frozenset({"cp1252", "latin-1", "iso-8859-1"})


class CardSyntaxError(ValueError):
    """A line of the card is not a vCard property; the message says which and why."""


@dataclass(frozen=True, slots=True)
class RawProperty:
    """One unfolded property: ``group.NAME;params:value`` split into its parts."""

    line: int
    group: str
    name: str
    params: tuple[tuple[str, str], ...]
    value: str


@dataclass(frozen=True, slots=True)
class NormalisedCard:
    """A card rewritten as vCard 3.0 text, with the version it declared."""

    version: str
    text: str


def normalise_card(lines: Sequence[str], start_line: int, file_codec: str) -> NormalisedCard:
    """Turn the physical ``lines`` of one card into vCard 3.0 text.

    ``start_line`` is the file line of ``lines[0]`` (for messages);
    ``file_codec`` is the codec the file was decoded with, needed to get
    back the original bytes of quoted-printable and mislabelled values.
    Raises :class:`CardSyntaxError` for a line that is not a property.
    """
    properties = [_split_property(line_no, text) for line_no, text in _unfold(lines, start_line)]
    version = next((p.value.strip() for p in properties if p.name == "VERSION"), "3.0")
    hint = _charset_hint(properties)
    out = ["BEGIN:VCARD", "VERSION:3.0"]
    for prop in properties:
        if prop.name in {"BEGIN", "END", "VERSION", "PROFILE"}:
            continue
        out.append(_render(prop, version, file_codec, hint))
    out.append("END:VCARD")
    return NormalisedCard(version=version, text="\r\n".join(out) + "\r\n")


def _unfold(lines: Sequence[str], start_line: int) -> list[tuple[int, str]]:
    """Join folded and soft-broken physical lines into logical property lines."""
    logical: list[tuple[int, str]] = []
    in_qp = False
    in_base64 = False
    after_blank = False
    for offset, raw in enumerate(lines):
        line = raw.rstrip("\r\n")
        line_no = start_line + offset
        if not line.strip():
            after_blank = True
            continue
        blank_before, after_blank = after_blank, False
        soft_break = logical and in_qp and logical[-1][1].endswith("=")
        # Some writers put a blank line after a soft break; others end the
        # value with "=" and a blank line. A property-looking line decides.
        if soft_break and not (blank_before and _PROPERTY_START.match(line)):
            first, text = logical[-1]
            logical[-1] = (first, text[:-1] + line)
            continue
        if logical and line[0] in " \t":
            first, text = logical[-1]
            logical[-1] = (first, text + (line.strip() if in_base64 else line[1:]))
            continue
        if logical and in_base64 and ":" not in line:
            first, text = logical[-1]
            logical[-1] = (first, text + line.strip())
            continue
        logical.append((line_no, line))
        head = line.split(":", 1)[0].upper()
        in_qp = "QUOTED-PRINTABLE" in head
        in_base64 = "BASE64" in head or "ENCODING=B" in head.replace(" ", "")
    return logical


def _split_outside_quotes(text: str, separator: str, maxsplit: int = -1) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    quoted = False
    for ch in text:
        if ch == '"':
            quoted = not quoted
            current.append(ch)
        elif ch == separator and not quoted and (maxsplit < 0 or len(parts) < maxsplit):
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def _split_property(line_no: int, text: str) -> RawProperty:
    head_value = _split_outside_quotes(text, ":", maxsplit=1)
    if len(head_value) != 2:
        raise CardSyntaxError(f"line {line_no} is not a vCard property: {text[:60]!r}")
    head, value = head_value
    head_parts = _split_outside_quotes(head, ";")
    full_name = head_parts[0].strip()
    if not _NAME_RE.match(full_name):
        raise CardSyntaxError(f"line {line_no} has an invalid property name {full_name[:40]!r}")
    group, _, name = full_name.rpartition(".")
    params: list[tuple[str, str]] = []
    for param in head_parts[1:]:
        param = param.strip()
        if not param:
            continue
        key, eq, val = param.partition("=")
        if not eq:
            key, val = ("ENCODING" if param.upper() in _ENCODING_WORDS else "TYPE"), param
        params.append((key.strip().upper(), val.strip().strip('"')))
    return RawProperty(line_no, group, name.upper(), tuple(params), value)


def _known_codec(name: str) -> str | None:
    try:
        return codecs.lookup(name.strip()).name
    except LookupError:
        return None


def _charset_hint(properties: Sequence[RawProperty]) -> str | None:
    """The first legacy single-byte charset declared in the card, if any.

    Outlook declares ``CHARSET=Windows-1253`` on some properties and writes
    the others in the same code page without saying so.
    """
    for prop in properties:
        for key, val in prop.params:
            if key == "CHARSET":
                codec = _known_codec(val)
                if codec and codec not in {"utf-8", "ascii"} and not codec.startswith("utf"):
                    return codec
    return None


def _original_bytes(value: str, file_codec: str) -> bytes:
    byte_codec = "utf-8" if file_codec.startswith("utf") else file_codec
    return value.encode(byte_codec, errors="replace")


def _redecode(value: str, file_codec: str, charset: str | None) -> str:
    """Re-read a value's original bytes in ``charset`` when the file codec was only a guess."""
    if charset is None or value.isascii() or file_codec not in _SINGLE_BYTE_FILE_CODECS:
        return value
    if charset == file_codec:
        return value
    try:
        return value.encode(file_codec).decode(charset)
    except (UnicodeEncodeError, UnicodeDecodeError):
        return value


def _escape_text(text: str, *, keep_commas: bool = False) -> str:
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\n", "\\n")
    return text if keep_commas else text.replace(",", "\\,")


def _escape_value(name: str, raw: str) -> str:
    """Escape a value that has no 3.0 escapes (2.1 or quoted-printable) for 3.0."""
    if name in _STRUCTURED:
        components = re.split(r"(?<!\\);", raw)
        return ";".join(_escape_text(c.replace("\\;", ";")) for c in components)
    return _escape_text(raw, keep_commas=name in _LIST_VALUED)


def _render_params(params: Sequence[tuple[str, str]]) -> str:
    rendered = []
    for key, val in params:
        if any(ch in val for ch in ";:,"):
            val = '"' + val.replace('"', "") + '"'
        rendered.append(f"{key}={val}")
    return "".join(";" + p for p in rendered)


def _render(prop: RawProperty, version: str, file_codec: str, hint: str | None) -> str:
    charset = next((_known_codec(v) for k, v in prop.params if k == "CHARSET"), None) or hint
    encoding = next((v.upper() for k, v in prop.params if k == "ENCODING"), "")
    kept = [(k, v) for k, v in prop.params if k not in {"CHARSET", "ENCODING"}]
    value = prop.value
    if encoding == "QUOTED-PRINTABLE":
        decoded = quopri.decodestring(_original_bytes(value, file_codec))
        text_codec = charset or ("utf-8" if file_codec.startswith("utf") else file_codec)
        value = _escape_value(prop.name, decoded.decode(text_codec, errors="replace"))
    elif encoding in {"BASE64", "B"}:
        value = "".join(value.split())
        if not value.lower().startswith("data:"):
            kept.append(("ENCODING", "b"))
            value = _repair_base64(value)
    else:
        value = _redecode(value, file_codec, charset)
        if version.startswith("2"):
            value = _escape_value(prop.name, value)
    if prop.name == "NICKNAME":
        # vobject keeps only the first of a list of nicknames; as one text none is lost.
        value = re.sub(r"(?<!\\),", "\\,", value)
    if value[:5].lower() == "data:":
        # vobject would split a data: URI at its comma as a 3.0 list.
        value = re.sub(r"(?<!\\),", "\\,", value)
    # A lone CR inside a value would end the line for vobject.
    value = value.replace("\r", "\\n")
    group = f"{prop.group}." if prop.group else ""
    return f"{group}{prop.name}{_render_params(kept)}:{value}"


def _repair_base64(value: str) -> str:
    """Drop stray characters and fix the padding, as lenient decoders do."""
    cleaned = re.sub(r"[^A-Za-z0-9+/]", "", value.rstrip("="))
    remainder = len(cleaned) % 4
    if remainder == 1:
        cleaned = cleaned[:-1]
    elif remainder:
        cleaned += "=" * (4 - remainder)
    return cleaned
