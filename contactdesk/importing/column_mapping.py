"""Which CSV column feeds which part of a :class:`ParsedContact`, and applying that.

A :class:`ColumnMapping` maps a 0-based column index to a :class:`ColumnTarget`.
Targets can be written as short specs, so a user interface or the command
line can pass a mapping as plain strings:

========================  ====================================================
spec                      meaning
========================  ====================================================
``first_name`` ...        a text attribute of ParsedContact (see TEXT_FIELDS)
``email`` / ``email:work``  an email address, with an optional label
``phone:mobile``          a phone number with a label
``url:home``              a web address with a label
``address:home:city``     one part (street, city, region, postcode, country,
                          pobox) of the address with that label
``birthday``              a date in any common style
``birthday:year``         year / month / day in separate columns
``categories``            labels or groups, separated by ``;`` or `` ::: ``
``custom:<field_name>``   a custom field of the store, by its name
``extra:<key>``           kept in ``ParsedContact.extra`` under ``key``
``ignore``                dropped
========================  ====================================================

Several columns may share one item through ``slot``: Google's
``E-mail 1 - Label`` and ``E-mail 1 - Value`` are a label column and a
value column of slot ``1``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from contactdesk.importing.birthday_parsing import birthday_from_parts, parse_birthday
from contactdesk.importing.parsed_contact import LabeledValue, ParsedContact, PostalAddress

TEXT_FIELDS = frozenset(
    {
        "first_name",
        "middle_name",
        "last_name",
        "name_prefix",
        "name_suffix",
        "nickname",
        "full_name",
        "title",
        "department",
        "organisation",
        "note",
        "uid",
    }
)
"""ParsedContact attributes a column can fill directly."""

ADDRESS_PARTS = ("street", "street2", "pobox", "city", "region", "postcode", "country", "formatted")
MULTI_VALUE_SEPARATOR = " ::: "
"""Google's separator for several values in one cell."""


class TargetKind(StrEnum):
    """What a column holds."""

    FIELD = "field"
    EMAIL = "email"
    EMAIL_LABEL = "email_label"
    PHONE = "phone"
    PHONE_LABEL = "phone_label"
    URL = "url"
    URL_LABEL = "url_label"
    ADDRESS = "address"
    ADDRESS_LABEL = "address_label"
    BIRTHDAY = "birthday"
    BIRTHDAY_PART = "birthday_part"
    CATEGORIES = "categories"
    CUSTOM = "custom"
    EXTRA = "extra"
    EXTRA_LABEL = "extra_label"
    IGNORE = "ignore"


_LABELLED = {
    TargetKind.EMAIL: TargetKind.EMAIL_LABEL,
    TargetKind.PHONE: TargetKind.PHONE_LABEL,
    TargetKind.URL: TargetKind.URL_LABEL,
}


@dataclass(frozen=True, slots=True)
class ColumnTarget:
    """Where one column's value goes.

    ``name`` is the attribute (FIELD), address part (ADDRESS), ``year`` /
    ``month`` / ``day`` (BIRTHDAY_PART), custom field name (CUSTOM) or key
    (EXTRA). ``label`` is the default label of an email / phone / URL /
    address; ``slot`` groups the columns of one multi-column item.
    """

    kind: TargetKind
    name: str = ""
    label: str = ""
    slot: str = ""

    @classmethod
    def parse(cls, spec: str) -> ColumnTarget:
        """Build a target from a spec such as ``email:work`` (see the module doc).

        Raises ValueError naming the spec when it is not understood.
        """
        head, _, rest = spec.strip().partition(":")
        head = head.strip().lower()
        if head in TEXT_FIELDS and not rest:
            return cls(TargetKind.FIELD, head)
        if head in {"email", "phone", "url"}:
            return cls(TargetKind(head), label=rest.strip().lower(), slot=f"spec:{spec}")
        if head == "address":
            label, _, part = rest.rpartition(":")
            if part not in ADDRESS_PARTS:
                raise ValueError(f"unknown address part in column spec {spec!r}")
            return cls(TargetKind.ADDRESS, part, label=label.lower(), slot=label.lower())
        if head == "birthday":
            if not rest:
                return cls(TargetKind.BIRTHDAY)
            if rest in {"year", "month", "day"}:
                return cls(TargetKind.BIRTHDAY_PART, rest)
        if head == "categories" and not rest:
            return cls(TargetKind.CATEGORIES)
        if head in {"custom", "extra"} and rest.strip():
            return cls(TargetKind(head), rest.strip())
        if head == "ignore" and not rest:
            return cls(TargetKind.IGNORE)
        raise ValueError(f"unknown column spec {spec!r}")


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    """Column index -> target, plus how to read the file's rows.

    ``has_header`` says whether the first row names the columns (it is then
    skipped). ``day_first`` reads ``01/02/1990`` as 1 February (False for
    US-English exports). ``headers`` keeps the header names for messages.
    """

    targets: Mapping[int, ColumnTarget]
    has_header: bool = True
    day_first: bool = True
    headers: tuple[str, ...] = field(default=())

    @classmethod
    def from_specs(
        cls, specs: Mapping[int, str], *, has_header: bool = False, day_first: bool = True
    ) -> ColumnMapping:
        """Build a mapping from ``{column_index: spec}`` (see the module doc)."""
        return cls(
            {index: ColumnTarget.parse(spec) for index, spec in specs.items()},
            has_header=has_header,
            day_first=day_first,
        )

    def column_name(self, index: int) -> str:
        """The header of column ``index`` if known, else ``column N`` (1-based)."""
        if index < len(self.headers) and self.headers[index].strip():
            return self.headers[index].strip()
        return f"column {index + 1}"

    def build_contact(self, row: Sequence[str], source_line: int) -> ParsedContact:
        """Turn one CSV row into a ParsedContact; unmapped columns are dropped."""
        builder = _ContactBuilder(self.day_first)
        for index, target in self.targets.items():
            if index < len(row):
                value = row[index].strip()
                if value:
                    builder.add(target, value, index)
        return builder.build(source_line)


def _split_values(value: str) -> list[str]:
    return [v.strip() for v in value.split(MULTI_VALUE_SEPARATOR) if v.strip()]


def _clean_label(label: str) -> str:
    """Google marks the primary value's label with ``* ``; labels are lower-case."""
    return label.strip().lstrip("*").strip().lower()


class _ContactBuilder:
    """Collects one row's values before freezing them into a ParsedContact."""

    def __init__(self, day_first: bool) -> None:
        self.day_first = day_first
        self.texts: dict[str, list[str]] = {}
        self.items: dict[tuple[TargetKind, str], dict[str, str]] = {}
        self.birthday: dt.date | None = None
        self.birthday_parts: dict[str, str] = {}
        self.categories: list[str] = []
        self.custom: dict[str, str] = {}
        self.extra: dict[str, str] = {}
        self.extra_labels: dict[str, str] = {}
        self.extra_values: dict[str, str] = {}

    def add(self, target: ColumnTarget, value: str, index: int) -> None:
        kind = target.kind
        slot = target.slot or f"column:{index}"
        if kind is TargetKind.FIELD:
            self.texts.setdefault(target.name, []).append(value)
        elif kind in _LABELLED:
            item = self.items.setdefault((kind, slot), {"label": target.label})
            item["value"] = (
                f"{item['value']}{MULTI_VALUE_SEPARATOR}{value}" if "value" in item else value
            )
        elif kind in {TargetKind.EMAIL_LABEL, TargetKind.PHONE_LABEL, TargetKind.URL_LABEL}:
            value_kind = next(k for k, v in _LABELLED.items() if v is kind)
            self.items.setdefault((value_kind, slot), {})["label"] = _clean_label(value)
        elif kind is TargetKind.ADDRESS:
            item = self.items.setdefault((kind, slot), {"label": target.label})
            previous = item.get(target.name)
            item[target.name] = f"{previous}\n{value}" if previous else value
        elif kind is TargetKind.ADDRESS_LABEL:
            self.items.setdefault((TargetKind.ADDRESS, slot), {})["label"] = _clean_label(value)
        elif kind is TargetKind.BIRTHDAY:
            self.birthday = parse_birthday(value, day_first=self.day_first)
            if self.birthday is None:
                self.extra["birthday"] = value
        elif kind is TargetKind.BIRTHDAY_PART:
            self.birthday_parts[target.name] = value
        elif kind is TargetKind.CATEGORIES:
            for part in value.replace(MULTI_VALUE_SEPARATOR, ";").split(";"):
                part = part.strip().lstrip("*").strip()
                if part and part not in self.categories:
                    self.categories.append(part)
        elif kind is TargetKind.CUSTOM:
            self.custom[target.name] = value
        elif kind is TargetKind.EXTRA:
            if target.slot:
                self.extra_values[target.slot] = value
            else:
                self.extra[target.name] = value
        elif kind is TargetKind.EXTRA_LABEL:
            self.extra_labels[slot] = value

    def _labelled(self, kind: TargetKind) -> tuple[LabeledValue, ...]:
        values: list[LabeledValue] = []
        for (item_kind, _), item in self.items.items():
            if item_kind is kind and item.get("value"):
                for value in _split_values(item["value"]):
                    values.append(LabeledValue(item.get("label", ""), value))
        return tuple(values)

    def _addresses(self) -> tuple[PostalAddress, ...]:
        addresses: list[PostalAddress] = []
        for (item_kind, _), item in self.items.items():
            if item_kind is not TargetKind.ADDRESS:
                continue
            street = "\n".join(item[p] for p in ("street", "street2", "pobox") if item.get(p))
            address = PostalAddress(
                label=item.get("label", ""),
                street=street,
                city=item.get("city", ""),
                region=item.get("region", ""),
                postcode=item.get("postcode", ""),
                country=item.get("country", ""),
            )
            if address.is_empty() and item.get("formatted"):
                address = PostalAddress(label=address.label, street=item["formatted"])
            if not address.is_empty():
                addresses.append(address)
        return tuple(addresses)

    def build(self, source_line: int) -> ParsedContact:
        texts: dict[str, Any] = {name: "\n".join(v) for name, v in self.texts.items()}
        birthday = self.birthday
        if birthday is None and self.birthday_parts.keys() >= {"month", "day"}:
            parts = self.birthday_parts
            birthday = birthday_from_parts(parts.get("year", ""), parts["month"], parts["day"])
        extra = dict(self.extra)
        for slot, value in self.extra_values.items():
            extra[self.extra_labels.get(slot, slot)] = value
        return ParsedContact(
            source_line=source_line,
            emails=self._labelled(TargetKind.EMAIL),
            phones=self._labelled(TargetKind.PHONE),
            urls=self._labelled(TargetKind.URL),
            addresses=self._addresses(),
            birthday=birthday,
            categories=tuple(self.categories),
            custom=dict(self.custom),
            extra=extra,
            **texts,
        )
