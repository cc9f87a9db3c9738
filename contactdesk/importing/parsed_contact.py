"""Plain, store-independent records produced by the importers.

Readers yield either a :class:`ParsedContact` (one person from a CSV row or
a vCard) or a :class:`RowError` (why one row or card was skipped). Nothing
here knows about the store; the services turn these into model objects.

Year-less birthdays: vCard allows ``--MMDD`` and Google exports ``--MM-DD``.
They are stored as a :class:`datetime.date` in the sentinel year
:data:`YEARLESS_BIRTHDAY_YEAR` (1604, the convention of Apple Contacts and
Thunderbird CardBook; a leap year, so 29 February survives). Use
:attr:`ParsedContact.birthday_year_known` rather than comparing years.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

YEARLESS_BIRTHDAY_YEAR = 1604
"""Year used for birthdays whose year is unknown (month and day are real)."""


@dataclass(frozen=True, slots=True)
class LabeledValue:
    """An email address, phone number or URL with its label (``work``, ``home``, ...).

    ``label`` is lower-case and may be empty when the source gave none.
    """

    label: str
    value: str


@dataclass(frozen=True, slots=True)
class PostalAddress:
    """A postal address split into the parts every source can give."""

    label: str = ""
    street: str = ""
    city: str = ""
    region: str = ""
    postcode: str = ""
    country: str = ""

    def is_empty(self) -> bool:
        """Return True when no address part holds text."""
        return not any((self.street, self.city, self.region, self.postcode, self.country))


@dataclass(frozen=True, slots=True)
class Photo:
    """An embedded picture: the raw bytes and their MIME type (``image/jpeg``)."""

    data: bytes = field(repr=False)
    mime_type: str

    def __repr__(self) -> str:
        return f"Photo(mime_type={self.mime_type!r}, {len(self.data)} bytes)"


@dataclass(frozen=True, slots=True)
class ParsedContact:
    """One person read from an address-book file, before it touches the store.

    ``extra`` keeps source properties with no home here (vCard ``X-``
    properties, unmapped CSV columns) keyed by their source name, so nothing
    is silently lost. ``custom`` holds values for columns the user mapped
    onto custom fields (``custom:<field_name>``), keyed by field name.
    ``source_line`` is the 1-based physical line where the CSV row or the
    vCard's ``BEGIN:VCARD`` starts; ``card_index`` is the 1-based position of
    the card in a vCard file (0 for CSV).
    """

    source_line: int
    first_name: str = ""
    middle_name: str = ""
    last_name: str = ""
    name_prefix: str = ""
    name_suffix: str = ""
    nickname: str = ""
    full_name: str = ""
    title: str = ""
    department: str = ""
    organisation: str = ""
    emails: tuple[LabeledValue, ...] = ()
    phones: tuple[LabeledValue, ...] = ()
    addresses: tuple[PostalAddress, ...] = ()
    urls: tuple[LabeledValue, ...] = ()
    note: str = ""
    birthday: dt.date | None = None
    photo: Photo | None = None
    categories: tuple[str, ...] = ()
    uid: str = ""
    extra: dict[str, str] = field(default_factory=dict)
    custom: dict[str, str] = field(default_factory=dict)
    card_index: int = 0

    @property
    def birthday_year_known(self) -> bool:
        """True when ``birthday`` is set and its year is real, not the sentinel."""
        return self.birthday is not None and self.birthday.year != YEARLESS_BIRTHDAY_YEAR

    def display_name(self) -> str:
        """Return the best name to show: full name, else given + family, else org, else email."""
        if self.full_name:
            return self.full_name
        joined = " ".join(p for p in (self.first_name, self.last_name) if p)
        if joined:
            return joined
        if self.organisation:
            return self.organisation
        return self.emails[0].value if self.emails else ""


@dataclass(frozen=True, slots=True)
class RowError:
    """One row or card that could not be imported, and why.

    ``location`` is the 1-based physical line where the CSV row or the vCard
    starts; ``reason`` is a sentence a user can act on.
    """

    location: int
    reason: str
    card_index: int = 0


@dataclass(frozen=True, slots=True)
class RowWarning:
    """A row that was imported with a value kept as text rather than verified.

    ``location`` is the row's 1-based line, as for :class:`RowError`;
    ``message`` says which value and how it was kept.
    """

    location: int
    message: str
    card_index: int = 0


@dataclass(frozen=True, slots=True)
class IgnoredRow:
    """A row with nothing to import: ``blank`` or a ``comment`` (first cell starts with #)."""

    location: int
    kind: str


ParseOutcome = ParsedContact | RowError | IgnoredRow
"""What every reader yields, one per row or card (blank and comment rows counted too)."""
