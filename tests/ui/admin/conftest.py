"""Admin view fixtures: an admin's view context with an immediate worker, and sales' forms."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from contactdesk.services import directory
from contactdesk.services.record_queries import page_records
from contactdesk.store import Store
from ui.app_session import AppSession
from ui.database_worker import DatabaseWorker
from ui.forms.record_form import RecordForm
from ui.store_changes import StoreChangeRelay
from ui.view_context import ViewContext


@pytest.fixture
def admin_context(qtbot, store: Store) -> Iterator[ViewContext]:
    """Ada's context; the worker runs each task at once, so every action has landed on return."""
    user = directory.find_user(store, "ada")
    context = ViewContext(
        AppSession(store, user.actor(), user),
        DatabaseWorker(immediate=True),
        StoreChangeRelay(store),
    )
    yield context
    context.relay.detach()


@pytest.fixture
def sales_contact_form(qtbot, store: Store) -> Callable[[], RecordForm]:
    """A fresh contact form as Rita (sales) gets it now."""

    def make() -> RecordForm:
        actor = directory.find_user(store, "rita").actor()
        record_id = page_records(store, actor, "contact", limit=1).rows[0]["id"]
        form = RecordForm(store, actor, DatabaseWorker(immediate=True), "contact", record_id)
        qtbot.addWidget(form)
        return form

    return make
