"""File › Switch User… hands the app to another user of the store without quitting.

A store without a server account has no passwords: picking the user is enough.
(With a server account the password is asked: tests/ui/sync/test_switch_user_synced.py.)
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QApplication, QDialog

from ui import app
from ui.app_session import AppSession
from ui.dialogs.switch_user_dialog import SwitchUserDialog
from ui.main_window import MainWindow


def file_menu_action(window: MainWindow, text: str):
    file_menu = window.menuBar().actions()[0].menu()
    return next(action for action in file_menu.actions() if action.text() == text)


def picking(username: str, offered: list[list[str]]) -> Callable[[SwitchUserDialog], int]:
    def run(dialog: SwitchUserDialog) -> int:
        offered.append(
            [
                dialog.user_list.topLevelItem(i).text(0)
                for i in range(dialog.user_list.topLevelItemCount())
            ]
        )
        assert dialog.password_edit.isHidden()  # no server account: no password
        dialog.select_username(username)
        dialog.accept()
        return dialog.result()

    return run


def test_switching_user_opens_their_window_and_closes_the_old_one(
    qtbot, session_for: Callable[[str], AppSession]
) -> None:
    window = app.build_main_window(session_for("rita"))
    qtbot.addWidget(window)
    app.keep_switching(window)
    window.show()
    offered: list[list[str]] = []
    window.user_switcher.run_dialog = picking("maria", offered)
    file_menu_action(window, "S&witch User…").trigger()
    qtbot.waitUntil(lambda: not window.isVisible())
    new_window = app.OPEN_WINDOWS[-1]
    qtbot.addWidget(new_window)
    assert new_window is not window and new_window.isVisible()
    assert new_window.context.session.actor.username == "maria"
    assert "Rita Reyes" not in offered[0]  # the current user is not offered
    assert "Maria" in new_window.windowTitle()
    assert window not in app.OPEN_WINDOWS
    # The store stays open for the new window: it counts its contacts.
    qtbot.waitUntil(lambda: new_window.count_label.text().endswith("contact(s)"))
    assert QApplication.instance() is not None
    new_window.close()
    app.OPEN_WINDOWS.clear()


def test_cancelling_keeps_the_current_user(qtbot, session_for: Callable[[str], AppSession]) -> None:
    window = app.build_main_window(session_for("rita"))
    qtbot.addWidget(window)
    app.keep_switching(window)
    window.show()
    shown: list[SwitchUserDialog] = []

    def cancel(dialog: SwitchUserDialog) -> int:
        shown.append(dialog)
        return int(QDialog.DialogCode.Rejected)

    window.user_switcher.run_dialog = cancel
    file_menu_action(window, "S&witch User…").trigger()
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert window.isVisible()
    assert len(app.OPEN_WINDOWS) == 1 and app.OPEN_WINDOWS[0] is window
    window.close()
    app.OPEN_WINDOWS.clear()
