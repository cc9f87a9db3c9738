"""Duplicate review: candidate pairs, the two contacts side by side, pick per field, merge, undo.

Finding, comparing, merging and undoing run on the database worker.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contactdesk.duplicates import (
    ABSORBED,
    SURVIVOR,
    CandidateReport,
    DuplicateCandidate,
    FieldPair,
    compare_contacts,
    find_duplicate_candidates,
    merge_contacts,
    unmerge_contacts,
)
from ui.database_worker import TaskControl
from ui.view_context import ViewContext

PAIR_ROLE = Qt.ItemDataRole.UserRole + 1


def _shown(value: Any) -> str:
    return "" if value is None else str(value)


class DuplicateReview(QWidget):
    """Candidate list on the left; the chosen pair side by side on the right."""

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.pairs: list[FieldPair] = []
        self.current: DuplicateCandidate | None = None
        self.last_merge: uuid.UUID | None = None
        self.candidates = QListWidget()
        self.candidates.setAccessibleName(self.tr("Possible duplicates"))
        self.candidates.currentItemChanged.connect(self._pair_chosen)
        self.find_button = QPushButton(self.tr("Find duplicates"))
        self.find_button.clicked.connect(self.find_candidates)
        left = QVBoxLayout()
        left.addWidget(self.find_button)
        left.addWidget(self.candidates, 1)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Keep"), self.tr("Merge in")]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.cellClicked.connect(self._cell_clicked)
        self.merge_button = QPushButton(self.tr("Merge"))
        self.merge_button.setEnabled(False)
        self.merge_button.clicked.connect(self.merge)
        self.undo_button = QPushButton(self.tr("Undo merge"))
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo)
        self.status = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.merge_button)
        buttons.addWidget(self.undo_button)
        right = QVBoxLayout()
        right.addWidget(self.table, 1)
        right.addLayout(buttons)
        left_widget, right_widget = QWidget(), QWidget()
        left_widget.setLayout(left)
        right_widget.setLayout(right)
        splitter = QSplitter()
        splitter.addWidget(left_widget)
        splitter.addWidget(right_widget)
        splitter.setStretchFactor(1, 2)
        QVBoxLayout(self).addWidget(splitter)

    def _submit(self, task: Any, on_success: Any) -> None:
        self.context.worker.submit(
            task, on_success=on_success, on_failure=lambda e: self.status.setText(str(e))
        )

    @Slot()
    def find_candidates(self) -> None:
        """Look for candidate pairs on the worker."""
        store, actor = self.context.session.store, self.context.session.actor

        def task(control: TaskControl) -> CandidateReport:
            return find_duplicate_candidates(store, actor, cancelled=lambda: control.cancelled)

        self.status.setText(self.tr("Searching…"))
        self._submit(task, self.show_candidates)

    def show_candidates(self, report: CandidateReport) -> None:
        self.candidates.clear()
        for candidate in report.candidates:
            item = QListWidgetItem(
                self.tr("%1: %2").replace("%1", candidate.reason).replace("%2", candidate.detail)
            )
            item.setData(PAIR_ROLE, candidate)
            self.candidates.addItem(item)
        self.status.setText(self.tr("%n pair(s) found", "", len(report.candidates)))

    @Slot(QListWidgetItem, QListWidgetItem)
    def _pair_chosen(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is None:
            return
        candidate: DuplicateCandidate = item.data(PAIR_ROLE)
        store, actor = self.context.session.store, self.context.session.actor

        def task(control: TaskControl) -> list[FieldPair]:
            return compare_contacts(store, actor, candidate.first_id, candidate.second_id)

        self.current = candidate
        self._submit(task, self.show_pair)

    def show_pair(self, pairs: list[FieldPair]) -> None:
        """Both contacts side by side; the survivor's value is picked unless it is empty."""
        self.pairs = [pair for pair in pairs if pair.first is not None or pair.second is not None]
        self.table.setRowCount(len(self.pairs))
        for row, pair in enumerate(self.pairs):
            self.table.setItem(row, 0, QTableWidgetItem(pair.label))
            for column, value in ((1, pair.first), (2, pair.second)):
                cell = QTableWidgetItem(_shown(value))
                if pair.pickable and pair.differs:
                    cell.setFlags(cell.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    keep = (column == 1) == (pair.first is not None)
                    cell.setCheckState(Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked)
                self.table.setItem(row, column, cell)
        self.merge_button.setEnabled(bool(self.pairs))

    @Slot(int, int)
    def _cell_clicked(self, row: int, column: int) -> None:
        if column in (1, 2):
            self.pick(row, SURVIVOR if column == 1 else ABSORBED)

    def pick(self, row: int, side: str) -> None:
        """Choose which contact's value of field ``row`` the merged contact keeps."""
        for column, name in ((1, SURVIVOR), (2, ABSORBED)):
            cell = self.table.item(row, column)
            if cell is not None and cell.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                checked = Qt.CheckState.Checked if name == side else Qt.CheckState.Unchecked
                cell.setCheckState(checked)

    def picks(self) -> dict[str, str]:
        chosen: dict[str, str] = {}
        for row, pair in enumerate(self.pairs):
            cell = self.table.item(row, 2)
            if cell is not None and cell.checkState() == Qt.CheckState.Checked:
                chosen[pair.name] = ABSORBED
            elif cell is not None and cell.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                chosen[pair.name] = SURVIVOR
        return chosen

    @Slot()
    def merge(self) -> None:
        """Merge the right-hand contact into the left-hand one, with the picks made."""
        if self.current is None:
            return
        store, actor = self.context.session.store, self.context.session.actor
        survivor, absorbed, picks = self.current.first_id, self.current.second_id, self.picks()

        def task(control: TaskControl) -> uuid.UUID:
            return merge_contacts(store, actor, survivor, absorbed, picks).merge_id

        self._submit(task, self._merged)

    def _merged(self, merge_id: uuid.UUID) -> None:
        self.last_merge = merge_id
        self.undo_button.setEnabled(True)
        self.merge_button.setEnabled(False)
        row = self.candidates.currentRow()
        self.candidates.takeItem(row)
        self.status.setText(self.tr("Merged. Every value was kept."))

    @Slot()
    def undo(self) -> None:
        """Unmerge the last merge: both contacts and their links come back."""
        if self.last_merge is None:
            return
        store, actor, merge_id = (
            self.context.session.store,
            self.context.session.actor,
            self.last_merge,
        )

        def task(control: TaskControl) -> None:
            unmerge_contacts(store, actor, merge_id)

        self.undo_button.setEnabled(False)
        self._submit(task, lambda _: self.status.setText(self.tr("Merge undone.")))
