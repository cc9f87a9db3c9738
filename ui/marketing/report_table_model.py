"""A read-only table model over a finished report result (already aggregated, so small)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from contactdesk.reports.cell_text import cell_text
from contactdesk.reports.report_result import ReportResult
from ui.core_text import core_text
from ui.enum_titles import report_cell_title
from ui.locale_formats import number_locale

RowKeyRole = int(Qt.ItemDataRole.UserRole) + 1
"""data(): the drill-down key of the row (a tuple of str)."""
NUMERIC_KINDS = ("integer", "number", "money", "percent")
AnyIndex = QModelIndex | QPersistentModelIndex


class ReportTableModel(QAbstractTableModel):
    """Columns and rows of one report; ``set_result`` replaces them with a reset."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.result: ReportResult | None = None
        self._locale = number_locale().name()

    def set_result(self, result: ReportResult | None) -> None:
        self.beginResetModel()
        self.result = result
        # Cells are written in the user's number locale, read once per result.
        self._locale = number_locale().name()
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        if parent.isValid() or self.result is None:
            return 0
        return len(self.result.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        if parent.isValid() or self.result is None:
            return 0
        return len(self.result.columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.result is None or not index.isValid() or index.row() >= len(self.result.rows):
            return None
        row = self.result.rows[index.row()]
        column = self.result.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = row.get(column.key)
            if isinstance(value, str):
                # A word of the core's ("Amount") or a stored word ("price"), as the user reads it.
                return core_text(report_cell_title(column.key, value))
            return cell_text(column, value, self._locale, self.result.currency)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind in NUMERIC_KINDS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == RowKeyRole:
            return self.result.row_key(row)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or self.result is None:
            return None
        if orientation == Qt.Orientation.Horizontal and section < len(self.result.columns):
            return core_text(self.result.columns[section].label)
        return section + 1 if orientation == Qt.Orientation.Vertical else None
