"""The sign-in dialog: server, user and password, exchanged for a token off the UI thread.

Built as ``SignInDialog(store, parent)`` (the first-run welcome and the Sync menu
do so): it signs ``store`` in with the real server client, keeping the token in
the keyring (or for the session only, and says so). Tests pass ``sign_in``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from contactdesk.services.actor import Actor
from contactdesk.store import Store
from contactdesk.sync import sign_in as signing
from contactdesk.sync.credentials import TokenStore, app_token_store
from contactdesk.sync.server_client import ServerClient
from ui.database_worker import DatabaseWorker, TaskControl
from ui.settings import SERVER_URL, read_option, write_option
from ui.style import set_role

# (server url, username, password) -> the signed-in user; runs on the worker.
SignIn = Callable[[str, str, str], Actor]


class SignInDialog(QDialog):
    """Asks for server, user and password; the password is handed on and never kept."""

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        worker: DatabaseWorker | None = None,
        sign_in: SignIn | None = None,
        tokens: TokenStore | None = None,
        server_url: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in to the ContactDesk server"))
        # Before the main window exists (first run) there is no worker to borrow.
        self._worker = worker or DatabaseWorker(self)
        tokens = tokens or app_token_store()
        self._sign_in = sign_in or signing_in(store, tokens)
        self.actor: Actor | None = None
        keyring_note = (
            None
            if tokens.persistent
            else self.tr(
                "This computer has no secure keyring: you stay signed in until you quit "
                "ContactDesk, and will be asked again next time."
            )
        )
        self.server_edit = QLineEdit(read_option(SERVER_URL) if server_url is None else server_url)
        self.server_edit.setPlaceholderText("https://contactdesk.example.com")
        self.user_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        set_role(self.error_label, "error")
        self.error_label.hide()
        form = QFormLayout()
        form.addRow(self.tr("Server"), self.server_edit)
        form.addRow(self.tr("User"), self.user_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        intro = QLabel(
            self.tr(
                "Sign in with the account your administrator gave you. ContactDesk keeps "
                "working offline and syncs whenever the server can be reached."
            )
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        if keyring_note:
            note = QLabel(keyring_note)
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        """Sign in on the worker; accept on success, show the server's message on failure."""
        url, user, password = (
            self.server_edit.text().strip(),
            self.user_edit.text().strip(),
            self.password_edit.text(),
        )
        if not url or not user or not password:
            self.show_error(self.tr("Enter the server address, your user name and password."))
            return
        self.buttons.setEnabled(False)

        def task(_control: TaskControl) -> Actor:
            return self._sign_in(url, user, password)

        self._worker.submit(task, on_success=self._signed_in, on_failure=self._failed)

    def _signed_in(self, actor: Actor) -> None:
        self.actor = actor
        write_option(SERVER_URL, self.server_edit.text().strip())
        self.password_edit.clear()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.show_error(str(error))

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()


def signing_in(store: Store, tokens: TokenStore) -> SignIn:
    """Sign ``store`` in over HTTP; runs on the worker, one client per attempt."""

    def run(url: str, username: str, password: str) -> Actor:
        client = ServerClient(url)
        try:
            return signing.sign_in(store, client, username, password, tokens)
        finally:
            client.close()

    return run
