"""Sync in the main window: the Sync menu, the status bar corner and the background schedule.

The window builds one ``SyncController`` and calls ``stop()`` before it closes.
Everything that touches the store or the network runs on the window's
database worker; the UI thread only keeps the server address and user name
of the sign-in, so that starting a sync never waits for the disk or the network.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from contactdesk.services.changes import ChangeSet
from contactdesk.sync.credentials import TokenStore, app_token_store
from contactdesk.sync.sync_state import SyncStatus
from ui.database_worker import TaskControl
from ui.settings import SYNC_INTERVAL_MINUTES, read_option
from ui.sync.background_sync import BackgroundSync
from ui.sync.sync_status_widget import SyncStatusWidget
from ui.view_context import ViewContext

if TYPE_CHECKING:
    # The sync client (pydantic, httpx) and its dialogs load when first used,
    # not at start: a window that is not signed in needs none of them.
    from contactdesk.sync.server_client import ServerClient
    from contactdesk.sync.sync_engine import SyncReport
    from ui.sync.conflict_center import ConflictCenterDialog
    from ui.sync.phone_access_dialog import PhoneAccessDialog
    from ui.sync.sign_in_dialog import SignInDialog

SYNC_NOW_SHORTCUT = "Ctrl+Shift+Y"
# Local edits change the pending count; a burst of them reads the status once.
STATUS_REFRESH_DELAY_MS = 300


class SyncController(QObject):
    """Owns the window's BackgroundSync, its status widget and the Sync menu's actions."""

    def __init__(
        self,
        context: ViewContext,
        window: QMainWindow,
        *,
        tokens: TokenStore | None = None,
        start: bool = True,
    ) -> None:
        super().__init__(window)
        self._context = context
        self._window = window
        self._store = context.session.store
        self.tokens = tokens or app_token_store()
        self.status: SyncStatus | None = None
        self.sign_in_dialog: SignInDialog | None = None
        self.conflict_center: ConflictCenterDialog | None = None
        self.phone_access: PhoneAccessDialog | None = None
        self.widget = SyncStatusWidget()
        window.statusBar().addPermanentWidget(self.widget)
        self.background = BackgroundSync(
            self._store,
            context.worker,
            self._client,
            interval_minutes=read_option(SYNC_INTERVAL_MINUTES),
            parent=self,
        )
        self.background.status_changed.connect(self._show_status)
        self.background.progressed.connect(self._show_progress)
        self.background.finished.connect(self._synced)
        self.widget.sync_requested.connect(self.sync_now)
        self.widget.conflicts_requested.connect(self.show_conflicts)
        self._status_timer = QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.setInterval(STATUS_REFRESH_DELAY_MS)
        self._status_timer.timeout.connect(self.background.refresh_status)
        context.relay.changed.connect(self._on_store_changed)
        self._build_actions()
        if start:
            self.refresh()

    # -- menu -----------------------------------------------------------------

    def _build_actions(self) -> None:
        window = self._window
        self.sign_in_action = QAction(self.tr("Sign &In…"), window)
        self.sync_now_action = QAction(self.tr("&Sync Now"), window)
        self.sync_now_action.setShortcut(QKeySequence(SYNC_NOW_SHORTCUT))
        self.conflicts_action = QAction(self.tr("&Conflicts…"), window)
        self.sign_out_action = QAction(self.tr("Sign &Out"), window)
        self.phone_access_action = QAction(self.tr("&Phones and Calendars…"), window)
        self.phone_access_action.triggered.connect(lambda _checked=False: self.show_phone_access())
        self.sign_in_action.triggered.connect(lambda _checked=False: self.show_sign_in())
        self.sync_now_action.triggered.connect(lambda _checked=False: self.sync_now())
        self.conflicts_action.triggered.connect(lambda _checked=False: self.show_conflicts())
        self.sign_out_action.triggered.connect(lambda _checked=False: self.sign_out())
        self._enable_actions()

    def add_menu(self, before: QAction | None = None) -> QMenu:
        """The Sync menu, in the window's menu bar (before ``before``, when given)."""
        menu = QMenu(self.tr("S&ync"), self._window)
        menu.addAction(self.sync_now_action)
        menu.addAction(self.conflicts_action)
        menu.addAction(self.phone_access_action)
        menu.addSeparator()
        menu.addAction(self.sign_in_action)
        menu.addAction(self.sign_out_action)
        bar = self._window.menuBar()
        if before is None:
            bar.addMenu(menu)
        else:
            bar.insertMenu(before, menu)
        return menu

    def _enable_actions(self) -> None:
        signed_in = self.status is not None and self.status.signed_in
        self.sync_now_action.setEnabled(signed_in and not self.background.running)
        self.sign_out_action.setEnabled(signed_in)
        self.phone_access_action.setEnabled(signed_in)
        self.conflicts_action.setEnabled(self.status is not None and self.status.open_conflicts > 0)

    # -- schedule -------------------------------------------------------------

    def refresh(self) -> None:
        """Read the sign-in on the worker; start the schedule when the store is signed in."""
        self.background.refresh_status()

    def _client(self) -> ServerClient | None:
        """A client for the signed-in user, or None (not signed in, or no token kept)."""
        status = self.status
        if status is None or status.server_url is None or status.username is None:
            return None
        token = self.tokens.load(status.server_url, status.username)
        if token is None:
            return None
        from contactdesk.sync.server_client import ServerClient

        return ServerClient(status.server_url, token)

    @Slot()
    def sync_now(self) -> None:
        """Sync at once (the menu, the shortcut, the status bar's button)."""
        if self._client_available():
            self.widget.syncing(True)
        self.background.sync_now()
        self._enable_actions()

    def _client_available(self) -> bool:
        status = self.status
        return bool(
            status is not None
            and status.signed_in
            and status.server_url is not None
            and status.username is not None
            and self.tokens.load(status.server_url, status.username) is not None
        )

    def stop(self) -> None:
        """Stop the schedule and stop listening to the store; the window is closing."""
        self.background.stop()
        self._status_timer.stop()

    # -- signals --------------------------------------------------------------

    @Slot(object, object)
    def _show_status(self, status: SyncStatus, error: str | None) -> None:
        was_signed_in = self.status is not None and self.status.signed_in
        self.status = status
        if status.signed_in and not self._client_available() and error is None:
            error = self.tr("sign in again to sync")
        self.widget.show_status(status, error)
        self.widget.syncing(self.background.running)
        if status.signed_in and not was_signed_in and self._client_available():
            self.background.start()
        elif not status.signed_in:
            self.background.timer.stop()
        self._enable_actions()

    @Slot(int, int)
    def _show_progress(self, done: int, total: int) -> None:
        # Only a sync of more than one page is worth a bar; one page is over at once.
        if total > done:
            self.widget.show_progress(done, total)

    @Slot(object)
    def _synced(self, _report: SyncReport) -> None:
        self.widget.syncing(False)
        if self.conflict_center is not None and self.conflict_center.isVisible():
            self.conflict_center.reload()

    @Slot(object)
    def _on_store_changed(self, _changes: ChangeSet) -> None:
        self._status_timer.start()

    # -- dialogs --------------------------------------------------------------

    @Slot()
    def show_sign_in(self) -> SignInDialog:
        """Open the sign-in dialog; a sign-in starts syncing."""
        from ui.sync.sign_in_dialog import SignInDialog

        dialog = SignInDialog(
            self._store, self._window, worker=self._context.worker, tokens=self.tokens
        )
        dialog.accepted.connect(self._signed_in)
        self.sign_in_dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def _signed_in(self) -> None:
        dialog = self.sign_in_dialog
        actor = dialog.actor if dialog is not None else None
        if actor is not None and actor.user_id != self._context.session.actor.user_id:
            self._window.statusBar().showMessage(
                self.tr("Signed in as %1: reopen ContactDesk to work as %1.").replace(
                    "%1", actor.username
                )
            )
        # A new sign-in: sync as soon as the status confirms it.
        self.status = None
        self.refresh()

    @Slot()
    def show_conflicts(self) -> ConflictCenterDialog:
        """Open the conflict center; a choice made there syncs shortly after."""
        from ui.sync.conflict_center import ConflictCenterDialog

        dialog = ConflictCenterDialog(
            self._store, self._context.session.actor, self._context.worker, self._window
        )
        self.conflict_center = dialog
        dialog.open()
        return dialog

    @Slot()
    def show_phone_access(self) -> PhoneAccessDialog | None:
        """Open the app passwords of phones and calendar apps (signed in only)."""
        status = self.status
        if status is None or status.server_url is None or status.username is None:
            return None
        from ui.sync.phone_access_dialog import PhoneAccessDialog

        dialog = PhoneAccessDialog(
            self._client, status.server_url, status.username, self._context.worker, self._window
        )
        self.phone_access = dialog
        dialog.open()
        return dialog

    @Slot()
    def sign_out(self) -> None:
        """Revoke the token on the server (on the worker) and forget the sign-in here."""
        status = self.status
        if status is None or status.server_url is None or status.username is None:
            return
        server_url, username = status.server_url, status.username
        store, tokens = self._store, self.tokens
        self.background.timer.stop()

        def task(_control: TaskControl) -> None:
            from contactdesk.sync.server_client import ServerClient
            from contactdesk.sync.sign_in import sign_out

            client = ServerClient(server_url, tokens.load(server_url, username))
            try:
                sign_out(store, client, tokens)
            finally:
                client.close()

        self._context.worker.submit(
            task,
            on_success=lambda _none: self.refresh(),
            on_failure=lambda error: self._signed_out_offline(str(error)),
        )

    def _signed_out_offline(self, error: str) -> None:
        # sign_out forgets the token here even when the server is away.
        self._window.statusBar().showMessage(
            self.tr("Signed out here; the server was not told: %1").replace("%1", error)
        )
        self.refresh()
