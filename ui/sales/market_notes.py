"""A market note: intelligence not tied to a call (a competitor seen, a price heard, news).

Recorded as field intel of kind ``market_note`` in the generic record form,
tagged and linked to the account or contact it was started from, so marketing
finds it beside objections and competitor mentions.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from ui.forms.record_form_dialog import RecordFormDialog
from ui.view_context import ViewContext

MARKET_NOTE = "market_note"
# (id, title) of the record the note is about, as the form's reference pickers show it.
Link = tuple[str, str]


def open_market_note(
    context: ViewContext,
    parent: QWidget,
    *,
    contact: Link | None = None,
    account: Link | None = None,
) -> RecordFormDialog:
    """Open the form for a new market note about ``contact`` and/or ``account``."""
    initial: dict[str, Any] = {"kind": MARKET_NOTE}
    if contact is not None:
        initial["contact_id"] = contact
    if account is not None:
        initial["account_id"] = account
    dialog = RecordFormDialog(
        context.session, context.worker, "intel", None, parent, initial=initial
    )
    dialog.open()
    return dialog
