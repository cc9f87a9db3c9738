"""Starting a session: the user picker, the remembered choice, a store with no users."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog

from contactdesk.services.directory import list_users
from ui.dialogs.user_picker_dialog import UserPickerDialog
from ui.session_start import choose_session, open_or_create_store
from ui.settings import LAST_USER, read_option


def pick(username: str):
    def run_dialog(dialog: UserPickerDialog) -> int:
        dialog.select_username(username)
        dialog.accept()
        return QDialog.DialogCode.Accepted

    return run_dialog


def test_user_picker_lists_every_user_with_role_and_team(qtbot, store) -> None:
    dialog = UserPickerDialog(list_users(store))
    qtbot.addWidget(dialog)
    rows = [
        tuple(dialog.user_list.topLevelItem(i).text(c) for c in range(3))
        for i in range(dialog.user_list.topLevelItemCount())
    ]
    assert sorted(rows) == sorted(
        [
            ("Rita Reyes", "Sales", "north"),
            ("Sam Okafor", "Sales", "south"),
            ("Maria Lund", "Marketing", ""),
            ("Ada Admin", "Administrator", ""),
        ]
    )


def test_choosing_a_user_makes_the_session_act_as_that_user(qtbot, store) -> None:
    session = choose_session(store, run_dialog=pick("sam"))
    assert session is not None
    assert session.actor.username == "sam"
    assert session.actor.role == "sales"
    assert session.actor.team == "south"


def test_the_last_chosen_user_is_preselected_next_time(qtbot, store) -> None:
    choose_session(store, run_dialog=pick("maria"))
    assert read_option(LAST_USER) == "maria"
    dialog = UserPickerDialog(list_users(store), last_username=read_option(LAST_USER))
    qtbot.addWidget(dialog)
    assert dialog.chosen_user().username == "maria"


def test_cancelling_the_picker_opens_no_session(qtbot, store) -> None:
    assert choose_session(store, run_dialog=lambda dialog: QDialog.DialogCode.Rejected) is None


def test_a_store_without_users_runs_as_the_system_admin(qtbot, empty_store) -> None:
    session = choose_session(empty_store, run_dialog=pick("nobody"))
    assert session is not None
    assert session.user is None
    assert session.actor.role == "admin"
    assert "no users" in session.display_name


def test_a_missing_store_file_is_created_empty(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    store = open_or_create_store(path)
    try:
        assert path.exists()
        assert list_users(store) == []
    finally:
        store.close()
