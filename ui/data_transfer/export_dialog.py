"""The export dialog: format, all contacts or a saved segment, target file, progress, Cancel.

The export runs on the shell's database worker through
:func:`contactdesk.exporting.export_contacts`, which reads as the signed-in
role sees the store (a hidden field never reaches the file) and writes to a
temporary file renamed at the end, so Cancel leaves no file behind.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

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
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contactdesk.exporting import ExportResult, export_contacts
from contactdesk.segments.saved_segments import list_segments
from ui.database_worker import TaskControl, TaskHandle
from ui.view_context import ViewContext

ALL_CONTACTS = ""
SUFFIXES = {"csv": ".csv", "vcard": ".vcf", "xlsx": ".xlsx"}


class ExportDialog(QDialog):
    """Choose what and where, then export on the worker with progress and Cancel."""

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.export_result: ExportResult | None = None
        self.error: str | None = None
        self._handle: TaskHandle | None = None
        self.setWindowTitle(self.tr("Export contacts"))
        self.format_box = QComboBox()
        self.format_box.addItem(self.tr("CSV (Google Contacts columns)"), "csv")
        self.format_box.addItem(self.tr("vCard 4.0"), "vcard")
        self.format_box.addItem(self.tr("Excel workbook (XLSX)"), "xlsx")
        self.format_box.currentIndexChanged.connect(self._format_changed)
        self.segment_box = QComboBox()
        self.segment_box.addItem(self.tr("All contacts I can see"), ALL_CONTACTS)
        self.path_edit = QLineEdit()
        self.path_edit.setAccessibleName(self.tr("File to write"))
        self.path_edit.textChanged.connect(self._update_buttons)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        target = QHBoxLayout()
        target.addWidget(self.path_edit, 1)
        target.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.format_box)
        form.addRow(self.tr("Contacts:"), self.segment_box)
        form.addRow(self.tr("Save as:"), target)
        self.note = QLabel(self.tr("Fields your role may not see are never exported."))
        self.note.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setValue(0)
        self.status = QLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(
            self.tr("Cancel export"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button.clicked.connect(self.cancel_export)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.note)
        box.addWidget(self.progress)
        box.addWidget(self.status)
        box.addWidget(self.buttons)
        self._update_buttons()
        self.load_segments()

    def load_segments(self) -> None:
        """Fill the segment chooser from the saved segments (read on the worker)."""
        store = self.context.session.store

        def task(control: TaskControl) -> list[str]:
            return [segment.name for segment in list_segments(store)]

        self.context.worker.submit(task, on_success=self._show_segments)

    def _show_segments(self, names: Any) -> None:
        for name in names:
            self.segment_box.addItem(self.tr("Segment: %1").replace("%1", name), name)

    @property
    def running(self) -> bool:
        return self._handle is not None and not self._handle.done

    @Slot()
    def _update_buttons(self) -> None:
        self.export_button.setEnabled(bool(self.path_edit.text().strip()) and not self.running)
        self.cancel_button.setEnabled(self.running)

    @Slot()
    def _format_changed(self) -> None:
        # Keep the file name's suffix in step with the chosen format.
        text = self.path_edit.text().strip()
        if text:
            self.path_edit.setText(str(Path(text).with_suffix(SUFFIXES[self.file_format()])))

    def file_format(self) -> str:
        return str(self.format_box.currentData())

    def segment(self) -> str | None:
        chosen = str(self.segment_box.currentData())
        return chosen or None

    @Slot()
    def _browse(self) -> None:
        suffix = SUFFIXES[self.file_format()]
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export contacts"), f"contacts{suffix}", f"*{suffix}"
        )
        if chosen:
            self.path_edit.setText(chosen)

    @Slot()
    def start_export(self) -> None:
        """Run the export on the database worker; progress and the outcome come back here."""
        if self.running:
            return
        self.export_result, self.error = None, None
        store, actor = self.context.session.store, self.context.session.actor
        out = Path(self.path_edit.text().strip())
        file_format, segment = self.file_format(), self.segment()

        def task(control: TaskControl) -> ExportResult:
            return export_contacts(
                store,
                actor,
                out,
                file_format,
                segment=segment,
                progress=control.report_progress,
                cancelled=lambda: control.cancelled,
            )

        self.progress.setRange(0, 0)
        self.status.setText(self.tr("Exporting to %1…").replace("%1", out.name))
        self._handle = self.context.worker.submit(
            task,
            on_success=self._finished,
            on_failure=self._failed,
            on_progress=self._progressed,
        )
        self._update_buttons()

    @Slot()
    def cancel_export(self) -> None:
        """Stop the export; the partial file is removed by the exporter."""
        if self._handle is not None and not self._handle.done:
            self._handle.cancel()
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
            self.status.setText(self.tr("Cancelled: no file was written."))
        self._update_buttons()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _finished(self, result: Any) -> None:
        self.export_result = result
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.status.setText(
            self.tr("Exported %1 contact(s) to %2.")
            .replace("%1", str(result.exported))
            .replace("%2", str(result.path))
        )
        self._update_buttons()

    def _failed(self, error: BaseException) -> None:
        self.error = str(error)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status.setText(self.tr("Nothing was exported: %1").replace("%1", str(error)))
        self._update_buttons()

    def reject(self) -> None:
        # Closing while an export runs cancels it rather than leaving it writing.
        self.cancel_export()
        super().reject()
