"""The welcome dialog: try the demo, start an empty store, or connect to a server.

Choosing the demo generates it on the database worker (``generate_demo``) while
a progress bar runs; the dialog accepts when the store is written. An empty store
asks first for its first admin (and the company's name), as ``contactdesk init``
does (issue 15 point 1); ``welcome_flow`` then creates it. Connecting to a server
accepts at once.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contactdesk.demo import generate_demo
from ui.database_worker import DatabaseWorker, TaskControl

DEMO_CONTACTS = 2000
DEMO_SEED = 1


class FirstRunChoice(enum.Enum):
    DEMO = "demo"
    EMPTY = "empty"
    SERVER = "server"


@dataclass(frozen=True)
class FirstAdmin:
    """Who administers a new empty store, and the company it belongs to."""

    username: str
    display_name: str | None = None
    company: str | None = None


class WelcomeDialog(QDialog):
    """Asks how to start; ``choice`` tells which, once accepted. Runs on the UI thread."""

    def __init__(
        self,
        store_path: Path,
        worker: DatabaseWorker,
        *,
        server_available: bool,
        demo_contacts: int = DEMO_CONTACTS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store_path = store_path
        self._worker = worker
        self._demo_contacts = demo_contacts
        self._creating = False
        self.choice: FirstRunChoice | None = None
        self.first_admin: FirstAdmin | None = None
        self.failure: str | None = None
        self.setWindowTitle(self.tr("Welcome to ContactDesk"))

        heading = QLabel(self.tr("<h2>Welcome to ContactDesk</h2>"))
        intro = QLabel(
            self.tr(
                "There is no ContactDesk store on this computer yet. How would you like to start?"
            )
        )
        intro.setWordWrap(True)

        self.demo_button = QCommandLinkButton(
            self.tr("Open the demo"),
            self.tr("A sample company with contacts, leads and campaigns to try things out."),
        )
        self.empty_button = QCommandLinkButton(
            self.tr("Start an empty store"),
            self.tr("Begin with your own contacts; you can import them later."),
        )
        self.server_button = QCommandLinkButton(
            self.tr("Connect to a server…"),
            self.tr("Sign in to your team's ContactDesk server and sync its contacts."),
        )
        if not server_available:
            self.server_button.setEnabled(False)
            self.server_button.setToolTip(
                self.tr("Server sign-in is not available in this version of ContactDesk.")
            )
        for button in (self.demo_button, self.empty_button, self.server_button):
            button.setAccessibleName(button.text())
            button.setAccessibleDescription(button.description())

        self.admin_form = QWidget()
        self.username_edit = QLineEdit()
        self.username_edit.setAccessibleName(self.tr("Your user name"))
        self.username_edit.setPlaceholderText(self.tr("for example ada"))
        self.display_name_edit = QLineEdit()
        self.display_name_edit.setAccessibleName(self.tr("Your full name"))
        self.company_edit = QLineEdit()
        self.company_edit.setAccessibleName(self.tr("Company"))
        self.create_button = QPushButton(self.tr("Create the store"))
        self.create_button.setDefault(True)
        form = QFormLayout(self.admin_form)
        form.addRow(
            QLabel(self.tr("You will be the store's first administrator and can add your team."))
        )
        form.addRow(self.tr("Your user name"), self.username_edit)
        form.addRow(self.tr("Your full name"), self.display_name_edit)
        form.addRow(self.tr("Company"), self.company_edit)
        form.addRow("", self.create_button)
        self.admin_form.hide()

        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Demo creation progress"))
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.hide()
        path_label = QLabel(self.tr("Your data will be kept in %1").replace("%1", str(store_path)))
        path_label.setWordWrap(True)
        path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.demo_button)
        layout.addWidget(self.empty_button)
        layout.addWidget(self.admin_form)
        layout.addWidget(self.server_button)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(path_label)

        self.demo_button.clicked.connect(self.create_demo)
        self.empty_button.clicked.connect(self.ask_first_admin)
        self.create_button.clicked.connect(self.create_empty)
        self.server_button.clicked.connect(lambda: self._choose(FirstRunChoice.SERVER))

    def _choose(self, choice: FirstRunChoice) -> None:
        self.choice = choice
        self.accept()

    @Slot()
    def ask_first_admin(self) -> None:
        """Show the first admin's form under the empty-store choice."""
        self.admin_form.show()
        self.username_edit.setFocus()

    @Slot()
    def create_empty(self) -> None:
        """Accept with the first admin typed in; a name that cannot be one says why."""
        username = self.username_edit.text().strip()
        if not username or len(username) > 80 or any(c.isspace() for c in username):
            self.status.setText(
                self.tr("A user name is 1 to 80 characters with no spaces, for example ada.")
            )
            self.status.show()
            self.username_edit.setFocus()
            return
        self.first_admin = FirstAdmin(
            username,
            self.display_name_edit.text().strip() or None,
            self.company_edit.text().strip() or None,
        )
        self._choose(FirstRunChoice.EMPTY)

    @property
    def creating_demo(self) -> bool:
        return self._creating

    @Slot()
    def create_demo(self) -> None:
        """Write the demo store on the worker; accept when it is there."""
        for button in (self.demo_button, self.empty_button, self.server_button):
            button.setEnabled(False)
        self._creating = True
        self.progress.show()
        self.status.setText(self.tr("Creating the demo store…"))
        self.status.show()
        path, contacts = self._store_path, self._demo_contacts

        def create(control: TaskControl) -> None:
            steps = iter(range(1, 1_000_000))
            generate_demo(
                path,
                contacts=contacts,
                seed=DEMO_SEED,
                progress=lambda _message: control.report_progress(next(steps), 0),
            )

        self._worker.submit(
            create,
            on_success=self._demo_created,
            on_failure=self._demo_failed,
            on_progress=self._show_step,
        )

    def _demo_created(self, _result: object) -> None:
        self._creating = False
        self.progress.hide()
        self._choose(FirstRunChoice.DEMO)

    def _show_step(self, done: int, _total: int) -> None:
        self.status.setText(self.tr("Creating the demo store… (step %1)").replace("%1", str(done)))

    def _demo_failed(self, error: BaseException) -> None:
        self.failure = str(error)
        self._creating = False
        self.progress.hide()
        self.status.setText(self.tr("The demo could not be created: %1").replace("%1", str(error)))
        self.demo_button.setEnabled(True)
        self.empty_button.setEnabled(True)

    def reject(self) -> None:
        # Closing while the demo is being written would leave a half-made file behind.
        if self._creating:
            return
        super().reject()
