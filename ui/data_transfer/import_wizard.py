"""The import wizard: choose a file, check the column mapping, run with progress, review.

Long work (preview, import, revert) runs on the shell's database worker; this
widget only shows results. A recognised layout (Google, Outlook...) is mapped on
its own; the user can override any column, including onto a custom field.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from contactdesk.importing import ColumnMapping, ColumnTarget, CsvPreview, preview_csv
from contactdesk.importing.column_mapping import TEXT_FIELDS
from contactdesk.importing.import_log import revert_import
from contactdesk.importing.store_import import ImportResult, detect_format, import_contacts
from contactdesk.services.field_catalog import ENTITIES
from contactdesk.services.record_queries import visible_fields
from ui.database_worker import TaskControl, TaskHandle
from ui.view_context import ViewContext

AS_RECOGNISED = ""
CONTACT_FIELDS = frozenset(ENTITIES["contact"].by_name)
BASIC_SPECS = (
    "ignore",
    *sorted(TEXT_FIELDS),
    "email",
    "email:work",
    "email:home",
    "phone",
    "phone:work",
    "phone:mobile",
    "url",
    "address:work:street",
    "address:work:city",
    "address:work:postcode",
    "address:work:country",
    "birthday",
    "categories",
)


class FilePage(QWizardPage):
    """Step 1: which file."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Choose a file"))
        self.setSubTitle(self.tr("A CSV export (Google, Outlook, Thunderbird...) or a vCard file."))
        self.path_edit = QLineEdit()
        self.path_edit.setAccessibleName(self.tr("File to import"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout(self)
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.registerField("path*", self.path_edit)

    @Slot()
    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import contacts"), "", self.tr("Address books (*.csv *.vcf *.txt)")
        )
        if chosen:
            self.path_edit.setText(chosen)


class MappingPage(QWizardPage):
    """Step 2: which column holds what (CSV only); recognised layouts come pre-mapped."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Map the columns"))
        self.layout_label = QLabel()
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("First value"), self.tr("Goes to")]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        box = QVBoxLayout(self)
        box.addWidget(self.layout_label)
        box.addWidget(self.table)
        self.preview: CsvPreview | None = None

    def initializePage(self) -> None:
        path = Path(str(self.field("path")))
        self.preview = None
        self.table.setRowCount(0)
        if detect_format(path) != "csv":
            self.layout_label.setText(self.tr("A vCard file: every card is read as it is."))
            return
        self.preview = preview_csv(path)
        self.show_preview(self.preview)

    def show_preview(self, preview: CsvPreview) -> None:
        """Fill the table from a preview: one row per column, with a target chooser."""
        if preview.layout:
            self.layout_label.setText(
                self.tr("Recognised layout: %1. Change any column below.").replace(
                    "%1", preview.layout
                )
            )
        else:
            self.layout_label.setText(self.tr("No known layout: choose what each column holds."))
        header = preview.first_rows[0] if preview.first_rows else ()
        sample = preview.first_rows[1] if len(preview.first_rows) > 1 else header
        self.table.setRowCount(len(header))
        specs = [*BASIC_SPECS, *self._wizard.custom_specs()]
        for row, name in enumerate(header):
            self.table.setItem(row, 0, QTableWidgetItem(name))
            value = sample[row] if row < len(sample) else ""
            self.table.setItem(row, 1, QTableWidgetItem(value))
            chooser = QComboBox()
            if preview.mapping is not None:
                target = preview.mapping.targets.get(row)
                shown = _describe(target) if target else self.tr("kept in notes")
                chooser.addItem(self.tr("as recognised (%1)").replace("%1", shown), AS_RECOGNISED)
            for spec in specs:
                chooser.addItem(spec, spec)
            self.table.setCellWidget(row, 2, chooser)

    def chooser(self, row: int) -> QComboBox:
        widget = self.table.cellWidget(row, 2)
        assert isinstance(widget, QComboBox)
        return widget

    def mapping(self) -> ColumnMapping | None:
        """The mapping the user settled on (None: let the reader recognise the header)."""
        if self.preview is None:
            return None
        overrides = {
            row: str(self.chooser(row).currentData())
            for row in range(self.table.rowCount())
            if self.chooser(row).currentData() != AS_RECOGNISED
        }
        base = self.preview.mapping
        if base is None:
            return ColumnMapping.from_specs(overrides, has_header=True)
        if not overrides:
            return base
        targets = dict(base.targets)
        targets.update({row: ColumnTarget.parse(spec) for row, spec in overrides.items()})
        return dataclasses.replace(base, targets=targets)


def _describe(target: ColumnTarget) -> str:
    parts = [str(target.kind), target.name, target.label]
    return ":".join(part for part in parts if part)


class RunPage(QWizardPage):
    """Step 3: the import runs on the database worker; progress and Cancel."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Importing"))
        self.progress = QProgressBar()
        self.status = QLabel()
        self.cancel_button = QPushButton(self.tr("Cancel import"))
        self.cancel_button.clicked.connect(wizard.cancel_import)
        box = QVBoxLayout(self)
        box.addWidget(self.progress)
        box.addWidget(self.status)
        box.addWidget(self.cancel_button)

    def initializePage(self) -> None:
        self._wizard.start_import()

    def isComplete(self) -> bool:
        return self._wizard.import_result is not None


class ResultPage(QWizardPage):
    """Step 4: what was imported, each skipped row with its line and reason, and Revert.

    Rows imported with a value kept as unverified text are listed after the
    skipped ones, so the user can fix those values in the contact.
    """

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Import finished"))
        self.summary = QLabel()
        self.skipped = QListWidget()
        self.skipped.setAccessibleName(self.tr("Skipped rows and values kept as text"))
        self.revert_button = QPushButton(self.tr("Revert this import"))
        self.revert_button.clicked.connect(wizard.revert)
        box = QVBoxLayout(self)
        box.addWidget(self.summary)
        box.addWidget(self.skipped, 1)
        box.addWidget(self.revert_button)

    def initializePage(self) -> None:
        result = self._wizard.import_result
        if result is None:
            return
        self.summary.setText(
            self.tr("Imported %1, skipped %2, possible duplicates %3, values kept as text %4.")
            .replace("%1", str(result.imported))
            .replace("%2", str(result.skipped_count))
            .replace("%3", str(result.duplicate_count))
            .replace("%4", str(result.warning_count))
        )
        self.skipped.clear()
        for row in result.skipped:
            self.skipped.addItem(
                self.tr("Line %1: %2").replace("%1", str(row.location)).replace("%2", row.reason)
            )
        for warning in result.warnings:
            self.skipped.addItem(
                self.tr("Line %1 imported; %2")
                .replace("%1", str(warning.location))
                .replace("%2", warning.message)
            )
        for duplicate in result.duplicates:
            self.skipped.addItem(
                self.tr("Line %1 looks like %2 (%3)")
                .replace("%1", str(duplicate.location))
                .replace("%2", duplicate.existing_name)
                .replace("%3", duplicate.reason)
            )


class ImportWizard(QWizard):
    """Choose → map → run (progress, cancel) → review skipped rows, revert."""

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Import contacts"))
        self.import_result: ImportResult | None = None
        self.error: str | None = None
        self._handle: TaskHandle | None = None
        self.file_page = FilePage()
        self.mapping_page = MappingPage(self)
        self.run_page = RunPage(self)
        self.result_page = ResultPage(self)
        for page in (self.file_page, self.mapping_page, self.run_page, self.result_page):
            self.addPage(page)
        self.resize(820, 560)

    def custom_specs(self) -> list[str]:
        """``custom:<name>`` for each custom contact field the user may see."""
        session = self.context.session
        fields = visible_fields(session.store, session.actor, "contact")
        return [f"custom:{f.name}" for f in fields if f.name not in CONTACT_FIELDS]

    def start_import(self) -> None:
        """Run the import on the database worker with the chosen mapping."""
        self.import_result, self.error = None, None
        store, actor = self.context.session.store, self.context.session.actor
        path = Path(str(self.field("path")))
        mapping = self.mapping_page.mapping()

        def task(control: TaskControl) -> ImportResult:
            return import_contacts(
                store,
                actor,
                path,
                mapping=mapping,
                progress=control.report_progress,
                cancelled=lambda: control.cancelled,
            )

        self.run_page.status.setText(self.tr("Reading %1…").replace("%1", path.name))
        self.run_page.cancel_button.setEnabled(True)
        self._handle = self.context.worker.submit(
            task,
            on_success=self._finished,
            on_failure=self._failed,
            on_progress=self._progressed,
        )

    @Slot()
    def cancel_import(self) -> None:
        """Stop the import: the worker rolls it back, nothing is stored."""
        if self._handle is not None and not self._handle.done:
            self._handle.cancel()
            self.run_page.status.setText(self.tr("Cancelled: nothing was imported."))
            self.run_page.cancel_button.setEnabled(False)

    def _progressed(self, done: int, total: int) -> None:
        self.run_page.progress.setRange(0, max(total, 1))
        self.run_page.progress.setValue(done)

    def _finished(self, result: Any) -> None:
        self.import_result = result
        self.run_page.cancel_button.setEnabled(False)
        self.run_page.progress.setValue(self.run_page.progress.maximum())
        self.run_page.status.setText(self.tr("Done."))
        self.run_page.completeChanged.emit()

    def _failed(self, error: BaseException) -> None:
        self.error = str(error)
        self.run_page.cancel_button.setEnabled(False)
        self.run_page.status.setText(self.tr("Nothing was imported: %1").replace("%1", str(error)))

    @Slot()
    def revert(self) -> None:
        """Remove everything this import created (on the worker)."""
        if self.import_result is None:
            return
        store, actor = self.context.session.store, self.context.session.actor
        batch_id = self.import_result.batch_id
        self.result_page.revert_button.setEnabled(False)

        def task(control: TaskControl) -> object:
            return revert_import(store, actor, batch_id)

        self.context.worker.submit(
            task,
            on_success=lambda _: self.result_page.summary.setText(
                self.tr("The import was reverted.")
            ),
            on_failure=lambda error: self.result_page.summary.setText(str(error)),
        )
