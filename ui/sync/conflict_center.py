"""The conflict center: conflicts side by side; the user picks mine, theirs or a merged value."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contactdesk.services.actor import Actor
from contactdesk.store import Store
from contactdesk.sync.conflicts import ConflictView, open_conflicts, resolve_conflict
from ui.database_worker import DatabaseWorker, TaskControl
from ui.enum_titles import field_title
from ui.locale_formats import format_moment

COLUMNS = ("Record", "Field", "Original", "Mine", "Theirs", "Theirs changed by")


def _shown(value: Any) -> str:
    if value is None:
        return "—"
    return value if isinstance(value, str) else json.dumps(value)


class ConflictCenterDialog(QDialog):
    """Lists open conflicts; a choice becomes a local edit that the next sync sends."""

    def __init__(
        self, store: Store, actor: Actor, worker: DatabaseWorker, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sync conflicts"))
        self.resize(1000, 420)
        self._store, self._actor, self._worker = store, actor, worker
        self.conflicts: list[ConflictView] = []
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(title) for title in COLUMNS])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.note = QLabel(
            self.tr("Nothing is settled until you choose: keep your value, theirs, or a merge.")
        )
        self.merged_edit = QLineEdit()
        self.merged_edit.setPlaceholderText(self.tr("Merged value"))
        self.mine_button = QPushButton(self.tr("Keep mine"))
        self.theirs_button = QPushButton(self.tr("Keep theirs"))
        self.merged_button = QPushButton(self.tr("Use merged value"))
        self.mine_button.clicked.connect(lambda: self.resolve_selected("mine"))
        self.theirs_button.clicked.connect(lambda: self.resolve_selected("theirs"))
        self.merged_button.clicked.connect(lambda: self.resolve_selected("merged"))
        buttons = QHBoxLayout()
        for widget in (self.merged_edit, self.merged_button, self.mine_button, self.theirs_button):
            buttons.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        def task(_control: TaskControl) -> list[ConflictView]:
            return open_conflicts(self._store)

        self._worker.submit(task, on_success=self._show)

    def _show(self, conflicts: list[ConflictView]) -> None:
        self.conflicts = conflicts
        self.table.setRowCount(len(conflicts))
        for row, conflict in enumerate(conflicts):
            changed = conflict.changed_by or self.tr("someone on the server")
            if conflict.changed_at is not None:
                changed = (
                    self.tr("%1, %2")
                    .replace("%1", changed)
                    .replace("%2", format_moment(conflict.changed_at))
                )
            cells = (
                conflict.record_title or str(conflict.record_id),
                field_title(conflict.entity, conflict.field)
                if not conflict.refused
                else self.tr("(whole change)"),
                _shown(conflict.original),
                _shown(conflict.mine),
                self.tr("deleted") if conflict.record_deleted else _shown(conflict.theirs),
                changed,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        # Values are short phrases: room for them, wrapped, beats an ellipsis.
        header = self.table.horizontalHeader()
        self.table.resizeColumnsToContents()
        for column in range(len(COLUMNS) - 1):
            header.resizeSection(column, min(header.sectionSize(column), 200))
        self.table.resizeRowsToContents()
        if conflicts:
            self.table.selectRow(0)

    def resolve_selected(self, choice: str) -> None:
        """Settle the selected conflict with ``choice`` (mine, theirs, merged) on the worker."""
        row = self.table.currentRow()
        if not 0 <= row < len(self.conflicts):
            return
        conflict = self.conflicts[row]
        merged = self.merged_edit.text()

        def task(_control: TaskControl) -> None:
            resolve_conflict(
                self._store,
                self._actor,
                conflict.id,
                choice,  # type: ignore[arg-type]  # one of the three buttons
                merged if choice == "merged" else None,
            )

        self._worker.submit(
            task,
            on_success=lambda _none: self.reload(),
            on_failure=lambda error: self.note.setText(str(error)),
        )
