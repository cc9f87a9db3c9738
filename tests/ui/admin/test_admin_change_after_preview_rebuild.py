"""Issue 20: changing rules after the preview rebuilt never hits a deleted change relay.

The admin's steps: Custom fields -> add a number field -> Field rules -> Fields of:
Contact -> set sales / Email to Hidden (and again). Each change rebuilds "Preview as
role", whose old surfaces (and their store listeners) are deleted; the next change
used to reach a deleted relay: "Signal source has been deleted" in red.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from contactdesk.services import rule_admin
from ui.admin.admin_view import AdminView


def _settle(qtbot, view: AdminView) -> None:
    for _ in range(4):
        view_worker = view.rules._worker
        view_worker.wait_until_idle()
        qtbot.wait(150)  # the preview's rebuild timer and deleteLater
        QApplication.processEvents()


def test_rule_changes_after_adding_a_field_show_no_error(qtbot, store, context_for) -> None:
    view = AdminView(context_for("ada"))
    qtbot.addWidget(view)
    view.show()
    _settle(qtbot, view)

    editor = view.custom_fields
    view.show_page(editor)
    editor.entity_input.setCurrentIndex(editor.entity_input.findData("contact"))
    editor.name_input.setText("budget")
    editor.type_input.setCurrentIndex(editor.type_input.findData("number"))
    editor.add_field()
    _settle(qtbot, view)
    assert not editor.error.text()

    rules = view.rules
    view.show_page(rules)
    rules.entity_filter.setCurrentIndex(rules.entity_filter.findData("contact"))
    _settle(qtbot, view)
    for level in ("hidden", "read", "hidden"):
        cell = rules.cell("contact.email", "sales")
        cell.setCurrentIndex(cell.findData(level))
        _settle(qtbot, view)
        assert not rules.error.text(), rules.error.text()
        email = next(
            row for row in rule_admin.rule_matrix(store, "contact")[1] if row.field == "email"
        )
        assert email.access["sales"] == level
