"""The agreements both teams work by: hand-off rules, the goal metric, the deal currency."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from contactdesk.services import company_settings
from contactdesk.services.changes import ChangeSet
from contactdesk.services.company_settings import HandoffRules
from contactdesk.services.currency_codes import CURRENCY_CODES
from contactdesk.services.governance import GOAL_METRICS
from ui.admin.admin_change import submit_admin_change
from ui.database_worker import TaskControl
from ui.forms.inline_error import InlineError
from ui.view_context import ViewContext

MAX_FOLLOW_UP_HOURS = 24 * 60
# Hand-off rules, goal metric, default deal currency.
SettingsData = tuple[HandoffRules, str, str]


class CompanySettingsPage(QWidget):
    """Hand-off score threshold and follow-up hours; the goal metric. Each saved on its own."""

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = context.session.store
        self._actor = context.session.actor
        self._worker = context.worker

        handoff = QGroupBox(self.tr("Lead hand-off"))
        handoff_form = QFormLayout(handoff)
        self.threshold_input = QDoubleSpinBox()
        self.threshold_input.setRange(0, 100)
        self.threshold_input.setDecimals(0)
        self.threshold_input.setToolTip(self.tr("The score a lead must reach before hand-off"))
        self.hours_input = QSpinBox()
        self.hours_input.setRange(1, MAX_FOLLOW_UP_HOURS)
        self.hours_input.setSuffix(self.tr(" h"))
        self.hours_input.setToolTip(self.tr("Hours sales has to follow up a handed-off lead"))
        self.handoff_error = InlineError()
        self.save_handoff_button = QPushButton(self.tr("Save hand-off rules"))
        self.save_handoff_button.clicked.connect(self.save_handoff)
        handoff_form.addRow(self.tr("Score needed for hand-off"), self.threshold_input)
        handoff_form.addRow(self.tr("Sales follows up within"), self.hours_input)
        handoff_form.addRow("", self.handoff_error)
        handoff_form.addRow("", self.save_handoff_button)

        goal = QGroupBox(self.tr("Company goal"))
        goal_form = QFormLayout(goal)
        self.goal_input = QComboBox()
        titles = {
            "market_share": self.tr("Market share"),
            "volume": self.tr("Volume"),
            "margin": self.tr("Margin"),
        }
        for metric in GOAL_METRICS:
            self.goal_input.addItem(titles.get(metric, metric), metric)
        self.goal_error = InlineError()
        self.save_goal_button = QPushButton(self.tr("Save goal metric"))
        self.save_goal_button.clicked.connect(self.save_goal)
        goal_form.addRow(self.tr("Both teams are judged by"), self.goal_input)
        goal_form.addRow("", self.goal_error)
        goal_form.addRow("", self.save_goal_button)

        money = QGroupBox(self.tr("Deal currency"))
        money_form = QFormLayout(money)
        self.currency_input = QComboBox()
        self.currency_input.addItems(list(CURRENCY_CODES))
        self.currency_input.setToolTip(self.tr("ISO 4217 code of a deal that names none"))
        self.currency_error = InlineError()
        self.save_currency_button = QPushButton(self.tr("Save currency"))
        self.save_currency_button.clicked.connect(self.save_currency)
        money_form.addRow(self.tr("Deals are in, unless they say otherwise"), self.currency_input)
        money_form.addRow("", self.currency_error)
        money_form.addRow("", self.save_currency_button)

        layout = QVBoxLayout(self)
        layout.addWidget(handoff)
        layout.addWidget(goal)
        layout.addWidget(money)
        layout.addStretch(1)
        context.relay.changed.connect(self._on_store_changed)
        self.reload()

    @Slot()
    def reload(self) -> None:
        store = self._store

        def read(control: TaskControl) -> SettingsData:
            return (
                company_settings.handoff_rules(store),
                company_settings.goal_metric(store),
                company_settings.company_currency(store),
            )

        self._worker.submit(read, key=f"company-settings-{id(self)}", on_success=self._show)

    def _show(self, data: SettingsData) -> None:
        rules, metric, currency = data
        self.currency_input.setCurrentText(currency)
        self.threshold_input.setValue(rules.score_threshold)
        self.hours_input.setValue(rules.follow_up_hours)
        self.goal_input.setCurrentIndex(max(self.goal_input.findData(metric), 0))

    @Slot()
    def save_handoff(self) -> None:
        store, actor = self._store, self._actor
        threshold, hours = self.threshold_input.value(), self.hours_input.value()
        submit_admin_change(
            self._worker,
            lambda: company_settings.set_handoff_rules(store, actor, threshold, hours),
            self.handoff_error,
        )

    @Slot()
    def save_goal(self) -> None:
        store, actor, metric = self._store, self._actor, self.goal_input.currentData()
        submit_admin_change(
            self._worker,
            lambda: company_settings.set_goal_metric(store, actor, metric),
            self.goal_error,
        )

    @Slot()
    def save_currency(self) -> None:
        store, actor, code = self._store, self._actor, self.currency_input.currentText()
        submit_admin_change(
            self._worker,
            lambda: company_settings.set_company_currency(store, actor, code),
            self.currency_error,
        )

    @Slot(object)
    def _on_store_changed(self, changes: ChangeSet) -> None:
        if "setting" in changes.entities():
            self.reload()
