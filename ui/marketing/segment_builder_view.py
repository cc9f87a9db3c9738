"""The segment builder page: nested conditions, a live count, its contacts and breakdown.

Every count, save, load, value list and export runs on the database worker.
Counts are submitted under one key, so a count superseded by a newer edit is
dropped and only the latest definition's figure is shown; the matching contacts
listed under the count are paged for the very definition that was counted.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contactdesk.segments.saved_segments import (
    SavedSegment,
    delete_segment,
    list_segments,
    save_segment,
)
from contactdesk.segments.segment_counts import SegmentSummary, summarise_segment
from contactdesk.segments.segment_definition import SegmentDefinition
from contactdesk.segments.segment_export import export_segment
from contactdesk.segments.segment_fields import SegmentField, breakdown_choices, segment_fields
from contactdesk.segments.segment_values import known_values
from ui.database_worker import TaskControl
from ui.forms.record_form_dialog import RecordFormDialog
from ui.locale_formats import format_number
from ui.marketing.condition_editors import GroupEditor
from ui.marketing.segment_member_model import SegmentMemberModel
from ui.style import set_role
from ui.view_context import ViewContext

COUNT_DELAY_MS = 250
COUNT_TASK_KEY = "segment-builder-count"


class SegmentBuilderView(QWidget):
    """Build, count, save and export segments of contacts."""

    segments_changed = Signal()

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._session = context.session
        self._worker = context.worker
        self._saved: list[SavedSegment] = []
        self._current_id: Any = None
        self.root: GroupEditor | None = None
        self.last_summary: SegmentSummary | None = None
        self.record_dialog: RecordFormDialog | None = None
        # Known values per field, read once per page; receivers wait while a read runs.
        self._known: dict[str, list[str]] = {}
        self._known_waiting: dict[str, list[Callable[[list[str]], None]]] = {}

        self.saved_box = QComboBox()
        self.saved_box.setAccessibleName(self.tr("Saved segments"))
        self.saved_box.activated.connect(self._open_selected)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("Segment name"))
        self.name_edit.setAccessibleName(self.tr("Segment name"))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        new_button = QPushButton(self.tr("New"))
        new_button.clicked.connect(self.new_segment)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self._delete)
        # Nothing to delete until a saved segment is open: no dead button.
        self.delete_button.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Segment:")))
        top.addWidget(self.saved_box, 2)
        top.addWidget(self.name_edit, 2)
        for button in (self.save_button, new_button, self.delete_button):
            top.addWidget(button)

        self.editor_area = QScrollArea()
        self.editor_area.setWidgetResizable(True)
        self.count_label = QLabel(self.tr("Counting…"))
        self.count_label.setAccessibleName(self.tr("Matching contacts"))
        set_role(self.count_label, "figure")
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        set_role(self.error_label, "error")
        self.breakdown_box = QComboBox()
        self.breakdown_box.setAccessibleName(self.tr("Break down by"))
        self.breakdown_box.currentIndexChanged.connect(self.schedule_count)
        self.breakdown_table = QTableWidget(0, 2)
        self.breakdown_table.setAccessibleName(self.tr("Breakdown"))
        self.breakdown_table.setHorizontalHeaderLabels([self.tr("Value"), self.tr("Contacts")])
        self.breakdown_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch
        )
        self.breakdown_table.verticalHeader().hide()
        self.export_csv = QPushButton(self.tr("Export CSV…"))
        self.export_csv.clicked.connect(lambda: self._export("csv"))
        self.export_xlsx = QPushButton(self.tr("Export XLSX…"))
        self.export_xlsx.clicked.connect(lambda: self._export("xlsx"))
        self.progress = QProgressBar()
        self.progress.hide()
        self.members = SegmentMemberModel(self._session, self._worker, self)
        self.members.page_loaded.connect(self._members_loaded)
        self.member_table = QTableView()
        self.member_table.setModel(self.members)
        self.member_table.setAccessibleName(self.tr("Contacts in the segment"))
        self.member_table.setToolTip(self.tr("Double-click a contact to open it"))
        self.member_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.member_table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.member_table.verticalHeader().hide()
        self.member_table.setWordWrap(False)
        # The columns share the panel's width (text elides) rather than scroll sideways.
        self.member_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.member_table.doubleClicked.connect(self._open_member)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel(self.tr("Matching contacts")))
        side_layout.addWidget(self.count_label)
        side_layout.addWidget(self.error_label)
        breakdown = QWidget()
        breakdown_layout = QVBoxLayout(breakdown)
        breakdown_layout.setContentsMargins(0, 0, 0, 0)
        breakdown_layout.addWidget(QLabel(self.tr("Break down by")))
        breakdown_layout.addWidget(self.breakdown_box)
        breakdown_layout.addWidget(self.breakdown_table, 1)
        lists = QSplitter(Qt.Orientation.Vertical)
        lists.addWidget(self.member_table)
        lists.addWidget(breakdown)
        lists.setStretchFactor(0, 3)
        lists.setStretchFactor(1, 2)
        side_layout.addWidget(lists, 1)
        exports = QHBoxLayout()
        exports.addWidget(self.export_csv)
        exports.addWidget(self.export_xlsx)
        side_layout.addLayout(exports)
        side_layout.addWidget(self.progress)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.editor_area)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COUNT_DELAY_MS)
        self._timer.timeout.connect(self.count_now)
        self._load_fields()

    # -- loading ----------------------------------------------------------------

    def _load_fields(self) -> None:
        store, actor = self._session.store, self._session.actor

        def load(
            _: TaskControl,
        ) -> tuple[list[SegmentField], list[tuple[str, str]], list[SavedSegment]]:
            return (
                segment_fields(store, actor),
                breakdown_choices(store, actor),
                list_segments(store),
            )

        self._worker.submit(load, on_success=self._fields_loaded, on_failure=self._show_error)

    def _fields_loaded(
        self, loaded: tuple[list[SegmentField], list[tuple[str, str]], list[SavedSegment]]
    ) -> None:
        fields, breakdowns, saved = loaded
        self.root = GroupEditor(fields, values_loader=self.load_known_values)
        self.root.changed.connect(self.schedule_count)
        self.editor_area.setWidget(self.root)
        self.breakdown_box.blockSignals(True)
        for key, label in breakdowns:
            self.breakdown_box.addItem(label, key)
        default = self.breakdown_box.findData("account.industry")
        self.breakdown_box.setCurrentIndex(max(default, 0))
        self.breakdown_box.blockSignals(False)
        self._show_saved(saved)
        self.count_now()

    def _show_saved(self, saved: list[SavedSegment]) -> None:
        self._saved = saved
        self.saved_box.clear()
        self.saved_box.addItem(self.tr("(unsaved segment)"), None)
        for segment in saved:
            self.saved_box.addItem(segment.name, str(segment.id))

    def load_known_values(self, key: str, receive: Callable[[list[str]], None]) -> None:
        """Hand the known values of field ``key`` to ``receive``, read on the worker once."""
        if key in self._known:
            receive(self._known[key])
            return
        waiting = self._known_waiting.setdefault(key, [])
        waiting.append(receive)
        if len(waiting) > 1:
            return  # a read of this field is on its way
        store, actor = self._session.store, self._session.actor

        def arrived(values: list[str]) -> None:
            self._known[key] = values
            for receiver in self._known_waiting.pop(key, []):
                # A condition removed meanwhile has no editor to fill any more.
                owner = getattr(receiver, "__self__", None)
                if owner is None or shiboken6.isValid(owner):
                    receiver(values)

        self._worker.submit(
            lambda _: known_values(store, actor, key),
            on_success=arrived,
            on_failure=lambda _: self._forget_waiting(key),
        )

    def _forget_waiting(self, key: str) -> None:
        # No list for this field (it went hidden meanwhile): it stays free text.
        self._known_waiting.pop(key, None)

    # -- counting -----------------------------------------------------------------

    def definition(self) -> SegmentDefinition:
        """The definition the editors currently describe."""
        return SegmentDefinition(self.root.group()) if self.root else SegmentDefinition()

    def schedule_count(self) -> None:
        """Count again once the user pauses (every edit restarts the timer)."""
        self.count_label.setText(self.tr("Counting…"))
        self._timer.start()

    def count_now(self) -> None:
        store, actor = self._session.store, self._session.actor
        definition = self.definition()
        by = str(self.breakdown_box.currentData() or "account.industry")
        self._worker.submit(
            lambda _: summarise_segment(store, actor, definition, by),
            key=COUNT_TASK_KEY,
            on_success=lambda summary: self._show_summary(summary, definition),
            on_failure=self._show_error,
        )

    def _show_summary(self, summary: SegmentSummary, definition: SegmentDefinition) -> None:
        self.last_summary = summary
        self.error_label.clear()
        self.count_label.setText(
            self.tr("{count} contacts").format(count=format_number(summary.count))
        )
        # The same definition that was counted: the list holds exactly these contacts.
        self.members.show(definition)
        self.breakdown_table.setRowCount(len(summary.breakdown))
        for row, item in enumerate(summary.breakdown):
            self.breakdown_table.setItem(row, 0, QTableWidgetItem(item.value))
            count = QTableWidgetItem(format_number(item.contacts))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.breakdown_table.setItem(row, 1, count)

    def _members_loaded(self) -> None:
        for column in range(self.members.columnCount()):
            self.member_table.setColumnHidden(column, column in self.members.hidden_columns)

    def _open_member(self, index: QModelIndex) -> None:
        """A listed contact in its form (as this role may see and edit it)."""
        if not index.isValid():
            return
        self.record_dialog = RecordFormDialog(
            self._session, self._worker, "contact", self.members.contact_id(index.row()), self
        )
        self.record_dialog.show()

    def closeEvent(self, event: QCloseEvent) -> None:
        # A count pending when the page closes must not call back into deleted widgets.
        self._timer.stop()
        self._worker.cancel(COUNT_TASK_KEY)
        super().closeEvent(event)

    def _show_error(self, error: BaseException) -> None:
        self.count_label.setText("—")
        self.error_label.setText(str(error))

    # -- saved segments -------------------------------------------------------------

    def new_segment(self) -> None:
        self._current_id = None
        self.delete_button.setEnabled(False)
        self.name_edit.clear()
        self.saved_box.setCurrentIndex(0)
        if self.root is not None:
            self.root.clear()
            self.root.set_match("all")
        self.schedule_count()

    def _open_selected(self) -> None:
        chosen = self.saved_box.currentData()
        for segment in self._saved:
            if str(segment.id) == chosen:
                self.open_segment(segment)

    def open_segment(self, segment: SavedSegment) -> None:
        """Show a saved segment for editing."""
        self._current_id = segment.id
        self.delete_button.setEnabled(True)
        self.name_edit.setText(segment.name)
        if self.root is not None:
            self.root.load(segment.definition.root)
        self.schedule_count()

    def save(self) -> None:
        store, actor = self._session.store, self._session.actor
        name, definition, current = self.name_edit.text(), self.definition(), self._current_id

        def work(_: TaskControl) -> tuple[Any, list[SavedSegment]]:
            saved_id = save_segment(store, actor, name, definition, segment_id=current)
            return saved_id, list_segments(store)

        self._worker.submit(work, on_success=self._saved_done, on_failure=self._show_error)

    def _saved_done(self, result: tuple[Any, list[SavedSegment]]) -> None:
        self._current_id, saved = result
        self.delete_button.setEnabled(True)
        self._show_saved(saved)
        self.saved_box.setCurrentIndex(self.saved_box.findData(str(self._current_id)))
        self.segments_changed.emit()

    def _delete(self) -> None:
        if self._current_id is None:
            return
        store, actor, current = self._session.store, self._session.actor, self._current_id

        def work(_: TaskControl) -> list[SavedSegment]:
            delete_segment(store, actor, current)
            return list_segments(store)

        def done(saved: list[SavedSegment]) -> None:
            self._show_saved(saved)
            self.new_segment()
            self.segments_changed.emit()

        self._worker.submit(work, on_success=done, on_failure=self._show_error)

    # -- export ---------------------------------------------------------------------

    def _export(self, file_format: str) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export segment"), f"segment.{file_format}", f"*.{file_format}"
        )
        if path:
            self.export_to(Path(path), file_format)

    def export_to(self, path: Path, file_format: str) -> None:
        """Write the members to ``path`` on the worker, with a progress bar."""
        store, actor, definition = self._session.store, self._session.actor, self.definition()
        self.progress.setValue(0)
        self.progress.show()

        def work(control: TaskControl) -> int:
            return export_segment(
                store, actor, definition, path, file_format, progress=control.report_progress
            )

        def progressed(done: int, total: int) -> None:
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(done)

        def finished(rows: int) -> None:
            self.progress.hide()
            self.error_label.setText(self.tr("Exported {rows} contacts.").format(rows=rows))

        def failed(error: BaseException) -> None:
            self.progress.hide()
            QMessageBox.warning(self, self.tr("Export failed"), str(error))

        self._worker.submit(work, on_success=finished, on_failure=failed, on_progress=progressed)
