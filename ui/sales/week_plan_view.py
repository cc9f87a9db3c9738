"""The week plan: overdue on top, today's agenda, the rest of the week, flags, campaigns.

A rep's day in order (issue 20): what is overdue first, then today by the clock,
then the other days of the week, each in time order; a deal's value and a lead's
score are columns beside the work, not its sort order. "Show" narrows the plan
to one kind of work (calls, meetings, tasks, follow-ups, emails, leads).

The plan is read by ``week_plan`` on the database worker. Enter or a
double-click on an activity (or a flagged lead) opens the call dialog for its
contact; a logged call refreshes the plan. Schedule… opens the record form for
a new meeting (or call, task, email); Edit…, Done… and Delete act on the
chosen activity, and dragging an activity onto another day moves it there at
the same time of day (``move_to_day``). The .ics export writes the shown week
through ``write_week_calendar``.
"""

from __future__ import annotations

import html
import uuid
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, QMimeData, QPoint, Qt, QTime, Signal, Slot
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contactdesk.selling.activity_schedule import move_to_day as move_activity_to_day
from contactdesk.selling.week_calendar import write_week_calendar
from contactdesk.selling.week_plan import LEAD_KIND, PlanDay, PlanItem, WeekPlan, week_plan
from contactdesk.selling.week_window import WeekWindow
from contactdesk.services import unit_of_work
from contactdesk.services.changes import ChangeSet
from ui.database_worker import TaskControl
from ui.enum_titles import activity_kind_title
from ui.forms.record_form_dialog import RecordFormDialog
from ui.locale_formats import format_money
from ui.models.field_display import format_value
from ui.sales.activity_dialogs import completion_dialog, open_new_activity
from ui.sales.call_dialog import CallDialog, utc_now
from ui.sales.market_notes import open_market_note
from ui.style import set_role
from ui.view_context import ViewContext

Clock = Callable[[], datetime]
PLAN_TASK_KEY = "sales-week-plan"
# What a row leads to when activated: (contact id, contact name, planned activity id).
TargetRole = Qt.ItemDataRole.UserRole + 1
# On an activity row: the PlanItem it shows. On a day's section: the day (a date).
ActivityRole = Qt.ItemDataRole.UserRole + 2
DayRole = Qt.ItemDataRole.UserRole + 3
ACTIVITY_MIME_TYPE = "application/x-contactdesk-activity"
# The most valuable overdue items; the rest are counted, so the week stays in view.
OVERDUE_SHOWN = 8
REFRESH_ENTITIES = frozenset(
    {"activity", "lead", "opportunity", "account", "contact", "launch_brief", "brief_readiness"}
)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class WeekTree(QTreeWidget):
    """The plan's tree; an activity dragged onto a day (or a row of that day) asks to move."""

    activity_dropped = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)

    def mimeTypes(self) -> list[str]:
        return [ACTIVITY_MIME_TYPE]

    def mimeData(self, items: Sequence[QTreeWidgetItem]) -> QMimeData:
        data = QMimeData()
        item = items[0].data(0, ActivityRole) if items else None
        if isinstance(item, PlanItem):
            data.setData(ACTIVITY_MIME_TYPE, str(item.activity_id).encode())
        return data

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(ACTIVITY_MIME_TYPE):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        day = self.day_at(event.position().toPoint())
        if event.mimeData().hasFormat(ACTIVITY_MIME_TYPE) and day is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        # The view moves the activity through the service and redraws; the tree moves nothing.
        activity_id = bytes(event.mimeData().data(ACTIVITY_MIME_TYPE).data()).decode()
        day = self.day_at(event.position().toPoint())
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        if activity_id and day is not None:
            self.activity_dropped.emit(activity_id, day)

    def day_at(self, point: QPoint) -> date | None:
        """The day of the section under ``point`` (a day's title or one of its rows)."""
        item = self.itemAt(point)
        while item is not None and item.parent() is not None:
            item = item.parent()
        day = item.data(0, DayRole) if item is not None else None
        return day if isinstance(day, date) else None


class WeekPlanView(QWidget):
    """One rep's week; Previous / This week / Next step through the weeks."""

    def __init__(
        self, context: ViewContext, *, clock: Clock = utc_now, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._clock = clock
        self.week = WeekWindow.around(clock())
        self.plan: WeekPlan | None = None
        self.dialog: QDialog | None = None

        self.previous_button = QPushButton(self.tr("◀ &Previous"))
        self.this_week_button = QPushButton(self.tr("&This week"))
        self.next_button = QPushButton(self.tr("&Next ▶"))
        self.week_label = QLabel()
        set_role(self.week_label, "heading")
        self.log_call_button = QPushButton(self.tr("&Log call…"))
        self.schedule_button = QPushButton(self.tr("&Schedule…"))
        self.schedule_button.clicked.connect(self.schedule)
        self.edit_button = QPushButton(self.tr("E&dit…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.complete_button = QPushButton(self.tr("D&one…"))
        self.complete_button.clicked.connect(self.complete_selected)
        self.delete_button = QPushButton(self.tr("Dele&te"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.market_note_button = QPushButton(self.tr("Market &note…"))
        self.market_note_button.setToolTip(self.tr("Competitor seen, price heard, market news"))
        self.market_note_button.clicked.connect(self.market_note)
        self.export_button = QPushButton(self.tr("&Export .ics…"))
        self.kind_filter = QComboBox()
        self.kind_filter.setAccessibleName(self.tr("Show only"))
        for title, kinds in self._kind_choices():
            self.kind_filter.addItem(title, kinds)
        self.kind_filter.currentIndexChanged.connect(lambda _index: self.show_week(self.week))
        kind_label = QLabel(self.tr("&Show:"))
        kind_label.setBuddy(self.kind_filter)
        self.previous_button.clicked.connect(lambda: self.show_week(self.week.previous()))
        self.next_button.clicked.connect(lambda: self.show_week(self.week.next()))
        self.this_week_button.clicked.connect(
            lambda: self.show_week(WeekWindow.around(self._clock()))
        )
        self.log_call_button.clicked.connect(self.log_call_for_selection)
        self.export_button.clicked.connect(self.choose_export_file)
        bar = QHBoxLayout()
        for button in (self.previous_button, self.this_week_button, self.next_button):
            bar.addWidget(button)
        bar.addSpacing(12)
        bar.addWidget(self.week_label, 1)
        bar.addWidget(kind_label)
        bar.addWidget(self.kind_filter)
        bar.addSpacing(12)
        bar.addWidget(self.log_call_button)
        bar.addWidget(self.export_button)
        actions = QHBoxLayout()
        for button in (self.schedule_button, self.edit_button, self.complete_button,
                       self.delete_button, self.market_note_button):  # fmt: skip
            actions.addWidget(button)
        actions.addStretch(1)

        self.brief_reminder = QLabel()
        self.brief_reminder.setWordWrap(True)
        self.brief_reminder.setAccessibleName(self.tr("Unread launch briefs"))
        set_role(self.brief_reminder, "warning-banner")
        self.brief_reminder.hide()
        self.campaign_strip = QLabel()
        self.campaign_strip.setWordWrap(True)
        self.campaign_strip.setAccessibleName(self.tr("Campaigns running this week"))
        set_role(self.campaign_strip, "info-banner")
        self.tree = WeekTree()
        self.tree.activity_dropped.connect(self.move_to_day)
        self.tree.currentItemChanged.connect(lambda *_: self._enable_actions())
        self.tree.setAccessibleName(self.tr("Week plan"))
        self.tree.setHeaderLabels(
            [self.tr("When"), self.tr("What"), self.tr("Who"), self.tr("Deal value"),
             self.tr("Lead score"), self.tr("Flag")]
        )  # fmt: skip
        self.tree.setAlternatingRowColors(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 150), (2, 220), (3, 100), (4, 90), (5, 110)):
            header.resizeSection(column, width)
        header.setStretchLastSection(False)
        self.tree.itemActivated.connect(self._on_activated)
        self.status = QLabel()

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(actions)
        layout.addWidget(self.brief_reminder)
        layout.addWidget(self.campaign_strip)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.status)
        context.relay.changed.connect(self._on_store_changed)
        self._enable_actions()
        self.show_week(self.week)

    def _kind_choices(self) -> list[tuple[str, list[str] | None]]:
        return [
            (self.tr("All work"), None),
            (self.tr("Calls"), ["call"]),
            (self.tr("Meetings"), ["meeting"]),
            (self.tr("Tasks"), ["task"]),
            (self.tr("Follow-ups"), ["follow_up"]),
            (self.tr("Emails"), ["email"]),
            (self.tr("Leads"), [LEAD_KIND]),
        ]

    @property
    def kinds(self) -> list[str] | None:
        """The kinds of work shown (None: all of it)."""
        chosen = self.kind_filter.currentData()
        return list(chosen) if chosen else None

    # -- loading --------------------------------------------------------------------

    def show_week(self, week: WeekWindow) -> None:
        """Read and show the plan of ``week`` (on the worker)."""
        self.week = week
        self._update_week_label()
        session = self._context.session
        store, actor, now, kinds = session.store, session.actor, self._clock(), self.kinds
        user_id = actor.user_id
        if user_id is None:
            self.status.setText(self.tr("The week plan belongs to a user; sign in as one."))
            return

        def read(control: TaskControl) -> WeekPlan:
            return week_plan(store, actor, user_id, now=now, day=week.monday, kinds=kinds)

        self._context.worker.submit(
            read,
            key=PLAN_TASK_KEY,
            on_success=self._show_plan,
            on_failure=lambda error: self.status.setText(str(error)),
        )

    def _update_week_label(self) -> None:
        locale = QLocale()
        first = locale.toString(_qdate(self.week.monday), "d MMM")
        last = locale.toString(_qdate(self.week.sunday), "d MMM yyyy")
        self.week_label.setText(self.tr("Week of %1 – %2").replace("%1", first).replace("%2", last))

    @Slot(object)
    def _on_store_changed(self, changes: ChangeSet) -> None:
        if changes.entities() & REFRESH_ENTITIES:
            self.show_week(self.week)

    # -- showing --------------------------------------------------------------------

    def _show_plan(self, plan: WeekPlan) -> None:
        self.plan = plan
        self.tree.clear()
        self._show_campaigns(plan)
        self._show_brief_reminder(plan)
        overdue = self._section(self.tr("Overdue"), plan.overdue_total, urgent=True)
        shown = plan.overdue[-OVERDUE_SHOWN:]  # the most recent, still in time order
        hidden = plan.overdue_total - len(shown)
        if hidden > 0:
            more = QTreeWidgetItem(overdue, ["", self.tr("… and %n more overdue", "", hidden)])
            more.setForeground(1, Qt.GlobalColor.darkGray)
        for item in shown:
            self._activity_row(overdue, item, with_day=True)
        today = self._clock().astimezone().date()
        # Today first, then the days ahead, then the earlier days of the week (their open
        # work is already under Overdue).
        days = sorted(plan.days, key=lambda day: (day.day != today, day.day < today, day.day))
        for day in days:
            self._day_section(day, today=day.day == today)
        if self.kinds is None or LEAD_KIND in self.kinds:
            self._show_leads(plan)
        if self.kinds is None:
            self._show_lapsed_accounts(plan)
        self.tree.expandAll()
        total = sum(day.total for day in plan.days)
        self.status.setText(self.tr("%n item(s) this week", "", total))

    def _day_section(self, day: PlanDay, *, today: bool) -> None:
        title = QLocale().toString(_qdate(day.day), "dddd d MMMM")
        if today:
            title = self.tr("Today, %1").replace("%1", title)
        section = self._section(title, day.total)
        # A drop on the day (or one of its rows) moves an activity to it.
        section.setData(0, DayRole, day.day)
        section.setFlags(section.flags() | Qt.ItemFlag.ItemIsDropEnabled)
        for item in day.items:
            self._activity_row(section, item, with_day=False)
        hidden = day.total - len(day.items)
        if hidden > 0:
            more = QTreeWidgetItem(section, ["", self.tr("… and %n more", "", hidden)])
            more.setForeground(1, Qt.GlobalColor.darkGray)

    def _show_leads(self, plan: WeekPlan) -> None:
        leads = self._section(
            self.tr("Open leads with no next step"), len(plan.leads_without_next_step)
        )
        for lead in plan.leads_without_next_step:
            row = QTreeWidgetItem(
                leads,
                ["", self.tr("Lead: %1").replace("%1", lead.source or self.tr("unknown source")),
                 lead.contact_name or "", "", _number(lead.score), self.tr("no next step")],
            )  # fmt: skip
            row.setData(0, TargetRole, (lead.contact_id, lead.contact_name or "", None))
            row.setForeground(5, Qt.GlobalColor.darkRed)

    def _show_lapsed_accounts(self, plan: WeekPlan) -> None:
        accounts = self._section(self.tr("Keep in touch: cadence ran out"),
                                 len(plan.lapsed_accounts))  # fmt: skip
        for account in plan.lapsed_accounts:
            last = (
                format_value("datetime", account.last_done_at)
                if account.last_done_at
                else self.tr("never")
            )
            QTreeWidgetItem(
                accounts,
                ["", self.tr("Every %1 days; last contact %2")
                 .replace("%1", str(account.keep_in_touch_days)).replace("%2", last),
                 account.name, "", "", self.tr("keep in touch")],
            )  # fmt: skip

    def _show_brief_reminder(self, plan: WeekPlan) -> None:
        parts = [
            self.tr("<b>%1</b> launches %2")
            .replace("%1", html.escape(brief.title))
            .replace("%2", QLocale().toString(_qdate(brief.starts_on), "ddd d MMM"))
            for brief in plan.unread_briefs
        ]
        self.brief_reminder.setVisible(bool(parts))
        self.brief_reminder.setText(
            self.tr("Unread launch brief(s), read them under Launch briefs: ") + " · ".join(parts)
        )

    def _show_campaigns(self, plan: WeekPlan) -> None:
        if not plan.campaigns:
            self.campaign_strip.setText(self.tr("No campaigns running this week."))
            return
        parts = []
        for campaign in plan.campaigns:
            expected = (
                self.tr("%n lead(s) expected", "", campaign.expected_leads)
                if campaign.expected_leads is not None
                else self.tr("no lead estimate")
            )
            parts.append(
                self.tr("<b>%1</b> (%2, until %3): %4")
                .replace("%1", campaign.name)
                .replace("%2", campaign.channel)
                .replace("%3", QLocale().toString(_qdate(campaign.ends_on), "d MMM"))
                .replace("%4", expected)
            )
        self.campaign_strip.setText(self.tr("Campaigns this week: ") + " · ".join(parts))

    def _section(self, title: str, count: int, *, urgent: bool = False) -> QTreeWidgetItem:
        section = QTreeWidgetItem(self.tree, [f"{title} ({QLocale().toString(count)})"])
        section.setFirstColumnSpanned(True)
        font = QFont(section.font(0))
        font.setBold(True)
        section.setFont(0, font)
        if urgent and count:
            section.setForeground(0, Qt.GlobalColor.darkRed)
        section.setFlags(section.flags() & ~Qt.ItemFlag.ItemIsSelectable)
        return section

    def _activity_row(self, parent: QTreeWidgetItem, item: PlanItem, *, with_day: bool) -> None:
        local = item.due_at.astimezone()
        time_text = QLocale().toString(
            QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat
        )
        when = (
            QLocale().toString(_qdate(local.date()), "ddd d MMM") + " " + time_text
            if with_day
            else time_text
        )
        who = " · ".join(part for part in (item.contact_name, item.account_name) if part)
        flag = self.tr("overdue") if item.overdue else (self.tr("done") if item.done else "")
        row = QTreeWidgetItem(
            parent,
            [when, f"{activity_kind_title(item.kind)}: {item.subject}", who,
             _money(item.opportunity_value, item.opportunity_currency),
             _number(item.lead_score), flag],
        )  # fmt: skip
        if item.overdue:
            row.setForeground(5, Qt.GlobalColor.darkRed)
        if item.done:
            for column in range(6):
                row.setForeground(column, Qt.GlobalColor.gray)
        if item.contact_id is not None and not item.done:
            row.setData(0, TargetRole, (item.contact_id, item.contact_name or "", item.activity_id))
        row.setData(0, ActivityRole, item)
        flags = row.flags() | Qt.ItemFlag.ItemIsDropEnabled
        row.setFlags(flags | Qt.ItemFlag.ItemIsDragEnabled if not item.done else flags)

    # -- actions ----------------------------------------------------------------------

    def rows(self) -> list[tuple[str, list[str]]]:
        """(section title, [row "What" texts]) for every section: what the user sees."""
        shown = []
        for index in range(self.tree.topLevelItemCount()):
            section = self.tree.topLevelItem(index)
            assert section is not None
            texts = [_child_text(section, n) for n in range(section.childCount())]
            shown.append((section.text(0), texts))
        return shown

    def selected_activity(self) -> PlanItem | None:
        """The activity of the chosen row, if the row is one."""
        row = self.tree.currentItem()
        item = row.data(0, ActivityRole) if row is not None else None
        return item if isinstance(item, PlanItem) else None

    def _enable_actions(self) -> None:
        chosen = self.selected_activity()
        for button in (self.edit_button, self.delete_button):
            button.setEnabled(chosen is not None)
        self.complete_button.setEnabled(chosen is not None and not chosen.done)

    @Slot()
    def schedule(self) -> None:
        """A new meeting (the kind can be changed in the form), for the chosen row's contact."""
        chosen = self.selected_activity()
        open_new_activity(
            self._context, self, clock=self._clock, on_open=self._keep_dialog,
            contact_id=chosen.contact_id if chosen is not None else None,
        )  # fmt: skip

    @Slot()
    def market_note(self) -> None:
        """A market note, about the chosen row's contact and company when there is one."""
        chosen = self.selected_activity()
        contact = account = None
        if chosen is not None and chosen.contact_id is not None:
            contact = (str(chosen.contact_id), chosen.contact_name or "")
        if chosen is not None and chosen.account_id is not None:
            account = (str(chosen.account_id), chosen.account_name or "")
        self._keep_dialog(open_market_note(self._context, self, contact=contact, account=account))

    @Slot()
    def edit_selected(self) -> None:
        chosen = self.selected_activity()
        if chosen is None:
            return
        dialog = RecordFormDialog(
            self._context.session, self._context.worker, "activity", str(chosen.activity_id),
            self,
        )  # fmt: skip
        self._keep_dialog(dialog)
        dialog.open()

    @Slot()
    def complete_selected(self) -> None:
        chosen = self.selected_activity()
        if chosen is None or chosen.done:
            return
        self.dialog = completion_dialog(
            self._context, self, activity_id=chosen.activity_id, kind=chosen.kind,
            subject=chosen.subject, contact_id=chosen.contact_id,
            contact_name=chosen.contact_name or "", clock=self._clock,
        )  # fmt: skip
        self.dialog.open()

    @Slot()
    def delete_selected(self) -> None:
        chosen = self.selected_activity()
        if chosen is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete activity"),
            self.tr("Delete “%1”?").replace("%1", chosen.subject),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        store, actor, activity_id = (
            self._context.session.store, self._context.session.actor, chosen.activity_id,
        )  # fmt: skip

        def delete(control: TaskControl) -> ChangeSet:
            return unit_of_work.delete(store, actor, "activity", activity_id)

        self._context.worker.submit(delete, on_success=self._after_change,
                                    on_failure=self._show_problem)  # fmt: skip

    @Slot(str, object)
    def move_to_day(self, activity_id: str, day: date) -> None:
        """Move an activity to ``day`` at the same local time (a drop on that day)."""
        store, actor = self._context.session.store, self._context.session.actor
        zone = self._clock().astimezone().tzinfo or UTC

        def move(control: TaskControl) -> ChangeSet:
            return move_activity_to_day(store, actor, activity_id, day, tz=zone)

        self._context.worker.submit(move, on_success=self._after_change,
                                    on_failure=self._show_problem)  # fmt: skip

    def _keep_dialog(self, dialog: QDialog) -> None:
        self.dialog = dialog

    def _after_change(self, _changes: ChangeSet) -> None:
        # The relay refreshes as well; this keeps an immediate worker's view exact.
        self.show_week(self.week)

    def _show_problem(self, error: BaseException) -> None:
        reason = getattr(error, "reason", None) or str(error)
        self.status.setText(self.tr("Not saved: %1").replace("%1", reason))

    @Slot(QTreeWidgetItem, int)
    def _on_activated(self, row: QTreeWidgetItem, _column: int) -> None:
        self.open_call_dialog(row)

    @Slot()
    def log_call_for_selection(self) -> None:
        row = self.tree.currentItem()
        if row is not None:
            self.open_call_dialog(row)

    def open_call_dialog(self, row: QTreeWidgetItem) -> None:
        target = row.data(0, TargetRole)
        if not isinstance(target, tuple):
            return
        contact_id, name, planned = target
        self.dialog = CallDialog(
            self._context,
            uuid.UUID(str(contact_id)),
            name,
            planned_activity_id=planned,
            clock=self._clock,
            parent=self,
        )
        self.dialog.open()

    @Slot()
    def choose_export_file(self) -> None:
        suggested = f"week-{self.week.monday.isoformat()}.ics"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the week"), suggested, self.tr("Calendar files (*.ics)")
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Write the shown week's .ics file to ``path`` (on the worker)."""
        plan = self.plan
        if plan is None:
            return

        def write(control: TaskControl) -> int:
            return write_week_calendar(plan, path)

        self._context.worker.submit(
            write,
            on_success=lambda count: self.status.setText(
                self.tr("Exported %n event(s) to %1", "", count).replace("%1", str(path))
            ),
            on_failure=lambda error: self.status.setText(str(error)),
        )


def _child_text(section: QTreeWidgetItem, index: int) -> str:
    child = section.child(index)
    return child.text(1) if child is not None else ""


def _money(value: float | None, currency: str | None) -> str:
    """A deal's value with its currency (£12,000.00 / 12.000,00 €)."""
    if value is None:
        return ""
    return format_money(value, currency) if currency else format_value("money", value)


def _number(value: float | None) -> str:
    return "" if value is None else QLocale().toString(float(value), "f", 0)
