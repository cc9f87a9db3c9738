"""Contacts matching a search, under the same columns as the contact list."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject

from contactdesk.services.field_catalog import FieldSpec
from contactdesk.services.record_queries import Record
from ui.models.record_table_model import RecordTableModel


class SearchResultModel(RecordTableModel):
    """Holds one search's results (a bounded list); ``query`` is what they answer."""

    def __init__(self, fields: Sequence[FieldSpec], parent: QObject | None = None) -> None:
        super().__init__(fields, parent)
        self.query = ""

    def show_results(
        self, query: str, records: list[Record], fields: Sequence[FieldSpec] | None = None
    ) -> None:
        self.query = query
        self._replace(fields, records)
