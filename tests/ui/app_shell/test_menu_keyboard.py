"""Keyboard: every menu action has a shortcut or a mnemonic, standard actions use standard keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu

from ui.forms.record_form_dialog import RecordFormDialog
from ui.help.shortcuts_dialog import ShortcutsDialog, menu_shortcuts
from ui.help.standard_shortcuts import standard_shortcuts

StandardKey = QKeySequence.StandardKey


def menus(window) -> list[tuple[str, QMenu]]:
    return [
        (action.text(), action.menu())
        for action in window.menuBar().actions()
        if isinstance(action.menu(), QMenu)
    ]


def has_mnemonic(text: str) -> bool:
    return "&" in text.replace("&&", "")


@pytest.mark.parametrize("username", ["rita", "maria", "ada"])
def test_every_menu_has_a_mnemonic(main_window_for, username: str) -> None:
    window = main_window_for(username)
    assert [title for title, _menu in menus(window) if not has_mnemonic(title)] == []


@pytest.mark.parametrize("username", ["rita", "maria", "ada"])
def test_every_menu_action_has_a_shortcut_or_a_mnemonic(main_window_for, username: str) -> None:
    window = main_window_for(username)
    unreachable = [
        f"{title} > {action.text()}"
        for title, menu in menus(window)
        for action in menu.actions()
        if not action.isSeparator() and not action.shortcuts() and not has_mnemonic(action.text())
    ]
    assert unreachable == []


def test_no_two_actions_share_a_shortcut(main_window_for) -> None:
    window = main_window_for("ada")
    keys = [
        shortcut.toString()
        for _title, menu in menus(window)
        for action in menu.actions()
        for shortcut in action.shortcuts()
    ]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize(
    ("action_name", "key"),
    [
        ("new_action", StandardKey.New),
        ("find_action", StandardKey.Find),
        ("save_action", StandardKey.Save),
        ("close_action", StandardKey.Close),
        ("preferences_action", StandardKey.Preferences),
        ("quit_action", StandardKey.Quit),
        ("user_guide_action", StandardKey.HelpContents),
    ],
)
def test_standard_actions_use_the_platforms_standard_keys(
    main_window_for, action_name: str, key: StandardKey
) -> None:
    window = main_window_for("rita")
    shortcuts = getattr(window, action_name).shortcuts()
    assert shortcuts == standard_shortcuts(key)
    assert shortcuts


def test_the_shortcuts_help_lists_every_menu_action(qtbot, main_window_for) -> None:
    window = main_window_for("maria")
    dialog = window.show_shortcuts()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, ShortcutsDialog)
    listed = {
        dialog.table.topLevelItem(row).text(1) for row in range(dialog.table.topLevelItemCount())
    }
    assert listed == {action for _menu, action, _keys in menu_shortcuts(window.menuBar())}
    assert "Preferences" in listed and "Find" in listed


def test_the_shortcuts_help_shows_the_find_key(main_window_for) -> None:
    window = main_window_for("maria")
    rows = {action: keys for _menu, action, keys in menu_shortcuts(window.menuBar())}
    native = QKeySequence.SequenceFormat.NativeText
    assert rows["Find"] == ", ".join(
        key.toString(native) for key in standard_shortcuts(StandardKey.Find)
    )


def test_new_opens_a_form_for_a_new_contact(qtbot, main_window_for) -> None:
    window = main_window_for("rita")
    window.new_action.trigger()
    dialogs = window.findChildren(RecordFormDialog)
    assert len(dialogs) == 1
    assert dialogs[0].form.entity == "contact"


def test_preferences_action_opens_the_preferences(qtbot, main_window_for) -> None:
    window = main_window_for("rita")
    dialog = window.show_preferences()
    qtbot.addWidget(dialog)
    assert dialog.isVisible()


@pytest.mark.parametrize(
    ("username", "guide"), [("rita", "sales.md"), ("maria", "marketing.md"), ("ada", "admin.md")]
)
def test_help_opens_the_roles_user_guide(main_window_for, username: str, guide: str) -> None:
    window = main_window_for(username)
    opened = []
    window.open_url = opened.append
    window.user_guide_action.trigger()
    assert len(opened) == 1
    path = Path(opened[0].toLocalFile())
    assert path.name == guide
    assert path.is_file()


def test_about_names_the_data_folder(main_window_for) -> None:
    from contactdesk.paths import data_dir

    window = main_window_for("rita")
    assert str(data_dir()) in window.about_text()
