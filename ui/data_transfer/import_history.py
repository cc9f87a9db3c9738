"""Past imports, newest first, and reverting one of them (issue 16 point 5).

The list is read on the database worker when the dialog opens; a revert asks
first, runs on the worker, and then says how many records it removed and
which it kept because someone worked on them since the import.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contactdesk.importing.import_log import (
    ImportSummary,
    RevertResult,
    list_imports,
    revert_import,
    skipped_rows,
)
from contactdesk.importing.parsed_contact import RowError
from contactdesk.model.transfer_logs import IMPORT_REVERTED
from ui.database_worker import TaskControl
from ui.locale_formats import format_date, format_number
from ui.view_context import ViewContext

COLUMNS = 5
NUMBER_ALIGNMENT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ImportHistoryDialog(QDialog):
    """A table of past imports with a Revert button and what the last revert kept."""

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        # A read still on the worker when the dialog closes must not reach its deleted widgets.
        worker, history_key, skipped_key = context.worker, self._history_key, self._skipped_key
        self.destroyed.connect(lambda _object=None: worker.cancel(history_key))
        self.destroyed.connect(lambda _object=None: worker.cancel(skipped_key))
        self.setWindowTitle(self.tr("Import history"))
        self.imports: list[ImportSummary] = []
        # Replaced in tests: the question a revert asks before it deletes anything.
        self.confirm: Callable[[ImportSummary], bool] = self._ask
        self.table = QTableWidget(0, COLUMNS)
        self.table.setAccessibleName(self.tr("Past imports"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("File"),
                self.tr("Imported"),
                self.tr("Skipped"),
                self.tr("Status"),
            ]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.revert_button = QPushButton(self.tr("Revert import…"))
        self.revert_button.setEnabled(False)
        self.revert_button.clicked.connect(self.revert_selected)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.skipped = QListWidget()
        self.skipped.setAccessibleName(self.tr("Rows the selected import skipped"))
        self.skipped.setVisible(False)
        self.kept = QListWidget()
        self.kept.setAccessibleName(self.tr("Records kept by the revert"))
        self.kept.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addWidget(self.revert_button)
        box = QVBoxLayout(self)
        box.addWidget(self.table, 1)
        box.addLayout(row)
        box.addWidget(self.skipped)
        box.addWidget(self.kept)
        box.addWidget(buttons)
        self.resize(760, 480)
        self.reload()

    @Slot()
    def reload(self) -> None:
        """Read the list of imports again (on the worker)."""
        store = self.context.session.store

        def load(control: TaskControl) -> list[ImportSummary]:
            return list_imports(store)

        self.context.worker.submit(load, key=self._history_key, on_success=self._show)

    def _show(self, imports: list[ImportSummary]) -> None:
        self.imports = imports
        self.table.setRowCount(len(imports))
        for row, item in enumerate(imports):
            status = self.tr("reverted") if item.status == IMPORT_REVERTED else self.tr("imported")
            cells = (
                format_date(item.started_at.date()),
                item.file_name,
                format_number(item.imported),
                format_number(item.skipped),
                status,
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column in (2, 3):
                    cell.setTextAlignment(NUMBER_ALIGNMENT)
                self.table.setItem(row, column, cell)
        if not imports:
            self.message.setText(self.tr("No file has been imported into this store yet."))
        self._selection_changed()

    @property
    def _history_key(self) -> str:
        return f"import-history-{id(self)}"

    @property
    def _skipped_key(self) -> str:
        return f"skipped-{id(self)}"

    def selected(self) -> ImportSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.imports[rows[0].row()] if rows else None

    @Slot()
    def _selection_changed(self) -> None:
        chosen = self.selected()
        self.revert_button.setEnabled(chosen is not None and chosen.status != IMPORT_REVERTED)
        self.skipped.clear()
        self.skipped.setVisible(False)
        if chosen is None or not chosen.skipped:
            return
        store, batch_id = self.context.session.store, chosen.batch_id

        def load(control: TaskControl) -> list[RowError]:
            return skipped_rows(store, batch_id)

        self.context.worker.submit(load, key=self._skipped_key, on_success=self._show_skipped)

    def _show_skipped(self, rows: list[RowError]) -> None:
        self.skipped.clear()
        self.skipped.addItems([self.tr("Skipped: %1").replace("%1", row.reason) for row in rows])
        self.skipped.setVisible(bool(rows))

    def _ask(self, chosen: ImportSummary) -> bool:
        text = self.tr(
            "Remove the contacts, accounts and deals that the import of %1 created? Records "
            "worked on since the import (edited, or with activities, deals or leads) are kept."
        ).replace("%1", chosen.file_name)
        answer = QMessageBox.question(self, self.tr("Revert import"), text)
        return answer == QMessageBox.StandardButton.Yes

    @Slot()
    def revert_selected(self) -> None:
        """Revert the selected import after asking; the result names what was kept."""
        chosen = self.selected()
        if chosen is None or chosen.status == IMPORT_REVERTED or not self.confirm(chosen):
            return
        store, actor = self.context.session.store, self.context.session.actor
        batch_id: uuid.UUID = chosen.batch_id
        self.revert_button.setEnabled(False)

        def revert(control: TaskControl) -> RevertResult:
            return revert_import(store, actor, batch_id)

        self.context.worker.submit(revert, on_success=self._reverted, on_failure=self._failed)

    def _reverted(self, result: RevertResult) -> None:
        self.message.setText(
            self.tr(
                "Removed %1 contacts, %2 accounts and %4 deals; kept %3 worked on since the "
                "import."
            )
            .replace("%1", format_number(result.contacts_deleted))
            .replace("%2", format_number(result.accounts_deleted))
            .replace("%3", format_number(result.kept_count))
            .replace("%4", format_number(result.deals_deleted))
        )
        self.kept.clear()
        for kept in result.kept:
            self.kept.addItem(self.tr("%1: %2").replace("%1", kept.name).replace("%2", kept.reason))
        self.kept.setVisible(bool(result.kept))
        self.reload()

    def _failed(self, error: BaseException) -> None:
        self.message.setText(str(error))
        self._selection_changed()
