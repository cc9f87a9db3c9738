"""The contact list: contacts the actor may see, paged in lazily as the view scrolls.

Why ``fetchMore`` reads synchronously on the UI thread instead of on the database
worker: a page is a keyset query (``page_records``), an index range scan of
``page_size`` rows whose cost does not grow with the store (a few milliseconds at
1,000,000 contacts, see bench/), well under a frame. Reading inline keeps the
row count exactly what the view asked for, which is what the
``canFetchMore``/``fetchMore`` contract and the model tester expect; an async
fetch would need in-flight bookkeeping and placeholder rows for no visible gain.
SQLite in WAL mode lets this read run beside a write on the worker. Everything
whose cost grows with the store (counts, search) goes to the worker instead.

Memory: only fetched pages are held. A view scrolled to the end of a million
rows would hold them all; jumping by scroll bar (``page_records(offset=...)``)
with a windowed cache is the next step when the benchmark asks for it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QTimer, Signal, Slot

from contactdesk.errors import ContactDeskError
from contactdesk.services.changes import ChangeSet
from contactdesk.services.governance_records import GOVERNANCE_ENTITIES
from contactdesk.services.record_queries import page_records, visible_fields
from ui.app_session import AppSession
from ui.models.record_table_model import RecordTableModel

ENTITY = "contact"
PAGE_SIZE = 100
# page_records accepts at most this many rows per call; a refresh re-reads what
# the view had loaded, up to this, in one query.
MAX_RELOAD_ROWS = 10_000
# Changes arrive in bursts (an import commits many units); refresh once per burst.
REFRESH_DELAY_MS = 50


class ContactTableModel(RecordTableModel):
    """Lazily paged records (contacts unless ``entity`` says otherwise); refreshes on changes."""

    load_failed = Signal(str)

    def __init__(
        self,
        session: AppSession,
        parent: QObject | None = None,
        *,
        page_size: int = PAGE_SIZE,
        entity: str = ENTITY,
    ) -> None:
        super().__init__(visible_fields(session.store, session.actor, entity), parent)
        self._session = session
        self.entity = entity
        self._page_size = page_size
        self._next_after: tuple[Any, str] | None = None
        self._exhausted = False
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.reload)

    @property
    def page_size(self) -> int:
        return self._page_size

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        try:
            page = page_records(
                self._session.store,
                self._session.actor,
                self.entity,
                after=self._next_after,
                limit=self._page_size,
            )
        except ContactDeskError as error:
            # Stop asking: the view would call again on every scroll.
            self._exhausted = True
            self.load_failed.emit(str(error))
            return
        self._next_after = page.next_after
        self._exhausted = page.next_after is None
        if not page.rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
        self._rows.extend(page.rows)
        self.endInsertRows()

    @Slot(object)
    def on_store_changed(self, changes: ChangeSet) -> None:
        """Connect to StoreChangeRelay.changed: refresh after contact or rule changes."""
        touched = changes.entities()
        if self.entity in touched or "account" in touched or touched & GOVERNANCE_ENTITIES:
            self._refresh_timer.start()

    @Slot()
    def reload(self) -> None:
        """Re-read columns and the rows loaded so far, so the view keeps its place."""
        store, actor = self._session.store, self._session.actor
        wanted = min(max(len(self._rows), self._page_size), MAX_RELOAD_ROWS)
        try:
            fields = visible_fields(store, actor, self.entity)
            page = page_records(store, actor, self.entity, limit=wanted)
        except ContactDeskError as error:
            self.load_failed.emit(str(error))
            return
        self._next_after = page.next_after
        self._exhausted = page.next_after is None
        self._replace(fields, page.rows)
