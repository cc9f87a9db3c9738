"""The contact list page: search as you type, back to the paged list, details on Enter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_store_builders import add_contacts, hide_from_role

from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from ui.models.contact_table_model import ContactTableModel
from ui.models.search_result_model import SearchResultModel
from ui.views.contact_list_view import ContactListView


def make_view(qtbot, context) -> ContactListView:
    view = ContactListView(context)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    return view


def test_typing_in_the_search_box_filters_to_the_matching_contacts(
    qtbot, store, context_for
) -> None:
    add_contacts(store, 3, prefix="Zelda")
    view = make_view(qtbot, context_for("rita"))
    qtbot.keyClicks(view.search_box, "zel")
    qtbot.waitUntil(lambda: isinstance(view.shown_model, SearchResultModel))
    names = {
        view.shown_model.record_at(r)["display_name"] for r in range(view.shown_model.rowCount())
    }
    assert names == {"Zelda 0000", "Zelda 0001", "Zelda 0002"}


def test_only_the_latest_query_is_shown_while_typing(qtbot, store, context_for) -> None:
    add_contacts(store, 2, prefix="Zelda")
    add_contacts(store, 2, prefix="Zeno")
    context = context_for("rita")
    view = make_view(qtbot, context)
    qtbot.keyClicks(view.search_box, "zen")
    qtbot.waitUntil(lambda: view.search_model.query == "zen")
    assert context.worker.wait_until_idle()
    names = {
        view.shown_model.record_at(r)["display_name"] for r in range(view.shown_model.rowCount())
    }
    assert names == {"Zeno 0000", "Zeno 0001"}


def test_clearing_the_search_box_returns_to_the_full_paged_list(qtbot, context_for) -> None:
    view = make_view(qtbot, context_for("rita"))
    qtbot.keyClicks(view.search_box, "person 0001")
    qtbot.waitUntil(lambda: isinstance(view.shown_model, SearchResultModel))
    view.search_box.clear()
    assert isinstance(view.shown_model, ContactTableModel)
    assert view.shown_model.rowCount() == 100


def test_a_search_with_no_match_says_so(qtbot, context_for) -> None:
    view = make_view(qtbot, context_for("rita"))
    qtbot.keyClicks(view.search_box, "nobodyhere")
    qtbot.waitUntil(lambda: view.search_model.query == "nobodyhere")
    assert view.shown_model.rowCount() == 0
    assert "nobodyhere" in view.summary.text()


def test_enter_on_a_row_opens_its_form_with_only_visible_fields(
    qtbot, store, context_for
) -> None:
    hide_from_role(store, "sales", "contact", "email")
    view = make_view(qtbot, context_for("rita"))
    qtbot.waitUntil(lambda: view.shown_model.rowCount() > 0)
    view.table.setFocus()
    view.table.setCurrentIndex(view.shown_model.index(0, 0))
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.detail_dialog is not None and view.detail_dialog.isVisible())
    form = view.detail_dialog.form
    qtbot.waitUntil(lambda: form.definition is not None)
    assert form.editors["display_name"].value() == "Person 0000"
    assert "email" not in form.field_names()
    assert view.detail_dialog.history is not None


def test_a_contact_added_while_searching_shows_up_in_the_results(qtbot, store, context_for) -> None:
    view = make_view(qtbot, context_for("rita"))
    qtbot.keyClicks(view.search_box, "quill")
    qtbot.waitUntil(lambda: view.search_model.query == "quill")
    unit_of_work.create(store, Actor.system(), "contact", {"display_name": "Quill Penn"})
    qtbot.waitUntil(lambda: view.shown_model.rowCount() == 1)
