"""The funnel contract between the teams: agreed versions, the open proposal, propose and agree.

Marketing and admins propose (the live stages and their teams, the hand-off
threshold and the follow-up hours); a sales team lead (or both leads, as the
company's rule says) agrees. Shown in Campaigns & leads and in the sales view;
each user gets the buttons their part allows. Opening the page only reads.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from contactdesk.marketing.funnel_contract import (
    ContractOverview,
    ContractProposal,
    FunnelContract,
    agree_funnel_contract,
    contract_overview,
    propose_funnel_contract,
)
from contactdesk.services.changes import ChangeSet
from ui.admin.listing_table import fill_row, listing_table
from ui.database_worker import TaskControl
from ui.enum_titles import team_title
from ui.locale_formats import format_date, format_number
from ui.view_context import ViewContext


class FunnelContractPage(QWidget):
    """Where the teams agree on the funnel, and where each report's version comes from."""

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.overview: ContractOverview | None = None
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.proposal_label = QLabel()
        self.proposal_label.setWordWrap(True)
        self.stages = listing_table(
            [self.tr("Stage"), self.tr("Owning team"), self.tr("Win probability")],
            self.tr("Proposed stages"),
        )
        self.agree_button = QPushButton(self.tr("Agree to this proposal"))
        self.threshold_input = QDoubleSpinBox()
        self.threshold_input.setRange(0, 100)
        self.threshold_input.setDecimals(0)
        self.threshold_input.setAccessibleName(self.tr("Hand-off threshold"))
        self.hours_input = QSpinBox()
        self.hours_input.setRange(1, 24 * 60)
        self.hours_input.setSuffix(self.tr(" h"))
        self.hours_input.setAccessibleName(self.tr("Follow-up deadline"))
        self.note_input = QLineEdit()
        self.note_input.setAccessibleName(self.tr("What changed and why"))
        self.propose_button = QPushButton(self.tr("Propose"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.history = listing_table(
            [
                self.tr("Version"),
                self.tr("Agreed on"),
                self.tr("Threshold"),
                self.tr("Follow-up"),
                self.tr("Agreed by"),
                self.tr("Note"),
            ],
            self.tr("Agreed versions"),
        )

        proposal_box = QGroupBox(self.tr("Open proposal"))
        proposal_layout = QVBoxLayout(proposal_box)
        proposal_layout.addWidget(self.proposal_label)
        proposal_layout.addWidget(self.stages)
        agree_row = QHBoxLayout()
        agree_row.addStretch()
        agree_row.addWidget(self.agree_button)
        proposal_layout.addLayout(agree_row)
        self.propose_box = QGroupBox(self.tr("Propose the funnel"))
        form = QFormLayout(self.propose_box)
        form.addRow(
            QLabel(self.tr("The stages and their teams are the live funnel (Administration)."))
        )
        form.addRow(self.tr("Hand-off threshold (score)"), self.threshold_input)
        form.addRow(self.tr("Follow-up deadline"), self.hours_input)
        form.addRow(self.tr("Note"), self.note_input)
        form.addRow(self.propose_button)
        history_box = QGroupBox(self.tr("Agreed versions"))
        history_layout = QVBoxLayout(history_box)
        history_layout.addWidget(self.history)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.message)
        layout.addWidget(proposal_box)
        layout.addWidget(self.propose_box)
        layout.addWidget(history_box)

        # Until the overview says what this user may do, offer nothing.
        self.agree_button.hide()
        self.agree_button.setEnabled(False)
        self.propose_box.hide()
        self.propose_button.clicked.connect(self.propose)
        self.agree_button.clicked.connect(self.agree)
        context.relay.changed.connect(self._on_store_changed)
        self.reload()

    def reload(self) -> None:
        store, actor = self._context.session.store, self._context.session.actor

        def load(control: TaskControl) -> ContractOverview:
            return contract_overview(store, actor)

        self._context.worker.submit(load, on_success=self._show, key="funnel-contract")

    def _show(self, overview: ContractOverview) -> None:
        self.overview = overview
        self.status.setText(self._status_text(overview))
        self._show_proposal(overview.proposal)
        self.agree_button.setVisible(overview.proposal is not None)
        self.agree_button.setEnabled(overview.may_agree)
        self.propose_box.setVisible(overview.may_propose)
        self.threshold_input.setValue(overview.live.score_threshold)
        self.hours_input.setValue(overview.live.follow_up_hours)
        versions = list(reversed(overview.history))
        self.history.setRowCount(len(versions))
        for row, version in enumerate(versions):
            fill_row(
                self.history,
                row,
                [
                    str(version.version),
                    format_date(version.agreed_on) if version.agreed_on else "",
                    format_number(version.score_threshold),
                    self.tr("%n hour(s)", "", version.follow_up_hours),
                    version.recorded_by,
                    version.note,
                ],
            )

    def _status_text(self, overview: ContractOverview) -> str:
        if not overview.history:
            return self.tr("No funnel contract agreed yet: reports use the live terms.")
        latest = overview.history[-1]
        text = self.tr("In force: version %1, agreed on %2 by %3.").replace(
            "%1", str(latest.version)
        )
        text = text.replace("%2", format_date(latest.agreed_on or date.today()))
        text = text.replace("%3", latest.recorded_by)
        if not overview.live_matches:
            text += " " + self.tr("The live stages or hand-off rules have changed since.")
        return text

    def _show_proposal(self, proposal: ContractProposal | None) -> None:
        if proposal is None:
            self.proposal_label.setText(self.tr("Nothing proposed."))
            self.stages.setRowCount(0)
            return
        terms = proposal.terms
        text = self.tr(
            "Proposed by %1 on %2: hand off at score %3, follow up within %4 h."
            " Waiting for the lead of: %5."
        )
        for key, value in (
            ("%1", proposal.proposed_by),
            ("%2", format_date(proposal.proposed_on)),
            ("%3", format_number(terms.score_threshold)),
            ("%4", str(terms.follow_up_hours)),
            ("%5", ", ".join(proposal.waiting_for())),
        ):
            text = text.replace(key, value)
        if terms.note:
            text += " " + terms.note
        self.proposal_label.setText(text)
        self.stages.setRowCount(len(terms.stages))
        for row, stage in enumerate(terms.stages):
            fill_row(
                self.stages,
                row,
                [
                    stage.name,
                    team_title(stage.owner_team),
                    format_number(stage.probability * 100) + " %",
                ],
            )

    @Slot()
    def propose(self) -> None:
        store, actor = self._context.session.store, self._context.session.actor
        threshold, hours = self.threshold_input.value(), self.hours_input.value()
        note, today = self.note_input.text(), date.today()

        def run(control: TaskControl) -> ContractProposal:
            return propose_funnel_contract(
                store, actor, today, score_threshold=threshold, follow_up_hours=hours, note=note
            )

        self._context.worker.submit(
            run,
            on_success=lambda _proposal: self._done(self.tr("Proposed; sales is asked to agree.")),
            on_failure=lambda error: self.message.setText(str(error)),
        )

    @Slot()
    def agree(self) -> None:
        store, actor, today = self._context.session.store, self._context.session.actor, date.today()

        def run(control: TaskControl) -> FunnelContract | ContractProposal:
            return agree_funnel_contract(store, actor, today)

        self._context.worker.submit(
            run,
            on_success=self._agreed,
            on_failure=lambda error: self.message.setText(str(error)),
        )

    def _agreed(self, result: FunnelContract | ContractProposal) -> None:
        if isinstance(result, FunnelContract):
            self._done(
                self.tr("Agreed: version %1 is in force.").replace("%1", str(result.version))
            )
        else:
            self._done(
                self.tr("Agreed; waiting for the lead of: %1.").replace(
                    "%1", ", ".join(result.waiting_for())
                )
            )

    def _done(self, text: str) -> None:
        self.message.setText(text)
        self.note_input.clear()
        self.reload()

    @Slot(object)
    def _on_store_changed(self, changes: ChangeSet) -> None:
        if "setting" in changes.entities():
            self.reload()
