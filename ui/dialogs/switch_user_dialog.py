"""File › Switch User…: pick another of the store's users; with a server account, their password.

A store that has a server account (it signed in and synced) holds data the
server gave out per user: whoever takes over must prove who they are, so the
dialog asks for the chosen user's password and signs the store in as them on the
worker (the server checks it; the password is handed on and never kept). A
store that never had a server account has no passwords: picking is enough.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from contactdesk.services.actor import Actor
from contactdesk.services.directory import UserInfo
from ui.database_worker import DatabaseWorker, TaskControl
from ui.dialogs.user_picker_dialog import UserPickerDialog
from ui.style import set_role

# (username, password) -> the user the server signed the store in as; runs on the worker.
SignInAs = Callable[[str, str], Actor]


class SwitchUserDialog(UserPickerDialog):
    """The store's other users; with ``sign_in_as``, a password and a server sign-in."""

    def __init__(
        self,
        users: Sequence[UserInfo],
        worker: DatabaseWorker,
        *,
        sign_in_as: SignInAs | None = None,
        server_url: str = "",
        parent: QWidget | None = None,
    ) -> None:
        # Before QDialog.__init__ there is no self.tr: translate by the class's context.
        prompt = (
            QCoreApplication.translate(
                "SwitchUserDialog",
                "Choose the user to work as and enter their password; %1 checks it.",
            ).replace("%1", server_url)
            if sign_in_as is not None
            else QCoreApplication.translate(
                "SwitchUserDialog",
                "Choose the user to work as. This store has no server account, so no "
                "password is asked; ContactDesk shows what that user's role may see.",
            )
        )
        super().__init__(users, parent=parent, prompt_text=prompt)
        self.setWindowTitle(self.tr("Switch user"))
        self._worker = worker
        self._sign_in_as = sign_in_as
        self.signed_in: Actor | None = None
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Password"))
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        set_role(self.error_label, "error")
        self.error_label.hide()
        if sign_in_as is not None:
            form = QFormLayout()
            form.addRow(self.tr("Password"), self.password_edit)
            self.main_layout.insertLayout(2, form)
            self.main_layout.insertWidget(3, self.error_label)
            self.user_list.itemSelectionChanged.connect(self.password_edit.clear)
        else:
            self.password_edit.hide()

    def accept(self) -> None:
        """Without a server account, accept the pick; with one, sign in first (on the worker)."""
        user = self.chosen_user()
        if user is None:
            return
        if self._sign_in_as is None:
            super().accept()
            return
        password = self.password_edit.text()
        if not password:
            self.show_error(self.tr("Enter the password of %1.").replace("%1", user.display_name))
            return
        self.buttons.setEnabled(False)
        sign_in_as = self._sign_in_as

        def task(_: TaskControl) -> Actor:
            return sign_in_as(user.username, password)

        self._worker.submit(task, on_success=self._signed_in, on_failure=self._failed)

    def _signed_in(self, actor: Actor) -> None:
        self.signed_in = actor
        self.password_edit.clear()
        super().accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.password_edit.selectAll()
        self.show_error(str(error))

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
