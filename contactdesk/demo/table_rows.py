"""Rows bound for one table: the unit generators hand to the bulk loader."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass
class TableRows:
    table: str
    columns: Sequence[str]
    rows: Iterable[Sequence[Any]]
    # How many rows to expect, for progress messages of lazily generated tables.
    expected: int | None = None
