"""Fixtures for the Qt front end: offscreen Qt, isolated settings, real stores built via services."""

from __future__ import annotations

import os

# Before any Qt import: every UI test runs without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

from contactdesk.services import directory, unit_of_work  # noqa: E402
from contactdesk.services.actor import Actor  # noqa: E402
from contactdesk.store import Store, open_store  # noqa: E402
from ui.app_session import AppSession  # noqa: E402
from ui.database_worker import DatabaseWorker  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.store_changes import StoreChangeRelay  # noqa: E402
from ui.view_context import ViewContext  # noqa: E402

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


def add_contacts(store: Store, count: int, *, prefix: str = "Person") -> None:
    """``count`` unassigned contacts (visible to every role) at one company, in one unit."""
    system = Actor.system()
    account = unit_of_work.create(store, system, "account", {"name": "Acme Ltd"}).record_id
    with unit_of_work.unit_of_work(store, system) as work:
        for number in range(count):
            work.create(
                "contact",
                {
                    "display_name": f"{prefix} {number:04d}",
                    "email": f"{prefix.lower()}{number}@example.com",
                    "account_id": account,
                },
            )


@pytest.fixture
def empty_store(tmp_path: Path) -> Iterator[Store]:
    store = open_store(tmp_path / "store.db")
    yield store
    store.close()


@pytest.fixture
def store(empty_store: Store) -> Store:
    """A store with four users (two sales reps, a marketer, an admin) and 250 contacts."""
    for username, name, role, team in USERS:
        directory.create_user(
            empty_store, Actor.system(), username, display_name=name, role=role, team=team
        )
    add_contacts(empty_store, 250)
    return empty_store


@pytest.fixture
def session_for(store: Store) -> Callable[[str], AppSession]:
    def make(username: str) -> AppSession:
        user = directory.find_user(store, username)
        return AppSession(store, user.actor(), user)

    return make


@pytest.fixture
def context_for(qtbot, session_for) -> Iterator[Callable[[str], ViewContext]]:  # noqa: ANN001
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
def main_window_for(qtbot, context_for) -> Callable[[str], MainWindow]:  # noqa: ANN001
    def make(username: str) -> MainWindow:
        window = MainWindow(context_for(username))
        qtbot.addWidget(window)
        window.context.worker.wait_until_idle()
        return window

    return make
