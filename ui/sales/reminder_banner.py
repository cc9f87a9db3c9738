"""The in-app reminder: a banner over the sales page naming what is due in the next minutes.

Every CHECK_INTERVAL_MS (and after any change to activities) ``due_soon`` runs
on the database worker; the banner shows the rep's open activities due within
the next 15 minutes and hides when there are none.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QTime, QTimer, Slot
from PySide6.QtWidgets import QLabel, QWidget

from contactdesk.selling.activity_schedule import DueSoon, due_soon
from contactdesk.services.changes import ChangeSet
from ui.database_worker import TaskControl
from ui.sales.call_dialog import utc_now
from ui.style import set_role
from ui.view_context import ViewContext

Clock = Callable[[], datetime]
CHECK_INTERVAL_MS = 60_000
REMINDER_TASK_KEY = "sales-reminder"


class ReminderBanner(QLabel):
    """Hidden until something is due soon; then one line per activity, soonest first."""

    def __init__(
        self, context: ViewContext, *, clock: Clock = utc_now, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._clock = clock
        self.due: list[DueSoon] = []
        # A banner closed while its question is on the worker must not hear the answer.
        worker, self._task_key = context.worker, f"{REMINDER_TASK_KEY}-{id(self)}"
        key = self._task_key
        self.destroyed.connect(lambda _object=None: worker.cancel(key))
        self.setWordWrap(True)
        self.setAccessibleName(self.tr("Due soon"))
        set_role(self, "warning-banner")
        self.hide()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.check_now)
        self._timer.start()
        context.relay.changed.connect(self._on_store_changed)
        self.check_now()

    @Slot()
    def check_now(self) -> None:
        """Ask (on the worker) what is due in the next minutes."""
        store, actor, now = self._context.session.store, self._context.session.actor, self._clock()
        user_id = actor.user_id
        if user_id is None:
            return

        def read(control: TaskControl) -> list[DueSoon]:
            return due_soon(store, actor, user_id, now=now)

        self._context.worker.submit(read, key=self._task_key, on_success=self._show_due)

    @Slot(object)
    def _on_store_changed(self, changes: ChangeSet) -> None:
        if "activity" in changes.entities():
            self.check_now()

    def _show_due(self, due: list[DueSoon]) -> None:
        self.due = due
        if not due:
            self.hide()
            return
        lines = []
        for item in due:
            local = item.due_at.astimezone()
            who = " · ".join(part for part in (item.contact_name, item.account_name) if part)
            lines.append(
                self.tr("%1 %2 — %3 %4")
                .replace("%1", QTime(local.hour, local.minute).toString("HH:mm"))
                .replace("%2", item.kind)
                .replace("%3", item.subject)
                .replace("%4", f"({who})" if who else "")
                .strip()
            )
        self.setText(self.tr("Due in the next 15 minutes: %1").replace("%1", "; ".join(lines)))
        self.show()
