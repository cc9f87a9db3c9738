"""How report values read as text: one place for the CLI table, CSV-for-people and the UI."""

from __future__ import annotations

from typing import Any

from contactdesk.locale_text import cell_value_text, money_text, number_text, output_locale
from contactdesk.reports.report_result import ReportColumn


def cell_text(
    column: ReportColumn, value: Any, locale: str | None = None, currency: str | None = None
) -> str:
    """``value`` of ``column`` as a person reads it in ``locale`` (the CLI's when None).

    Money with its ``currency`` where the locale puts it (else the locale's separators
    and two decimals), rates as %, days and moments as the locale writes them
    (``contactdesk.locale_text``).
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    written_in = output_locale(locale)
    if column.kind == "percent":
        return f"{number_text(float(value) * 100, written_in, 1)}%"
    if column.kind == "money":
        if currency is not None:
            return money_text(float(value), currency, written_in)
        return number_text(float(value), written_in, 2)
    if column.kind == "integer":
        return number_text(int(value), written_in, 0)
    if column.kind == "number" and isinstance(value, float):
        return number_text(value, written_in, 2, at_most=True)
    return cell_value_text(value, written_in) or str(value)
