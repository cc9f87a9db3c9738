"""Why a lead scored what it did: fit, engagement and learned history, a reason per point.

Shown beside marketing's lead list and in the rep's lead inbox, so both teams
judge a lead by the same explanation. Reading only: the score as computed now.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from contactdesk.marketing.lead_scoring import LeadScore, explain_score
from ui.database_worker import TaskControl
from ui.locale_formats import format_number
from ui.view_context import ViewContext

Clock = Callable[[], datetime]


class ScoreReasonsPanel(QWidget):
    """The chosen lead's score in parts, each part with its reasons and points."""

    def __init__(
        self, context: ViewContext, *, clock: Clock, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._clock = clock
        self.score: LeadScore | None = None
        self.title = QLabel(self.tr("Choose a lead to see why it scored what it did."))
        self.title.setWordWrap(True)
        self.reasons = QTreeWidget()
        self.reasons.setAccessibleName(self.tr("Score reasons"))
        self.reasons.setHeaderLabels([self.tr("Why"), self.tr("Points")])
        self.reasons.setRootIsDecorated(False)
        self.reasons.setColumnWidth(0, 320)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.reasons, 1)

    def show_lead(self, lead_id: uuid.UUID | None) -> None:
        """Explain ``lead_id``'s score (None clears the panel)."""
        if lead_id is None:
            self.score = None
            self.reasons.clear()
            return
        store, actor, now = self._context.session.store, self._context.session.actor, self._clock()

        def explain(control: TaskControl) -> LeadScore:
            return explain_score(store, actor, lead_id, now)

        self._context.worker.submit(
            explain,
            on_success=self._show,
            on_failure=lambda error: self.title.setText(str(error)),
            key=f"score-reasons-{id(self)}",
        )

    def _show(self, score: LeadScore) -> None:
        self.score = score
        self.title.setText(
            self.tr("Score %1 = fit %2 + engagement %3 + learned from sales %4")
            .replace("%1", format_number(score.total, 1))
            .replace("%2", format_number(score.fit, 1))
            .replace("%3", format_number(score.engagement, 1))
            .replace("%4", format_number(score.history, 1))
        )
        parts = {
            "fit": self.tr("Fit"),
            "engagement": self.tr("Engagement"),
            "history": self.tr("Learned from sales"),
        }
        self.reasons.clear()
        for reason in score.reasons:
            QTreeWidgetItem(
                self.reasons,
                [f"{parts.get(reason.part, reason.part)}: {reason.label}",
                 format_number(reason.points, 1)],
            )  # fmt: skip
