"""Dates, numbers and money written in a locale, with Babel (the core never imports Qt).

For text the core writes for people: the CLI's tables and report cells. The CLI
writes in its environment's locale (``CONTACTDESK_LOCALE``, else ``LC_ALL`` /
``LC_TIME`` / ``LANG`` as Babel reads them); the desktop passes its QLocale's
name, so a report reads alike in the window, its PDF and the terminal. No locale
configured (``C``/``POSIX``) reads as plain English with months spelled out
("Dec 3, 2026"), never in a day/month order a reader could take the wrong way.
JSON and CSV stay machine formats (ISO 8601, plain numbers).
"""

from __future__ import annotations

import os
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from babel import Locale, UnknownLocaleError, default_locale
from babel.dates import format_date, format_skeleton, format_time
from babel.numbers import format_currency, format_decimal

FALLBACK_LOCALE = "en"
LOCALE_VARIABLE = "CONTACTDESK_LOCALE"


def output_locale(name: str | None = None) -> Locale:
    """The locale ``name`` names, else the environment's; plain English when neither works."""
    wanted = name or os.environ.get(LOCALE_VARIABLE) or default_locale("LC_TIME") or ""
    if wanted.split(".")[0] in ("", "C", "POSIX", "en_US_POSIX"):
        wanted = FALLBACK_LOCALE
    try:
        return Locale.parse(wanted.split(".")[0].replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return Locale.parse(FALLBACK_LOCALE)


def day_text(value: date, locale: Locale, *, weekday: bool = False) -> str:
    """A calendar day: "3 Dec 2026" (en_GB), "03.12.2026" (de), "Dec 3, 2026" (en)."""
    if weekday:
        return format_skeleton("yMMMEd", value, locale=locale)
    return format_date(value, "medium", locale=locale)


def moment_text(value: datetime, locale: Locale, *, weekday: bool = False) -> str:
    """A moment in local time: the day as ``day_text`` and the time as the locale writes it."""
    local = value.astimezone() if value.tzinfo is not None else value
    day = (
        format_skeleton("MMMEd", local, locale=locale)
        if weekday
        else format_date(local, "medium", locale=locale)
    )
    return f"{day} {format_time(local, 'short', locale=locale)}"


def number_text(
    value: float | int | Decimal,
    locale: Locale,
    decimals: int | None = None,
    *,
    at_most: bool = False,
) -> str:
    """A number with the locale's separators (1,500,000 / 1.500.000).

    ``decimals`` fixes how many decimals are written; with ``at_most``, trailing
    zeros are left off (2.5, not 2.50).
    """
    if decimals is None:
        return format_decimal(value, locale=locale)
    digit = "#" if at_most else "0"
    pattern = "#,##0" + ("." + digit * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=locale)


def money_text(value: float | int | Decimal, currency: str, locale: Locale) -> str:
    """An amount with its currency where the locale puts it (€1,234.50 / 1.234,50 €)."""
    return format_currency(value, currency, locale=locale)


def cell_value_text(value: Any, locale: Locale) -> str | None:
    """``value`` written for people when it is a day, a moment or a number; else None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, datetime):
        return moment_text(value, locale)
    if isinstance(value, date):
        return day_text(value, locale)
    if isinstance(value, int | float | Decimal):
        return number_text(value, locale)
    return None
