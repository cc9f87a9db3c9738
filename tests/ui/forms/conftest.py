"""Forms are built against the shared UI fixtures' store, with an immediate worker."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from contactdesk.services import directory
from contactdesk.services.record_queries import page_records
from contactdesk.store import Store
from ui.database_worker import DatabaseWorker
from ui.forms.record_form import RecordForm


@pytest.fixture
def worker(qtbot) -> DatabaseWorker:
    return DatabaseWorker(immediate=True)


@pytest.fixture
def contact_form_for(qtbot, store: Store, worker: DatabaseWorker) -> Callable[[str], RecordForm]:
    """The form of the first contact, as the named user sees it."""

    def make(username: str) -> RecordForm:
        actor = directory.find_user(store, username).actor()
        record_id = page_records(store, actor, "contact", limit=1).rows[0]["id"]
        form = RecordForm(store, actor, worker, "contact", record_id)
        qtbot.addWidget(form)
        return form

    return make
