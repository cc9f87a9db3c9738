"""Read birthdays written in the many date styles of address-book exports.

Handles ISO dates (``1980-03-22``, ``19800322``, with a time part),
year-less vCard and Google dates (``--0322``, ``--03-22``), and local
styles (``22.03.1980``, ``22/03/1980``, ``3/22/1980``). A year-less date
gets :data:`~contactdesk.importing.parsed_contact.YEARLESS_BIRTHDAY_YEAR`.
"""

from __future__ import annotations

import datetime as dt
import re

from contactdesk.importing.parsed_contact import YEARLESS_BIRTHDAY_YEAR

_ISO = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})(?:[T ].*)?$")
_YEARLESS = re.compile(r"^--(\d{2})-?(\d{2})$")
_LOCAL = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})$")
_EMPTY_MARKERS = frozenset({"", "0/0/00", "00/00/0000", "0.0.00", "0000-00-00"})


def parse_birthday(text: str, *, day_first: bool = True) -> dt.date | None:
    """Return the date in ``text``, or None when it is empty or not a date.

    ``day_first`` decides ``01/02/1990`` when both readings are valid
    (False for US-English exports such as English Outlook); an unambiguous
    date (``20/01/1991``, ``1/20/1991``) is read the only way it can be.
    """
    text = text.strip()
    if text in _EMPTY_MARKERS:
        return None
    if match := _ISO.match(text):
        year, month, day = (int(g) for g in match.groups())
        return _make_date(year, month, day)
    if match := _YEARLESS.match(text):
        month, day = int(match.group(1)), int(match.group(2))
        return _make_date(YEARLESS_BIRTHDAY_YEAR, month, day)
    if match := _LOCAL.match(text):
        first, second, year = (int(g) for g in match.groups())
        if len(match.group(3)) == 2:
            year += 1900 if year > (dt.date.today().year % 100) else 2000
        if first > 12:
            return _make_date(year, second, first)
        if second > 12:
            return _make_date(year, first, second)
        return _make_date(year, second, first) if day_first else _make_date(year, first, second)
    return None


def birthday_from_parts(year: str, month: str, day: str) -> dt.date | None:
    """Build a birthday from separate year / month / day fields (Thunderbird CSV)."""
    try:
        month_no, day_no = int(month), int(day)
    except ValueError:
        return None
    year = year.strip()
    year_no = int(year) if year.isdigit() and int(year) > 0 else YEARLESS_BIRTHDAY_YEAR
    return _make_date(year_no, month_no, day_no)


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
