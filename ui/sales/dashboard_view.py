"""The sales view's dashboard: the numbers both teams share, the targets, the rep's forecast.

One dashboard for both teams (issue 16): the same ``dashboard`` report marketing
runs (metrics this period and the one before, the company's goal metric marked),
the outcome targets in force with their attainment (the Targets page's view,
built read-only), and the ``forecast`` report narrowed to the rep's own
territory. Simple and read-only for every role: no drill-down, no Set target,
no date pickers beyond the targets' day; setting targets stays on the Targets
page for the roles whose rules allow it. Both reports run for the session's
actor, so record scope and field rules apply as everywhere else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from contactdesk.reports import dashboard, forecast
from contactdesk.reports.report_registry import default_params, run_report
from contactdesk.reports.report_result import ReportResult
from contactdesk.services.changes import ChangeSet
from ui.core_text import core_text
from ui.database_worker import TaskControl
from ui.locale_formats import format_date
from ui.marketing.report_table_model import ReportTableModel
from ui.marketing.report_view import contract_text
from ui.sales.call_dialog import utc_now
from ui.sales.targets_view import TargetsView
from ui.style import set_role
from ui.view_context import ViewContext

Clock = Callable[[], datetime]
DASHBOARD_TASK_KEY = "sales-dashboard"
# A change to any of these can move a figure on the dashboard.
WATCHED = {"opportunity", "account", "setting", "funnel_stage"}


@dataclass(frozen=True)
class DashboardFigures:
    """The two reports the page shows, run for the session's actor."""

    shared: ReportResult
    forecast: ReportResult
    territory: str | None


def _read_only_table(model: ReportTableModel, name: str) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setAccessibleName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


class SalesDashboardView(QWidget):
    """Shared metrics and targets side by side, the rep's territory forecast below."""

    def __init__(
        self, context: ViewContext, *, clock: Clock = utc_now, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._clock = clock
        self.figures: DashboardFigures | None = None
        worker, key = context.worker, f"{DASHBOARD_TASK_KEY}-{id(self)}"
        self._task_key = key
        self.destroyed.connect(lambda _object=None: worker.cancel(key))

        self.period = QLabel()
        set_role(self.period, "heading")
        self.goal = QLabel()
        self.goal.setWordWrap(True)
        self.shared_model = ReportTableModel(self)
        self.shared_table = _read_only_table(self.shared_model, self.tr("Shared metrics"))
        shared_box = QGroupBox(self.tr("The numbers both teams share"))
        shared_layout = QVBoxLayout(shared_box)
        shared_layout.addWidget(self.goal)
        shared_layout.addWidget(self.shared_table, 1)

        self.targets = TargetsView(context, clock=clock, editable=False)
        targets_box = QGroupBox(self.tr("Targets"))
        QVBoxLayout(targets_box).addWidget(self.targets)

        self.forecast_model = ReportTableModel(self)
        self.forecast_table = _read_only_table(
            self.forecast_model, self.tr("Forecast for your territory")
        )
        self.forecast_box = QGroupBox(self.tr("Forecast for your territory"))
        self.forecast_note = QLabel()
        self.forecast_note.setWordWrap(True)
        forecast_layout = QVBoxLayout(self.forecast_box)
        forecast_layout.addWidget(self.forecast_note)
        forecast_layout.addWidget(self.forecast_table, 1)

        self.contract = QLabel()
        self.contract.setWordWrap(True)
        set_role(self.contract, "muted")
        top = QHBoxLayout()
        top.addWidget(shared_box, 1)
        top.addWidget(targets_box, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.period)
        layout.addLayout(top, 3)
        layout.addWidget(self.forecast_box, 2)
        layout.addWidget(self.contract)
        context.relay.changed.connect(self._on_store_changed)
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        session = self._context.session
        store, actor = session.store, session.actor
        territory = session.user.territory if session.user is not None else None
        today = self._clock().astimezone().date()

        def read(control: TaskControl) -> DashboardFigures:
            shared = run_report(store, actor, dashboard.NAME, default_params(dashboard.NAME, today))
            ahead = default_params(forecast.NAME, today, territory=territory)
            ahead_result = run_report(store, actor, forecast.NAME, ahead)
            return DashboardFigures(shared, ahead_result, territory)

        self._context.worker.submit(read, key=self._task_key, on_success=self._show)

    def _show(self, figures: DashboardFigures) -> None:
        self.figures = figures
        shared, ahead = figures.shared, figures.forecast
        self.period.setText(
            self.tr("This period: %1 to %2, against the same length before")
            .replace("%1", format_date(shared.date_from))
            .replace("%2", format_date(shared.date_to))
        )
        self.shared_model.set_result(shared)
        goal = next((str(row["metric"]) for row in shared.rows if row.get("goal")), None)
        self.goal.setText(
            self.tr("The company's goal metric: %1").replace(
                "%1", core_text(goal) if goal else self.tr("none set")
            )
        )
        self.forecast_model.set_result(ahead)
        title = (
            self.tr("Forecast for your territory: %1").replace("%1", figures.territory)
            if figures.territory
            else self.tr("Forecast for the deals you see (you have no territory)")
        )
        self.forecast_box.setTitle(title)
        self.forecast_note.setText(
            self.tr("Open deals expected to close from %1 to %2, weighted by their stage.")
            .replace("%1", format_date(ahead.date_from))
            .replace("%2", format_date(ahead.date_to))
            if ahead.rows
            else self.tr("No open deals are expected to close from %1 to %2.")
            .replace("%1", format_date(ahead.date_from))
            .replace("%2", format_date(ahead.date_to))
        )
        self.contract.setText(contract_text(shared))

    def _on_store_changed(self, changes: ChangeSet) -> None:
        if changes.entities() & WATCHED:
            self.refresh()

    def metric_rows(self) -> list[list[str]]:
        """The shared metrics as shown, row by row (for tests)."""
        return _rows(self.shared_model)

    def forecast_rows(self) -> list[list[str]]:
        """The forecast as shown, row by row (for tests)."""
        return _rows(self.forecast_model)


def _rows(model: ReportTableModel) -> list[list[str]]:
    return [
        [str(model.data(model.index(row, column))) for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]
