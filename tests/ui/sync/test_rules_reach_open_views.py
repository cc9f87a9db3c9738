"""A rule that arrives by sync changes the screen at once: open forms and lists lose the field."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from server_process import ServerProcess, SyncedClient, new_client

from contactdesk.services import unit_of_work
from contactdesk.store import Store
from ui.app_session import AppSession
from ui.database_worker import DatabaseWorker
from ui.forms.record_form import RecordForm
from ui.models.contact_table_model import ContactTableModel
from ui.store_changes import StoreChangeRelay

FIELD = "deal_codename"


def set_sales_access(server: ServerProcess, access: str) -> None:
    server.admin_call(
        "PUT",
        "/admin/rules",
        {"role": "sales", "entity": "contact", "field": FIELD, "access": access},
    )


@pytest.fixture
def sales(server: ServerProcess, tmp_path: Path) -> Iterator[tuple[SyncedClient, uuid.UUID]]:
    """Sam's synced store holding one contact with the custom field visible to sales."""
    fields = server.admin_call("GET", "/admin/fields")
    if not any(f["name"] == FIELD for f in fields):
        server.admin_call(
            "POST",
            "/admin/fields",
            {"entity": "contact", "name": FIELD, "label": "Deal codename", "type": "text"},
        )
    set_sales_access(server, "edit")
    admin = new_client(server, tmp_path / "admin.db", "ada")
    admin.sync()
    record_id = unit_of_work.create(
        admin.store,
        admin.actor,
        "contact",
        {"display_name": "Olga Open", "owner_id": server.user_id("sam"), FIELD: "Bluebird"},
    ).record_id
    admin.sync()
    admin.close()
    rep = new_client(server, tmp_path / "sam.db", "sam")
    rep.sync()
    yield rep, record_id
    rep.close()


def open_form(qtbot: QtBot, store: Store, rep: SyncedClient, record_id: uuid.UUID) -> RecordForm:
    form = RecordForm(store, rep.actor, DatabaseWorker(immediate=True), "contact", record_id)
    qtbot.addWidget(form)
    return form


def test_an_open_form_loses_a_field_hidden_by_a_synced_rule(
    qtbot: QtBot, server: ServerProcess, sales: tuple[SyncedClient, uuid.UUID]
) -> None:
    rep, record_id = sales
    form = open_form(qtbot, rep.store, rep, record_id)
    assert FIELD in form.field_names()
    set_sales_access(server, "hidden")
    rep.sync()
    qtbot.waitUntil(lambda: FIELD not in form.field_names())


def test_an_open_form_turns_a_field_read_only_when_a_synced_rule_says_so(
    qtbot: QtBot, server: ServerProcess, sales: tuple[SyncedClient, uuid.UUID]
) -> None:
    rep, record_id = sales
    form = open_form(qtbot, rep.store, rep, record_id)
    assert form.is_editable(FIELD)
    set_sales_access(server, "read")
    rep.sync()
    qtbot.waitUntil(lambda: FIELD in form.field_names() and not form.is_editable(FIELD))


def test_an_open_contact_list_loses_the_column_of_a_field_hidden_by_a_synced_rule(
    qtbot: QtBot, server: ServerProcess, sales: tuple[SyncedClient, uuid.UUID]
) -> None:
    rep, _record_id = sales
    model = ContactTableModel(AppSession(rep.store, rep.actor))
    relay = StoreChangeRelay(rep.store)
    relay.changed.connect(model.on_store_changed)
    assert model.column_of(FIELD) >= 0
    set_sales_access(server, "hidden")
    rep.sync()
    qtbot.waitUntil(lambda: FIELD not in [field.name for field in model.fields])
    relay.detach()
