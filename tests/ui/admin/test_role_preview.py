"""Preview as role: no surface shows the admin a field the chosen role may not see."""

from __future__ import annotations

import pytest

from contactdesk.services import rule_admin
from contactdesk.services.actor import Actor
from ui.admin.preview_report_export import ExportPreview, ReportPreview
from ui.admin.preview_surfaces import ContactFormPreview, ContactListPreview, SearchPreview
from ui.admin.role_preview import RolePreview


@pytest.fixture
def sales_preview(qtbot, store, admin_context) -> RolePreview:
    rule_admin.set_rule(store, Actor.system(), "sales", "contact.email", "hidden")
    preview = RolePreview(admin_context)
    qtbot.addWidget(preview)
    preview.show_role("sales")
    return preview


def test_the_previewed_contact_form_has_no_hidden_field(sales_preview) -> None:
    form = sales_preview.surface(0)
    assert isinstance(form, ContactFormPreview)
    assert "display_name" in form.field_names()
    assert "email" not in form.field_names()


def test_the_previewed_contact_list_has_no_hidden_column(sales_preview) -> None:
    listing = sales_preview.surface(1)
    assert isinstance(listing, ContactListPreview)
    assert "display_name" in listing.field_names()
    assert "email" not in listing.field_names()


def test_previewed_search_results_carry_no_hidden_field(qtbot, sales_preview) -> None:
    search = sales_preview.surface(2)
    assert isinstance(search, SearchPreview)
    qtbot.keyClicks(search.search_box, "person")
    search.search()
    records = search.result_records()
    assert records
    assert all("email" not in record for record in records)


def test_the_preview_form_cannot_be_saved(sales_preview) -> None:
    form = sales_preview.surface(0).form
    assert form is not None
    assert not form.can_save


def test_the_previewed_export_carries_no_hidden_column(sales_preview) -> None:
    export = sales_preview.surface(4)
    assert isinstance(export, ExportPreview)
    assert "Name" in export.column_labels()
    assert "Email" not in export.column_labels()


def test_reports_are_previewed_as_the_role(sales_preview) -> None:
    reports = sales_preview.surface(3)
    assert isinstance(reports, ReportPreview)
    assert reports.report_view._session.actor.role == "sales"
