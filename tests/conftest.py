"""Fixtures shared by every test: a fresh store file and the people in it."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from contactdesk.services.actor import Actor
from contactdesk.services.directory import UserInfo, create_user, find_user
from contactdesk.services.store_opening import open_store
from contactdesk.store import Store
from tests.query_plans import QueryPlans
from ui.main_thread_gc import collect_on_main_thread


@pytest.fixture(autouse=True)
def _plain_english_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    """CLI tables in the locale with no locale configured, whatever the machine's LANG.

    Tests of other locales set CONTACTDESK_LOCALE themselves (tests/cli/test_table_locale.py).
    """
    monkeypatch.setenv("CONTACTDESK_LOCALE", "en")


@pytest.fixture(autouse=True)
def _cycles_collected_on_the_main_thread(qapp: object) -> Iterator[None]:
    """As in the app: the database worker's thread never runs the cycle collector."""
    collector = collect_on_main_thread(qapp)  # type: ignore[arg-type]
    yield
    collector.collect()


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "store.db"


@pytest.fixture(scope="session")
def store_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated, seeded store made once; each test gets its own copy of the file."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    open_store(path).close()
    return path


@pytest.fixture
def store(store_path: Path, store_template: Path) -> Iterator[Store]:
    shutil.copyfile(store_template, store_path)
    opened = open_store(store_path)
    yield opened
    opened.close()


@pytest.fixture
def admin() -> Actor:
    return Actor.system()


@pytest.fixture
def people(store: Store, admin: Actor) -> dict[str, UserInfo]:
    """Two sales reps in different teams, a marketer and an admin."""
    create_user(store, admin, "rita", display_name="Rita Rep", role="sales", team="north")
    create_user(store, admin, "sam", display_name="Sam Seller", role="sales", team="south")
    create_user(store, admin, "mia", display_name="Mia Marketer", role="marketing")
    create_user(store, admin, "ada", display_name="Ada Admin", role="admin")
    return {name: find_user(store, name) for name in ("rita", "sam", "mia", "ada")}


@pytest.fixture
def query_plans(store: Store) -> Iterator[QueryPlans]:
    recorder = QueryPlans(store)
    yield recorder
    event.remove(store.engine, "before_cursor_execute", recorder._record)
