"""The report page: pick a report, a date range and a segment; see table and chart; drill down.

Reports, drill-downs and CSV/XLSX exports run on the database worker; a newer
run supersedes an older one. PDF is painted on the UI thread from the result
already shown, page by page with a progress bar.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from contactdesk.reports.report_export import export_report
from contactdesk.reports.report_params import ReportParams
from contactdesk.reports.report_registry import REPORTS, report_names, run_report
from contactdesk.reports.report_result import DrillDown, ReportResult, RowKey
from contactdesk.segments.saved_segments import SavedSegment, list_segments
from ui.core_text import core_text
from ui.forms.record_form_dialog import RecordFormDialog
from ui.locale_formats import localise_date_edit
from ui.marketing.drill_down_dialog import DrillDownDialog
from ui.marketing.report_chart import build_chart, chart_view
from ui.marketing.report_pdf import write_report_pdf
from ui.marketing.report_table_model import ReportTableModel, RowKeyRole
from ui.style import set_role
from ui.view_context import ViewContext

REPORT_TASK_KEY = "report-view-run"
DRILL_TASK_KEY = "report-view-drill"
SEARCHABLE = ("win-stories",)


def contract_text(result: ReportResult) -> str:
    """Which agreed funnel terms the figures were measured under (issue: funnel contract)."""
    if not result.contract_versions:
        return QCoreApplication.translate(
            "ReportView", "Measured under the live funnel terms: no funnel contract agreed yet."
        )
    versions = QCoreApplication.translate("ReportView", " and ").join(
        QCoreApplication.translate("ReportView", "version %1 (agreed %2)")
        .replace("%1", str(version))
        .replace("%2", agreed.isoformat())
        for version, agreed in result.contract_versions
    )
    measured = QCoreApplication.translate("ReportView", "Measured under funnel contract %1.")
    return measured.replace("%1", versions)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class ReportView(QWidget):
    """Runs one report at a time and shows it as a table and a chart."""

    drilled = Signal(object)  # DrillDown, once its dialog is open

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = context.session
        self._worker = context.worker
        self._segments: list[SavedSegment] = []
        self.result: ReportResult | None = None
        self.drill_dialog: DrillDownDialog | None = None
        self.record_dialog: RecordFormDialog | None = None

        self.report_box = QComboBox()
        self.report_box.setAccessibleName(self.tr("Report"))
        for name in report_names():
            self.report_box.addItem(core_text(REPORTS[name].title), name)
        self.report_box.currentIndexChanged.connect(self._report_changed)
        self.from_edit = QDateEdit()
        self.to_edit = QDateEdit()
        self.from_edit.setAccessibleName(self.tr("From date"))
        self.to_edit.setAccessibleName(self.tr("To date"))
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            localise_date_edit(edit)
        self.segment_box = QComboBox()
        self.segment_box.setAccessibleName(self.tr("Segment"))
        self.segment_box.addItem(self.tr("All contacts"), None)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search stories"))
        self.search_edit.setAccessibleName(self.tr("Search stories"))
        self.run_button = QPushButton(self.tr("Run"))
        self.run_button.clicked.connect(self.run_report)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel_report)
        self.cancel_button.hide()
        controls = QHBoxLayout()
        controls.addWidget(self.report_box, 2)
        controls.addWidget(QLabel(self.tr("From")))
        controls.addWidget(self.from_edit)
        controls.addWidget(QLabel(self.tr("to")))
        controls.addWidget(self.to_edit)
        controls.addWidget(self.segment_box, 2)
        controls.addWidget(self.search_edit, 2)
        controls.addWidget(self.run_button)
        controls.addWidget(self.cancel_button)

        self.question = QLabel()
        set_role(self.question, "heading")
        self.notes = QLabel()
        # Shown while there is no result: what to do to get one.
        self.empty_hint = QLabel()
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_role(self.empty_hint, "empty")
        self.model = ReportTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Report table"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.doubleClicked.connect(lambda index: self.drill_down(index.data(RowKeyRole)))
        self.chart = chart_view()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.table)
        splitter.setSizes([380, 260])
        self._splitter = splitter

        self.status = QLabel()
        self.progress = QProgressBar()
        self.progress.hide()
        exports = QHBoxLayout()
        exports.addWidget(self.status, 1)
        exports.addWidget(self.progress)
        for label, file_format in (("CSV", "csv"), ("XLSX", "xlsx"), ("PDF", "pdf")):
            button = QPushButton(self.tr("Export {format}…").format(format=label))
            button.clicked.connect(lambda _=False, f=file_format: self._export(f))
            exports.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.question)
        layout.addWidget(self.notes)
        layout.addWidget(self.empty_hint, 1)
        layout.addWidget(splitter, 1)
        layout.addLayout(exports)
        self._report_changed()
        # A report the user picks runs at once (the previous one's figures never stay
        # under the new title); one chosen in code (select_report) waits for run_report.
        self.report_box.activated.connect(lambda _index: self.run_report())
        self.reload_segments()

    # -- inputs ------------------------------------------------------------------

    def report_name(self) -> str:
        return str(self.report_box.currentData())

    def select_report(self, name: str) -> None:
        self.report_box.setCurrentIndex(self.report_box.findData(name))

    def _report_changed(self) -> None:
        spec = REPORTS[self.report_name()]
        start, end = spec.default_range(date.today())
        self.from_edit.setDate(_qdate(start))
        self.to_edit.setDate(_qdate(end))
        self.question.setText(core_text(spec.question))
        self.search_edit.setVisible(spec.name in SEARCHABLE)
        self.clear_result()

    def clear_result(self) -> None:
        """Show no figures (and close their drill-down): the page waits for Run."""
        self._worker.cancel(REPORT_TASK_KEY)
        self.result = None
        self.model.set_result(None)
        self._splitter.hide()
        self.notes.setVisible(False)
        self._close_drill()
        self._running(False)
        self.empty_hint.setText(
            self.tr(
                "Choose the dates and, if you like, a segment above, then press Run to see "
                "this report. Double-click a row or a bar to see the records behind it."
            )
        )
        self.empty_hint.show()
        self.status.setText("")

    def reload_segments(self) -> None:
        """Refresh the segment picker (after a segment was saved or deleted)."""
        store = self._session.store
        self._worker.submit(lambda _: list_segments(store), on_success=self._show_segments)

    def _show_segments(self, segments: list[SavedSegment]) -> None:
        chosen = self.segment_box.currentData()
        self._segments = segments
        self.segment_box.clear()
        self.segment_box.addItem(self.tr("All contacts"), None)
        for segment in segments:
            self.segment_box.addItem(segment.name, str(segment.id))
        self.segment_box.setCurrentIndex(max(self.segment_box.findData(chosen), 0))

    def params(self) -> ReportParams:
        chosen = self.segment_box.currentData()
        segment = next((s for s in self._segments if str(s.id) == chosen), None)
        return ReportParams(
            _pydate(self.from_edit.date()),
            _pydate(self.to_edit.date()),
            segment=segment.definition if segment else None,
            segment_name=segment.name if segment else None,
            search=self.search_edit.text() if self.search_edit.isVisible() else "",
        )

    # -- running -------------------------------------------------------------------

    def run_report(self) -> None:
        store, actor, name = self._session.store, self._session.actor, self.report_name()
        try:
            params = self.params()
        except Exception as error:  # a bad range is the user's to fix, shown in place
            self._failed(error)
            return
        self.status.setText(self.tr("Running…"))
        self._running(True)
        self._worker.submit(
            lambda _: run_report(store, actor, name, params),
            key=REPORT_TASK_KEY,
            on_success=self.show_result,
            on_failure=self._failed,
        )

    def cancel_report(self) -> None:
        """Stop waiting for the running report; its figures will not arrive."""
        self._worker.cancel(REPORT_TASK_KEY)
        self._running(False)
        self.status.setText(self.tr("Cancelled."))

    def _running(self, running: bool) -> None:
        self.cancel_button.setVisible(running)
        self.run_button.setEnabled(not running)

    def _close_drill(self) -> None:
        if self.drill_dialog is not None:
            self.drill_dialog.close()
            self.drill_dialog = None

    def show_result(self, result: ReportResult) -> None:
        self._running(False)
        self._close_drill()
        self.empty_hint.hide()
        self._splitter.show()
        self.result = result
        self.model.set_result(result)
        self._fit_columns(result)
        self.chart.setChart(build_chart(result.chart, self.drill_down))
        self.notes.setText("  ".join([contract_text(result), *result.table.notes]))
        self.notes.setVisible(True)
        self.status.setText(self.tr("{rows} rows").format(rows=len(result.rows)))

    def _fit_columns(self, result: ReportResult) -> None:
        # Numbers keep their width; the last text column takes the spare room.
        header = self.table.horizontalHeader()
        self.table.resizeColumnsToContents()
        texts = [i for i, column in enumerate(result.columns) if column.kind == "text"]
        for index in range(len(result.columns)):
            mode = QHeaderView.ResizeMode.Interactive
            if texts and index == texts[-1]:
                mode = QHeaderView.ResizeMode.Stretch
            header.setSectionResizeMode(index, mode)

    def _failed(self, error: BaseException) -> None:
        self._running(False)
        self.status.setText(str(error))

    def drill_down(self, key: RowKey | None) -> None:
        """Fetch the records behind ``key`` on the worker and show them in a dialog."""
        if key is None or self.result is None:
            return
        result = self.result
        self._worker.submit(
            lambda _: result.drill_down(tuple(key)),
            key=DRILL_TASK_KEY,
            on_success=self._show_drill,
            on_failure=self._failed,
        )

    def _show_drill(self, drill: DrillDown) -> None:
        self._close_drill()
        self.drill_dialog = DrillDownDialog(drill, self, open_record=self.open_record)
        self.drill_dialog.show()
        self.drilled.emit(drill)

    def open_record(self, entity: str, record_id: str) -> None:
        """A record behind a report row, in its form (as this role may see and edit it)."""
        self.record_dialog = RecordFormDialog(
            self._session, self._worker, entity, record_id, self.drill_dialog or self
        )
        self.record_dialog.show()

    # -- export ----------------------------------------------------------------------

    def _export(self, file_format: str) -> None:
        if self.result is None:
            self.status.setText(self.tr("Run a report first."))
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export report"), f"{self.result.name}.{file_format}", f"*.{file_format}"
        )
        if path:
            self.export_to(Path(path), file_format)

    def export_to(self, path: Path, file_format: str) -> None:
        """Export the shown result; CSV/XLSX on the worker, PDF painted here."""
        if self.result is None:
            return
        result = self.result
        self.progress.setValue(0)
        self.progress.show()
        if file_format == "pdf":
            image: QImage = self.chart.grab().toImage()
            try:
                write_report_pdf(result, image, path, self._progressed_with_events)
            except OSError as error:
                QMessageBox.warning(self, self.tr("Export failed"), str(error))
            self._exported(len(result.rows))
            return
        self._worker.submit(
            lambda control: export_report(result, path, file_format, control.report_progress),
            on_success=self._exported,
            on_failure=self._failed,
            on_progress=self._progressed,
        )

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _progressed_with_events(self, done: int, total: int) -> None:
        self._progressed(done, total)
        # Painting the PDF runs here; let the bar repaint between pages.
        QApplication.processEvents()

    def _exported(self, rows: int) -> None:
        self.progress.hide()
        self.status.setText(self.tr("Exported {rows} rows.").format(rows=rows))
