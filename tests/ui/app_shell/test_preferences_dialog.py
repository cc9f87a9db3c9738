"""Preferences: every field is written to its declared option and read back next time."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from ui.preferences.preferences_dialog import PreferencesDialog
from ui.settings import (
    DATE_FORMAT,
    LANGUAGE,
    NUMBER_LOCALE,
    SERVER_URL,
    SYNC_INTERVAL_MINUTES,
    read_option,
    start_page_option,
)


def choose(box, data: str) -> None:
    index = box.findData(data)
    assert index >= 0, data
    box.setCurrentIndex(index)


def test_ok_writes_every_preference_to_its_option(qtbot) -> None:
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    dialog.sync_interval.setValue(42)
    dialog.server_url.setText("https://crm.example.org")
    choose(dialog.language, "de")
    choose(dialog.date_format, "iso")
    choose(dialog.number_locale, "de_CH")
    choose(dialog.start_pages["marketing"], "Marketing")
    dialog.accept()
    assert read_option(SYNC_INTERVAL_MINUTES) == 42
    assert read_option(SERVER_URL) == "https://crm.example.org"
    assert read_option(LANGUAGE) == "de"
    assert read_option(DATE_FORMAT) == "iso"
    assert read_option(NUMBER_LOCALE) == "de_CH"
    assert read_option(start_page_option("marketing")) == "Marketing"


def test_a_new_dialog_shows_the_saved_preferences(qtbot) -> None:
    first = PreferencesDialog()
    qtbot.addWidget(first)
    first.sync_interval.setValue(7)
    choose(first.date_format, "long")
    first.accept()
    second = PreferencesDialog()
    qtbot.addWidget(second)
    assert second.sync_interval.value() == 7
    assert second.date_format.currentData() == "long"


def test_cancel_writes_nothing(qtbot) -> None:
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    dialog.sync_interval.setValue(99)
    dialog.reject()
    assert read_option(SYNC_INTERVAL_MINUTES) == SYNC_INTERVAL_MINUTES.default


def test_a_server_address_that_is_not_http_cannot_be_saved(qtbot) -> None:
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    dialog.server_url.setText("ftp://crm.example.org")
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.accept()
    assert read_option(SERVER_URL) == ""


def test_german_is_offered_as_a_language(qtbot) -> None:
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    assert dialog.language.findData("de") >= 0
    assert dialog.language.itemText(dialog.language.findData("de")) == "Deutsch"


def test_the_start_page_preference_opens_the_window_on_that_page(qtbot, main_window_for) -> None:
    from ui.settings import write_option

    write_option(start_page_option("marketing"), "Marketing")
    window = main_window_for("maria")
    assert window.pages.tabText(window.pages.currentIndex()) == "Marketing"
