"""File › Switch User… on a store with a server account asks the new user's password.

A real server checks it: a wrong password keeps the dialog open with the server's
answer; the right one signs the store in as the new user, whose window replaces
the old one. Changes not yet pushed stop the switch (they would go out under the
new user's name).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from server_process import PASSWORD, ServerProcess
from switch_steps import switching_to, synced_window

from contactdesk.services import unit_of_work
from contactdesk.sync.sync_state import read_status, signed_in_actor
from ui import app
from ui.dialogs.switch_user_dialog import SwitchUserDialog


def test_switching_on_a_synced_store_signs_the_new_user_in_with_their_password(
    server: ServerProcess, tmp_path: Path, qtbot: QtBot
) -> None:
    window = synced_window(qtbot, server, tmp_path / "desk.db", "sam")
    store = window.context.session.store
    errors: list[str] = []
    window.user_switcher.run_dialog = switching_to(
        qtbot, "sue", ["not-her-password", PASSWORD], errors
    )
    window.user_switcher.action.trigger()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=20_000)
    new_window = app.OPEN_WINDOWS[-1]
    qtbot.addWidget(new_window)
    assert len(errors) == 1 and errors[0]  # the server's answer to the wrong password
    assert new_window.context.session.actor.username == "sue"
    signed_in = signed_in_actor(store)
    assert signed_in is not None and signed_in.username == "sue"
    assert read_status(store).username == "sue"
    new_window.close()
    app.OPEN_WINDOWS.clear()
    store.close()


def test_unpushed_changes_stop_the_switch(
    server: ServerProcess, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = synced_window(qtbot, server, tmp_path / "desk.db", "sam")
    session = window.context.session
    unit_of_work.create(session.store, session.actor, "contact", {"display_name": "Unsent Una"})
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: told.append(text))
    dialogs: list[SwitchUserDialog] = []
    window.user_switcher.run_dialog = lambda dialog: dialogs.append(dialog) or 0
    window.user_switcher.action.trigger()
    qtbot.waitUntil(lambda: len(told) == 1)
    assert "1 change(s) made here have not reached the server yet" in told[0]
    assert dialogs == [] and window.isVisible()
    window.close()
    app.OPEN_WINDOWS.clear()
    session.store.close()
