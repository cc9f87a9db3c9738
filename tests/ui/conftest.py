"""Fixtures for the Qt front end: offscreen Qt, isolated settings, real stores via services."""

from __future__ import annotations

import os
import shutil

# Before any Qt import: every UI test runs without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from ui_store_builders import add_contacts

from contactdesk.services import directory
from contactdesk.services.actor import Actor
from contactdesk.services.store_opening import open_store
from contactdesk.store import Store
from ui.app_session import AppSession
from ui.database_worker import DatabaseWorker
from ui.main_window import MainWindow
from ui.store_changes import StoreChangeRelay
from ui.view_context import ViewContext

USERS = (
    ("rita", "Rita Reyes", "sales", "north"),
    ("sam", "Sam Okafor", "sales", "south"),
    ("maria", "Maria Lund", "marketing", None),
    ("ada", "Ada Admin", "admin", None),
)


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> None:
    """QSettings write under the test's folder, never the developer's real settings."""
    folder = str(tmp_path / "settings")
    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, folder)


@pytest.fixture
def empty_store(tmp_path: Path) -> Iterator[Store]:
    store = open_store(tmp_path / "store.db")
    yield store
    store.close()


@pytest.fixture(scope="session")
def populated_store_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built once per run (migrations and 250 contacts take a second); tests get copies."""
    path = tmp_path_factory.mktemp("template") / "store.db"
    template = open_store(path)
    for username, name, role, team in USERS:
        directory.create_user(
            template, Actor.system(), username, display_name=name, role=role, team=team
        )
    add_contacts(template, 250)
    template.close()
    return path


@pytest.fixture
def store(populated_store_file: Path, tmp_path: Path) -> Iterator[Store]:
    """A store with four users (two sales reps, a marketer, an admin) and 250 contacts."""
    copy = tmp_path / "store.db"
    shutil.copyfile(populated_store_file, copy)
    opened = open_store(copy)
    yield opened
    opened.close()


@pytest.fixture
def session_for(store: Store) -> Callable[[str], AppSession]:
    def make(username: str) -> AppSession:
        user = directory.find_user(store, username)
        return AppSession(store, user.actor(), user)

    return make


@pytest.fixture
def context_for(qtbot, session_for) -> Iterator[Callable[[str], ViewContext]]:
    """A view context for a user, with a real (threaded) worker; cleaned up after the test."""
    made: list[ViewContext] = []

    def make(username: str) -> ViewContext:
        session = session_for(username)
        context = ViewContext(session, DatabaseWorker(), StoreChangeRelay(session.store))
        made.append(context)
        return context

    yield make
    for context in made:
        context.worker.shutdown()
        context.relay.detach()


@pytest.fixture
def main_window_for(qtbot, context_for) -> Callable[[str], MainWindow]:
    def make(username: str) -> MainWindow:
        window = MainWindow(context_for(username))
        qtbot.addWidget(window)
        window.context.worker.wait_until_idle()
        return window

    return make
