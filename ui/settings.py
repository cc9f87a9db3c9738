"""Every UI preference declared once: key, type, default and title (after Picard's options).

UI state lives in QSettings; paths come from ``contactdesk.paths`` (platformdirs);
secrets never live here (the keyring holds them, and the upgrade to version 2
removes any an old build left behind). Old settings files are brought up to
``SETTINGS_VERSION`` by the functions in ``UPGRADES``, each run once, in order.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

from ui.translatable import QT_TRANSLATE_NOOP

ORGANIZATION = "ContactDesk"
APPLICATION = "ContactDesk"
SETTINGS_VERSION = 2
VERSION_KEY = "settings_version"
TRANSLATION_CONTEXT = "Settings"

T = TypeVar("T")


@dataclass(frozen=True)
class Option(Generic[T]):
    """One preference: where it is stored, what type it has, what it is when unset.

    ``title`` is marked with QT_TRANSLATE_NOOP in the "Settings" context;
    ``translated_title()`` gives it in the current language.
    """

    key: str
    type: type[T]
    default: T
    title: str = ""

    def translated_title(self) -> str:
        return QCoreApplication.translate(TRANSLATION_CONTEXT, self.title)


LAST_USER = Option(
    "session/last_username", str, "", QT_TRANSLATE_NOOP("Settings", "User chosen last time")
)
MAIN_WINDOW_GEOMETRY = Option(
    "main_window/geometry",
    QByteArray,
    QByteArray(),
    QT_TRANSLATE_NOOP("Settings", "Window geometry"),
)
SYNC_INTERVAL_MINUTES = Option(
    "sync/interval_minutes", int, 15, QT_TRANSLATE_NOOP("Settings", "Sync every (minutes)")
)
SERVER_URL = Option("sync/server_url", str, "", QT_TRANSLATE_NOOP("Settings", "Server address"))
# "" follows the system language; otherwise a language code with a shipped translation.
LANGUAGE = Option("general/language", str, "", QT_TRANSLATE_NOOP("Settings", "Language"))
# A ui.locale_formats.DATE_FORMATS key.
DATE_FORMAT = Option("general/date_format", str, "short", QT_TRANSLATE_NOOP("Settings", "Dates"))
# "" follows the language; otherwise a locale name whose number style is used (de_DE: 1.234,5).
NUMBER_LOCALE = Option(
    "general/number_locale", str, "", QT_TRANSLATE_NOOP("Settings", "Numbers and money")
)
# The role's first page, by the untranslated title it has in ui.role_views ("" = the first).
START_PAGE_ROLES = ("sales", "marketing", "admin")


def start_page_option(role: str) -> Option[str]:
    """The start page option of ``role``; every role, added roles too, has one."""
    return Option(f"start_page/{role}", str, "", QT_TRANSLATE_NOOP("Settings", "Start page"))


# -- upgrades ------------------------------------------------------------------

# Keys that held secrets in pre-release builds; secrets belong in the keyring.
SECRET_KEYS_OF_VERSION_1 = ("sync/password", "sync/token")


def upgrade_to_2(settings: QSettings) -> None:
    """Version 1 (0.1 pre-releases) kept the sync interval in seconds and the
    language as a locale name under ``ui/``; some builds stored the sync token."""
    seconds = settings.value("sync/interval_seconds")
    if seconds is not None:
        with contextlib.suppress(TypeError, ValueError):
            settings.setValue(SYNC_INTERVAL_MINUTES.key, max(1, int(seconds) // 60))
        settings.remove("sync/interval_seconds")
    language = settings.value("ui/locale")
    if language is not None:
        settings.setValue(LANGUAGE.key, str(language).split("_")[0])
        settings.remove("ui/locale")
    for key in SECRET_KEYS_OF_VERSION_1:
        settings.remove(key)


# version reached -> function that upgrades a settings file from the version before it.
UPGRADES: dict[int, Callable[[QSettings], None]] = {2: upgrade_to_2}


def open_settings() -> QSettings:
    """The application's settings, upgraded to the current version.

    Named explicitly rather than from the QApplication's names, so that tests and
    scripts that run without ``ui.app`` read and write the same file. A fresh
    file has nothing to upgrade and is stamped with the current version.
    """
    settings = QSettings(ORGANIZATION, APPLICATION)
    stored = settings.value(VERSION_KEY)
    if stored is None:
        stored_version = 1 if settings.allKeys() else SETTINGS_VERSION
    else:
        stored_version = int(stored or 0)
    for version in sorted(v for v in UPGRADES if v > stored_version):
        UPGRADES[version](settings)
    if stored_version != SETTINGS_VERSION or stored is None:
        settings.setValue(VERSION_KEY, SETTINGS_VERSION)
    return settings


def read_option(option: Option[T]) -> T:
    value: Any = open_settings().value(option.key, option.default)
    if value is None:
        return option.default
    if option.type in (str, int, float):
        try:
            return option.type(value)  # type: ignore[call-arg]
        except (TypeError, ValueError):
            return option.default
    if option.type is bool:
        # QSettings' ini files give booleans back as the strings "true"/"false".
        return value in (True, "true", "1", 1)  # type: ignore[return-value]
    return value if isinstance(value, option.type) else option.default


def write_option(option: Option[T], value: T) -> None:
    open_settings().setValue(option.key, value)
