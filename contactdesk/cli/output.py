"""Printing results: JSON for scripts, aligned plain tables for people."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from typing import Any

from contactdesk.services.field_values import json_safe


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, default=json_safe, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    safe = json_safe(value)
    if isinstance(safe, list):
        return ", ".join(str(item) for item in safe)
    return str(safe).replace("\n", " ")


def print_table(rows: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> None:
    """An aligned table with a header; long cells are cut to keep lines readable."""
    cells = [[_cell(row.get(column))[:60] for column in columns] for row in rows]
    widths = [
        max([len(column)] + [len(line[i]) for line in cells]) for i, column in enumerate(columns)
    ]
    print("  ".join(column.ljust(width) for column, width in zip(columns, widths, strict=True)))
    for line in cells:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        )
