"""The contact dialog shows the values an import kept beyond the contact's own columns."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from contactdesk.importing.store_import import import_contacts
from contactdesk.model import Contact
from contactdesk.services.actor import Actor
from ui.forms.record_form_dialog import RecordFormDialog

CARD = Path(__file__).parents[2] / "data" / "vcard" / "repeated_values_fn_differs.vcf"


def test_the_contact_dialog_lists_the_second_email_phone_and_address(
    qtbot: Any, context_for: Any
) -> None:
    context = context_for("ada")
    store = context.session.store
    import_contacts(store, Actor.system(), CARD)
    with store.reading() as session:
        record_id = session.scalar(select(Contact.id).where(Contact.last_name == "Lastname"))
    dialog = RecordFormDialog(context.session, context.worker, "contact", record_id)
    qtbot.addWidget(dialog)
    panel = dialog.additional
    assert panel is not None
    qtbot.waitUntil(lambda: panel.values.count() == 3)
    shown = [panel.values.item(row).text() for row in range(panel.values.count())]
    assert "Email (home): second@example.org" in shown
    assert "Phone (home): +49307654321" in shown
    assert "Address (home): Nebenweg 2, 14467 Potsdam, Deutschland" in shown
    assert "nickname" in dialog.form.field_names()


def test_a_contact_with_no_additional_values_shows_no_panel(qtbot: Any, context_for: Any) -> None:
    context = context_for("ada")
    store = context.session.store
    with store.reading() as session:
        record_id = session.scalar(select(Contact.id).limit(1))
    dialog = RecordFormDialog(context.session, context.worker, "contact", record_id)
    qtbot.addWidget(dialog)
    context.worker.wait_until_idle()
    assert dialog.additional is not None and dialog.additional.values.count() == 0
    assert dialog.additional.isHidden()
