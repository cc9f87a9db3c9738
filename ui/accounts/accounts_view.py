"""The Accounts page: find an account as you type, see its card, create one.

Empty search box: every account the role may see, paged lazily (the generic
record table model over ``page_records``). Text in the box: after a short pause
``search_records`` runs on the database worker and only the latest query's
results show. Choosing a row opens the account's card beside the list; New
account opens the generic record form.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from contactdesk.services.changes import ChangeSet
from contactdesk.services.record_actions import RecordActions, record_actions
from contactdesk.services.search import search_records
from ui.accounts.account_card_widget import AccountCardWidget
from ui.database_worker import TaskControl
from ui.forms.record_form_dialog import RecordFormDialog
from ui.models.contact_table_model import ContactTableModel
from ui.models.record_table_model import RecordRole, RecordTableModel
from ui.models.search_result_model import SearchResultModel
from ui.view_context import ViewContext

ENTITY = "account"
SEARCH_DELAY_MS = 150
SEARCH_LIMIT = 200
SEARCH_TASK_KEY = "accounts-search"
# Columns the list shows; the card shows the rest.
LIST_FIELDS = ("name", "industry", "territory", "owner_id")


class AccountsView(QWidget):
    """Search box and account list on the left, the chosen account's card on the right."""

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.dialog: RecordFormDialog | None = None
        self.account_model = ContactTableModel(context.session, self, entity=ENTITY)
        self.search_model = SearchResultModel(self.account_model.fields, self)

        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(self.tr("Find an account: name, web domain, phone"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName(self.tr("Find an account"))
        self.new_button = QPushButton(self.tr("&New account…"))
        self.new_button.clicked.connect(self.new_record)
        self.new_button.hide()
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Accounts"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.card = AccountCardWidget(context)
        self.card.deleted.connect(self._after_delete)

        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(self.new_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.card)
        splitter.setSizes([360, 920])
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.search_box.textChanged.connect(self._on_text_changed)
        self.table.activated.connect(self._open_index)
        context.relay.changed.connect(self.account_model.on_store_changed)
        context.relay.changed.connect(self._on_store_changed)
        self._show_model(self.account_model)
        self._read_actions()

    # -- public -------------------------------------------------------------

    def focus_search(self) -> None:
        """The window's Find shortcut lands here."""
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    @Slot()
    def new_record(self) -> RecordFormDialog:
        """The window's New action on this page: a new account in the generic form."""
        self.dialog = RecordFormDialog(
            self._context.session, self._context.worker, ENTITY, None, parent=self
        )
        self.dialog.form.saved.connect(self._open_saved)
        self.dialog.open()
        return self.dialog

    def open_account(self, account_id: str) -> None:
        self.card.load(account_id)

    @property
    def shown_model(self) -> RecordTableModel:
        model = self.table.model()
        assert isinstance(model, RecordTableModel)
        return model

    # -- reading ------------------------------------------------------------

    def _read_actions(self) -> None:
        store, actor = self._context.session.store, self._context.session.actor

        def read(control: TaskControl) -> RecordActions:
            return record_actions(store, actor, ENTITY)

        self._context.worker.submit(
            read, on_success=lambda actions: self.new_button.setVisible(actions.create)
        )

    @Slot(str)
    def _on_text_changed(self, text: str) -> None:
        if text.strip():
            self._timer.start()
            return
        self._timer.stop()
        self._context.worker.cancel(SEARCH_TASK_KEY)
        self._show_model(self.account_model)

    @Slot()
    def search_now(self) -> None:
        self._timer.stop()
        query = self.search_box.text().strip()
        if not query:
            self._show_model(self.account_model)
            return
        store, actor = self._context.session.store, self._context.session.actor

        def search(control: TaskControl) -> list[dict[str, Any]]:
            hits = search_records(store, actor, query, limit=SEARCH_LIMIT, entity=ENTITY)
            return [hit.record for hit in hits]

        self._context.worker.submit(
            search,
            key=SEARCH_TASK_KEY,
            on_success=lambda records: self._show_results(query, records),
        )

    def _show_results(self, query: str, records: list[dict[str, Any]]) -> None:
        self.search_model.show_results(query, records, self.account_model.fields)
        self._show_model(self.search_model)

    @Slot(object)
    def _on_store_changed(self, changes: ChangeSet) -> None:
        if ENTITY in changes.entities() and self.search_box.text().strip():
            self._timer.start()

    # -- table --------------------------------------------------------------

    def _show_model(self, model: RecordTableModel) -> None:
        if self.table.model() is model:
            return
        old = self.table.selectionModel()
        if old is not None:
            old.selectionChanged.disconnect(self._on_selection)
        self.table.setModel(model)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        for field in model.fields:
            column = model.column_of(field.name)
            if column >= 0:
                self.table.setColumnHidden(column, field.name not in LIST_FIELDS)
        name_column = model.column_of("name")
        if name_column >= 0:
            self.table.horizontalHeader().resizeSection(name_column, 200)

    @Slot(QItemSelection, QItemSelection)
    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self._open_index(indexes[0])

    @Slot(QModelIndex)
    def _open_index(self, index: QModelIndex) -> None:
        record = index.data(RecordRole)
        if isinstance(record, dict):
            self.card.load(str(record["id"]))

    def _open_saved(self, changes: ChangeSet) -> None:
        if changes.changes:
            self.card.load(str(changes.record_id))

    @Slot()
    def _after_delete(self) -> None:
        self.table.clearSelection()
