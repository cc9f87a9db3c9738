"""Contacts as an XLSX workbook: one header row of field labels, one row per contact.

openpyxl's write-only mode streams rows to disk, so memory stays flat.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from contactdesk.exporting.export_source import ExportColumns, ExportContact
from contactdesk.services.field_catalog import ENTITIES

# XML 1.0 forbids most control characters; openpyxl refuses a cell holding one.
ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
CELL_LIMIT = 32_767
EXTRA_KINDS = (("email", "Other emails"), ("phone", "Other phones"), ("address", "Other addresses"))


def _cell(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, list):
        value = ", ".join(str(item) for item in value)
    if isinstance(value, str):
        return ILLEGAL_XML.sub("", value)[:CELL_LIMIT]
    return value


def write_xlsx(
    path: Path,
    columns: ExportColumns,
    pages: Iterable[list[ExportContact]],
    on_page: Callable[[int], None],
) -> int:
    """Write every page to a new workbook at ``path``; returns rows written."""
    spec = ENTITIES["contact"]
    names = [name for name in columns.builtin if name != "owner_id"]
    header = [spec.by_name[name].label for name in names]
    header += [custom.label for custom in columns.custom]
    kinds = [(kind, title) for kind, title in EXTRA_KINDS if kind in columns.detail_kinds]
    header += [title for _, title in kinds]
    # Imported here: openpyxl costs ~150 ms at app start and only exports need it.
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Contacts")
    sheet.append(header)
    written = 0
    for page in pages:
        for contact in page:
            record = contact.record
            row = [
                _cell(record.get("account") if name == "account_id" else record.get(name))
                for name in names
            ]
            row += [_cell(record.get(custom.name)) for custom in columns.custom]
            row += [
                _cell("; ".join(v for k, _, v in contact.details if k == kind)) or None
                for kind, _ in kinds
            ]
            sheet.append(row)
        written += len(page)
        on_page(len(page))
    book.save(path)
    return written
