"""The contact list with search as you type: the first page every role sees.

Empty search box: the full list, paged lazily by ContactTableModel. Text in the
box: after a short pause, ``search_records`` runs on the database worker and
only the latest query's results are shown (earlier ones are superseded).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from contactdesk.services.changes import ChangeSet
from contactdesk.services.search import search_records
from ui.database_worker import DatabaseWorker, TaskControl
from ui.forms.record_form_dialog import RecordFormDialog
from ui.models.contact_table_model import ContactTableModel
from ui.models.record_table_model import RecordRole, RecordTableModel
from ui.models.search_result_model import SearchResultModel
from ui.view_context import ViewContext

SEARCH_DELAY_MS = 150
SEARCH_LIMIT = 200
SEARCH_TASK_KEY = "contact-list-search"
# Column widths by field type: presentation only, the user can drag them.
COLUMN_WIDTHS = {"email": 240, "phone": 150, "date": 110, "datetime": 150, "reference": 190}
NAME_COLUMN_WIDTH = 210
DEFAULT_COLUMN_WIDTH = 140


class ContactListView(QWidget):
    """Search box over a table of contacts; Enter or double-click opens the record's form."""

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = context.session
        self._worker: DatabaseWorker = context.worker
        self.contact_model = ContactTableModel(context.session, self)
        self.search_model = SearchResultModel(self.contact_model.fields, self)
        self.detail_dialog: RecordFormDialog | None = None

        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(self.tr("Search by name, company, email or phone"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName(self.tr("Search contacts"))
        self.summary = QLabel()
        self.summary.setAccessibleName(self.tr("Search summary"))
        self.summary.hide()
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Contacts"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        # Compact rows: a list people scan, not a form.
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.activated.connect(self._open_detail)

        layout = QVBoxLayout(self)
        layout.addWidget(self.search_box)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._start_search)
        self.search_box.textChanged.connect(self._on_text_changed)
        self.search_box.returnPressed.connect(self._focus_first_row)
        context.relay.changed.connect(self.contact_model.on_store_changed)
        context.relay.changed.connect(self._on_store_changed)
        self.contact_model.load_failed.connect(self._set_summary)
        self._show_model(self.contact_model)

    # -- public -------------------------------------------------------------

    def focus_search(self) -> None:
        """Put the cursor in the search box (the window's Find action)."""
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    @property
    def shown_model(self) -> RecordTableModel:
        model = self.table.model()
        assert isinstance(model, RecordTableModel)
        return model

    # -- searching ------------------------------------------------------------

    @Slot(str)
    def _on_text_changed(self, text: str) -> None:
        if text.strip():
            self._search_timer.start()
            return
        # Back to the full list at once; a search still running must not land later.
        self._search_timer.stop()
        self._worker.cancel(SEARCH_TASK_KEY)
        self._set_summary("")
        self._show_model(self.contact_model)

    @Slot()
    def _start_search(self) -> None:
        query = self.search_box.text().strip()
        if not query:
            return
        store, actor = self._session.store, self._session.actor

        def search(control: TaskControl) -> list[dict[str, Any]]:
            hits = search_records(store, actor, query, limit=SEARCH_LIMIT, entity="contact")
            return [hit.record for hit in hits]

        self._worker.submit(
            search,
            key=SEARCH_TASK_KEY,
            on_success=lambda records: self._show_results(query, records),
            on_failure=lambda error: self._set_summary(str(error)),
        )

    def _show_results(self, query: str, records: list[dict[str, Any]]) -> None:
        self.search_model.show_results(query, records, self.contact_model.fields)
        if not records:
            text = self.tr("No contacts match “%1”.").replace("%1", query)
        elif len(records) >= SEARCH_LIMIT:
            text = self.tr("Showing the first %n matches for “%1”.", "", len(records))
            text = text.replace("%1", query)
        else:
            text = self.tr("%n contact(s) match “%1”.", "", len(records)).replace("%1", query)
        self._set_summary(text)
        self._show_model(self.search_model)

    @Slot(str)
    def _set_summary(self, text: str) -> None:
        self.summary.setText(text)
        self.summary.setVisible(bool(text))

    @Slot(object)
    def _on_store_changed(self, changes: ChangeSet) -> None:
        if "contact" in changes.entities() and self.search_box.text().strip():
            self._search_timer.start()

    # -- table ----------------------------------------------------------------

    def _show_model(self, model: RecordTableModel) -> None:
        if self.table.model() is not model:
            self.table.setModel(model)
            self._size_columns(model)

    def _size_columns(self, model: RecordTableModel) -> None:
        header = self.table.horizontalHeader()
        for column, field in enumerate(f for f in model.fields if model.column_of(f.name) >= 0):
            width = COLUMN_WIDTHS.get(field.type, DEFAULT_COLUMN_WIDTH)
            if field.name == "display_name":
                width = NAME_COLUMN_WIDTH
            header.resizeSection(column, width)
        header.setStretchLastSection(True)

    @Slot()
    def _focus_first_row(self) -> None:
        if self.shown_model.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)

    @Slot(QModelIndex)
    def _open_detail(self, index: QModelIndex) -> None:
        record = index.data(RecordRole)
        if not isinstance(record, dict):
            return
        self.detail_dialog = RecordFormDialog(
            self._session, self._worker, "contact", record["id"], parent=self
        )
        self.detail_dialog.open()
