"""The lead inbox: leads marketing handed over, each with its deadline counting down.

Select a lead, rate it 1-5, then accept (with the date of the first follow-up)
or reject (with a reason the rep chooses from the list, and a note: no reason is
pre-selected). A verdict is sent once: the buttons wait for its answer, so a
double click cannot reach the next lead. The confirmation offers Undo (as does
Ctrl+Z) until the next sync sends the verdict. Below, the hand-offs whose
deadline was missed: the same list marketing sees for its leads.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contactdesk.selling.handoff_deadlines import MissedDeadline, missed_deadlines
from contactdesk.selling.lead_inbox import (
    REJECTION_REASONS,
    InboxLead,
    LeadVerdict,
    accept_lead,
    lead_inbox,
    reject_lead,
)
from contactdesk.services.changes import ChangeSet
from ui.database_worker import TaskControl
from ui.locale_formats import localise_date_edit
from ui.marketing_tools.score_reasons_panel import ScoreReasonsPanel
from ui.models.field_display import format_value
from ui.sales.call_dialog import from_qdatetime, to_qdatetime, utc_now
from ui.style import set_role
from ui.undo_history import UndoBar, submit_undoable
from ui.view_context import ViewContext

Clock = Callable[[], datetime]
INBOX_TASK_KEY = "sales-lead-inbox"
COUNTDOWN_REFRESH_MS = 60_000


class LeadInboxView(QWidget):
    """Handed-off leads of the signed-in rep, most urgent first."""

    def __init__(
        self, context: ViewContext, *, clock: Clock = utc_now, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._clock = clock
        self.leads: list[InboxLead] = []

        self.table = QTableWidget(0, 6)
        self.table.setAccessibleName(self.tr("Lead inbox"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Contact"), self.tr("Company"), self.tr("Campaign"), self.tr("Source"),
             self.tr("Score"), self.tr("Follow up within")]
        )  # fmt: skip
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._on_selection)

        self.quality = QSpinBox()
        self.quality.setRange(1, 5)
        self.quality.setValue(3)
        self.quality.setMaximumWidth(90)
        self.quality.setAccessibleName(self.tr("Lead quality, 1 to 5"))
        self.follow_up_at = QDateTimeEdit()
        self.follow_up_at.setCalendarPopup(True)
        localise_date_edit(self.follow_up_at)
        self.accept_button = QPushButton(self.tr("&Accept"))
        self.reason = QComboBox()
        self.reason.setAccessibleName(self.tr("Reason to reject"))
        self.reason.addItem(self.tr("Choose a reason…"), None)
        for reason in REJECTION_REASONS:
            self.reason.addItem(reason_title(self, reason), reason)
        self.reason.currentIndexChanged.connect(lambda _index: self._on_selection())
        self._submitting = False
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Why, in a few words"))
        self.reject_button = QPushButton(self.tr("&Reject"))
        self.accept_button.clicked.connect(self.accept_selected)
        self.reject_button.clicked.connect(self.reject_selected)
        decision = QGroupBox(self.tr("Your verdict"))
        form = QFormLayout(decision)
        form.addRow(self.tr("&Quality (1–5)"), self.quality)
        accept_row = QHBoxLayout()
        accept_row.addWidget(self.follow_up_at, 1)
        accept_row.addWidget(self.accept_button)
        form.addRow(self.tr("First follow-up"), accept_row)
        reject_row = QHBoxLayout()
        reject_row.addWidget(self.reason)
        reject_row.addWidget(self.note, 1)
        reject_row.addWidget(self.reject_button)
        form.addRow(self.tr("Or reject because"), reject_row)
        self.message = QLabel()
        self.message.setWordWrap(True)
        set_role(self.message, "error")
        self.message.hide()
        self.confirmation = UndoBar(context)

        self.missed_label = QLabel()
        self.missed = QTableWidget(0, 4)
        self.missed.setAccessibleName(self.tr("Missed hand-off deadlines"))
        self.missed.setHorizontalHeaderLabels(
            [self.tr("Contact"), self.tr("Campaign"), self.tr("Deadline"), self.tr("Status")]
        )
        self.missed.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.missed.verticalHeader().hide()
        self.missed.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.missed.setMaximumHeight(180)

        self.score_reasons = ScoreReasonsPanel(context, clock=clock)
        self.score_reasons.setMaximumHeight(200)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.score_reasons)
        layout.addWidget(decision)
        layout.addWidget(self.message)
        layout.addWidget(self.confirmation)
        layout.addWidget(self.missed_label)
        layout.addWidget(self.missed)
        self._countdown = QTimer(self)
        self._countdown.setInterval(COUNTDOWN_REFRESH_MS)
        self._countdown.timeout.connect(self._show_countdowns)
        self._countdown.start()
        context.relay.changed.connect(self._on_store_changed)
        self._reset_follow_up()
        self._on_selection()
        self.refresh()

    # -- loading ------------------------------------------------------------------

    def refresh(self) -> None:
        store, actor, now = self._context.session.store, self._context.session.actor, self._clock()

        def read(control: TaskControl) -> tuple[list[InboxLead], list[MissedDeadline]]:
            return lead_inbox(store, actor), missed_deadlines(store, actor, now=now, limit=50)

        self._context.worker.submit(read, key=INBOX_TASK_KEY, on_success=self._show)

    @Slot(object)
    def _on_store_changed(self, changes: ChangeSet) -> None:
        if "lead" in changes.entities():
            self.refresh()

    def _show(self, loaded: tuple[list[InboxLead], list[MissedDeadline]]) -> None:
        self.leads, missed = loaded
        self.table.setRowCount(len(self.leads))
        for row, lead in enumerate(self.leads):
            cells = [lead.contact_name, lead.account_name, lead.campaign_name, lead.source,
                     format_value("number", lead.score)]  # fmt: skip
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text or ""))
        self._show_countdowns()
        self.missed_label.setText(
            self.tr("Missed hand-off deadlines (%1)").replace("%1", str(len(missed)))
        )
        self.missed.setRowCount(len(missed))
        now = self._clock()
        for row, entry in enumerate(missed):
            status = (
                self.tr("late by %1").replace("%1", countdown_text(self, entry.late_by(now)))
                if entry.acted_at is None
                else self.tr("acted %1 late").replace(
                    "%1", countdown_text(self, entry.late_by(now))
                )
            )
            cells = [entry.contact_name, entry.campaign_name,
                     format_value("datetime", entry.follow_up_due_at), status]  # fmt: skip
            for column, text in enumerate(cells):
                self.missed.setItem(row, column, QTableWidgetItem(text or ""))
        self._on_selection()

    @Slot()
    def _show_countdowns(self) -> None:
        now = self._clock()
        for row, lead in enumerate(self.leads):
            left = lead.time_left(now)
            if left is None:
                text = self.tr("no deadline")
            elif left < timedelta(0):
                text = self.tr("overdue by %1").replace("%1", countdown_text(self, -left))
            else:
                text = countdown_text(self, left)
            cell = QTableWidgetItem(text)
            if left is not None and left < timedelta(0):
                cell.setForeground(Qt.GlobalColor.darkRed)
            self.table.setItem(row, 5, cell)

    # -- deciding -------------------------------------------------------------------

    def selected(self) -> InboxLead | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.leads):
            return None
        return self.leads[rows[0].row()]

    @Slot()
    def _on_selection(self) -> None:
        lead = self.selected()
        chosen = lead is not None and not self._submitting
        self.score_reasons.show_lead(lead.lead_id if lead is not None else None)
        self.accept_button.setEnabled(chosen)
        self.reject_button.setEnabled(chosen and self.reason.currentData() is not None)

    def _reset_follow_up(self) -> None:
        tomorrow = (self._clock() + timedelta(days=1)).replace(minute=0, second=0, microsecond=0)
        self.follow_up_at.setDateTime(to_qdatetime(tomorrow))

    @Slot()
    def accept_selected(self) -> None:
        lead = self.selected()
        if lead is None:
            return
        store, actor, now = self._context.session.store, self._context.session.actor, self._clock()
        quality = self.quality.value()
        follow_up = from_qdatetime(self.follow_up_at.dateTime())

        def write() -> LeadVerdict:
            return accept_lead(
                store, actor, lead.lead_id, quality=quality, follow_up_at=follow_up, now=now
            )

        done = (
            self.tr("Accepted the lead of %1; first follow-up %2.")
            .replace("%1", lead.contact_name or "")
            .replace("%2", format_value("datetime", follow_up))
        )
        self._submit(self.tr("accept lead"), write, done)

    @Slot()
    def reject_selected(self) -> None:
        lead = self.selected()
        if lead is None:
            return
        reason = self.reason.currentData()
        if reason is None:
            self._failed_text(self.tr("choose a reason to reject the lead"))
            return
        store, actor, now = self._context.session.store, self._context.session.actor, self._clock()
        quality, note = self.quality.value(), self.note.text()

        def write() -> LeadVerdict:
            return reject_lead(
                store, actor, lead.lead_id, reason=reason, note=note, quality=quality, now=now
            )

        done = (
            self.tr("Rejected the lead of %1 (%2).")
            .replace("%1", lead.contact_name or "")
            .replace("%2", reason_title(self, reason))
        )
        self._submit(self.tr("reject lead"), write, done)

    def _submit(self, label: str, write: Callable[[], LeadVerdict], done: str) -> None:
        """Send one verdict; the buttons stay off until it is answered (no double submit)."""
        self._submitting = True
        self._on_selection()

        def decided(_verdict: LeadVerdict) -> None:
            self._submitting = False
            self.message.hide()
            self.note.clear()
            self.reason.setCurrentIndex(0)
            self.confirmation.confirm(done)
            self.refresh()

        submit_undoable(self._context, label, write, on_success=decided, on_failure=self._failed)

    def _failed(self, error: BaseException) -> None:
        self._submitting = False
        self._on_selection()
        self._failed_text(getattr(error, "reason", None) or str(error))

    def _failed_text(self, reason: str) -> None:
        self.message.setText(self.tr("Not saved: %1").replace("%1", reason))
        self.message.show()


def reason_title(widget: QWidget, reason: str) -> str:
    """A rejection reason as the rep reads it (the stored value is the core's word)."""
    titles = {
        "no budget": widget.tr("No budget"),
        "wrong contact": widget.tr("Wrong contact"),
        "not in territory": widget.tr("Not in my territory"),
        "duplicate": widget.tr("Duplicate"),
        "too early": widget.tr("Too early"),
        "other": widget.tr("Other (say why)"),
    }
    return titles.get(reason, reason)


def countdown_text(widget: QWidget, left: timedelta) -> str:
    """ "2 d 5 h", "5 h 20 min" or "20 min": precise enough to act on, short enough to scan."""
    minutes = int(left.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return widget.tr("%1 d %2 h").replace("%1", str(days)).replace("%2", str(hours))
    if hours:
        return widget.tr("%1 h %2 min").replace("%1", str(hours)).replace("%2", str(mins))
    return widget.tr("%1 min").replace("%1", str(mins))
