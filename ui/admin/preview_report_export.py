"""Preview-as-role surfaces for reports and exports (issue 3: "preview as role").

Both are built for ``Actor.for_role(role)``, so they show exactly what the role's
rules allow: the report page refuses or leaves out what the role may not see,
and the export page lists the columns an export by that role would carry.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget

from contactdesk.exporting.export_source import ExportColumns, export_columns
from contactdesk.services.actor import Actor
from contactdesk.services.field_catalog import entity_spec
from contactdesk.store import Store
from ui.app_session import AppSession
from ui.database_worker import DatabaseWorker, TaskControl
from ui.marketing.report_view import ReportView
from ui.store_changes import StoreChangeRelay
from ui.view_context import ViewContext


class ReportPreview(QWidget):
    """The marketing report page, run as the previewed role."""

    def __init__(self, store: Store, actor: Actor, worker: DatabaseWorker) -> None:
        super().__init__()
        relay = StoreChangeRelay(store, self)
        self.report_view = ReportView(ViewContext(AppSession(store, actor), worker, relay))
        layout = QVBoxLayout(self)
        layout.addWidget(self.report_view)


class ExportPreview(QWidget):
    """The contact columns an export made by the previewed role would contain."""

    def __init__(self, store: Store, actor: Actor, worker: DatabaseWorker) -> None:
        super().__init__()
        self.columns = QListWidget()
        self.columns.setAccessibleName(self.tr("Exported columns for this role"))
        caption = QLabel(self.tr("An export (CSV, vCard, XLSX) by this role contains:"))
        caption.setBuddy(self.columns)
        layout = QVBoxLayout(self)
        layout.addWidget(caption)
        layout.addWidget(self.columns)

        def read(control: TaskControl) -> ExportColumns:
            return export_columns(store, actor)

        worker.submit(read, on_success=self._show)

    def _show(self, columns: ExportColumns) -> None:
        spec = entity_spec("contact")
        labels = [spec.by_name[name].label for name in columns.builtin if name in spec.by_name]
        labels += [custom.label for custom in columns.custom]
        self.columns.clear()
        self.columns.addItems(labels)

    def column_labels(self) -> list[str]:
        return [self.columns.item(row).text() for row in range(self.columns.count())]
