"""Steps of File › Switch User on a store synced with a real server, shared by its tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from server_process import ServerProcess, new_client

from ui import app
from ui.app_session import AppSession
from ui.dialogs.switch_user_dialog import SwitchUserDialog
from ui.main_window import MainWindow
from ui.session_start import server_signed_in_user


def synced_window(qtbot: QtBot, server: ServerProcess, path: Path, username: str) -> MainWindow:
    client = new_client(server, path, username)
    client.sync()
    client.client.close()
    user = server_signed_in_user(client.store)
    assert user is not None
    window = app.build_main_window(AppSession(client.store, user.actor(), user))
    qtbot.addWidget(window)
    app.keep_switching(window)
    window.show()
    return window


def switching_to(
    qtbot: QtBot, username: str, passwords: list[str], errors: list[str]
) -> Callable[[SwitchUserDialog], int]:
    def run(dialog: SwitchUserDialog) -> int:
        assert dialog.password_edit.isVisibleTo(dialog)
        dialog.select_username(username)
        for password in passwords:
            dialog.password_edit.setText(password)
            dialog.accept()
            qtbot.waitUntil(
                lambda: (
                    dialog.result() == QDialog.DialogCode.Accepted
                    or (dialog.error_label.isVisibleTo(dialog) and dialog.buttons.isEnabled())
                )
            )
            if dialog.result() != QDialog.DialogCode.Accepted:
                errors.append(dialog.error_label.text())
                dialog.error_label.hide()
        return dialog.result()

    return run


def store_file_bytes(path: Path) -> bytes:
    """The raw bytes of the store file and its write-ahead log: what a disk search finds."""
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
