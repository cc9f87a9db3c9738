"""A window listing the records behind a report row or bar."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contactdesk.reports.report_result import DrillDown


class DrillDownDialog(QDialog):
    """Shows a DrillDown: its title, how many records there are, and the first ones."""

    def __init__(self, drill: DrillDown, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.drill = drill
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
        self.table.setHorizontalHeaderLabels([label for _, label in drill.fields])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for row, record in enumerate(drill.records):
            for column, (name, _) in enumerate(drill.fields):
                value = record.get(name)
                self.table.setItem(
                    row, column, QTableWidgetItem("" if value is None else str(value))
                )
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(900, 480)
