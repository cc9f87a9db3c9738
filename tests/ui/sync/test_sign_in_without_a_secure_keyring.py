"""pytest-qt: without a secure keyring the sign-in dialog says the sign-in lasts this session.

Issue 18, finding 8: keyrings.alt's plaintext file backend counted as secure, so
a token went into a file anyone running as the user could read. It counts as
not secure now, and so does a backend built on it in another package (the
test's own subclass was taken as secure until the check read the class's
bases too): the token stays in memory and the dialog says so before the user
signs in.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyrings.alt.file import PlaintextKeyring
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from server_process import PASSWORD, MemoryKeyring, ServerProcess

from contactdesk.services.store_opening import open_store
from contactdesk.sync.credentials import TokenStore
from ui.database_worker import DatabaseWorker
from ui.sync.sign_in_dialog import SignInDialog

NOTE = "no secure keyring"


class FolderPlaintextKeyring(PlaintextKeyring):
    """keyrings.alt's plaintext backend, its file in the test's folder."""

    folder = Path()

    @property
    def file_path(self) -> str:
        return str(self.folder / "keyring_pass.cfg")


@pytest.fixture
def plaintext_keyring(tmp_path: Path) -> Iterator[FolderPlaintextKeyring]:
    previous = keyring.get_keyring()
    FolderPlaintextKeyring.folder = tmp_path
    backend = FolderPlaintextKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def shown_texts(dialog: SignInDialog) -> str:
    dialog.show()
    return "\n".join(label.text() for label in dialog.findChildren(QLabel) if label.isVisible())


def test_a_plaintext_keyring_gets_no_token_and_the_dialog_says_so(
    server: ServerProcess,
    tmp_path: Path,
    qtbot: QtBot,
    plaintext_keyring: FolderPlaintextKeyring,
) -> None:
    store = open_store(tmp_path / "desk.db")
    tokens = TokenStore()
    dialog = SignInDialog(store, worker=DatabaseWorker(immediate=True), tokens=tokens)
    qtbot.addWidget(dialog)
    assert NOTE in shown_texts(dialog)
    dialog.server_edit.setText(server.url)
    dialog.user_edit.setText("mia")
    dialog.password_edit.setText(PASSWORD)
    dialog.submit()
    assert dialog.actor is not None and dialog.actor.username == "mia"
    token = tokens.load(server.url, "mia")
    assert token
    keyring_file = Path(plaintext_keyring.file_path)
    assert not keyring_file.exists() or token not in keyring_file.read_text()
    store.close()


def test_a_secure_keyring_keeps_the_token_and_the_dialog_says_nothing_of_it(
    tmp_path: Path, qtbot: QtBot, test_keyring: MemoryKeyring
) -> None:
    store = open_store(tmp_path / "desk.db")
    dialog = SignInDialog(store, worker=DatabaseWorker(immediate=True), tokens=TokenStore())
    qtbot.addWidget(dialog)
    assert NOTE not in shown_texts(dialog)
    store.close()
