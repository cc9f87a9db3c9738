"""Scheduling an activity in the record form, and completing one with its outcome.

``open_new_activity`` reads the suggested values (``new_activity_values``) on
the database worker and opens the generic record form for an activity with
them. ``CompleteActivityDialog`` asks how a meeting, task or email went and
saves it through ``complete_activity``; a call is completed in the call dialog
instead (``completion_dialog`` picks), where a next step is still required.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from contactdesk.selling.activity_schedule import complete_activity, new_activity_values
from contactdesk.services.changes import ChangeSet
from ui.database_worker import TaskControl
from ui.enum_titles import add_titled_items, chosen_word, outcome_title
from ui.forms.record_form_dialog import RecordFormDialog
from ui.sales.call_dialog import CallDialog, utc_now
from ui.style import set_role
from ui.view_context import ViewContext

Clock = Callable[[], datetime]
# Offered in the outcome box; any short text is accepted.
MEETING_OUTCOMES = ("went well", "needs a follow-up", "postponed by them", "no show", "sent")


def open_new_activity(
    context: ViewContext,
    parent: QWidget,
    *,
    on_open: Callable[[RecordFormDialog], None],
    clock: Clock = utc_now,
    kind: str = "meeting",
    contact_id: uuid.UUID | str | None = None,
    account_id: uuid.UUID | str | None = None,
    opportunity_id: uuid.UUID | str | None = None,
) -> None:
    """Read the new activity's suggested values on the worker, then open its form."""
    store, actor, now = context.session.store, context.session.actor, clock()

    def read(control: TaskControl) -> dict[str, Any]:
        return new_activity_values(
            store, actor, now=now, kind=kind, contact_id=contact_id,
            account_id=account_id, opportunity_id=opportunity_id,
        )  # fmt: skip

    def show(values: dict[str, Any]) -> None:
        dialog = RecordFormDialog(
            context.session, context.worker, "activity", None, parent, initial=values
        )
        on_open(dialog)
        dialog.open()

    context.worker.submit(read, on_success=show)


class CompleteActivityDialog(QDialog):
    """Done: how did the meeting, task or email go? ``saved`` carries the ChangeSet."""

    saved = Signal(object)

    def __init__(
        self,
        context: ViewContext,
        activity_id: uuid.UUID,
        subject: str,
        *,
        clock: Clock = utc_now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._activity_id = activity_id
        self._clock = clock
        self.setWindowTitle(self.tr("Done: %1").replace("%1", subject))
        self.outcome = QComboBox()
        self.outcome.setEditable(True)
        add_titled_items(self.outcome, MEETING_OUTCOMES, outcome_title)
        self.outcome.setCurrentIndex(-1)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("What came of it"))
        self.notes.setFixedHeight(80)
        self.message = QLabel()
        set_role(self.message, "error")
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Outcome"), self.outcome)
        form.addRow(self.tr("&Notes"), self.notes)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.outcome.setFocus()

    @Slot()
    def save(self) -> None:
        store, actor, now = self._context.session.store, self._context.session.actor, self._clock()
        outcome, notes, activity_id = (
            chosen_word(self.outcome), self.notes.toPlainText(), self._activity_id,
        )  # fmt: skip

        def write(control: TaskControl) -> ChangeSet:
            return complete_activity(
                store, actor, activity_id, outcome=outcome, notes=notes, now=now
            )

        self.buttons.setEnabled(False)
        self._context.worker.submit(write, on_success=self._saved, on_failure=self._failed)

    def _saved(self, changes: ChangeSet) -> None:
        self.saved.emit(changes)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        reason = getattr(error, "reason", None) or str(error)
        self.message.setText(self.tr("Not saved: %1").replace("%1", reason))
        self.message.show()


def completion_dialog(
    context: ViewContext,
    parent: QWidget,
    *,
    activity_id: uuid.UUID,
    kind: str,
    subject: str,
    contact_id: uuid.UUID | None,
    contact_name: str,
    clock: Clock = utc_now,
) -> QDialog:
    """The dialog that completes an activity: the call dialog for a call, else the outcome."""
    if kind == "call" and contact_id is not None:
        return CallDialog(
            context, contact_id, contact_name, planned_activity_id=activity_id, clock=clock,
            parent=parent,
        )  # fmt: skip
    return CompleteActivityDialog(context, activity_id, subject, clock=clock, parent=parent)
