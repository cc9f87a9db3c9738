"""Writing a report result to CSV, XLSX or JSON-ready data; PDF is the desktop app's job.

Files carry raw values (numbers stay numbers, rates stay fractions in CSV
and are formatted as percentages in XLSX), so they can be re-analysed.
``progress(done, total)`` is called every ``PROGRESS_EVERY`` rows.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import Any

from contactdesk.errors import ContactDeskError
from contactdesk.reports.report_result import ReportResult
from contactdesk.services.field_values import json_safe

Progress = Callable[[int, int], None]
PROGRESS_EVERY = 500
EXPORT_FORMATS = ("csv", "xlsx")
XLSX_FORMATS = {"money": "#,##0.00", "percent": "0.0%", "integer": "#,##0", "number": "#,##0.##"}


def report_as_data(result: ReportResult) -> dict[str, Any]:
    """The result as JSON-safe data: what the CLI prints for ``--format json``."""
    return {
        "report": result.name,
        "title": result.title,
        "from": result.date_from.isoformat(),
        "to": result.date_to.isoformat(),
        "segment": result.segment_name,
        "columns": [{"key": c.key, "label": c.label, "kind": c.kind} for c in result.columns],
        "rows": [{k: json_safe(v) for k, v in row.items()} for row in result.rows],
        "notes": list(result.table.notes),
        "funnel_contract": [
            {"version": version, "agreed_on": agreed.isoformat()}
            for version, agreed in result.contract_versions
        ],
    }


def export_report(
    result: ReportResult, path: Path, file_format: str, progress: Progress | None = None
) -> int:
    """Write ``result`` to ``path`` as ``csv`` or ``xlsx``; returns the rows written."""
    if file_format == "csv":
        return write_csv(result, path, progress)
    if file_format == "xlsx":
        return write_xlsx(result, path, progress)
    raise ContactDeskError(f"reports export as {' or '.join(EXPORT_FORMATS)}, not {file_format!r}")


def _report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and (done % PROGRESS_EVERY == 0 or done == total):
        progress(done, total)


def write_csv(result: ReportResult, path: Path, progress: Progress | None = None) -> int:
    """CSV with a header of column labels; utf-8 with BOM so spreadsheets read it right."""
    total = len(result.rows)
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow([column.label for column in result.columns])
        for done, row in enumerate(result.rows, start=1):
            writer.writerow(["" if row.get(c.key) is None else row[c.key] for c in result.columns])
            _report(progress, done, total)
    if total == 0:
        _report(progress, 0, 0)
    return total


def write_xlsx(result: ReportResult, path: Path, progress: Progress | None = None) -> int:
    """One sheet: a title line, the header, typed and formatted cells."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = result.name[:31]
    sheet.append([f"{result.title}: {result.date_from} to {result.date_to}"])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([column.label for column in result.columns])
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    total = len(result.rows)
    for done, row in enumerate(result.rows, start=1):
        sheet.append([json_safe(row.get(column.key)) for column in result.columns])
        for index, column in enumerate(result.columns, start=1):
            number_format = XLSX_FORMATS.get(column.kind)
            if number_format:
                sheet.cell(row=done + 2, column=index).number_format = number_format
        _report(progress, done, total)
    for index, column in enumerate(result.columns, start=1):
        sheet.column_dimensions[sheet.cell(row=2, column=index).column_letter].width = max(
            12, min(50, len(column.label) + 4)
        )
    book.save(path)
    return total
