"""Sales' campaign calendar: campaigns running now and starting in the next 8 weeks.

Read-only: when each runs, its channel and product, and how many leads
marketing expects from it, so reps can plan for the leads to come.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from contactdesk.marketing.campaigns import CALENDAR_WEEKS, CampaignWindow, campaign_calendar
from contactdesk.services.changes import ChangeSet
from ui.admin.listing_table import fill_row, listing_table
from ui.database_worker import TaskControl
from ui.enum_titles import channel_title
from ui.locale_formats import format_date
from ui.view_context import ViewContext

Clock = Callable[[], datetime]


class CampaignCalendarView(QWidget):
    """One row per campaign, soonest first."""

    def __init__(
        self, context: ViewContext, *, clock: Clock, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._clock = clock
        self.campaigns: list[CampaignWindow] | None = None
        self.title = QLabel(
            self.tr(
                "Campaigns running now and starting in the next %n week(s).", "", CALENDAR_WEEKS
            )
        )
        self.table = listing_table(
            [
                self.tr("Campaign"),
                self.tr("Channel"),
                self.tr("Product"),
                self.tr("Starts"),
                self.tr("Ends"),
                self.tr("Expected leads"),
            ],
            self.tr("Campaign calendar"),
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        context.relay.changed.connect(self._on_store_changed)
        self.reload()

    def reload(self) -> None:
        store, actor = self._context.session.store, self._context.session.actor
        today = self._clock().astimezone().date()

        def load(control: TaskControl) -> list[CampaignWindow]:
            return campaign_calendar(store, actor, today)

        self._context.worker.submit(load, on_success=self._show, key="campaign-calendar")

    def _show(self, campaigns: list[CampaignWindow]) -> None:
        self.campaigns = campaigns
        self.table.setRowCount(len(campaigns))
        for row, campaign in enumerate(campaigns):
            expected = campaign.expected_leads
            fill_row(
                self.table,
                row,
                [
                    campaign.name,
                    channel_title(campaign.channel),
                    campaign.product,
                    format_date(campaign.starts_on),
                    format_date(campaign.ends_on),
                    str(expected) if expected is not None else self.tr("no estimate"),
                ],
            )

    def _on_store_changed(self, changes: ChangeSet) -> None:
        if "campaign" in changes.entities():
            self.reload()
