"""What "preview as role" shows: one page per surface, each built for a role-only actor.

Extension point: the reports and export views add their surface with one line in
``PREVIEW_SURFACES`` — a title and a factory ``(store, actor, worker) -> QWidget``.
The actor is ``Actor.for_role(role)``, so every service call made by the page
applies that role's field rules and scope, exactly as for its users.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from contactdesk.services.actor import Actor
from contactdesk.services.field_catalog import FieldSpec
from contactdesk.services.record_queries import Record, page_records, visible_fields
from contactdesk.services.search import search_records
from contactdesk.store import Store
from ui.admin.preview_report_export import ExportPreview, ReportPreview
from ui.database_worker import DatabaseWorker, TaskControl
from ui.forms.record_form import RecordForm
from ui.models.record_table_model import FieldNameRole
from ui.models.search_result_model import SearchResultModel
from ui.translatable import QT_TRANSLATE_NOOP

SurfaceFactory = Callable[[Store, Actor, DatabaseWorker], QWidget]
TRANSLATION_CONTEXT = "PreviewSurfaces"
PREVIEW_ENTITY = "contact"
PREVIEW_ROWS = 50
ListData = tuple[list[FieldSpec], list[Record]]


@dataclass(frozen=True)
class PreviewSurface:
    title: str
    factory: SurfaceFactory

    def translated_title(self) -> str:
        return QCoreApplication.translate(TRANSLATION_CONTEXT, self.title)


def _table() -> QTableView:
    table = QTableView()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    return table


class ContactFormPreview(QScrollArea):
    """The contact form as the role gets it, for the first contact it may see; no saving."""

    def __init__(self, store: Store, actor: Actor, worker: DatabaseWorker) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.form: RecordForm | None = None
        self._store, self._actor, self._worker = store, actor, worker

        def first(control: TaskControl) -> str | None:
            rows = page_records(store, actor, PREVIEW_ENTITY, limit=1).rows
            return rows[0]["id"] if rows else None

        worker.submit(first, on_success=self._show_form)

    def _show_form(self, record_id: str | None) -> None:
        self.form = RecordForm(
            self._store, self._actor, self._worker, PREVIEW_ENTITY, record_id, read_only=True
        )
        self.setWidget(self.form)

    def field_names(self) -> list[str]:
        return self.form.field_names() if self.form else []


class ContactListPreview(QWidget):
    """The contact list columns and first rows the role gets."""

    def __init__(self, store: Store, actor: Actor, worker: DatabaseWorker) -> None:
        super().__init__()
        self.model = SearchResultModel([], self)
        self.table = _table()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Contact list as this role sees it"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)

        def read(control: TaskControl) -> ListData:
            fields = visible_fields(store, actor, PREVIEW_ENTITY)
            return fields, page_records(store, actor, PREVIEW_ENTITY, limit=PREVIEW_ROWS).rows

        worker.submit(read, on_success=self._show)

    def _show(self, data: ListData) -> None:
        fields, rows = data
        self.model.show_results("", rows, fields)

    def field_names(self) -> list[str]:
        return [
            self.model.headerData(column, Qt.Orientation.Horizontal, FieldNameRole)
            for column in range(self.model.columnCount())
        ]


class SearchPreview(QWidget):
    """Search as the role: type and see the results with the role's columns."""

    def __init__(self, store: Store, actor: Actor, worker: DatabaseWorker) -> None:
        super().__init__()
        self._store, self._actor, self._worker = store, actor, worker
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(self.tr("Search as this role, then press Enter"))
        self.search_box.setAccessibleName(self.tr("Search as this role"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.returnPressed.connect(self.search)
        self.summary = QLabel()
        self.model = SearchResultModel([], self)
        self.table = _table()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Search results as this role sees them"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_box)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)

    @Slot()
    def search(self) -> None:
        store, actor, query = self._store, self._actor, self.search_box.text()

        def run(control: TaskControl) -> ListData:
            hits = search_records(store, actor, query, limit=PREVIEW_ROWS, entity=PREVIEW_ENTITY)
            return visible_fields(store, actor, PREVIEW_ENTITY), [hit.record for hit in hits]

        self._worker.submit(run, key=f"preview-search-{id(self)}", on_success=self._show)

    def _show(self, data: ListData) -> None:
        fields, records = data
        self.model.show_results(self.search_box.text(), records, fields)
        self.summary.setText(self.tr("%n result(s)", "", len(records)))

    def result_records(self) -> list[Record]:
        return [self.model.record_at(row) for row in range(self.model.rowCount())]


PREVIEW_SURFACES: list[PreviewSurface] = [
    PreviewSurface(QT_TRANSLATE_NOOP(TRANSLATION_CONTEXT, "Contact form"), ContactFormPreview),
    PreviewSurface(QT_TRANSLATE_NOOP(TRANSLATION_CONTEXT, "Contact list"), ContactListPreview),
    PreviewSurface(QT_TRANSLATE_NOOP(TRANSLATION_CONTEXT, "Search"), SearchPreview),
    PreviewSurface(QT_TRANSLATE_NOOP(TRANSLATION_CONTEXT, "Reports"), ReportPreview),
    PreviewSurface(QT_TRANSLATE_NOOP(TRANSLATION_CONTEXT, "Export"), ExportPreview),
]
