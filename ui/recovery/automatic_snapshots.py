"""Automatic snapshots while the app runs: one at start unless a fresh one exists, then daily.

Snapshots of a large store take seconds, so they run on the database worker and
never delay start-up. Hook: ``AutomaticSnapshots(store.path, worker, parent=window).start()``
once the main window exists.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from contactdesk.store.snapshots import DAILY, DEFAULT_KEEP, START_UP_INTERVAL, snapshot_if_due
from ui.database_worker import DatabaseWorker, TaskControl

# How often the app looks whether the daily snapshot is due (cheap: a folder listing).
CHECK_INTERVAL_MS = 60 * 60 * 1000


class AutomaticSnapshots(QObject):
    """Takes the start-up and daily snapshots of one store on the database worker."""

    snapshot_taken = Signal(object)  # Path
    failed = Signal(str)

    def __init__(
        self,
        store_path: Path,
        worker: DatabaseWorker,
        *,
        keep: int = DEFAULT_KEEP,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._path, self._worker, self._keep = store_path, worker, keep
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(lambda: self.take_if_due("daily", DAILY))

    def start(self) -> None:
        """Snapshot now if none is fresh, and check hourly for the daily one."""
        self.take_if_due("start-up", START_UP_INTERVAL)
        self._timer.start()

    def take_if_due(self, reason: str, every: timedelta) -> None:
        """Queue a snapshot on the worker unless the newest is younger than ``every``."""
        path, keep = self._path, self._keep

        def snapshot(control: TaskControl) -> Path | None:
            return snapshot_if_due(path, reason, every, keep=keep)

        self._worker.submit(
            snapshot, key=f"snapshot-{id(self)}", on_success=self._taken, on_failure=self._failed
        )

    def _taken(self, path: Path | None) -> None:
        if path is not None:
            self.snapshot_taken.emit(path)

    def _failed(self, error: BaseException) -> None:
        # A snapshot that cannot be written (disk full) must not stop the user's work;
        # the window shows it as a warning.
        self.failed.emit(str(error))
