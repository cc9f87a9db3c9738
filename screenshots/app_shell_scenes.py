"""Screenshot scenes of the app shell: the first-run welcome, the preferences, a view in German.

Registered in ``screenshots.scene_registry``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QWidget

from ui.database_worker import DatabaseWorker
from ui.first_run.welcome_dialog import WelcomeDialog
from ui.preferences.preferences_dialog import PreferencesDialog
from ui.settings import LANGUAGE, read_option
from ui.translation import install_language


class LanguageRestorer(QObject):
    """Puts the user's language back when the watched window is hidden (after its grab)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Hide:
            app = QCoreApplication.instance()
            if app is not None:
                install_language(app, read_option(LANGUAGE))
            watched.removeEventFilter(self)
        return False


def first_run_welcome(context: Any) -> QWidget:
    dialog = WelcomeDialog(
        Path("/home/alex/.local/share/ContactDesk/contactdesk.db"),
        DatabaseWorker(),
        server_available=False,
    )
    dialog.resize(620, dialog.sizeHint().height())
    return dialog


def first_run_empty_store(context: Any) -> QWidget:
    """The welcome after "Start an empty store": the first admin and the company, as init."""
    dialog = first_run_welcome(context)
    assert isinstance(dialog, WelcomeDialog)
    dialog.ask_first_admin()
    dialog.username_edit.setText("ada")
    dialog.display_name_edit.setText("Ada Lovelace")
    dialog.company_edit.setText("Acme Ltd")
    dialog.resize(620, dialog.sizeHint().height())
    return dialog


def preferences(context: Any) -> QWidget:
    dialog = PreferencesDialog()
    dialog.resize(620, dialog.sizeHint().height())
    return dialog


def main_window_sales_german(context: Any) -> QWidget:
    app = QCoreApplication.instance()
    assert app is not None
    install_language(app, "de")
    window: QWidget = context.main_window("sales")
    restorer = LanguageRestorer(window)
    window.installEventFilter(restorer)
    return window


APP_SHELL_SCENES: dict[str, Callable[[Any], QWidget]] = {
    "first_run_welcome": first_run_welcome,
    "first_run_empty_store": first_run_empty_store,
    "preferences": preferences,
    "main_window_sales_de": main_window_sales_german,
}
