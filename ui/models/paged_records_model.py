"""A table of records read a page at a time on the database worker, as the view scrolls.

Subclasses say how one page is read (``page_task``) and how a record shows
(``data``/``headerData``); this base keeps the rows, the keyset cursor, exact
``beginInsertRows``/``endInsertRows`` pairs, and drops a page that arrives for a
list already restarted (``restart``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from contactdesk.services.record_queries import Page, Record
from ui.database_worker import DatabaseWorker, TaskControl

AnyIndex = QModelIndex | QPersistentModelIndex


class PagedRecordsModel(QAbstractTableModel):
    """Rows of records appended page by page; ``restart`` reads from the first page again."""

    page_loaded = Signal()

    def __init__(self, worker: DatabaseWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._rows: list[Record] = []
        self._after: tuple[Any, str] | None = None
        self._more = False
        self._loading = False
        self._generation = 0

    def page_task(self, after: tuple[Any, str] | None) -> Callable[[TaskControl], Page]:
        """The worker task reading the page after ``after`` (None: the first page)."""
        raise NotImplementedError

    def headers(self) -> list[str]:
        """The column titles, translated."""
        raise NotImplementedError

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.headers())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            titles = self.headers()
            if 0 <= section < len(titles):
                return titles[section]
        return None

    def restart(self) -> None:
        """Empty the list and read its first page (pages on their way are dropped)."""
        self._generation += 1
        self.beginResetModel()
        self._rows, self._after, self._more, self._loading = [], None, True, False
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def record_at(self, row: int) -> Record:
        return self._rows[row]

    def has_more(self) -> bool:
        """True while pages remain to be read (the view reads them as it scrolls)."""
        return self._more

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return not parent.isValid() and self._more and not self._loading

    def fetchMore(self, parent: AnyIndex) -> None:
        if not self.canFetchMore(parent):
            return
        self._loading = True
        generation = self._generation
        self._worker.submit(
            self.page_task(self._after),
            on_success=lambda page: self._append(generation, page),
            on_failure=lambda _: self._failed(generation),
        )

    def _failed(self, generation: int) -> None:
        if generation == self._generation:
            self._loading, self._more = False, False

    def _append(self, generation: int, page: Page) -> None:
        if generation != self._generation:
            return  # a restart happened meanwhile: this page belongs to the old list
        self._loading = False
        self._more = page.next_after is not None
        self._after = page.next_after
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()
        self.page_loaded.emit()
