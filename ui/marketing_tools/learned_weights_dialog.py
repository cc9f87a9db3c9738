"""How sales' verdicts moved the learned part of lead scores since last month.

Per source and campaign: how many leads sales accepted, rejected and rated,
and the history points that earns a lead now against 30 days ago.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from contactdesk.marketing.lead_scoring import WeightMove, learned_weights
from contactdesk.model.base import utc_now
from ui.admin.listing_table import fill_row, listing_table
from ui.database_worker import TaskControl
from ui.locale_formats import format_number
from ui.view_context import ViewContext


class LearnedWeightsDialog(QDialog):
    """A read-only table, biggest move first."""

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Learned weights"))
        self.moves: list[WeightMove] | None = None
        self.table = listing_table(
            [
                self.tr("Source or campaign"),
                self.tr("Accepted"),
                self.tr("Rejected"),
                self.tr("Average rating"),
                self.tr("Points now"),
                self.tr("A month ago"),
            ],
            self.tr("Learned weights"),
        )
        intro = QLabel(
            self.tr(
                "Points a lead gets from sales' verdicts on earlier leads of the same source"
                " or campaign (accepted, rejected, rated 1-5), now and 30 days ago."
            )
        )
        intro.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        store = context.session.store

        def load(control: TaskControl) -> list[WeightMove]:
            return learned_weights(store, utc_now())

        context.worker.submit(load, on_success=self._show)

    def _show(self, moves: list[WeightMove]) -> None:
        self.moves = moves
        self.table.setRowCount(len(moves))
        for row, move in enumerate(moves):
            decisions = move.decisions
            rating = (
                format_number(1 + 4 * decisions.rating_total / decisions.rated, 1)
                if decisions.rated
                else ""
            )
            name = self.tr("Source: %1") if move.kind == "source" else self.tr("Campaign: %1")
            fill_row(
                self.table,
                row,
                [
                    name.replace("%1", move.name),
                    str(decisions.accepted),
                    str(decisions.rejected),
                    rating,
                    format_number(move.points_now, 1),
                    format_number(move.points_month_ago, 1),
                ],
            )
