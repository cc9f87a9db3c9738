"""First run: the welcome's three ways to start, and the app showing it only when it should.

An empty store starts with its first admin, as ``contactdesk init`` makes it (issue 15).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from contactdesk.services.actor import Actor
from contactdesk.services.company_settings import read_setting
from contactdesk.services.directory import list_users
from contactdesk.services.new_store import COMPANY_SETTING
from contactdesk.services.record_queries import count_records
from ui import app
from ui.first_run.welcome_dialog import WelcomeDialog
from ui.first_run.welcome_flow import open_first_store


def clicking(button_name: str, qtbot):
    """A dialog runner that clicks one choice and waits until the dialog is done."""

    def run(dialog: WelcomeDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.show()
        getattr(dialog, button_name).click()
        qtbot.waitUntil(lambda: dialog.result() != 0 or dialog.failure is not None, timeout=60_000)
        return dialog.result()

    return run


def closing(dialog: WelcomeDialog) -> int:
    dialog.reject()
    return dialog.result()


def test_open_the_demo_creates_a_demo_store_with_people_and_contacts(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "contactdesk.db"
    store = open_first_store(path, run_dialog=clicking("demo_button", qtbot), demo_contacts=30)
    assert store is not None
    try:
        assert len(list_users(store)) > 0
        assert count_records(store, Actor.system(), "contact") == 30
    finally:
        store.close()


def test_demo_creation_shows_a_progress_bar_while_it_runs(qtbot, tmp_path: Path) -> None:
    from ui.database_worker import DatabaseWorker

    worker = DatabaseWorker()
    dialog = WelcomeDialog(tmp_path / "demo.db", worker, server_available=False, demo_contacts=20)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.demo_button.click()
    assert dialog.progress.isVisible()
    assert not dialog.empty_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=60_000)
    worker.shutdown()


def _typing_the_first_admin(qtbot, username: str, company: str = ""):
    """A dialog runner: Start an empty store, type the first admin, press Create the store."""

    def run(dialog: WelcomeDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
        assert dialog.admin_form.isVisible() and dialog.result() == 0
        qtbot.keyClicks(dialog.username_edit, username)
        qtbot.keyClicks(dialog.display_name_edit, "Ada Lovelace")
        qtbot.keyClicks(dialog.company_edit, company)
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    return run


def test_start_an_empty_store_creates_it_with_its_first_admin_as_init_does(
    qtbot, tmp_path: Path
) -> None:
    path = tmp_path / "contactdesk.db"
    store = open_first_store(path, run_dialog=_typing_the_first_admin(qtbot, "ada", "Acme Ltd"))
    assert store is not None
    try:
        assert [(u.username, u.display_name, u.role) for u in list_users(store)] == [
            ("ada", "Ada Lovelace", "admin")
        ]
        assert read_setting(store, COMPANY_SETTING) == "Acme Ltd"
        assert count_records(store, Actor.system(), "contact") == 0
    finally:
        store.close()


def test_a_user_name_with_a_space_is_refused_and_no_store_is_made(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "contactdesk.db"
    shown: list[str] = []

    def run(dialog: WelcomeDialog) -> int:
        result = _typing_the_first_admin(qtbot, "ada lovelace")(dialog)
        shown.append(dialog.status.text())
        dialog.reject()
        return result

    assert open_first_store(path, run_dialog=run) is None
    assert shown == ["A user name is 1 to 80 characters with no spaces, for example ada."]
    assert not path.exists()


def test_server_option_is_disabled_with_a_reason_while_sync_sign_in_is_missing(
    qtbot, tmp_path: Path
) -> None:
    from ui.database_worker import DatabaseWorker

    dialog = WelcomeDialog(tmp_path / "s.db", DatabaseWorker(), server_available=False)
    qtbot.addWidget(dialog)
    assert not dialog.server_button.isEnabled()
    assert "not available" in dialog.server_button.toolTip()


def test_connect_to_a_server_runs_the_sign_in_on_a_new_empty_store(qtbot, tmp_path: Path) -> None:
    signed_in: list[Path | None] = []
    store = open_first_store(
        tmp_path / "contactdesk.db",
        run_dialog=clicking("server_button", qtbot),
        server_available=True,
        run_sign_in=lambda opened, parent: signed_in.append(opened.path) or True,
    )
    assert store is not None
    try:
        assert signed_in == [store.path]
    finally:
        store.close()


def test_closing_the_welcome_creates_no_store(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "contactdesk.db"
    assert open_first_store(path, run_dialog=closing) is None
    assert not path.exists()


def test_the_app_shows_the_welcome_when_the_default_store_does_not_exist(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[Path] = []
    monkeypatch.setattr(app, "default_store_path", lambda: tmp_path / "contactdesk.db")
    monkeypatch.setattr(app, "open_first_store", lambda path: asked.append(path))
    assert app.start(None) is None
    assert asked == [tmp_path / "contactdesk.db"]


def test_a_store_named_on_the_command_line_skips_the_welcome(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app, "open_first_store", lambda path: pytest.fail("welcome shown"))
    monkeypatch.setattr(app, "choose_session", lambda store: None)
    assert app.start(tmp_path / "named.db") is None
    assert (tmp_path / "named.db").exists()
