"""The sales page: week, contacts, pipeline, leads, briefs, campaigns, contract, dashboard.

Deliberately simple (DESIGN.md): a few tabs with what selling needs (the
funnel contract is where a sales lead agrees to marketing's proposal). The
clock is injectable so tests and screenshots show a fixed week.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ui.marketing_tools.funnel_contract_page import FunnelContractPage
from ui.sales.brief_reader_view import BriefReaderView
from ui.sales.call_dialog import utc_now
from ui.sales.campaign_calendar_view import CampaignCalendarView
from ui.sales.contact_finder_view import ContactFinderView
from ui.sales.dashboard_view import SalesDashboardView
from ui.sales.lead_inbox_view import LeadInboxView
from ui.sales.pipeline_board_view import PipelineBoardView
from ui.sales.reminder_banner import ReminderBanner
from ui.sales.week_plan_view import WeekPlanView
from ui.view_context import ViewContext

Clock = Callable[[], datetime]


class SalesView(QWidget):
    """The rep's working page; the window's Find shortcut opens the contact finder."""

    def __init__(
        self, context: ViewContext, *, clock: Clock = utc_now, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.week = WeekPlanView(context, clock=clock)
        self.finder = ContactFinderView(context, clock=clock)
        self.inbox = LeadInboxView(context, clock=clock)
        self.pipeline = PipelineBoardView(context, clock=clock)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.week, self.tr("&Week"))
        self.tabs.addTab(self.finder, self.tr("&Find a contact"))
        self.tabs.addTab(self.pipeline, self.tr("&Pipeline"))
        self.tabs.addTab(self.inbox, self.tr("Lead &inbox"))
        self.briefs = BriefReaderView(context, clock=clock)
        self.tabs.addTab(self.briefs, self.tr("Launch &briefs"))
        self.calendar = CampaignCalendarView(context, clock=clock)
        self.tabs.addTab(self.calendar, self.tr("Ca&mpaign calendar"))
        self.contract = FunnelContractPage(context)
        self.tabs.addTab(self.contract, self.tr("Funnel &contract"))
        self.dashboard = SalesDashboardView(context, clock=clock)
        self.tabs.addTab(self.dashboard, self.tr("&Dashboard"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.reminder = ReminderBanner(context, clock=clock)
        layout.addWidget(self.reminder)
        layout.addWidget(self.tabs)

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.finder)
        self.finder.focus_search()
