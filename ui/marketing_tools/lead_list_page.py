"""Marketing's lead list: every lead with the parts of its score, filtered by rep and status.

The hand-off dialog, a rescore button and "Act on missed deadlines" (which
re-routes or escalates overdue leads after a confirmation) sit above the list;
the list reloads when leads change in the store. Opening the page only reads.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from contactdesk.marketing.follow_up_clock import (
    ExpiredLead,
    enforce_follow_up_clocks,
    expired_leads,
)
from contactdesk.marketing.lead_scoring import rescore_leads
from contactdesk.model.base import utc_now
from contactdesk.model.selling import LEAD_STATUSES
from contactdesk.services.capabilities import roles_with
from contactdesk.services.changes import ChangeSet
from contactdesk.services.directory import UserInfo, list_users
from contactdesk.services.record_queries import Condition
from ui.database_worker import TaskControl
from ui.enum_titles import lead_status_title
from ui.marketing_tools.handoff_dialog import HandoffDialog
from ui.marketing_tools.lead_table_model import LeadTableModel
from ui.marketing_tools.learned_weights_dialog import LearnedWeightsDialog
from ui.marketing_tools.routing_rules_dialog import RoutingRulesDialog
from ui.marketing_tools.score_reasons_panel import ScoreReasonsPanel
from ui.view_context import ViewContext

ClockConfirmation = Callable[["LeadListPage", int], bool]


class LeadListPage(QWidget):
    """Leads with fit, engagement, history and score side by side."""

    def __init__(
        self,
        context: ViewContext,
        parent: QWidget | None = None,
        confirm: ClockConfirmation | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._confirm = confirm or LeadListPage.confirm_clocks
        self.model = LeadTableModel(context.session, context.worker, self)
        self.owner_filter = QComboBox()
        self.owner_filter.setAccessibleName(self.tr("Sales rep"))
        self.owner_filter.addItem(self.tr("Every rep"), None)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("Status"))
        self.status_filter.addItem(self.tr("Any status"), None)
        for status in LEAD_STATUSES:
            self.status_filter.addItem(lead_status_title(status), status)
        self.handoff_button = QPushButton(self.tr("Hand off a segment…"))
        self.rescore_button = QPushButton(self.tr("Rescore open leads"))
        self.clocks_button = QPushButton(self.tr("Act on missed deadlines…"))
        self.message = QLabel()
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Leads"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Rep")))
        bar.addWidget(self.owner_filter)
        bar.addWidget(QLabel(self.tr("Status")))
        bar.addWidget(self.status_filter)
        bar.addStretch()
        bar.addWidget(self.clocks_button)
        bar.addWidget(self.rescore_button)
        bar.addWidget(self.handoff_button)
        self.score_reasons = ScoreReasonsPanel(context, clock=utc_now)
        self.weights_button = QPushButton(self.tr("Learned weights…"))
        self.routing_button = QPushButton(self.tr("Routing rules…"))
        bar.addWidget(self.weights_button)
        bar.addWidget(self.routing_button)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.score_reasons)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(splitter)

        self.owner_filter.currentIndexChanged.connect(self.apply_filter)
        self.status_filter.currentIndexChanged.connect(self.apply_filter)
        self.handoff_button.clicked.connect(self.open_handoff)
        self.rescore_button.clicked.connect(self.rescore)
        self.clocks_button.clicked.connect(self.check_clocks)
        self.weights_button.clicked.connect(self.open_weights)
        self.routing_button.clicked.connect(self.open_routing_rules)
        self.table.selectionModel().currentRowChanged.connect(self._explain_current)
        context.relay.changed.connect(self._on_store_changed)
        self._load_reps()
        self.model.reload()

    def _load_reps(self) -> None:
        store = self._context.session.store

        def load(control: TaskControl) -> list[UserInfo]:
            receiving = roles_with(store, "receive_leads")
            return [user for user in list_users(store) if user.role in receiving]

        self._context.worker.submit(load, on_success=self._show_reps)

    def _show_reps(self, reps: list[UserInfo]) -> None:
        for rep in reps:
            self.owner_filter.addItem(rep.display_name, str(rep.id))

    def show_rep(self, user_id: str) -> None:
        """Filter the list to one rep's leads (their inbox, as marketing sees it)."""
        index = self.owner_filter.findData(user_id)
        if index >= 0:
            self.owner_filter.setCurrentIndex(index)

    @Slot()
    def apply_filter(self) -> None:
        where = []
        owner = self.owner_filter.currentData()
        if owner:
            where.append(Condition("owner_id", "eq", owner))
        status = self.status_filter.currentData()
        if status:
            where.append(Condition("status", "eq", status))
        self.model.set_filter(where)

    @Slot()
    def _explain_current(self) -> None:
        row = self.table.currentIndex().row()
        if 0 <= row < self.model.rowCount():
            self.score_reasons.show_lead(uuid.UUID(self.model.record_at(row)["id"]))

    @Slot()
    def open_routing_rules(self) -> RoutingRulesDialog:
        dialog = RoutingRulesDialog(self._context, self)
        dialog.open()
        return dialog

    @Slot()
    def open_weights(self) -> LearnedWeightsDialog:
        dialog = LearnedWeightsDialog(self._context, self)
        dialog.resize(640, 420)
        dialog.open()
        return dialog

    @Slot()
    def open_handoff(self) -> HandoffDialog:
        dialog = HandoffDialog(self._context, self)
        dialog.resize(560, 420)
        dialog.open()
        return dialog

    @Slot()
    def rescore(self) -> None:
        store, actor = self._context.session.store, self._context.session.actor
        self.message.setText(self.tr("Rescoring…"))

        def run(control: TaskControl) -> ChangeSet:
            return rescore_leads(store, actor, utc_now())

        self._context.worker.submit(
            run,
            on_success=lambda changes: self.message.setText(
                self.tr("%n lead(s) rescored.", "", len(changes.ids("lead")))
            ),
            on_failure=lambda error: self.message.setText(str(error)),
        )

    @Slot()
    def check_clocks(self) -> None:
        """Count the overdue leads (a read), then ask before acting on them."""
        store, actor = self._context.session.store, self._context.session.actor

        def count(control: TaskControl) -> list[ExpiredLead]:
            return expired_leads(store, actor, utc_now())

        self._context.worker.submit(
            count,
            on_success=self._ask_to_enforce,
            on_failure=lambda error: self.message.setText(str(error)),
        )

    def confirm_clocks(self, overdue: int) -> bool:
        """Ask before re-routing: it hands leads to other reps, which they will notice."""
        text = self.tr(
            "%n lead(s) passed their follow-up deadline. Re-route or escalate them now,"
            " as the routing rules say?",
            "",
            overdue,
        )
        answer = QMessageBox.question(self, self.tr("Missed deadlines"), text)
        return answer == QMessageBox.StandardButton.Yes

    def _ask_to_enforce(self, overdue: list[ExpiredLead]) -> None:
        if not overdue:
            self.message.setText(self.tr("No lead has passed its follow-up deadline."))
        elif self._confirm(self, len(overdue)):
            self.enforce_clocks()

    def enforce_clocks(self) -> None:
        """Re-route or escalate leads whose follow-up deadline passed, as the rules say."""
        store, actor = self._context.session.store, self._context.session.actor

        def run(control: TaskControl) -> int:
            return len(enforce_follow_up_clocks(store, actor, utc_now()))

        self._context.worker.submit(
            run,
            on_success=self._clocks_enforced,
            on_failure=lambda error: self.message.setText(str(error)),
        )

    def _clocks_enforced(self, missed: int) -> None:
        if missed:
            self.message.setText(
                self.tr(
                    "%n lead(s) past their follow-up deadline were re-routed or escalated.",
                    "",
                    missed,
                )
            )

    @Slot(object)
    def _on_store_changed(self, changes: ChangeSet) -> None:
        if "lead" in changes.entities():
            self.model.reload()
