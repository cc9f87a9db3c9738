"""The status bar's sync corner: last sync, pending changes, conflicts, progress, Sync now."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from contactdesk.sync.sync_state import SyncStatus


class SyncStatusWidget(QWidget):
    """Shows a SyncStatus; emits ``sync_requested`` and ``conflicts_requested`` on clicks."""

    sync_requested = Signal()
    conflicts_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state_label = QLabel(self.tr("Not signed in"))
        self.pending_label = QLabel()
        self.conflicts_button = QPushButton()
        self.conflicts_button.setFlat(True)
        self.conflicts_button.clicked.connect(self.conflicts_requested)
        self.progress = QProgressBar()
        self.progress.setFixedWidth(180)
        self.progress.hide()
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.clicked.connect(self.sync_requested)
        # Nothing to sync with until the store is signed in to a server: no dead button.
        self._signed_in = False
        self._show_sign_in_needed()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (
            self.state_label,
            self.pending_label,
            self.conflicts_button,
            self.progress,
            self.sync_button,
        ):
            layout.addWidget(widget)

    def show_status(self, status: SyncStatus, error: str | None = None) -> None:
        """Show what the store's sync state says (and the last failure, if any)."""
        self._signed_in = status.signed_in
        if error:
            self.state_label.setText(self.tr("Sync failed: %1").replace("%1", error))
        elif not status.signed_in:
            self.state_label.setText(self.tr("Not signed in"))
        elif status.last_sync_at is None:
            self.state_label.setText(self.tr("Never synced"))
        else:
            when = status.last_sync_at.astimezone().strftime("%H:%M")
            self.state_label.setText(self.tr("Synced at %1").replace("%1", when))
        self.pending_label.setText(
            self.tr("%1 changes to send").replace("%1", str(status.pending_changes))
        )
        self.conflicts_button.setText(
            self.tr("%1 conflicts").replace("%1", str(status.open_conflicts))
        )
        self.conflicts_button.setEnabled(status.open_conflicts > 0)
        self.sync_button.setEnabled(status.signed_in)
        if status.signed_in:
            self.sync_button.setToolTip("")
        else:
            self._show_sign_in_needed()

    def _show_sign_in_needed(self) -> None:
        self.sync_button.setEnabled(False)
        self.sync_button.setToolTip(self.tr("Sign in to a server first: Sync → Sign in…"))

    def show_progress(self, done: int, total: int) -> None:
        """A large first sync: how far through the server's feed it is, as a percentage."""
        self.progress.show()
        self.progress.setMaximum(max(total, done, 1))
        self.progress.setValue(done)
        # %p is Qt's own placeholder for the percentage.
        self.progress.setFormat(self.tr("Syncing… %p%"))

    def syncing(self, running: bool) -> None:
        self.sync_button.setEnabled(not running and self._signed_in)
        if not running:
            self.progress.hide()
