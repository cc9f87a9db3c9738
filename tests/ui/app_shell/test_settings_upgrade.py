"""Settings files from older versions are upgraded once, and never keep a secret."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from ui.settings import (
    APPLICATION,
    LANGUAGE,
    ORGANIZATION,
    SETTINGS_VERSION,
    SYNC_INTERVAL_MINUTES,
    VERSION_KEY,
    open_settings,
    read_option,
)


def write_version_1_file() -> None:
    old = QSettings(ORGANIZATION, APPLICATION)
    old.setValue(VERSION_KEY, 1)
    old.setValue("session/last_username", "rita")
    old.setValue("sync/interval_seconds", 900)
    old.setValue("ui/locale", "de_DE")
    old.setValue("sync/token", "s3cr3t-token")
    old.sync()


def test_version_1_sync_interval_in_seconds_becomes_minutes() -> None:
    write_version_1_file()
    assert read_option(SYNC_INTERVAL_MINUTES) == 15


def test_version_1_locale_becomes_the_language_option() -> None:
    write_version_1_file()
    assert read_option(LANGUAGE) == "de"


def test_upgrading_removes_a_token_an_old_build_stored() -> None:
    write_version_1_file()
    settings = open_settings()
    assert "sync/token" not in settings.allKeys()
    assert all("s3cr3t" not in str(settings.value(key)) for key in settings.allKeys())


def test_upgraded_file_is_stamped_with_the_current_version_and_keeps_other_keys() -> None:
    write_version_1_file()
    settings = open_settings()
    assert int(settings.value(VERSION_KEY)) == SETTINGS_VERSION
    assert settings.value("session/last_username") == "rita"
    assert "sync/interval_seconds" not in settings.allKeys()


def test_a_current_file_is_not_upgraded_again() -> None:
    fresh = open_settings()
    fresh.setValue("sync/interval_seconds", 60)  # a stray key a current file would never hold
    fresh.sync()
    assert read_option(SYNC_INTERVAL_MINUTES) == SYNC_INTERVAL_MINUTES.default
    assert "sync/interval_seconds" in open_settings().allKeys()
