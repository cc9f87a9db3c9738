"""The sign-in dialog: server, user and password, exchanged for a token off the UI thread."""

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
from ui.database_worker import DatabaseWorker, TaskControl

# (server url, username, password) -> the signed-in user; runs on the worker.
SignIn = Callable[[str, str, str], Actor]


class SignInDialog(QDialog):
    """Asks for server, user and password; the password is handed on and never kept."""

    def __init__(
        self,
        worker: DatabaseWorker,
        sign_in: SignIn,
        *,
        server_url: str = "",
        keyring_note: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in to the ContactDesk server"))
        self._worker = worker
        self._sign_in = sign_in
        self.actor: Actor | None = None
        self.server_edit = QLineEdit(server_url)
        self.server_edit.setPlaceholderText("https://contactdesk.example.com")
        self.user_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020")
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
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if keyring_note:
            note = QLabel(keyring_note)
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addWidget(self.error_label)
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
        self.password_edit.clear()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.show_error(str(error))

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
