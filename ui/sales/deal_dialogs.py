"""Opening the record form for a new deal, pre-filled from the card it was started on.

``open_new_deal(context, parent, contact_id=..., account_id=..., on_open=...)``
reads the suggested values (``new_deal_values``) on the database worker, then
opens the generic record form for an opportunity with them and hands the
dialog to ``on_open`` (the card keeps it and refreshes when it saves).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from contactdesk.selling.deal_defaults import new_deal_values
from ui.database_worker import TaskControl
from ui.forms.record_form_dialog import RecordFormDialog
from ui.view_context import ViewContext


def open_new_deal(
    context: ViewContext,
    parent: QWidget,
    *,
    contact_id: uuid.UUID | str | None = None,
    account_id: uuid.UUID | str | None = None,
    on_open: Callable[[RecordFormDialog], None],
) -> None:
    """Read the new deal's suggested values on the worker, then open its form."""
    store, actor = context.session.store, context.session.actor

    def read(control: TaskControl) -> dict[str, Any]:
        return new_deal_values(store, actor, contact_id=contact_id, account_id=account_id)

    def show(values: dict[str, Any]) -> None:
        dialog = RecordFormDialog(
            context.session, context.worker, "opportunity", None, parent, initial=values
        )
        on_open(dialog)
        dialog.open()

    context.worker.submit(read, on_success=show)


def open_deal(context: ViewContext, parent: QWidget, deal_id: uuid.UUID | str) -> RecordFormDialog:
    """The generic record form on an existing deal."""
    dialog = RecordFormDialog(context.session, context.worker, "opportunity", str(deal_id), parent)
    dialog.open()
    return dialog
