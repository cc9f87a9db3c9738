"""The contact list model: lazy keyset paging, role-driven columns, refresh on change."""

from __future__ import annotations

import threading

from PySide6.QtCore import QModelIndex, Qt
from ui_store_builders import hide_from_role

from contactdesk.services import unit_of_work
from ui.models.contact_table_model import PAGE_SIZE, ContactTableModel
from ui.models.record_table_model import FieldNameRole, RecordIdRole
from ui.store_changes import StoreChangeRelay


def header_field_names(model: ContactTableModel) -> list[str]:
    horizontal = Qt.Orientation.Horizontal
    return [model.headerData(c, horizontal, FieldNameRole) for c in range(model.columnCount())]


def test_contact_model_passes_the_qt_model_tester(qtmodeltester, session_for) -> None:
    model = ContactTableModel(session_for("rita"))
    model.fetchMore(QModelIndex())
    qtmodeltester.check(model, force_py=True)


def test_first_fetch_loads_exactly_one_page(session_for) -> None:
    model = ContactTableModel(session_for("rita"))
    assert model.rowCount() == 0
    model.fetchMore(QModelIndex())
    assert model.rowCount() == PAGE_SIZE == 100


def test_fetch_more_appends_the_next_page_in_order(qtbot, session_for) -> None:
    model = ContactTableModel(session_for("rita"))
    model.fetchMore(QModelIndex())
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        model.fetchMore(QModelIndex())
    assert inserted.args[1:] == [100, 199]
    assert model.rowCount() == 200
    names = [model.record_at(row)["display_name"] for row in range(200)]
    assert names == [f"Person {n:04d}" for n in range(200)]


def test_fetching_stops_after_the_last_contact(session_for) -> None:
    model = ContactTableModel(session_for("rita"))
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 250


def test_rows_carry_the_record_id_role(session_for, store) -> None:
    model = ContactTableModel(session_for("rita"))
    model.fetchMore(QModelIndex())
    assert model.index(0, 0).data(RecordIdRole) == model.record_at(0)["id"]


def test_company_column_shows_the_account_name_not_its_id(session_for) -> None:
    model = ContactTableModel(session_for("rita"))
    model.fetchMore(QModelIndex())
    assert model.index(0, model.column_of("account_id")).data() == "Acme Ltd"


def test_sales_user_has_no_column_for_a_field_hidden_from_sales(store, session_for) -> None:
    hide_from_role(store, "sales", "contact", "email")
    sales_columns = header_field_names(ContactTableModel(session_for("rita")))
    marketing_columns = header_field_names(ContactTableModel(session_for("maria")))
    assert "email" not in sales_columns
    assert "email" in marketing_columns


def test_contact_created_through_the_services_appears_in_the_list(
    qtbot, store, session_for
) -> None:
    session = session_for("rita")
    model = ContactTableModel(session)
    relay = StoreChangeRelay(store)
    relay.changed.connect(model.on_store_changed)
    model.fetchMore(QModelIndex())
    # Sorts first ("Aaron" < "Person"), so it lands on the loaded page.
    unit_of_work.create(store, session.actor, "contact", {"display_name": "Aaron Abbott"})
    qtbot.waitUntil(lambda: model.record_at(0)["display_name"] == "Aaron Abbott")
    assert model.rowCount() == PAGE_SIZE
    relay.detach()


def test_a_change_committed_on_another_thread_refreshes_on_the_ui_thread(
    qtbot, store, session_for
) -> None:
    session = session_for("rita")
    model = ContactTableModel(session)
    relay = StoreChangeRelay(store)
    relay.changed.connect(model.on_store_changed)
    model.fetchMore(QModelIndex())
    writer = threading.Thread(
        target=unit_of_work.create,
        args=(store, session.actor, "contact", {"display_name": "Abel Writer"}),
    )
    writer.start()
    writer.join()
    qtbot.waitUntil(lambda: model.record_at(0)["display_name"] == "Abel Writer")
    relay.detach()
