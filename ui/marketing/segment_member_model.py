"""The contacts a segment matches, paged lazily from ``segment_member_page`` as the table scrolls.

The builder shows them under its live count: both come from the same compiled
definition, so the list holds exactly the contacts counted. Pages arrive
through the database worker; a new definition starts over from the first page
and drops pages still on their way for the old one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt

from contactdesk.segments.segment_counts import segment_member_page
from contactdesk.segments.segment_definition import SegmentDefinition
from contactdesk.services.record_queries import Page
from ui.app_session import AppSession
from ui.database_worker import DatabaseWorker, TaskControl
from ui.models.paged_records_model import AnyIndex, PagedRecordsModel

CONTEXT = "SegmentMemberModel"
PAGE_SIZE = 200
# (record key, untranslated header); a column whose field the role may not see is hidden.
COLUMNS = (
    ("display_name", QT_TRANSLATE_NOOP("SegmentMemberModel", "Name")),
    ("title", QT_TRANSLATE_NOOP("SegmentMemberModel", "Title")),
    ("account", QT_TRANSLATE_NOOP("SegmentMemberModel", "Company")),
    ("email", QT_TRANSLATE_NOOP("SegmentMemberModel", "Email")),
)


class SegmentMemberModel(PagedRecordsModel):
    """A segment's contacts, a page at a time; ``show`` starts a new definition."""

    def __init__(
        self, session: AppSession, worker: DatabaseWorker, parent: QObject | None = None
    ) -> None:
        super().__init__(worker, parent)
        self._session = session
        self._definition = SegmentDefinition()
        self.hidden_columns: set[int] = set()
        self.page_loaded.connect(self._note_hidden_columns)

    def show(self, definition: SegmentDefinition) -> None:
        """List the contacts of ``definition`` from the first page."""
        self._definition = definition
        self.restart()

    def contact_id(self, row: int) -> str:
        return str(self.record_at(row)["id"])

    def page_task(self, after: tuple[Any, str] | None) -> Callable[[TaskControl], Page]:
        store, actor, definition = self._session.store, self._session.actor, self._definition

        def load(_: TaskControl) -> Page:
            return segment_member_page(store, actor, definition, after=after, limit=PAGE_SIZE)

        return load

    def _note_hidden_columns(self) -> None:
        # Hidden fields are never selected, so their keys are missing from the rows.
        if self._rows:
            first = self._rows[0]
            self.hidden_columns = {
                column for column, (key, _) in enumerate(COLUMNS) if key not in first
            }

    # -- Qt overrides ---------------------------------------------------------

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            value = self._rows[index.row()].get(COLUMNS[index.column()][0])
            return "" if value is None else str(value)
        return None

    def headers(self) -> list[str]:
        return [QCoreApplication.translate(CONTEXT, str(header)) for _, header in COLUMNS]
