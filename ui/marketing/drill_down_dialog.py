"""A window listing the records behind a report row or bar; a record opens from it.

It belongs to the result it was drilled from: the report page closes it when another
report or result is shown. Escape (or Close) closes it; Enter, a double click or
"Open" opens the selected record's form.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contactdesk.reports.report_result import DrillDown
from contactdesk.services.field_catalog import ENTITIES
from ui.core_text import core_text
from ui.models.field_display import format_value

# (entity, record id) -> open that record's form.
OpenRecord = Callable[[str, str], None]


class DrillDownDialog(QDialog):
    """Shows a DrillDown: its title, how many records there are, and the first ones."""

    def __init__(
        self,
        drill: DrillDown,
        parent: QWidget | None = None,
        *,
        open_record: OpenRecord | None = None,
    ) -> None:
        super().__init__(parent)
        self.drill = drill
        self._open_record = open_record
        self.setWindowTitle(drill.title)
        shown = len(drill.records)
        summary = (
            self.tr("{total} records").format(total=drill.total)
            if shown == drill.total
            else self.tr("{shown} of {total} records").format(shown=shown, total=drill.total)
        )
        self.summary = QLabel(summary)
        self.table = QTableWidget(shown, len(drill.fields))
        self.table.setAccessibleName(self.tr("Records behind the row"))
        self.table.setHorizontalHeaderLabels([core_text(label) for _, label in drill.fields])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        spec = ENTITIES.get(drill.entity)
        types = {field.name: field.type for field in spec.fields} if spec is not None else {}
        for row, record in enumerate(drill.records):
            for column, (name, _) in enumerate(drill.fields):
                # In the user's locale and words: "Inbound", not ``inbound``; dates as dates.
                text = format_value(types.get(name, "text"), record.get(name))
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.open_button = QPushButton(self.tr("&Open record"))
        self.open_button.setEnabled(open_record is not None and shown > 0)
        self.open_button.clicked.connect(lambda: self.open_row(self.table.currentRow()))
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(900, 480)

    def open_row(self, row: int) -> None:
        """Open the form of the record in ``row`` (nothing when there is none)."""
        if self._open_record is None or not 0 <= row < len(self.drill.records):
            return
        record_id = self.drill.records[row].get("id")
        if record_id is not None:
            self._open_record(self.drill.entity, str(record_id))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter opens the selected record (a dialog would otherwise "accept" and close).
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.table.hasFocus():
            self.open_row(self.table.currentRow())
            return
        super().keyPressEvent(event)
