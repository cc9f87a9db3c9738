"""File › Switch User…: hand the app to another of the store's users without quitting.

``UserSwitcher`` runs the choice (the store's users and sync status read on the
worker, then ``SwitchUserDialog``) and emits ``switched`` with the new session;
``keep_switching`` (ui/app.py) opens a window for it and closes the old one, the
store staying open. On a store with a server account the new user signs in
with their password first; changes not yet pushed stop the switch, since the
next sync would send them under the new user's name.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox

from contactdesk.services.actor import Actor
from contactdesk.services.directory import UserInfo, list_users
from contactdesk.sync.credentials import TokenStore
from contactdesk.sync.sync_state import SyncStatus, read_status
from ui.app_session import AppSession
from ui.database_worker import TaskControl
from ui.dialogs.switch_user_dialog import SignInAs, SwitchUserDialog
from ui.session_start import server_signed_in_user
from ui.settings import LAST_USER, write_option
from ui.sync.sign_in_dialog import signing_in
from ui.view_context import ViewContext

DialogRunner = Callable[[SwitchUserDialog], int]


class UserSwitcher(QObject):
    """The Switch User action of one window; ``switched`` carries the session chosen."""

    switched = Signal(object)  # AppSession

    def __init__(self, context: ViewContext, window: QMainWindow, tokens: TokenStore) -> None:
        super().__init__(window)
        self._context = context
        self._window = window
        self._tokens = tokens
        self.dialog: SwitchUserDialog | None = None
        # Runs the dialog modally; tests pass one that picks, types and accepts.
        self.run_dialog: DialogRunner = SwitchUserDialog.exec
        self.action = QAction(self.tr("S&witch User…"), window)
        self.action.setStatusTip(self.tr("Work as another user of this store without quitting"))
        self.action.triggered.connect(lambda _checked=False: self.switch_user())

    def switch_user(self) -> None:
        """Read who else works in this store (on the worker), then offer them."""
        store = self._context.session.store

        def read(_: TaskControl) -> tuple[list[UserInfo], SyncStatus]:
            return list_users(store), read_status(store)

        self._context.worker.submit(read, on_success=self._offer)

    def _offer(self, loaded: tuple[list[UserInfo], SyncStatus]) -> None:
        users, status = loaded
        current = self._context.session.actor.user_id
        others = [user for user in users if user.id != current]
        title = self.tr("Switch user")
        if not others:
            QMessageBox.information(self._window, title, self.tr("This store has no other user."))
            return
        if status.server_url is not None and status.pending_changes:
            QMessageBox.information(
                self._window,
                title,
                self.tr(
                    "%n change(s) made here have not reached the server yet. Sync first "
                    "(Sync › Sync now), then switch user: the next sync would send them "
                    "under the new user's name.",
                    "",
                    status.pending_changes,
                ),
            )
            return
        sign_in_as: SignInAs | None = None
        if status.server_url is not None:
            sign_in_as = self._signing_in_as(status.server_url)
        self.dialog = SwitchUserDialog(
            others,
            self._context.worker,
            sign_in_as=sign_in_as,
            server_url=status.server_url or "",
            parent=self._window,
        )
        if self.run_dialog(self.dialog) != QDialog.DialogCode.Accepted:
            return
        session = self._chosen_session(self.dialog)
        if session is not None:
            self.switched.emit(session)

    def _signing_in_as(self, server_url: str) -> SignInAs:
        sign_in = signing_in(self._context.session.store, self._tokens)

        def run(username: str, password: str) -> Actor:
            return sign_in(server_url, username, password)

        return run

    def _chosen_session(self, dialog: SwitchUserDialog) -> AppSession | None:
        store = self._context.session.store
        # Signed in: the server's word on role and team, as at start-up.
        user = server_signed_in_user(store) if dialog.signed_in else dialog.chosen_user()
        if user is None:
            return None
        write_option(LAST_USER, user.username)
        return AppSession(store, user.actor(), user)
