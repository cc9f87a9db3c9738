"""Targets and attainment: outcome goals for this period and how far each has come.

Every role sees the targets in force on the chosen day with what has been
achieved against each (``targets_on``), and the activities done in the month as
information, never as a target. A role whose field rules let it create targets
(marketing and admin by default) gets Set target…, which saves through
``set_target`` (one target per outcome, period and holder). Built with
``editable=False`` (the sales view's dashboard) it only reads, for every role.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contactdesk.model.selling import TARGET_LEVELS, TARGET_METRICS, TARGET_PERIODS
from contactdesk.services.changes import ChangeSet
from contactdesk.services.company_settings import company_currency
from contactdesk.services.directory import UserInfo, list_users
from contactdesk.services.record_actions import record_actions
from contactdesk.services.targets import (
    MONEY_METRICS,
    TargetAttainment,
    activity_counts,
    set_target,
    targets_on,
)
from ui.database_worker import TaskControl
from ui.locale_formats import format_date, format_money, format_number, localise_date_edit
from ui.sales.call_dialog import utc_now
from ui.style import set_role
from ui.view_context import ViewContext

Clock = Callable[[], datetime]
TARGETS_TASK_KEY = "targets-view"
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class TargetsPage:
    """What the view shows for one day: its targets, the month's activity counts, rights."""

    targets: list[TargetAttainment]
    activities: dict[str, int]
    can_set: bool
    currency: str


class TargetsView(QWidget):
    """The targets in force on a day, with attainment; Set target… for roles that may."""

    def __init__(
        self,
        context: ViewContext,
        *,
        clock: Clock = utc_now,
        editable: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._clock = clock
        self._editable = editable
        self.page: TargetsPage | None = None
        self.dialog: SetTargetDialog | None = None
        worker, self._task_key = context.worker, f"{TARGETS_TASK_KEY}-{id(self)}"
        key = self._task_key
        self.destroyed.connect(lambda _object=None: worker.cancel(key))
        today = clock().astimezone().date()
        self.day_edit = QDateEdit(QDate(today.year, today.month, today.day))
        self.day_edit.setCalendarPopup(True)
        localise_date_edit(self.day_edit)
        self.day_edit.setAccessibleName(self.tr("Targets in force on"))
        self.day_edit.dateChanged.connect(lambda _day: self.refresh())
        self.set_button = QPushButton(self.tr("&Set target…"))
        self.set_button.clicked.connect(self.set_target)
        self.set_button.hide()
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Targets in force on")))
        bar.addWidget(self.day_edit)
        bar.addStretch(1)
        bar.addWidget(self.set_button)
        self.table = QTableWidget(0, 6)
        self.table.setAccessibleName(self.tr("Targets and attainment"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Outcome"), self.tr("Period"), self.tr("For"), self.tr("Target"),
             self.tr("Achieved"), self.tr("Attainment")]
        )  # fmt: skip
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.activities = QLabel()
        self.activities.setWordWrap(True)
        self.activities.setAccessibleName(self.tr("Activities this month (information)"))
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.activities)
        context.relay.changed.connect(self._on_store_changed)
        self.refresh()

    def chosen_day(self) -> date:
        return _python_date(self.day_edit.date())

    @Slot()
    def refresh(self) -> None:
        store, actor, day = (
            self._context.session.store,
            self._context.session.actor,
            self.chosen_day(),
        )
        mine = actor.user_id

        def read(control: TaskControl) -> TargetsPage:
            first = day.replace(day=1)
            return TargetsPage(
                targets=targets_on(store, actor, day),
                activities=activity_counts(store, actor, first, day, user_id=mine),
                can_set=record_actions(store, actor, "target").create,
                currency=company_currency(store),
            )

        self._context.worker.submit(read, key=self._task_key, on_success=self._show)

    @Slot(object)
    def _on_store_changed(self, changes: ChangeSet) -> None:
        if changes.entities() & {"target", "opportunity", "account"}:
            self.refresh()

    def _show(self, page: TargetsPage) -> None:
        self.page = page
        self.set_button.setVisible(page.can_set and self._editable)
        self.table.setRowCount(len(page.targets))
        for row, target in enumerate(page.targets):
            period = self.tr("%1 from %2").replace("%1", _period_label(self, target.period))
            cells = [
                _metric_label(self, target.metric),
                period.replace("%2", format_date(target.starts_on)),
                _level_label(self, "company") if target.level == "company" else target.holder,
                self._amount(target.metric, target.value, page.currency),
                self._amount(target.metric, target.actual, page.currency),
                "" if target.attainment is None else f"{format_number(target.attainment * 100)} %",
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 3:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        counts = ", ".join(f"{kind} {count}" for kind, count in sorted(page.activities.items()))
        self.activities.setText(
            self.tr("Done this month (information, never a target): %1").replace(
                "%1", counts or self.tr("nothing yet")
            )
        )

    def _amount(self, metric: str, value: float, currency: str) -> str:
        return format_money(value, currency) if metric in MONEY_METRICS else format_number(value)

    def rows(self) -> list[list[str]]:
        """The cells shown, row by row (for tests)."""
        return [
            [self.table.item(r, c).text() for c in range(self.table.columnCount())]  # type: ignore[union-attr]
            for r in range(self.table.rowCount())
        ]

    @Slot()
    def set_target(self) -> SetTargetDialog:
        self.dialog = SetTargetDialog(self._context, self.chosen_day(), parent=self)
        self.dialog.saved.connect(lambda _id: self.refresh())
        self.dialog.open()
        return self.dialog


class SetTargetDialog(QDialog):
    """Set one outcome target for a period and a holder (rep, team, territory, company)."""

    saved = Signal(object)

    def __init__(self, context: ViewContext, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.setWindowTitle(self.tr("Set a target"))
        self.metric_box = QComboBox()
        for metric in TARGET_METRICS:
            self.metric_box.addItem(_metric_label(self, metric), metric)
        self.period_box = QComboBox()
        for period in TARGET_PERIODS:
            self.period_box.addItem(_period_label(self, period), period)
        self.day_edit = QDateEdit(QDate(day.year, day.month, day.day))
        self.day_edit.setCalendarPopup(True)
        localise_date_edit(self.day_edit)
        self.level_box = QComboBox()
        for level in TARGET_LEVELS:
            self.level_box.addItem(_level_label(self, level), level)
        self.level_box.setCurrentIndex(self.level_box.findData("company"))
        self.rep_box = QComboBox()
        self.team_edit = QLineEdit()
        self.territory_edit = QLineEdit()
        self.value_box = QDoubleSpinBox()
        self.value_box.setRange(0, 1e12)
        self.value_box.setDecimals(0)
        self.value_box.setGroupSeparatorShown(True)
        self.message = QLabel()
        set_role(self.message, "error")
        self.message.setWordWrap(True)
        self.message.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Outcome"), self.metric_box)
        form.addRow(self.tr("&Period"), self.period_box)
        form.addRow(self.tr("Period &includes"), self.day_edit)
        form.addRow(self.tr("&For"), self.level_box)
        form.addRow(self.tr("&Rep"), self.rep_box)
        form.addRow(self.tr("&Team"), self.team_edit)
        form.addRow(self.tr("Te&rritory"), self.territory_edit)
        form.addRow(self.tr("&Target"), self.value_box)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        # Only the holder the chosen level names can be filled in.
        self.level_box.currentIndexChanged.connect(lambda _index: self._enable_holder())
        self._enable_holder()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        store = context.session.store

        def load(control: TaskControl) -> list[UserInfo]:
            return list_users(store)

        context.worker.submit(load, on_success=self._fill_reps)

    def _enable_holder(self) -> None:
        level = self.level_box.currentData()
        self.rep_box.setEnabled(level == "rep")
        self.team_edit.setEnabled(level == "team")
        self.territory_edit.setEnabled(level == "territory")

    def _fill_reps(self, users: list[UserInfo]) -> None:
        self.rep_box.addItem("", None)
        for user in users:
            self.rep_box.addItem(user.display_name, user.id)

    @Slot()
    def save(self) -> None:
        store, actor = self._context.session.store, self._context.session.actor
        metric, period = str(self.metric_box.currentData()), str(self.period_box.currentData())
        level, day, value = (
            str(self.level_box.currentData()),
            _python_date(self.day_edit.date()),
            self.value_box.value(),
        )
        user_id, team = self.rep_box.currentData(), self.team_edit.text().strip() or None
        territory = self.territory_edit.text().strip() or None

        def write(control: TaskControl) -> object:
            return set_target(
                store, actor, metric=metric, period=period, day=day, value=value, level=level,
                user_id=user_id if level == "rep" else None,
                team=team if level == "team" else None,
                territory=territory if level == "territory" else None,
            )  # fmt: skip

        self.buttons.setEnabled(False)
        self._context.worker.submit(write, on_success=self._saved, on_failure=self._failed)

    def _saved(self, target_id: object) -> None:
        self.saved.emit(target_id)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        reason = getattr(error, "reason", None) or str(error)
        self.message.setText(self.tr("Not saved: %1").replace("%1", reason))
        self.message.show()


def _python_date(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def _metric_label(widget: QWidget, metric: str) -> str:
    labels = {
        "revenue": widget.tr("Revenue"),
        "margin": widget.tr("Margin"),
        "new_accounts": widget.tr("New accounts"),
        "won_deals": widget.tr("Won deals"),
    }
    return labels.get(metric, metric)


def _period_label(widget: QWidget, period: str) -> str:
    labels = {
        "month": widget.tr("Month"),
        "quarter": widget.tr("Quarter"),
        "year": widget.tr("Year"),
    }
    return labels.get(period, period)


def _level_label(widget: QWidget, level: str) -> str:
    labels = {
        "rep": widget.tr("A sales rep"),
        "team": widget.tr("A team"),
        "territory": widget.tr("A territory"),
        "company": widget.tr("The company"),
    }
    return labels.get(level, level)
