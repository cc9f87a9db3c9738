"""The dialog shown when a store cannot be opened: what is wrong, and the ways forward.

Built from a ``StoreUnusable``: its problem in plain words, and one button per
way forward that fits it (restore from a snapshot, re-sync from the server,
open read-only). Re-sync needs a server account; without one the dialog says
how to sign in instead. ``choice`` tells the caller what the user picked.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from contactdesk.store.store_health import StoreUnusable, WayForward


class RecoveryChoice(Enum):
    """What the user chose to do about the store."""

    QUIT = "quit"
    RESTORE = "restore"
    RESYNC = "resync"
    OPEN_READ_ONLY = "open_read_only"


class StoreProblemDialog(QDialog):
    """Names the store's problem and offers the ways forward as buttons."""

    def __init__(
        self,
        problem: StoreUnusable,
        *,
        has_snapshots: bool,
        server_account: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.choice = RecoveryChoice.QUIT
        self.setWindowTitle(self.tr("The store cannot be opened"))
        layout = QVBoxLayout(self)
        self.message = QLabel(
            self.tr("%1 cannot be opened: %2.")
            .replace("%1", str(problem.path))
            .replace("%2", problem.detail)
        )
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.buttons: dict[RecoveryChoice, QPushButton] = {}
        self.hints: list[QLabel] = []
        if WayForward.RESTORE_SNAPSHOT in problem.ways:
            button = self._add_choice(
                layout, RecoveryChoice.RESTORE, self.tr("Restore from backup…")
            )
            button.setEnabled(has_snapshots)
            if not has_snapshots:
                self._add_hint(layout, self.tr("There is no snapshot of this store to restore."))
        if WayForward.RESYNC_FROM_SERVER in problem.ways:
            button = self._add_choice(
                layout, RecoveryChoice.RESYNC, self.tr("Start afresh and re-sync from the server")
            )
            button.setEnabled(server_account is not None)
            if server_account is None:
                self._add_hint(
                    layout,
                    self.tr(
                        "To re-sync, start ContactDesk with a new store and sign in to your "
                        "server, or run: contactdesk sync --store NEW_FILE --server URL "
                        "--user NAME. Everything you synced comes back from the server."
                    ),
                )
        if WayForward.OPEN_READ_ONLY in problem.ways:
            self._add_choice(layout, RecoveryChoice.OPEN_READ_ONLY, self.tr("Open read-only"))
        for way in problem.ways:
            if way in (WayForward.CLOSE_OTHER_PROGRAM, WayForward.UPDATE_CONTACTDESK):
                self._add_hint(layout, way_text(self, way))
            if way is WayForward.MOVE_TO_WRITABLE_FOLDER:
                self._add_hint(layout, way_text(self, way))
        self._add_choice(layout, RecoveryChoice.QUIT, self.tr("Quit"))

    def _add_choice(self, layout: QVBoxLayout, choice: RecoveryChoice, text: str) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(lambda: self._choose(choice))
        layout.addWidget(button)
        self.buttons[choice] = button
        return button

    def _add_hint(self, layout: QVBoxLayout, text: str) -> None:
        hint = QLabel(text)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.hints.append(hint)

    def _choose(self, choice: RecoveryChoice) -> None:
        self.choice = choice
        if choice is RecoveryChoice.QUIT:
            self.reject()
        else:
            self.accept()


def way_text(widget: QWidget, way: WayForward) -> str:
    """The translatable sentence for a way forward that is advice rather than a button."""
    texts = {
        WayForward.CLOSE_OTHER_PROGRAM: widget.tr(
            "Another program (perhaps another ContactDesk window) is writing to this store. "
            "Close it and start ContactDesk again."
        ),
        WayForward.UPDATE_CONTACTDESK: widget.tr(
            "A newer ContactDesk wrote this store. Install that version to open it; this one "
            "leaves it untouched rather than risk a downgrade."
        ),
        WayForward.MOVE_TO_WRITABLE_FOLDER: widget.tr(
            "ContactDesk needs to write next to the store. Copy it to a folder you can "
            "write to and open that copy."
        ),
    }
    return texts.get(way, way.value)
