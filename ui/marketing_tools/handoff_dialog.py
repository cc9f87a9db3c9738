"""Hand a saved segment to sales: to one rep, or by the routing rules.

The hand-off runs on the database worker; the dialog then shows how many
leads went to whom and why the others were skipped.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from contactdesk.marketing.lead_handoff import HandoffReport, find_rep, hand_off_segment
from contactdesk.model.base import utc_now
from contactdesk.segments.saved_segments import SavedSegment, list_segments
from contactdesk.services.capabilities import roles_with
from contactdesk.services.directory import UserInfo, list_users
from ui.database_worker import TaskControl
from ui.view_context import ViewContext


class HandoffDialog(QDialog):
    """Pick a segment and a target; ``hand_off()`` runs it and shows the report."""

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hand a segment to sales"))
        self._context = context
        self.report: HandoffReport | None = None
        self.segment_input = QComboBox()
        self.segment_input.setAccessibleName(self.tr("Segment"))
        self.to_rep = QRadioButton(self.tr("To one rep"))
        self.by_rules = QRadioButton(self.tr("By the routing rules"))
        self.by_rules.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.to_rep)
        group.addButton(self.by_rules)
        self.rep_input = QComboBox()
        self.rep_input.setAccessibleName(self.tr("Sales rep"))
        self.rep_input.setEnabled(False)
        self.to_rep.toggled.connect(self.rep_input.setEnabled)
        self.result_view = QPlainTextEdit()
        self.result_view.setReadOnly(True)
        self.result_view.setAccessibleName(self.tr("Hand-off result"))
        self.status = QLabel()

        form = QFormLayout()
        form.addRow(self.tr("Segment"), self.segment_input)
        form.addRow(self.by_rules)
        form.addRow(self.to_rep, self.rep_input)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.hand_off_button = self.buttons.addButton(
            self.tr("Hand off"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.hand_off_button.clicked.connect(self.hand_off)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.result_view)
        layout.addWidget(self.buttons)
        self._load_choices()

    def _load_choices(self) -> None:
        store = self._context.session.store

        def load(control: TaskControl) -> tuple[list[SavedSegment], list[UserInfo]]:
            receiving = roles_with(store, "receive_leads")
            return list_segments(store), [u for u in list_users(store) if u.role in receiving]

        self._context.worker.submit(load, on_success=self._show_choices)

    def _show_choices(self, choices: tuple[list[SavedSegment], list[UserInfo]]) -> None:
        segments, reps = choices
        for segment in segments:
            self.segment_input.addItem(segment.name, segment.name)
        for rep in reps:
            self.rep_input.addItem(f"{rep.display_name} ({rep.team or '-'})", rep.username)

    def hand_off(self) -> None:
        """Run the hand-off of the chosen segment on the worker."""
        segment = self.segment_input.currentData()
        if not segment:
            self.status.setText(self.tr("Choose a segment first."))
            return
        username = self.rep_input.currentData() if self.to_rep.isChecked() else None
        store, actor = self._context.session.store, self._context.session.actor
        self.hand_off_button.setEnabled(False)
        self.status.setText(self.tr("Handing off…"))

        def run(control: TaskControl) -> HandoffReport:
            rep = find_rep(store, username) if username else None
            return hand_off_segment(store, actor, segment, utc_now(), to_rep=rep)

        self._context.worker.submit(run, on_success=self._show_report, on_failure=self._failed)

    def _show_report(self, report: HandoffReport) -> None:
        self.report = report
        self.hand_off_button.setEnabled(True)
        self.status.setText(
            self.tr("Handed off %1, skipped %2.")
            .replace("%1", str(len(report.handed_off)))
            .replace("%2", str(len(report.skipped)))
        )
        lines = [
            self.tr("%1 → %2 (%3)")
            .replace("%1", result.contact)
            .replace("%2", result.owner or "")
            .replace("%3", result.reason)
            for result in report.handed_off
        ]
        lines += [
            self.tr("skipped %1: %2").replace("%1", result.contact).replace("%2", result.reason)
            for result in report.skipped
        ]
        self.result_view.setPlainText("\n".join(lines))

    def _failed(self, error: BaseException) -> None:
        self.hand_off_button.setEnabled(True)
        self.status.setText(str(error))
