"""Sync in the app shell: a signed-in store opens as its user, the Sync menu, the status corner."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from contactdesk.services import directory, unit_of_work
from contactdesk.store import Store
from contactdesk.sync import conflicts
from contactdesk.sync.sync_state import read_status, remember_sign_in
from contactdesk.sync_protocol import ChangeOutcome, FieldConflict, PushedChange
from ui.dialogs.user_picker_dialog import UserPickerDialog
from ui.first_run.server_sign_in import sign_in_dialog_class
from ui.main_window import MainWindow
from ui.session_start import choose_session
from ui.sync.sign_in_dialog import SignInDialog

SERVER = "http://sync.example.test"


def never_asked(_dialog: UserPickerDialog) -> int:
    raise AssertionError("a signed-in store must not ask who is working")


def sign_in_as(store: Store, username: str) -> None:
    remember_sign_in(store, SERVER, directory.find_user(store, username).actor())


def keep_a_conflict(store: Store, record_id: uuid.UUID) -> None:
    change = PushedChange(
        change_id=uuid.uuid4(),
        entity="contact",
        record_id=record_id,
        op="update",
        base_version=1,
        fields={"title": "Mine"},
    )
    outcome = ChangeOutcome(
        change_id=change.change_id,
        status="conflict",
        conflicts=[
            FieldConflict(
                field="title", original="Old", mine="Mine", theirs="Theirs", server_version=2
            )
        ],
    )
    with store.transaction() as session:
        conflicts.keep_outcome(session, change, outcome, "Carla Conflict")


def sync_menu(window: MainWindow) -> QMenu:
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and menu.title() == "S&ync":
            return menu
    raise AssertionError("no Sync menu")


def test_a_signed_in_store_opens_as_its_user_without_the_picker(store: Store) -> None:
    sign_in_as(store, "sam")
    session = choose_session(store, run_dialog=never_asked)
    assert session is not None
    assert (session.actor.username, session.actor.role) == ("sam", "sales")
    assert session.display_name == "Sam Okafor"


def test_first_run_builds_the_sign_in_dialog_from_store_and_parent(
    qtbot: QtBot, empty_store: Store
) -> None:
    dialog_class = sign_in_dialog_class()
    assert dialog_class is SignInDialog
    dialog = dialog_class(empty_store, None)
    qtbot.addWidget(dialog)
    assert dialog.password_edit.echoMode() == dialog.password_edit.EchoMode.Password


def test_the_sync_menu_offers_sync_now_with_a_shortcut_conflicts_phones_sign_in_and_out(
    main_window_for: Callable[[str], MainWindow],
) -> None:
    window = main_window_for("rita")
    texts = [action.text() for action in sync_menu(window).actions() if action.text()]
    assert texts == [
        "&Sync Now",
        "&Conflicts…",
        "&Phones and Calendars…",
        "Sign &In…",
        "Sign &Out",
    ]
    assert window.sync_controller.sync_now_action.shortcut().toString() == "Ctrl+Shift+Y"


def test_a_store_not_signed_in_cannot_sync_or_sign_out(
    main_window_for: Callable[[str], MainWindow],
) -> None:
    window = main_window_for("rita")
    controller = window.sync_controller
    assert not controller.sync_now_action.isEnabled()
    assert not controller.sign_out_action.isEnabled()
    assert not controller.phone_access_action.isEnabled()  # app passwords need a sign-in
    assert controller.show_phone_access() is None
    assert controller.sign_in_action.isEnabled()
    # The status bar's button is no dead button either; it says what to do.
    button = controller.widget.sync_button
    assert not button.isEnabled() and "Sign in" in button.toolTip()
    assert controller.widget.state_label.text() == "Not signed in"
    controller.widget.syncing(False)
    assert not button.isEnabled()


def test_the_status_bar_shows_pending_changes_and_open_conflicts(
    qtbot: QtBot, store: Store, main_window_for: Callable[[str], MainWindow]
) -> None:
    sign_in_as(store, "rita")
    rita = directory.find_user(store, "rita").actor()
    record_id = unit_of_work.create(
        store, rita, "contact", {"display_name": "Pia Pending"}
    ).record_id
    keep_a_conflict(store, record_id)
    window = main_window_for("rita")
    widget = window.sync_controller.widget
    qtbot.waitUntil(lambda: widget.conflicts_button.text() == "1 conflicts")
    pending = read_status(store).pending_changes
    assert widget.pending_label.text() == f"{pending} changes to send"
    assert window.sync_controller.conflicts_action.isEnabled()


def test_a_local_edit_updates_the_pending_count(
    qtbot: QtBot, store: Store, main_window_for: Callable[[str], MainWindow]
) -> None:
    sign_in_as(store, "rita")
    window = main_window_for("rita")
    widget = window.sync_controller.widget
    before = read_status(store).pending_changes
    qtbot.waitUntil(lambda: widget.pending_label.text() == f"{before} changes to send")
    rita = directory.find_user(store, "rita").actor()
    unit_of_work.create(store, rita, "contact", {"display_name": "Pia Pending"})
    qtbot.waitUntil(lambda: widget.pending_label.text() == f"{before + 1} changes to send")


def test_a_signed_in_store_without_a_kept_token_asks_to_sign_in_again(
    qtbot: QtBot, store: Store, main_window_for: Callable[[str], MainWindow]
) -> None:
    sign_in_as(store, "rita")
    window = main_window_for("rita")
    label = window.sync_controller.widget.state_label
    qtbot.waitUntil(lambda: "sign in again" in label.text())
