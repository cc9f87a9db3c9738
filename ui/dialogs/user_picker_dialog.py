"""Asks which of the store's users you are, on a store with no server sign-in."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contactdesk.services.directory import UserInfo
from ui.app_session import role_title
from ui.enum_titles import team_title

USERNAME_ROLE = int(Qt.ItemDataRole.UserRole) + 1


class UserPickerDialog(QDialog):
    """Lists users (name, role, team); ``chosen_user()`` is the one picked on accept.

    A handful of users, shown all at once, so a tree widget is enough here; the
    caller passes the list (read on the database worker or before the window exists).
    """

    def __init__(
        self,
        users: Sequence[UserInfo],
        *,
        last_username: str = "",
        parent: QWidget | None = None,
        prompt_text: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._users = {user.username: user for user in users}
        self.setWindowTitle(self.tr("Who are you?"))
        self.setMinimumSize(480, 320)
        prompt = QLabel(
            prompt_text
            or self.tr(
                "This store is not signed in to a server. Choose the user you work as; "
                "ContactDesk shows you what that user's role may see."
            )
        )
        prompt.setWordWrap(True)
        self.user_list = QTreeWidget()
        self.user_list.setAccessibleName(self.tr("Users"))
        self.user_list.setHeaderLabels([self.tr("Name"), self.tr("Role"), self.tr("Team")])
        self.user_list.setRootIsDecorated(False)
        self.user_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.user_list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for user in users:
            item = QTreeWidgetItem(
                [user.display_name, role_title(user.role), team_title(user.team or "")]
            )
            item.setData(0, USERNAME_ROLE, user.username)
            self.user_list.addTopLevelItem(item)
            if user.username == last_username:
                self.user_list.setCurrentItem(item)
        first = self.user_list.topLevelItem(0)
        if self.user_list.currentItem() is None and first is not None:
            self.user_list.setCurrentItem(first)
        self.user_list.itemDoubleClicked.connect(self.accept)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        self.main_layout = QVBoxLayout(self)
        self.main_layout.addWidget(prompt)
        self.main_layout.addWidget(self.user_list)
        self.main_layout.addWidget(buttons)
        self.user_list.setFocus()

    def select_username(self, username: str) -> None:
        for index in range(self.user_list.topLevelItemCount()):
            item = self.user_list.topLevelItem(index)
            if item is not None and item.data(0, USERNAME_ROLE) == username:
                self.user_list.setCurrentItem(item)
                return

    def chosen_user(self) -> UserInfo | None:
        item = self.user_list.currentItem()
        if item is None:
            return None
        return self._users.get(item.data(0, USERNAME_ROLE))
