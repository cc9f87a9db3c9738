"""Find a contact as you type, and open its card beside the results.

Each pause in typing runs ``search_records`` on the database worker; only the
latest query's results arrive (earlier ones are superseded by the task key).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from contactdesk.services.search import search_records
from ui.database_worker import TaskControl
from ui.sales.call_dialog import utc_now
from ui.sales.contact_card_widget import ContactCardWidget
from ui.view_context import ViewContext

Clock = Callable[[], datetime]
SEARCH_DELAY_MS = 150
SEARCH_LIMIT = 50
SEARCH_TASK_KEY = "sales-contact-finder"
ContactIdRole = Qt.ItemDataRole.UserRole + 1


class ContactFinderView(QWidget):
    """A search box and result list on the left, the chosen contact's card on the right."""

    def __init__(
        self, context: ViewContext, *, clock: Clock = utc_now, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(self.tr("Find a contact: name, company, email, phone"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName(self.tr("Find a contact"))
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Matching contacts"))
        self.card = ContactCardWidget(context, clock=clock)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search_box)
        left_layout.addWidget(self.results, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.card)
        splitter.setSizes([300, 900])
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.search_box.textChanged.connect(lambda _text: self._timer.start())
        self.search_box.returnPressed.connect(self._open_first)
        self.results.currentItemChanged.connect(self._open_item)
        self.results.itemActivated.connect(self._open_item)

    def focus_search(self) -> None:
        """The window's Find shortcut lands here."""
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    @Slot()
    def search_now(self) -> None:
        self._timer.stop()
        query = self.search_box.text().strip()
        store, actor = self._context.session.store, self._context.session.actor

        def search(control: TaskControl) -> list[tuple[str, str, str]]:
            hits = search_records(store, actor, query, limit=SEARCH_LIMIT, entity="contact")
            return [
                (str(hit.record["id"]), str(hit.record.get("display_name") or ""),
                 str(hit.record.get("account") or ""))
                for hit in hits
            ]  # fmt: skip

        self._context.worker.submit(search, key=SEARCH_TASK_KEY, on_success=self._show_results)

    def _show_results(self, rows: list[tuple[str, str, str]]) -> None:
        self.results.clear()
        for contact_id, name, company in rows:
            item = QListWidgetItem(f"{name}\n{company}" if company else name)
            item.setData(ContactIdRole, contact_id)
            self.results.addItem(item)

    @Slot()
    def _open_first(self) -> None:
        self.search_now()
        if self.results.count():
            self.results.setCurrentRow(0)
            self.results.setFocus()

    @Slot(QListWidgetItem)
    def _open_item(self, item: QListWidgetItem | None, *_: object) -> None:
        if item is not None:
            self.card.load(str(item.data(ContactIdRole)))
