"""The table model both the paged contact list and search results build on.

Columns come from the field definitions the actor's role may see, so a hidden
field has no column. Rows are records (dicts by field name) as the services
returned them; this model only presents them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from contactdesk.services.field_catalog import FieldSpec
from contactdesk.services.record_queries import Record
from ui.core_text import core_text
from ui.models.field_display import DETAIL_ONLY_TYPES, display_text

RecordIdRole = int(Qt.ItemDataRole.UserRole) + 1
"""data(): the record's id (str)."""
RecordRole = int(Qt.ItemDataRole.UserRole) + 2
"""data(): the whole record dict, for a detail panel."""
FieldNameRole = int(Qt.ItemDataRole.UserRole) + 3
"""headerData() (horizontal): the column's field name; data(): the same for the cell."""

AnyIndex = QModelIndex | QPersistentModelIndex


def list_columns(fields: Sequence[FieldSpec]) -> list[FieldSpec]:
    """The visible fields that make sense as list columns, in definition order."""
    return [field for field in fields if field.type not in DETAIL_ONLY_TYPES]


class RecordTableModel(QAbstractTableModel):
    """Read-only rows of records under columns made from field definitions."""

    def __init__(self, fields: Sequence[FieldSpec], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fields = list(fields)
        self._columns = list_columns(fields)
        self._rows: list[Record] = []

    @property
    def fields(self) -> list[FieldSpec]:
        """Every visible field, list columns or not (the detail panel shows them all)."""
        return list(self._fields)

    def column_of(self, field_name: str) -> int:
        """The column showing ``field_name``, or -1 when it has none."""
        for column, field in enumerate(self._columns):
            if field.name == field_name:
                return column
        return -1

    def record_at(self, row: int) -> Record:
        return self._rows[row]

    # -- Qt overrides ---------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        record = self._rows[index.row()]
        field = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return display_text(field, record)
        if role == RecordIdRole:
            return record["id"]
        if role == RecordRole:
            return record
        if role == FieldNameRole:
            return field.name
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        field = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            # Labels come from the field definitions; built-in ones have translations.
            return core_text(field.label)
        if role == FieldNameRole:
            return field.name
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    # -- for subclasses -------------------------------------------------------

    def _replace(self, fields: Sequence[FieldSpec] | None, rows: list[Record]) -> None:
        """Swap in new rows (and columns): one reset, as the whole content changed."""
        self.beginResetModel()
        if fields is not None:
            self._fields = list(fields)
            self._columns = list_columns(fields)
        self._rows = rows
        self.endResetModel()
