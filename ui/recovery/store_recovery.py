"""Opening a store that failed its checks: ask the user, then do what they chose.

``recover_store(path, problem)`` shows the problem dialog and returns a store
to work in (the restored one, a read-only one, or a fresh one to re-sync into)
or None when the user quits. Hook (ui/app.py ``start``): on ``StoreUnusable``
call it instead of the plain message box.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import QDialog, QWidget

from contactdesk.services.store_opening import open_store
from contactdesk.store import Store
from contactdesk.store.snapshots import list_snapshots
from contactdesk.store.store_health import StoreUnusable
from ui.database_worker import DatabaseWorker
from ui.recovery.restore_dialog import RestoreDialog
from ui.recovery.store_problem_dialog import RecoveryChoice, StoreProblemDialog

# Runs a dialog modally and returns its result code; tests pass one that clicks.
DialogRunner = Callable[[QDialog], int]


def _exec(dialog: QDialog) -> int:
    return dialog.exec()


def recover_store(
    path: Path,
    problem: StoreUnusable,
    *,
    server_account: str | None = None,
    parent: QWidget | None = None,
    run_dialog: DialogRunner = _exec,
) -> Store | None:
    """Offer the ways forward for ``problem``; the store to continue with, or None."""
    dialog = StoreProblemDialog(
        problem,
        has_snapshots=bool(list_snapshots(path)),
        server_account=server_account,
        parent=parent,
    )
    run_dialog(dialog)
    if dialog.choice is RecoveryChoice.OPEN_READ_ONLY:
        return open_store(path, read_only=True)
    if dialog.choice is RecoveryChoice.RESTORE:
        # Before the main window exists nothing else uses the store: an immediate
        # worker is enough, and the restore dialog is modal anyway.
        restore = RestoreDialog(path, DatabaseWorker(immediate=True), parent=parent)
        if run_dialog(restore) != QDialog.DialogCode.Accepted or restore.report is None:
            return None
        return open_store(path)
    if dialog.choice is RecoveryChoice.RESYNC:
        set_aside(path)
        return open_store(path)
    return None


def set_aside(path: Path) -> Path:
    """Rename the unusable store (and its journal files) out of the way; returns its new name."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.stem}.unusable-{stamp}{path.suffix}")
    path.rename(target)
    for suffix in ("-wal", "-shm"):
        journal = Path(f"{path}{suffix}")
        if journal.exists():
            journal.rename(Path(f"{target}{suffix}"))
    return target
