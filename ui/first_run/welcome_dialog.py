"""The welcome dialog: try the demo, start an empty store, or connect to a server.

Choosing the demo generates it on the database worker (``generate_demo``) while
a progress bar runs; the dialog accepts when the store is written. The other
choices accept at once and leave creating the store to ``welcome_flow``.
"""

from __future__ import annotations

import enum
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QLabel,
    QProgressBar,
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
        layout.addWidget(self.server_button)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(path_label)

        self.demo_button.clicked.connect(self.create_demo)
        self.empty_button.clicked.connect(lambda: self._choose(FirstRunChoice.EMPTY))
        self.server_button.clicked.connect(lambda: self._choose(FirstRunChoice.SERVER))

    def _choose(self, choice: FirstRunChoice) -> None:
        self.choice = choice
        self.accept()

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
