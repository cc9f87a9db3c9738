"""Leads with their score parts, paged lazily from ``page_records`` as the table scrolls.

Columns are fixed (the lead card's parts must be visible side by side); rows
come a page at a time through the database worker, appended with exact
``beginInsertRows``/``endInsertRows`` pairs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from contactdesk.services.record_queries import Condition, Page, Record, page_records
from ui.app_session import AppSession
from ui.database_worker import DatabaseWorker, TaskControl

PAGE_SIZE = 200
CONTEXT = "LeadTableModel"
RecordRole = int(Qt.ItemDataRole.UserRole) + 1
"""data(): the whole lead record (dict)."""
AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class LeadColumn:
    """One column: its (untranslated) header and how a record shows in it."""

    # QT_TRANSLATE_NOOP returns object in the stubs; it is the untranslated text.
    header: object
    text: Callable[[Record], str]
    numeric: bool = False


def _number(name: str) -> Callable[[Record], str]:
    return lambda record: "" if record.get(name) is None else f"{record[name]:g}"


def _when(name: str) -> Callable[[Record], str]:
    def text(record: Record) -> str:
        value = record.get(name)
        return value.strftime("%Y-%m-%d %H:%M") if isinstance(value, datetime) else ""

    return text


def _plain(name: str) -> Callable[[Record], str]:
    return lambda record: str(record.get(name) or "")


COLUMNS = (
    LeadColumn(QT_TRANSLATE_NOOP(CONTEXT, "Contact"), _plain("contact")),
    LeadColumn(QT_TRANSLATE_NOOP(CONTEXT, "Campaign"), _plain("campaign")),
    LeadColumn(QT_TRANSLATE_NOOP(CONTEXT, "Source"), _plain("source")),
    LeadColumn(QT_TRANSLATE_NOOP(CONTEXT, "Fit"), _number("score_fit"), numeric=True),
    LeadColumn(QT_TRANSLATE_NOOP(CONTEXT, "Engagement"), _number("score_engagement"), numeric=True),
    LeadColumn(QT_TRANSLATE_NOOP(CONTEXT, "History"), _number("score_history"), numeric=True),
    LeadColumn(QT_TRANSLATE_NOOP(CONTEXT, "Score"), _number("score"), numeric=True),
    LeadColumn(
        QT_TRANSLATE_NOOP(CONTEXT, "Status"), lambda r: str(r.get("status") or "").replace("_", " ")
    ),
    LeadColumn(QT_TRANSLATE_NOOP(CONTEXT, "Sales rep"), _plain("owner")),
    LeadColumn(QT_TRANSLATE_NOOP(CONTEXT, "Follow up by"), _when("follow_up_due_at")),
)


class LeadTableModel(QAbstractTableModel):
    """Leads the actor may see, filtered by ``set_filter``, fetched a page at a time."""

    def __init__(
        self, session: AppSession, worker: DatabaseWorker, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._worker = worker
        self._rows: list[Record] = []
        self._after: tuple[Any, str] | None = None
        self._more = True
        self._loading = False
        self._where: list[Condition] = []
        self._generation = 0

    def set_filter(self, where: list[Condition]) -> None:
        """Show only leads meeting ``where`` (empty: all); reloads from the first page."""
        self._where = list(where)
        self.reload()

    def reload(self) -> None:
        self._generation += 1
        self.beginResetModel()
        self._rows, self._after, self._more, self._loading = [], None, True, False
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def record_at(self, row: int) -> Record:
        return self._rows[row]

    # -- Qt overrides ---------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        record, column = self._rows[index.row()], COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(record)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == RecordRole:
            return record
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(COLUMNS)
        ):
            return QCoreApplication.translate(CONTEXT, str(COLUMNS[section].header))
        return None

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return not parent.isValid() and self._more and not self._loading

    def fetchMore(self, parent: AnyIndex) -> None:
        if not self.canFetchMore(parent):
            return
        self._loading = True
        store, actor = self._session.store, self._session.actor
        after, where, generation = self._after, list(self._where), self._generation

        def load(control: TaskControl) -> Page:
            return page_records(store, actor, "lead", after=after, limit=PAGE_SIZE, where=where)

        self._worker.submit(load, on_success=lambda page: self._append(generation, page))

    def _append(self, generation: int, page: Page) -> None:
        if generation != self._generation:
            return  # a reload started meanwhile: this page belongs to the old list
        self._loading = False
        self._more = page.next_after is not None
        self._after = page.next_after
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()
