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
    QCoreApplication,
    QObject,
    Qt,
)

from contactdesk.services.record_queries import Condition, Page, Record, page_records
from ui.app_session import AppSession
from ui.database_worker import DatabaseWorker, TaskControl
from ui.enum_titles import lead_status_title
from ui.locale_formats import format_moment
from ui.models.paged_records_model import AnyIndex, PagedRecordsModel

PAGE_SIZE = 200
CONTEXT = "LeadTableModel"
RecordRole = int(Qt.ItemDataRole.UserRole) + 1
"""data(): the whole lead record (dict)."""


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
        return format_moment(value) if isinstance(value, datetime) else ""

    return text


def _plain(name: str) -> Callable[[Record], str]:
    return lambda record: str(record.get(name) or "")


COLUMNS = (
    LeadColumn(QT_TRANSLATE_NOOP("LeadTableModel", "Contact"), _plain("contact")),
    LeadColumn(QT_TRANSLATE_NOOP("LeadTableModel", "Campaign"), _plain("campaign")),
    LeadColumn(QT_TRANSLATE_NOOP("LeadTableModel", "Source"), _plain("source")),
    LeadColumn(QT_TRANSLATE_NOOP("LeadTableModel", "Fit"), _number("score_fit"), numeric=True),
    LeadColumn(
        QT_TRANSLATE_NOOP("LeadTableModel", "Engagement"), _number("score_engagement"), numeric=True
    ),
    LeadColumn(
        QT_TRANSLATE_NOOP("LeadTableModel", "History"), _number("score_history"), numeric=True
    ),
    LeadColumn(QT_TRANSLATE_NOOP("LeadTableModel", "Score"), _number("score"), numeric=True),
    LeadColumn(
        QT_TRANSLATE_NOOP("LeadTableModel", "Status"),
        lambda r: lead_status_title(str(r.get("status") or "")),
    ),
    LeadColumn(QT_TRANSLATE_NOOP("LeadTableModel", "Sales rep"), _plain("owner")),
    LeadColumn(QT_TRANSLATE_NOOP("LeadTableModel", "Follow up by"), _when("follow_up_due_at")),
)


class LeadTableModel(PagedRecordsModel):
    """Leads the actor may see, filtered by ``set_filter``, fetched a page at a time."""

    def __init__(
        self, session: AppSession, worker: DatabaseWorker, parent: QObject | None = None
    ) -> None:
        super().__init__(worker, parent)
        self._session = session
        self._more = True  # the first page is read as soon as a view asks
        self._where: list[Condition] = []

    def set_filter(self, where: list[Condition]) -> None:
        """Show only leads meeting ``where`` (empty: all); reloads from the first page."""
        self._where = list(where)
        self.reload()

    def reload(self) -> None:
        self.restart()

    def page_task(self, after: tuple[Any, str] | None) -> Callable[[TaskControl], Page]:
        store, actor, where = self._session.store, self._session.actor, list(self._where)

        def load(_: TaskControl) -> Page:
            return page_records(store, actor, "lead", after=after, limit=PAGE_SIZE, where=where)

        return load

    # -- Qt overrides ---------------------------------------------------------

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

    def headers(self) -> list[str]:
        return [QCoreApplication.translate(CONTEXT, str(column.header)) for column in COLUMNS]
