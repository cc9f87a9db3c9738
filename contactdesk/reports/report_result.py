"""What a report returns: typed columns, rows, a chart, and drill-down to the records."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

# Key values are display strings; ANY in a key position means "every value".
RowKey = tuple[str, ...]
ANY = "*"
UNSET = "(not set)"
COLUMN_KINDS = ("text", "integer", "number", "money", "percent", "date")
CHART_KINDS = ("bar", "stacked_bar", "line")


@dataclass(frozen=True)
class ReportColumn:
    """A column: its key in each row, its header, and how its values read (``COLUMN_KINDS``)."""

    key: str
    label: str
    kind: str = "text"


@dataclass(frozen=True)
class ChartSeries:
    name: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class ChartSpec:
    """A chart over ``categories``; ``drill_keys[i]`` is the row key behind category ``i``."""

    kind: str
    title: str
    categories: tuple[str, ...]
    series: tuple[ChartSeries, ...]
    value_label: str
    drill_keys: tuple[RowKey, ...] = ()


@dataclass(frozen=True)
class ReportTable:
    """What a report family builds: columns, rows (dicts by column key), key columns, chart."""

    columns: tuple[ReportColumn, ...]
    rows: list[dict[str, Any]]
    key_columns: tuple[str, ...]
    chart: ChartSpec
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class DrillDown:
    """The records behind one row or bar, with only the fields the role may see."""

    entity: str
    title: str
    fields: tuple[tuple[str, str], ...]  # (name, label), in display order
    records: list[dict[str, Any]]
    total: int


@dataclass(frozen=True)
class ReportResult:
    """A finished report. ``drill_down`` runs a query: call it on the database worker."""

    name: str
    title: str
    date_from: date
    date_to: date
    segment_name: str | None
    table: ReportTable
    drill: Callable[[RowKey], DrillDown] = field(repr=False, compare=False)
    # (version, agreed on) of each funnel contract in force during the period.
    contract_versions: tuple[tuple[int, date], ...] = ()
    # The currency of every amount (the company's, when no deal is in another); None when
    # deals in several currencies are summed as they are (money is then shown without one).
    currency: str | None = None

    @property
    def contract_note(self) -> str:
        """Which agreed funnel terms the figures were measured under, in words."""
        if not self.contract_versions:
            return "Measured under the live funnel terms: no funnel contract agreed yet."
        versions = " and ".join(
            f"version {version} (agreed {agreed.isoformat()})"
            for version, agreed in self.contract_versions
        )
        return f"Measured under funnel contract {versions}."

    @property
    def columns(self) -> tuple[ReportColumn, ...]:
        return self.table.columns

    @property
    def rows(self) -> list[dict[str, Any]]:
        return self.table.rows

    @property
    def chart(self) -> ChartSpec:
        return self.table.chart

    def row_key(self, row: dict[str, Any]) -> RowKey:
        """The drill-down key of a row: its key columns as text."""
        return tuple(UNSET if row[k] is None else str(row[k]) for k in self.table.key_columns)

    def drill_down(self, key: RowKey) -> DrillDown:
        """The records behind the row (or bar) with this key."""
        return self.drill(key)
