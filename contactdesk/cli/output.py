"""Printing results: JSON for scripts, aligned plain tables for people.

Tables write days, moments, numbers and money in the reader's locale
(``contactdesk.locale_text``); JSON keeps ISO 8601 and plain numbers.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from typing import Any

from babel import Locale

from contactdesk.locale_text import cell_value_text, money_text, output_locale
from contactdesk.services.field_values import json_safe


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, default=json_safe, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _cell(value: Any, locale: Locale) -> str:
    if value is None:
        return ""
    written = cell_value_text(value, locale)
    if written is not None:
        return written
    safe = json_safe(value)
    if isinstance(safe, list):
        return ", ".join(str(item) for item in safe)
    return str(safe).replace("\n", " ")


def print_table(
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[str],
    *,
    money: Mapping[str, str] | None = None,
) -> None:
    """An aligned table with a header; long cells are cut to keep lines readable.

    ``money`` names the columns holding amounts, each with the row key of its
    currency code (or a code itself when no row has that key).
    """
    locale = output_locale()
    money = money or {}

    def cell(row: Mapping[str, Any], column: str) -> str:
        value = row.get(column)
        if column in money and isinstance(value, int | float) and not isinstance(value, bool):
            currency = row.get(money[column]) or money[column]
            return money_text(value, str(currency), locale)
        return _cell(value, locale)

    cells = [[cell(row, column)[:60] for column in columns] for row in rows]
    widths = [
        max([len(column)] + [len(line[i]) for line in cells]) for i, column in enumerate(columns)
    ]
    print("  ".join(column.ljust(width) for column, width in zip(columns, widths, strict=True)))
    for line in cells:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        )
