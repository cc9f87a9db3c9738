"""Marketing edits the lead routing rules: territory match, industry teams, load cap, expiry.

Opened from the lead list. The hand-off threshold itself is part of the funnel
contract (proposed by marketing, agreed by sales), so it is shown here, not edited.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from contactdesk.marketing.lead_scoring import qualification_threshold
from contactdesk.marketing.routing_rules import (
    RoutingRules,
    routing_rules,
    set_routing_rules,
)
from contactdesk.services.changes import ChangeSet
from ui.database_worker import TaskControl
from ui.locale_formats import format_number
from ui.view_context import ViewContext


class RoutingRulesDialog(QDialog):
    """The rules in force, editable; Save writes them in one change."""

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lead routing rules"))
        self._context = context
        self.rules: RoutingRules | None = None
        self.threshold = QLabel()
        self.threshold.setWordWrap(True)
        self.match_territory = QCheckBox(self.tr("Give a lead to the rep of its territory"))
        self.industry_teams = QPlainTextEdit()
        self.industry_teams.setAccessibleName(self.tr("Industry teams"))
        self.industry_teams.setPlaceholderText(self.tr("One per line: Industry = team"))
        self.industry_teams.setMaximumHeight(90)
        self.max_open = QSpinBox()
        self.max_open.setRange(0, 10_000)
        self.max_open.setSpecialValueText(self.tr("no cap"))
        self.max_open.setAccessibleName(self.tr("Open leads per rep at most"))
        self.on_expired = QComboBox()
        self.on_expired.setAccessibleName(self.tr("When a follow-up deadline passes"))
        self.on_expired.addItem(self.tr("re-route to another rep"), "reroute")
        self.on_expired.addItem(self.tr("escalate to the team lead"), "escalate")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        form = QFormLayout(self)
        form.addRow(self.threshold)
        form.addRow(self.match_territory)
        form.addRow(self.tr("Industry teams"), self.industry_teams)
        form.addRow(self.tr("Open leads per rep at most"), self.max_open)
        form.addRow(self.tr("When a follow-up deadline passes"), self.on_expired)
        form.addRow(self.message)
        form.addRow(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        store = context.session.store

        def load(control: TaskControl) -> tuple[RoutingRules, float]:
            return routing_rules(store), qualification_threshold(store)

        context.worker.submit(load, on_success=self._show)

    def _show(self, loaded: tuple[RoutingRules, float]) -> None:
        rules, threshold = loaded
        self.rules = rules
        self.threshold.setText(
            self.tr("Leads are handed off from score %1 (the funnel contract).").replace(
                "%1", format_number(threshold)
            )
        )
        self.match_territory.setChecked(rules.match_territory)
        self.industry_teams.setPlainText(
            "\n".join(f"{industry} = {team}" for industry, team in rules.industry_teams.items())
        )
        self.max_open.setValue(rules.max_open_leads or 0)
        self.on_expired.setCurrentIndex(max(0, self.on_expired.findData(rules.on_expired)))

    def values(self) -> RoutingRules:
        teams = {}
        for line in self.industry_teams.toPlainText().splitlines():
            if line.strip():
                industry, _, team = line.partition("=")
                teams[industry.strip()] = team.strip()
        return RoutingRules(
            match_territory=self.match_territory.isChecked(),
            industry_teams=teams,
            max_open_leads=self.max_open.value() or None,
            on_expired=str(self.on_expired.currentData()),
        )

    def save(self) -> None:
        store, actor = self._context.session.store, self._context.session.actor
        rules = self.values()

        def write(control: TaskControl) -> ChangeSet:
            return set_routing_rules(store, actor, rules)

        self._context.worker.submit(
            write,
            on_success=lambda _changes: self.accept(),
            on_failure=lambda error: self.message.setText(str(error)),
        )
