"""A record's history as a panel any record view can embed: when, who, field, from, to.

Reads ``record_history`` on the database worker, so it shows exactly what the
acting role may see (a hidden field's history is not there). Call
``show_record(entity, record_id)`` when the view's record changes, and
``reload()`` after a save.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from contactdesk.services.actor import Actor
from contactdesk.services.record_history import HistoryEntry, record_history
from contactdesk.store import Store
from ui.database_worker import DatabaseWorker, TaskControl
from ui.locale_formats import format_moment


def _shown(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


class RecordHistoryPanel(QWidget):
    """One row per changed field, newest change first. Lives on the UI thread."""

    loaded = Signal()

    def __init__(
        self,
        store: Store,
        actor: Actor,
        worker: DatabaseWorker,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store, self._actor, self._worker = store, actor, worker
        self._entity: str | None = None
        self._record_id: str | None = None
        self._deferred: tuple[str, str] | None = None
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("Field"), self.tr("From"), self.tr("To")]
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        # A panel closed before its history arrives must not be filled after it is gone.
        key = self._task_key = f"history-{id(self)}"
        self.destroyed.connect(lambda _object=None: worker.cancel(key))

    def show_record(self, entity: str, record_id: uuid.UUID | str) -> None:
        """Show the history of another record."""
        self._entity, self._record_id = entity, str(record_id)
        self.reload()

    def show_record_when_shown(self, entity: str, record_id: uuid.UUID | str) -> None:
        """Read the record's history only once the panel is first shown (a tab not opened yet).

        Waiting for the show event rather than the tab widget's currentChanged:
        a tab widget being destroyed emits currentChanged into an owner whose
        Python half is already gone.
        """
        self._deferred = (entity, str(record_id))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        deferred, self._deferred = self._deferred, None
        if deferred is not None:
            self.show_record(*deferred)

    def reload(self) -> None:
        """Read the history again on the worker."""
        if self._entity is None or self._record_id is None:
            return
        store, actor, entity, record_id = self._store, self._actor, self._entity, self._record_id

        def read(control: TaskControl) -> list[HistoryEntry]:
            return record_history(store, actor, entity, record_id)

        self._worker.submit(read, key=self._task_key, on_success=self._show, on_failure=self._fail)

    def rows(self) -> list[list[str]]:
        """The cells shown, row by row (for tests and copying)."""
        return [
            [item.text(column) for column in range(self.tree.columnCount())]
            for item in (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
            if item is not None
        ]

    def _show(self, entries: list[HistoryEntry]) -> None:
        self.tree.clear()
        for entry in entries:
            when = format_moment(entry.at)
            who = entry.actor_name or self.tr("unknown")
            if not entry.synced:
                who = self.tr("%1 (not yet synced)").replace("%1", who)
            if not entry.fields or entry.op != "update":
                self.tree.addTopLevelItem(QTreeWidgetItem([when, who, self._op_text(entry.op)]))
            for change in entry.fields if entry.op == "update" else []:
                self.tree.addTopLevelItem(
                    QTreeWidgetItem(
                        [when, who, change.label, _shown(change.old), _shown(change.new)]
                    )
                )
        # Who and when are short and must be read whole; From and To share the rest.
        for column in range(self.tree.columnCount() - 1):
            self.tree.resizeColumnToContents(column)
        self.loaded.emit()

    def _op_text(self, op: str) -> str:
        texts = {
            "create": self.tr("created"),
            "delete": self.tr("deleted"),
            "merge": self.tr("merged"),
            "unmerge": self.tr("merge undone"),
        }
        return texts.get(op, op)

    def _fail(self, error: BaseException) -> None:
        self.tree.clear()
        self.tree.addTopLevelItem(QTreeWidgetItem(["", "", str(error)]))
        self.loaded.emit()
