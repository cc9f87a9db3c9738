"""A marketer's view context on the hand-countable CRM store of the report tests."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# crm_fixture lives with the report tests: the UI shows the figures they check.
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "reports"))

from crm_fixture import CrmFixture, build_crm

from contactdesk.services.directory import find_user
from contactdesk.store import Store
from ui.app_session import AppSession
from ui.database_worker import DatabaseWorker
from ui.store_changes import StoreChangeRelay
from ui.view_context import ViewContext


@pytest.fixture
def crm(empty_store: Store) -> CrmFixture:
    return build_crm(empty_store)


@pytest.fixture
def marketer(qtbot, crm: CrmFixture) -> Iterator[ViewContext]:
    """Mia the marketer, with a real threaded database worker."""
    user = find_user(crm.store, "mia")
    session = AppSession(crm.store, user.actor(), user)
    context = ViewContext(session, DatabaseWorker(), StoreChangeRelay(crm.store))
    yield context
    context.worker.shutdown()
    context.relay.detach()
