"""The record dialog: the form, and the record's history on a second tab."""

from __future__ import annotations

from typing import Any

from contactdesk.services import unit_of_work
from contactdesk.services.record_queries import page_records
from ui.forms.record_form_dialog import RecordFormDialog


def _dialog(qtbot: Any, context: Any, record_id: Any) -> RecordFormDialog:
    dialog = RecordFormDialog(context.session, context.worker, "contact", record_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _first_contact_id(context: Any) -> Any:
    page = page_records(context.session.store, context.session.actor, "contact", limit=1)
    return page.rows[0]["id"]


def test_the_history_tab_lists_a_saved_change_with_old_and_new_value(qtbot, context_for) -> None:
    context = context_for("rita")
    record_id = _first_contact_id(context)
    unit_of_work.update(
        context.session.store, context.session.actor, "contact", record_id, {"city": "Leeds"}
    )
    dialog = _dialog(qtbot, context, record_id)
    assert dialog.history is not None
    with qtbot.waitSignal(dialog.history.loaded):
        dialog.show_history()
    _when, who, field, _old, new = dialog.history.rows()[0]
    assert (who, field, new) == ("rita (not yet synced)", "City", "Leeds")


def test_the_history_is_not_read_until_its_tab_is_shown(qtbot, context_for) -> None:
    context = context_for("rita")
    dialog = _dialog(qtbot, context, _first_contact_id(context))
    assert dialog.history is not None
    assert dialog.history.rows() == []


def test_a_new_record_has_no_history_tab(qtbot, context_for) -> None:
    dialog = _dialog(qtbot, context_for("rita"), None)
    assert dialog.history is None
    assert dialog.tabs.count() == 1
