"""Dates, numbers and money in the user's chosen style (QLocale), for every view to use.

The language's locale is Qt's default (``ui.translation``); the preferences may
name another locale for numbers and money (a German speaker in Switzerland) and
a date style. Read on the UI thread: settings are read on each call, so a change
in the preferences shows in the next value formatted.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit

from ui.settings import DATE_FORMAT, NUMBER_LOCALE, read_option
from ui.translatable import QT_TRANSLATE_NOOP

TRANSLATION_CONTEXT = "LocaleFormats"

# key -> (QLocale format or None for ISO 8601, title for the preferences)
DATE_FORMATS: dict[str, tuple[QLocale.FormatType | None, str]] = {
    "short": (QLocale.FormatType.ShortFormat, QT_TRANSLATE_NOOP("LocaleFormats", "Short")),
    "long": (QLocale.FormatType.LongFormat, QT_TRANSLATE_NOOP("LocaleFormats", "Long")),
    "iso": (None, QT_TRANSLATE_NOOP("LocaleFormats", "ISO 8601 (2025-03-31)")),
}

# locale name -> title; "" follows the interface language.
NUMBER_LOCALES: dict[str, str] = {
    "": QT_TRANSLATE_NOOP("LocaleFormats", "As the language"),
    "en_US": QT_TRANSLATE_NOOP("LocaleFormats", "1,234.56 (United States)"),
    "en_GB": QT_TRANSLATE_NOOP("LocaleFormats", "1,234.56 (United Kingdom)"),
    "de_DE": QT_TRANSLATE_NOOP("LocaleFormats", "1.234,56 (Germany)"),
    "de_CH": QT_TRANSLATE_NOOP("LocaleFormats", "1’234.56 (Switzerland)"),
    "fr_FR": QT_TRANSLATE_NOOP("LocaleFormats", "1 234,56 (France)"),
}


def translated_title(title: str) -> str:
    return QCoreApplication.translate(TRANSLATION_CONTEXT, title)


def number_locale() -> QLocale:
    """The locale numbers and money are written in."""
    name = read_option(NUMBER_LOCALE)
    return QLocale(name) if name in NUMBER_LOCALES and name else QLocale()


def format_date(value: date, style: str | None = None) -> str:
    """``value`` in the chosen date style (``style`` overrides the preference)."""
    key = style if style is not None else read_option(DATE_FORMAT)
    qt_format = DATE_FORMATS.get(key, DATE_FORMATS["short"])[0]
    qdate = QDate(value.year, value.month, value.day)
    if qt_format is None:
        return value.isoformat()
    if qt_format == QLocale.FormatType.ShortFormat:
        # The locale's short order with the year in full: "4/30/26" reads as a riddle.
        return QLocale().toString(qdate, _with_full_year(QLocale().dateFormat(qt_format)))
    return QLocale().toString(qdate, qt_format)


def _with_full_year(qt_pattern: str) -> str:
    return qt_pattern if "yyyy" in qt_pattern else qt_pattern.replace("yy", "yyyy")


def format_moment(value: datetime) -> str:
    """A date and time of day, in local time: the user's date style and the locale's clock."""
    local = value.astimezone() if value.tzinfo is not None else value
    clock = QLocale().toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    return f"{format_date(local.date())} {clock}"


def date_edit_format(with_time: bool = False) -> str:
    """The display format of a date (or date and time) edit in the user's date style.

    The locale's short format with a four-digit year ("03/12/2026" in the UK,
    "03.12.2026" in Germany: "3/12/26" is read as a date in two countries' orders);
    ISO 8601 when the preferences ask for it.
    """
    if read_option(DATE_FORMAT) == "iso":
        return "yyyy-MM-dd HH:mm" if with_time else "yyyy-MM-dd"
    locale = QLocale()
    short = QLocale.FormatType.ShortFormat
    pattern = locale.dateTimeFormat(short) if with_time else locale.dateFormat(short)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")
    return pattern


def localise_date_edit(edit: QDateTimeEdit) -> QDateTimeEdit:
    """Show ``edit`` in the user's locale and date style (every date edit goes through here)."""
    edit.setLocale(QLocale())
    edit.setDisplayFormat(date_edit_format(with_time=not isinstance(edit, QDateEdit)))
    return edit


def format_number(value: float, decimals: int = 0) -> str:
    return number_locale().toString(float(value), "f", decimals)


def format_money(amount: float, currency: str = "EUR") -> str:
    """``amount`` with the currency's symbol where the locale puts it (1.234,00 € / €1,234.00)."""
    locale = number_locale()
    symbol = {"EUR": "€", "USD": "$", "GBP": "£", "CHF": "CHF"}.get(currency, currency)
    return locale.toCurrencyString(float(amount), symbol, 2)
