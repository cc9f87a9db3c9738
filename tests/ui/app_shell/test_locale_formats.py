"""Dates, numbers and money follow the language's locale and the chosen formats."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QLocale

from ui.locale_formats import format_date, format_moment, format_money, format_number
from ui.models.field_display import format_value
from ui.settings import DATE_FORMAT, NUMBER_LOCALE, write_option


@pytest.fixture
def german_locale() -> Iterator[None]:
    QLocale.setDefault(QLocale("de_DE"))
    yield
    QLocale.setDefault(QLocale("en_US"))


def test_money_in_german_puts_the_euro_after_a_decimal_comma(german_locale) -> None:
    assert format_money(1234.5).replace("\xa0", " ") == "1.234,50 €"


def test_a_number_locale_preference_overrides_the_language(german_locale) -> None:
    write_option(NUMBER_LOCALE, "en_US")
    assert format_number(1234.5, 1) == "1,234.5"


def test_the_iso_date_preference_writes_iso_8601(german_locale) -> None:
    write_option(DATE_FORMAT, "iso")
    assert format_date(date(2025, 3, 31)) == "2025-03-31"


def test_the_short_date_in_german_is_day_month_and_the_full_year(german_locale) -> None:
    assert format_date(date(2025, 3, 31), "short") == "31.03.2025"


def test_a_short_us_date_keeps_its_order_with_the_full_year() -> None:
    QLocale.setDefault(QLocale("en_US"))
    assert format_date(date(2026, 4, 30), "short") == "4/30/2026"


def test_a_moment_reads_in_local_time_with_the_locales_clock(german_locale) -> None:
    write_option(DATE_FORMAT, "short")
    moment = datetime(2026, 12, 4, 17, 5, tzinfo=UTC)
    local = moment.astimezone()
    assert format_moment(moment) == f"{local:%d.%m.%Y} {local:%H:%M}"


def test_a_stored_moment_and_day_read_alike_in_every_table_cell(german_locale) -> None:
    write_option(DATE_FORMAT, "short")
    moment = datetime(2026, 12, 4, 17, 5, tzinfo=UTC)
    assert format_value("datetime", moment) == format_moment(moment)
    assert format_value("date", date(2026, 12, 4)) == "04.12.2026"
