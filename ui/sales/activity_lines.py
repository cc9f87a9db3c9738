"""How an activity reads as one line of a card's history (contact card, account card)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from ui.enum_titles import activity_kind_title, outcome_title
from ui.models.field_display import format_value


def activity_line(row: Mapping[str, Any]) -> str:
    """ "<due>  <kind> — <subject> (done|open) <outcome>" in the user's language and locale."""
    done = row.get("done_at") is not None
    # Literal contexts and texts: lupdate reads them from the call.
    state = (
        QCoreApplication.translate("ActivityLines", "done")
        if done
        else QCoreApplication.translate("ActivityLines", "open")
    )
    return (
        QCoreApplication.translate("ActivityLines", "%1  %2 — %3 (%4) %5")
        .replace("%1", format_value("datetime", row.get("due_at")))
        .replace("%2", activity_kind_title(str(row.get("kind") or "")))
        .replace("%3", str(row.get("subject") or ""))
        .replace("%4", state)
        .replace("%5", outcome_title(str(row.get("outcome") or "")))
        .strip()
    )
