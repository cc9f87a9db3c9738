"""The hand-made sales week (tests/selling/sales_scenario.py) for the sales-view tests.

Views get an immediate database worker (tasks run at once on the test thread,
as Picard's tests do) and a clock fixed at the scenario's NOW.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest

# The scenario is shared with the service tests, which live in another folder.
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "selling"))

from sales_scenario import NOW, SalesWeek, build_sales_week

from contactdesk.services.directory import find_user
from contactdesk.store import Store
from ui.app_session import AppSession
from ui.database_worker import DatabaseWorker
from ui.store_changes import StoreChangeRelay
from ui.view_context import ViewContext


@pytest.fixture
def week(store: Store) -> SalesWeek:
    return build_sales_week(store, find_user(store, "rita"), find_user(store, "sam"))


@pytest.fixture
def clock() -> Callable[[], datetime]:
    return lambda: NOW


@pytest.fixture
def rita_context(store: Store, week: SalesWeek) -> Iterator[ViewContext]:
    session = AppSession(store, week.rep.actor(), week.rep)
    context = ViewContext(session, DatabaseWorker(immediate=True), StoreChangeRelay(store))
    yield context
    context.relay.detach()
