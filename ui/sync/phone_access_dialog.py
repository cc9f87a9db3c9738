"""Phones and calendars: app passwords for CardDAV and CalDAV, made and revoked here.

Opened from the Sync menu when signed in. Shows the address and user name to
type into a phone, the live app passwords (name, made, last used), makes a
new one (shown once, to be typed into the phone at once) and revokes one.
Every server call runs on the window's worker; the UI thread never waits.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.database_worker import DatabaseWorker, TaskControl
from ui.locale_formats import format_moment

if TYPE_CHECKING:
    from contactdesk.sync.server_client import ServerClient
    from contactdesk.sync_protocol import AppPasswordCreated, AppPasswordView

# Makes a client signed in as the user (None when not signed in); called on the worker.
ClientFactory = Callable[[], "ServerClient | None"]


class PhoneAccessDialog(QDialog):
    """Lists, makes and revokes the user's app passwords for phones and calendar apps."""

    def __init__(
        self,
        client_factory: ClientFactory,
        server_url: str,
        username: str,
        worker: DatabaseWorker,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Phones and Calendars"))
        self._client_factory = client_factory
        self._worker = worker
        address = server_url.rstrip("/") + "/dav/"
        intro = QLabel(
            self.tr(
                "Your phone's contacts and calendar apps (iPhone, Android with DAVx5, "
                "Thunderbird) can show your ContactDesk contacts and activities. Add a "
                "CardDAV and a CalDAV account there with this address, your user name and "
                "an app password made here for that phone."
            )
        )
        intro.setWordWrap(True)
        self.address_edit = QLineEdit(address)
        self.address_edit.setReadOnly(True)
        self.user_edit = QLineEdit(username)
        self.user_edit.setReadOnly(True)
        self.passwords = QListWidget()
        self.label_edit = QLineEdit()
        self.label_edit.setPlaceholderText(self.tr("Name of the phone or app, e.g. iPhone"))
        self.label_edit.setMaxLength(80)
        self.create_button = QPushButton(self.tr("Make App Password"))
        self.create_button.clicked.connect(self.create_password)
        self.revoke_button = QPushButton(self.tr("Revoke"))
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.revoke_button.setEnabled(False)
        self.passwords.currentItemChanged.connect(
            lambda current, _previous: self.revoke_button.setEnabled(current is not None)
        )
        self.new_password = QLineEdit()
        self.new_password.setReadOnly(True)
        self.new_password.hide()
        self.new_password_note = QLabel(
            self.tr("Type this password into the phone now: it is not shown again.")
        )
        self.new_password_note.setWordWrap(True)
        self.new_password_note.hide()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for title, edit in (
            (self.tr("Address"), self.address_edit),
            (self.tr("User"), self.user_edit),
        ):
            row = QHBoxLayout()
            row.addWidget(QLabel(title))
            row.addWidget(edit, 1)
            layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("App passwords")))
        layout.addWidget(self.passwords, 1)
        make = QHBoxLayout()
        make.addWidget(self.label_edit, 1)
        make.addWidget(self.create_button)
        make.addWidget(self.revoke_button)
        layout.addLayout(make)
        layout.addWidget(self.new_password_note)
        layout.addWidget(self.new_password)
        layout.addWidget(self.status_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reload()

    # -- server calls (on the worker) ---------------------------------------------

    def reload(self) -> None:
        """Read the live app passwords from the server."""

        def task(_control: TaskControl) -> list[AppPasswordView]:
            client = self._signed_in_client()
            try:
                return client.app_passwords()
            finally:
                client.close()

        self._worker.submit(task, on_success=self._show_passwords, on_failure=self._failed)

    def create_password(self) -> None:
        """Make an app password named by the name field; show it once."""
        label = self.label_edit.text().strip()
        if not label:
            self._show_status(self.tr("Name the phone or app the password is for."))
            return
        self.create_button.setEnabled(False)

        def task(_control: TaskControl) -> AppPasswordCreated:
            client = self._signed_in_client()
            try:
                return client.create_app_password(label)
            finally:
                client.close()

        self._worker.submit(task, on_success=self._created, on_failure=self._failed)

    def revoke_selected(self) -> None:
        """Revoke the selected app password: the phone using it can no longer sign in."""
        item = self.passwords.currentItem()
        if item is None:
            return
        password_id = uuid.UUID(str(item.data(Qt.ItemDataRole.UserRole)))
        self.revoke_button.setEnabled(False)

        def task(_control: TaskControl) -> None:
            client = self._signed_in_client()
            try:
                client.revoke_app_password(password_id)
            finally:
                client.close()

        self._worker.submit(task, on_success=lambda _none: self._revoked(), on_failure=self._failed)

    def _signed_in_client(self) -> ServerClient:
        client = self._client_factory()
        if client is None:
            from contactdesk.sync.server_client import AuthenticationFailed

            raise AuthenticationFailed("sign in again to manage app passwords")
        return client

    # -- answers (on the UI thread) ------------------------------------------------

    def _show_passwords(self, rows: list[AppPasswordView]) -> None:
        self.passwords.clear()
        for row in rows:
            made = format_moment(row.created_at)
            used = format_moment(row.last_used_at) if row.last_used_at else self.tr("never")
            text = self.tr("%1 (made %2, last used %3)").replace("%2", made).replace("%3", used)
            item = QListWidgetItem(text.replace("%1", row.label))
            item.setData(Qt.ItemDataRole.UserRole, str(row.id))
            self.passwords.addItem(item)
        self.revoke_button.setEnabled(self.passwords.currentItem() is not None)

    def _created(self, made: AppPasswordCreated) -> None:
        self.create_button.setEnabled(True)
        self.label_edit.clear()
        self.new_password.setText(made.password)
        self.new_password.show()
        self.new_password_note.show()
        self._show_status(self.tr("Made an app password for %1.").replace("%1", made.label))
        self.reload()

    def _revoked(self) -> None:
        self.new_password.clear()
        self.new_password.hide()
        self.new_password_note.hide()
        self._show_status(self.tr("Revoked: that phone or app can no longer sign in."))
        self.reload()

    def _failed(self, error: BaseException) -> None:
        self.create_button.setEnabled(True)
        self.revoke_button.setEnabled(self.passwords.currentItem() is not None)
        self._show_status(str(error))

    def _show_status(self, message: str) -> None:
        self.status_label.setText(message)
        self.status_label.show()
