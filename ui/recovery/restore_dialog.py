"""The "Restore from backup" window: the store's snapshots, and restoring one safely.

Restoring names the unsynced changes that the chosen snapshot lacks and asks
before going ahead; they then stay in a safety copy of the replaced store.
The store must be closed while this runs (the app offers it before opening,
or after closing the main window). File work runs on the database worker.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contactdesk.store.snapshots import (
    PendingChange,
    RestoreReport,
    Snapshot,
    changes_lost_by_restoring,
    list_snapshots,
    restore_snapshot,
)
from ui.database_worker import DatabaseWorker, TaskControl

PATH_ROLE = int(Qt.ItemDataRole.UserRole) + 1
# Asks whether to restore although the listed changes would be lost; tests answer it.
LossConfirmation = Callable[[QWidget, list[PendingChange]], bool]


def confirm_loss(parent: QWidget, lost: list[PendingChange]) -> bool:
    """Ask, naming the changes, whether to restore and keep them only in the safety copy."""
    names = "\n".join(f"• {c.op} {c.entity} {c.record_id[:8]} ({c.at})" for c in lost[:10])
    text = (
        parent.tr(
            "%1 changes made here have not reached the server and are not in this snapshot:"
            "\n\n%2\n\nRestore anyway? They stay in a safety copy of the current store."
        )
        .replace("%1", str(len(lost)))
        .replace("%2", names)
    )
    answer = QMessageBox.question(parent, parent.tr("Unsynced changes"), text)
    return answer == QMessageBox.StandardButton.Yes


class RestoreDialog(QDialog):
    """Lists the snapshots of ``store_path``, newest first, and restores the chosen one."""

    restored = Signal(object)  # RestoreReport
    failed = Signal(str)

    def __init__(
        self,
        store_path: Path,
        worker: DatabaseWorker,
        *,
        confirm: LossConfirmation = confirm_loss,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._path, self._worker, self._confirm = store_path, worker, confirm
        self.report: RestoreReport | None = None
        self.setWindowTitle(self.tr("Restore from backup"))
        self.setMinimumSize(560, 320)
        self.snapshots = QTreeWidget()
        self.snapshots.setHeaderLabels([self.tr("Taken"), self.tr("Why"), self.tr("Size")])
        self.snapshots.setRootIsDecorated(False)
        self.snapshots.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.clicked.connect(self.restore_selected)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.snapshots)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        """List the snapshots again (on the worker)."""
        path = self._path

        def read(control: TaskControl) -> list[Snapshot]:
            return list_snapshots(path)

        self._worker.submit(read, on_success=self._show, on_failure=self._fail)

    def _show(self, snapshots: list[Snapshot]) -> None:
        self.snapshots.clear()
        for snapshot in snapshots:
            local = snapshot.taken_at.astimezone()
            item = QTreeWidgetItem(
                [
                    local.strftime("%Y-%m-%d %H:%M:%S"),
                    snapshot.reason,
                    self.tr("%1 KB").replace("%1", f"{snapshot.size // 1024:,}"),
                ]
            )
            item.setData(0, PATH_ROLE, str(snapshot.path))
            self.snapshots.addTopLevelItem(item)
        newest = self.snapshots.topLevelItem(0)
        if newest is not None:
            self.snapshots.setCurrentItem(newest)
        else:
            self.status.setText(self.tr("There are no snapshots of this store yet."))
        self.restore_button.setEnabled(bool(snapshots))

    def selected_snapshot(self) -> Path | None:
        item = self.snapshots.currentItem()
        return None if item is None else Path(item.data(0, PATH_ROLE))

    def restore_selected(self) -> None:
        """Restore the selected snapshot, asking first if unsynced changes would be lost."""
        chosen = self.selected_snapshot()
        if chosen is None:
            return
        path = self._path

        def find_loss(control: TaskControl) -> list[PendingChange]:
            return changes_lost_by_restoring(path, chosen)

        def decide(lost: list[PendingChange]) -> None:
            if lost and not self._confirm(self, lost):
                self.status.setText(self.tr("Nothing was restored."))
                return
            self._restore(chosen, allow_loss=bool(lost))

        self._worker.submit(find_loss, on_success=decide, on_failure=self._fail)

    def _restore(self, chosen: Path, *, allow_loss: bool) -> None:
        path = self._path

        def restore(control: TaskControl) -> RestoreReport:
            return restore_snapshot(path, chosen, allow_loss=allow_loss)

        self._worker.submit(restore, on_success=self._done, on_failure=self._fail)

    def _done(self, report: RestoreReport) -> None:
        self.report = report
        self.status.setText(
            self.tr("Restored. The replaced store is kept at %1.").replace(
                "%1", str(report.safety_copy)
            )
        )
        self.restored.emit(report)
        self.accept()

    def _fail(self, error: BaseException) -> None:
        self.status.setText(str(error))
        self.failed.emit(str(error))
