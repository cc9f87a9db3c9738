"""The rule matrix editor: a changed cell is a saved rule the forms follow at once."""

from __future__ import annotations

from contactdesk.services import rule_admin
from ui.admin.role_scopes import role_scopes
from ui.admin.rule_matrix_editor import RuleMatrixEditor


def test_hiding_email_for_sales_in_the_matrix_removes_it_from_the_sales_contact_form(
    qtbot, store, admin_context, sales_contact_form
) -> None:
    assert "email" in sales_contact_form().field_names()
    editor = RuleMatrixEditor(admin_context)
    qtbot.addWidget(editor)
    cell = editor.cell("contact.email", "sales")
    cell.setCurrentIndex(cell.findData("hidden"))
    assert "email" not in sales_contact_form().field_names()


def test_a_matrix_change_is_stored_as_the_rule(qtbot, store, admin_context) -> None:
    editor = RuleMatrixEditor(admin_context)
    qtbot.addWidget(editor)
    cell = editor.cell("account.industry", "marketing")
    cell.setCurrentIndex(cell.findData("edit"))
    rows = rule_admin.rule_matrix(store, "account")[1]
    industry = next(row for row in rows if row.field == "industry")
    assert industry.access["marketing"] == "edit"


def test_the_entity_filter_shows_only_that_records_fields(qtbot, admin_context) -> None:
    editor = RuleMatrixEditor(admin_context)
    qtbot.addWidget(editor)
    editor.entity_filter.setCurrentIndex(editor.entity_filter.findData("lead"))
    assert editor.shown_fields
    assert all(name.startswith("lead.") for name in editor.shown_fields)


def test_changing_a_role_scope_saves_it(qtbot, store, admin_context) -> None:
    editor = RuleMatrixEditor(admin_context)
    qtbot.addWidget(editor)
    combo = editor.scope_combo("sales")
    combo.setCurrentIndex(combo.findData("team"))
    assert role_scopes(store)["sales"] == "team"


def test_admin_cells_cannot_be_changed(qtbot, admin_context) -> None:
    editor = RuleMatrixEditor(admin_context)
    qtbot.addWidget(editor)
    assert not editor.cell("contact.email", "admin").isEnabled()


def test_the_admin_view_is_a_page_for_admins_only(main_window_for) -> None:
    from ui.admin.admin_view import AdminView

    def has_admin_page(username: str) -> bool:
        window = main_window_for(username)
        return any(isinstance(window.page(i), AdminView) for i in range(window.pages.count()))

    assert has_admin_page("ada")
    assert not has_admin_page("rita")
