"""Sync in the background: on start, every few minutes, shortly after local edits, on demand.

Every sync runs on the database worker (it writes the store); the UI thread
only starts it and shows the result. Edits are debounced so that typing a
few fields sends one sync, not one per keystroke.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from contactdesk.services.changes import ChangeSet
from contactdesk.store import Store
from contactdesk.sync.sync_state import SyncStatus, read_status
from ui.database_worker import DatabaseWorker, TaskControl

if TYPE_CHECKING:
    # The sync client and engine (pydantic, httpx) load with the first sync.
    from contactdesk.sync.server_client import ServerClient
    from contactdesk.sync.sync_engine import SyncReport

EDIT_DEBOUNCE_MS = 5_000
SYNC_KEY = "sync"


class BackgroundSync(QObject):
    """Schedules syncs of one store and reports their outcome by signal (on the UI thread)."""

    status_changed = Signal(object, object)  # SyncStatus, error text or None
    progressed = Signal(int, int)
    finished = Signal(object)  # SyncReport
    _edited = Signal()

    def __init__(
        self,
        store: Store,
        worker: DatabaseWorker,
        client_factory: Callable[[], ServerClient | None],
        *,
        interval_minutes: int = 15,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._worker = worker
        self._client_factory = client_factory
        self.running = False
        self.last_error: str | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(max(1, interval_minutes) * 60_000)
        self.timer.timeout.connect(self.sync_now)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(EDIT_DEBOUNCE_MS)
        self.debounce.timeout.connect(self.sync_now)
        self._edited.connect(self.debounce.start)
        store.add_listener(self._on_store_changed)

    def start(self) -> None:
        """Sync once now and then on the interval."""
        self.timer.start()
        self.sync_now()

    def stop(self) -> None:
        self.timer.stop()
        self.debounce.stop()
        self._store.remove_listener(self._on_store_changed)

    def _on_store_changed(self, _changes: ChangeSet) -> None:
        # Listeners may run on the worker thread; the signal hops to the UI thread.
        if not self.running:
            self._edited.emit()

    def sync_now(self) -> None:
        """Start a sync unless one is running or nobody is signed in."""
        if self.running:
            return
        client = self._client_factory()
        if client is None:
            self.refresh_status()
            return
        self.running = True

        def task(control: TaskControl) -> SyncReport:
            # Imported here, on the worker: the engine's first load is not the UI's wait.
            from contactdesk.sync.sync_engine import SyncEngine

            try:
                return SyncEngine(
                    self._store,
                    client,
                    progress=control.report_progress,
                    cancelled=lambda: control.cancelled,
                ).sync()
            finally:
                client.close()

        self._worker.submit(
            task,
            on_success=self._succeeded,
            on_failure=self._failed,
            on_progress=self.progressed.emit,
            key=SYNC_KEY,
        )

    def _succeeded(self, report: SyncReport) -> None:
        self.running = False
        self.last_error = None
        self.debounce.stop()
        self.finished.emit(report)
        self.refresh_status()

    def _failed(self, error: BaseException) -> None:
        self.running = False
        self.last_error = str(error)
        self.refresh_status()

    def refresh_status(self) -> None:
        """Read the sync status on the worker and emit it."""

        def task(_control: TaskControl) -> SyncStatus:
            return read_status(self._store)

        self._worker.submit(
            task, on_success=lambda status: self.status_changed.emit(status, self.last_error)
        )
