"""Users with their role and team, and the roles: list them, add a user, add a role.

Two small forms side by side because an admin adding a new kind of colleague
adds the role first, then the user. Each button is one service call.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contactdesk.services import directory, rule_admin
from contactdesk.services.changes import ChangeSet
from contactdesk.services.directory import UserInfo
from contactdesk.services.governance_records import GOVERNANCE_ENTITIES
from ui.admin.access_levels import SCOPES, scope_title
from ui.admin.admin_change import submit_admin_change
from ui.admin.listing_table import fill_row, listing_table
from ui.admin.role_scopes import role_scopes
from ui.app_session import role_title
from ui.database_worker import TaskControl
from ui.enum_titles import team_title
from ui.forms.inline_error import InlineError
from ui.view_context import ViewContext

PeopleData = tuple[list[UserInfo], dict[str, str]]


class PeoplePage(QWidget):
    """The users table, an add-user form and an add-role form."""

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = context.session.store
        self._actor = context.session.actor
        self._worker = context.worker

        self.users_table = listing_table(
            [
                self.tr("User"),
                self.tr("Name"),
                self.tr("Role"),
                self.tr("Team"),
                self.tr("Territory"),
            ],
            self.tr("Users"),
        )
        self.error = InlineError()
        forms = QHBoxLayout()
        forms.addWidget(self._build_user_form())
        forms.addWidget(self._build_role_form())
        layout = QVBoxLayout(self)
        layout.addWidget(self.users_table, 1)
        layout.addWidget(self.error)
        layout.addLayout(forms)
        context.relay.changed.connect(self._on_store_changed)
        self.reload()

    def _build_user_form(self) -> QGroupBox:
        box = QGroupBox(self.tr("Add a user"))
        form = QFormLayout(box)
        self.username_input = QLineEdit()
        self.display_name_input = QLineEdit()
        self.user_role_input = QComboBox()
        self.team_input = QLineEdit()
        self.team_input.setPlaceholderText(self.tr("e.g. north"))
        self.username_error = InlineError()
        form.addRow(self.tr("User name"), self.username_input)
        form.addRow("", self.username_error)
        form.addRow(self.tr("Full name"), self.display_name_input)
        form.addRow(self.tr("Role"), self.user_role_input)
        form.addRow(self.tr("Team"), self.team_input)
        self.add_user_button = QPushButton(self.tr("Add user"))
        self.add_user_button.clicked.connect(self.add_user)
        form.addRow("", self.add_user_button)
        return box

    def _build_role_form(self) -> QGroupBox:
        box = QGroupBox(self.tr("Add a role"))
        form = QFormLayout(box)
        self.role_name_input = QLineEdit()
        self.role_name_input.setPlaceholderText(self.tr("e.g. partner"))
        self.role_label_input = QLineEdit()
        self.role_scope_input = QComboBox()
        for scope in SCOPES:
            self.role_scope_input.addItem(scope_title(scope), scope)
        self.role_like_input = QComboBox()
        self.role_name_error = InlineError()
        form.addRow(self.tr("Name"), self.role_name_input)
        form.addRow("", self.role_name_error)
        form.addRow(self.tr("Label"), self.role_label_input)
        form.addRow(self.tr("Record scope"), self.role_scope_input)
        form.addRow(self.tr("Start with the rules of"), self.role_like_input)
        self.add_role_button = QPushButton(self.tr("Add role"))
        self.add_role_button.clicked.connect(self.add_role)
        form.addRow("", self.add_role_button)
        return box

    # -- reading --------------------------------------------------------------

    @Slot()
    def reload(self) -> None:
        store = self._store

        def read(control: TaskControl) -> PeopleData:
            return directory.list_users(store), role_scopes(store)

        self._worker.submit(read, key=f"people-{id(self)}", on_success=self._show)

    def _show(self, data: PeopleData) -> None:
        users, scopes = data
        self.users_table.setRowCount(len(users))
        for index, user in enumerate(users):
            fill_row(
                self.users_table,
                index,
                (
                    user.username,
                    user.display_name,
                    role_title(user.role),
                    team_title(user.team or ""),
                    user.territory,
                ),
            )
        chosen_role = self.user_role_input.currentData()
        self.user_role_input.clear()
        self.role_like_input.clear()
        self.role_like_input.addItem(self.tr("(nothing visible)"), None)
        for role in scopes:
            self.user_role_input.addItem(role_title(role), role)
            self.role_like_input.addItem(role_title(role), role)
        self.user_role_input.setCurrentIndex(max(self.user_role_input.findData(chosen_role), 0))

    # -- changing -------------------------------------------------------------

    @Slot()
    def add_user(self) -> None:
        store, actor = self._store, self._actor
        username = self.username_input.text()
        display_name = self.display_name_input.text().strip() or None
        role = self.user_role_input.currentData() or ""
        team = self.team_input.text().strip() or None
        submit_admin_change(
            self._worker,
            lambda: directory.create_user(
                store, actor, username, display_name=display_name, role=role, team=team
            ),
            self.error,
            field_errors={"user.username": self.username_error},
            on_done=self._on_user_added,
        )

    def _on_user_added(self, _changes: ChangeSet) -> None:
        for line in (self.username_input, self.display_name_input, self.team_input):
            line.clear()
        self.reload()

    @Slot()
    def add_role(self) -> None:
        store, actor = self._store, self._actor
        name = self.role_name_input.text().strip()
        label = self.role_label_input.text().strip() or None
        scope = self.role_scope_input.currentData()
        like = self.role_like_input.currentData()
        submit_admin_change(
            self._worker,
            lambda: rule_admin.add_role(store, actor, name, label=label, scope=scope, like=like),
            self.error,
            field_errors={"role.name": self.role_name_error},
            on_done=self._on_role_added,
        )

    def _on_role_added(self, _changes: ChangeSet) -> None:
        self.role_name_input.clear()
        self.role_label_input.clear()
        self.reload()

    @Slot(object)
    def _on_store_changed(self, changes: ChangeSet) -> None:
        if changes.entities() & GOVERNANCE_ENTITIES:
            self.reload()
