"""How report values read as text: one place for the CLI table, CSV-for-people and the UI."""

from __future__ import annotations

from typing import Any

from contactdesk.reports.report_result import ReportColumn


def cell_text(column: ReportColumn, value: Any) -> str:
    """``value`` of ``column`` as a person reads it (money with separators, rates as %)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if column.kind == "percent":
        return f"{float(value) * 100:.1f}%"
    if column.kind == "money":
        return f"{float(value):,.2f}"
    if column.kind == "integer":
        return f"{int(value):,}"
    if column.kind == "number" and isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".") if value % 1 else f"{value:,.0f}"
    return str(value)
