"""Screenshot scenes of marketing's tools, for ``screenshots`` (add ``MARKETING_TOOLS_SCENES``).

Each scene shows one tab of ``MarketingToolsView`` as the demo's first marketer
sees it, with a row selected so the form beside the list is filled. Only the
lead list scene writes: it rescores the open leads first, because the demo
generator's score parts are invented, not computed.
``python -m screenshots --scene marketing_campaigns`` renders one of them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from contactdesk.marketing.lead_scoring import rescore_leads
from contactdesk.model.base import utc_now
from ui.marketing_tools.marketing_tools_view import MarketingToolsView
from ui.style import lay_out_page

if TYPE_CHECKING:
    from screenshots.scene_context import SceneContext

VIEW_SIZE = (1280, 800)


def _view(
    context: SceneContext, tab: Callable[[MarketingToolsView], QWidget]
) -> MarketingToolsView:
    view = MarketingToolsView(context.view_context("marketing"))
    lay_out_page(view)  # as the main window lays out its pages
    view.resize(*VIEW_SIZE)
    view.tabs.setCurrentWidget(tab(view))
    return view


def campaigns(context: SceneContext) -> QWidget:
    view = _view(context, lambda v: v.campaigns)
    page = view.campaigns
    context.settle()
    running = [i for i, s in enumerate(page.summaries) if s.state == "running"]
    if page.summaries:
        page.table.selectRow(running[0] if running else 0)
    return view


def collateral(context: SceneContext) -> QWidget:
    view = _view(context, lambda v: v.collateral)
    page = view.collateral
    context.settle()
    if page.items:
        page.table.selectRow(0)
    return view


def launch_brief(context: SceneContext) -> QWidget:
    view = _view(context, lambda v: v.briefs)
    # Settles once the worker has loaded the briefs and the first one's readiness.
    context.settle()
    return view


def lead_list(context: SceneContext) -> QWidget:
    # The demo generator invents score parts; rescoring shows what scoring computes.
    marketer = context.user("marketing").actor()
    rescore_leads(context.store, marketer, utc_now())
    view = _view(context, lambda v: v.leads)
    page = view.leads
    context.settle()
    page.status_filter.setCurrentIndex(page.status_filter.findData("handed_off"))
    context.settle()
    return view


MARKETING_TOOLS_SCENES: dict[str, Callable[[SceneContext], QWidget]] = {
    "marketing_campaigns": campaigns,
    "marketing_collateral": collateral,
    "marketing_launch_brief": launch_brief,
    "marketing_lead_list": lead_list,
}
