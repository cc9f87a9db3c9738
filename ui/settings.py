"""Every UI preference declared once, with its key, type and default (after Picard's options).

UI state lives in QSettings; paths come from ``contactdesk.paths`` (platformdirs);
secrets never live here (the keyring holds them). Old settings files are brought
up to ``SETTINGS_VERSION`` by the functions in ``UPGRADES``, each run once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "ContactDesk"
APPLICATION = "ContactDesk"
SETTINGS_VERSION = 1

T = TypeVar("T")


@dataclass(frozen=True)
class Option(Generic[T]):
    """One preference: where it is stored, what type it has, what it is when unset."""

    key: str
    type: type[T]
    default: T
    title: str = ""


LAST_USER = Option("session/last_username", str, "", "User chosen last time")
MAIN_WINDOW_GEOMETRY = Option("main_window/geometry", QByteArray, QByteArray(), "Window geometry")

# version reached -> function that upgrades a settings file from the version before it.
UPGRADES: dict[int, Callable[[QSettings], None]] = {}


def open_settings() -> QSettings:
    """The application's settings, upgraded to the current version.

    Named explicitly rather than from the QApplication's names, so that tests and
    scripts that run without ``ui.app`` read and write the same file.
    """
    settings = QSettings(ORGANIZATION, APPLICATION)
    stored = int(settings.value("settings_version", 0) or 0)
    for version in sorted(v for v in UPGRADES if v > stored):
        UPGRADES[version](settings)
    if stored != SETTINGS_VERSION:
        settings.setValue("settings_version", SETTINGS_VERSION)
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
