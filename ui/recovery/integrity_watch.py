"""The full integrity check of a large store, run on the worker after start.

``open_store`` checks small stores fully while opening; for a large one the
full ``quick_check`` (seconds on 1 GB) would delay the window, so it runs here
instead and ``damage_found`` carries what it found for the window to warn about.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from contactdesk.store.store_health import needs_inline_quick_check, quick_check
from ui.database_worker import DatabaseWorker, TaskControl


class IntegrityWatch(QObject):
    """Runs ``quick_check`` on the worker once; emits ``damage_found`` if it complains."""

    damage_found = Signal(object)  # list[str]
    checked = Signal()

    def __init__(self, store_path: Path, worker: DatabaseWorker, parent: QObject | None = None):
        super().__init__(parent)
        self._path, self._worker = store_path, worker

    def start(self, *, even_if_checked_on_open: bool = False) -> None:
        """Queue the check (skipped when the store was small enough to check on open)."""
        path = self._path
        if needs_inline_quick_check(path) and not even_if_checked_on_open:
            self.checked.emit()
            return

        def check(control: TaskControl) -> list[str]:
            return quick_check(path)

        self._worker.submit(check, on_success=self._report)

    def _report(self, complaints: list[str]) -> None:
        if complaints:
            self.damage_found.emit(complaints)
        self.checked.emit()
