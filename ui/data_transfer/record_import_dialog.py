"""File › Import Accounts or Deals…: a CSV of accounts or deals, imported on the worker.

Columns are matched to fields by their names, as the form labels them; the
summary lists what was imported, updated and skipped (with line and reason).
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contactdesk.importing.record_import import RecordImportResult, import_records
from ui.database_worker import TaskControl
from ui.locale_formats import format_number
from ui.view_context import ViewContext


class RecordImportDialog(QDialog):
    """Choose a CSV file and whether it holds accounts or deals; import; read the summary."""

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Import accounts or deals"))
        self.import_result: RecordImportResult | None = None
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Accounts"), "account")
        self.kind.addItem(self.tr("Deals"), "opportunity")
        self.path_edit = QLineEdit()
        self.path_edit.setAccessibleName(self.tr("CSV file to import"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("The file holds"), self.kind)
        form.addRow(self.tr("File"), file_row)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.skipped = QListWidget()
        self.skipped.setAccessibleName(self.tr("Skipped rows"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.import_button.clicked.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.summary)
        box.addWidget(self.skipped, 1)
        box.addWidget(self.buttons)
        self.resize(640, 420)

    @Slot()
    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.windowTitle(), "", self.tr("CSV files (*.csv *.txt)")
        )
        if chosen:
            self.path_edit.setText(chosen)

    @Slot()
    def start_import(self) -> None:
        """Import the chosen file on the database worker."""
        store, actor = self.context.session.store, self.context.session.actor
        path, entity = self.path_edit.text().strip(), str(self.kind.currentData())
        self.import_result = None
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("Importing…"))

        def task(control: TaskControl) -> RecordImportResult:
            return import_records(store, actor, path, entity)

        self.context.worker.submit(task, on_success=self._show, on_failure=self._failed)

    def _show(self, result: RecordImportResult) -> None:
        self.import_result = result
        self.import_button.setEnabled(True)
        self.summary.setText(
            self.tr("Read as %1. Imported %2, updated %3 existing, skipped %4.")
            .replace("%1", result.encoding)
            .replace("%2", format_number(result.imported))
            .replace("%3", format_number(result.updated))
            .replace("%4", format_number(len(result.skipped)))
        )
        self.skipped.clear()
        self.skipped.addItems([row.reason for row in result.skipped])
        self.skipped.addItems(
            [self.tr("Column %1 names no field").replace("%1", c) for c in result.unmapped]
        )

    def _failed(self, error: BaseException) -> None:
        self.import_button.setEnabled(True)
        self.summary.setText(self.tr("Nothing was imported: %1").replace("%1", str(error)))
