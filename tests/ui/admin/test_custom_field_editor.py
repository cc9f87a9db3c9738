"""The custom-field editor: added fields reach the forms; refusals are explained, nothing added."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from contactdesk.services import rule_admin
from ui.admin.custom_field_editor import CustomFieldEditor


def _fill(editor: CustomFieldEditor, qtbot, name: str, field_type: str, choices: str) -> None:
    editor.entity_input.setCurrentIndex(editor.entity_input.findData("contact"))
    qtbot.keyClicks(editor.name_input, name)
    editor.type_input.setCurrentIndex(editor.type_input.findData(field_type))
    qtbot.keyClicks(editor.choices_input, choices)


def test_an_added_choice_field_appears_in_the_form_as_a_combo_of_its_choices(
    qtbot, store, admin_context, sales_contact_form
) -> None:
    editor = CustomFieldEditor(admin_context)
    qtbot.addWidget(editor)
    _fill(editor, qtbot, "tier", "choice", "Gold, Silver, Bronze")
    editor.add_button.click()
    combo = sales_contact_form().editors["tier"].input_widget()
    assert isinstance(combo, QComboBox)
    assert [combo.itemText(i) for i in range(1, combo.count())] == ["Gold", "Silver", "Bronze"]


def test_a_choice_field_without_choices_shows_the_error_and_adds_nothing(
    qtbot, store, admin_context
) -> None:
    editor = CustomFieldEditor(admin_context)
    qtbot.addWidget(editor)
    _fill(editor, qtbot, "tier", "choice", "")
    editor.add_button.click()
    error = editor.add_errors["field.choices"]
    assert not error.isHidden()
    assert "needs choices" in error.text()
    assert editor.name_input.text() == "tier"
    assert not [row for row in rule_admin.rule_matrix(store, "contact")[1] if not row.builtin]


def test_retiring_a_field_keeps_it_listed_as_retired(qtbot, store, admin_context) -> None:
    editor = CustomFieldEditor(admin_context)
    qtbot.addWidget(editor)
    _fill(editor, qtbot, "region_code", "text", "")
    editor.add_button.click()
    editor.table.selectRow(0)
    editor.retire_button.click()
    assert [(row.field, row.retired) for row in editor.field_rows()] == [("region_code", True)]


def test_a_new_field_is_editable_by_the_roles_that_work_on_the_record(
    qtbot, store, admin_context, sales_contact_form
) -> None:
    editor = CustomFieldEditor(admin_context)
    qtbot.addWidget(editor)
    _fill(editor, qtbot, "fleet_size", "number", "")
    editor.add_button.click()
    form = sales_contact_form()
    assert "fleet_size" in form.editors and form.is_editable("fleet_size")
    rows = rule_admin.rule_matrix(store, "contact")[1]
    fleet = next(row for row in rows if row.field == "fleet_size")
    name = next(row for row in rows if row.field == "display_name")
    # Each role starts with its access to the contact's name: who edits contacts, fills it in.
    assert fleet.access == name.access


def test_field_types_read_as_words_not_identifiers(qtbot, admin_context) -> None:
    editor = CustomFieldEditor(admin_context)
    qtbot.addWidget(editor)
    shown = [editor.type_input.itemText(i) for i in range(editor.type_input.count())]
    assert "Several choices" in shown and "Yes / no" in shown
    assert not {"multi_choice", "boolean"} & set(shown)
