"""Marketing's working tools as one page of tabs: leads, campaigns, collateral, launch briefs,
and the funnel contract with sales.

Registered in ``ui.role_views`` for the marketing and admin roles, beside the
segment builder and reports (``ui.marketing``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ui.marketing_tools.campaigns_page import CampaignsPage
from ui.marketing_tools.collateral_page import CollateralPage
from ui.marketing_tools.funnel_contract_page import FunnelContractPage
from ui.marketing_tools.launch_briefs_page import LaunchBriefsPage
from ui.marketing_tools.lead_list_page import LeadListPage
from ui.view_context import ViewContext


class MarketingToolsView(QWidget):
    """Tabs for each tool; each page loads its data on the database worker."""

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.campaigns = CampaignsPage(context)
        self.collateral = CollateralPage(context)
        self.briefs = LaunchBriefsPage(context)
        self.leads = LeadListPage(context)
        self.contract = FunnelContractPage(context)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.leads, self.tr("Leads"))
        self.tabs.addTab(self.campaigns, self.tr("Campaigns"))
        self.tabs.addTab(self.collateral, self.tr("Collateral"))
        self.tabs.addTab(self.briefs, self.tr("Launch briefs"))
        self.tabs.addTab(self.contract, self.tr("Funnel contract"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
