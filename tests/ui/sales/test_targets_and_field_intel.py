"""Targets set by marketing, attainment seen by the rep; marketing's field-intelligence tab."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from pytestqt.qtbot import QtBot
from sales_scenario import NOW, SalesWeek

from contactdesk.selling.opportunity_progress import WinCapture, move_opportunity
from contactdesk.services.directory import find_user
from contactdesk.store import Store
from ui.app_session import AppSession
from ui.database_worker import DatabaseWorker
from ui.marketing.marketing_view import FIELD_INTEL_REPORT, MarketingView
from ui.sales.targets_view import TargetsView
from ui.settings import NUMBER_LOCALE, write_option
from ui.store_changes import StoreChangeRelay
from ui.view_context import ViewContext


def _context(store: Store, username: str) -> ViewContext:
    user = find_user(store, username)
    return ViewContext(
        AppSession(store, user.actor(), user), DatabaseWorker(immediate=True),
        StoreChangeRelay(store),
    )  # fmt: skip


def test_marketing_sets_a_revenue_target_and_the_rep_sees_attainment(
    qtbot: QtBot, rita_context: ViewContext, clock: Callable[[], datetime], week: SalesWeek,
    store: Store,
) -> None:  # fmt: skip
    write_option(NUMBER_LOCALE, "en_US")
    marketing = _context(store, "maria")
    page = TargetsView(marketing, clock=clock)
    qtbot.addWidget(page)
    assert page.set_button.isVisibleTo(page)
    dialog = page.set_target()
    dialog.level_box.setCurrentIndex(dialog.level_box.findData("rep"))
    assert dialog.rep_box.isEnabled() and not dialog.team_edit.isEnabled()
    dialog.level_box.setCurrentIndex(dialog.level_box.findData("company"))
    assert not dialog.rep_box.isEnabled()
    dialog.metric_box.setCurrentIndex(dialog.metric_box.findData("revenue"))
    dialog.period_box.setCurrentIndex(dialog.period_box.findData("month"))
    dialog.value_box.setValue(100000)
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    assert [row[0] for row in page.rows()] == ["Revenue"]

    move_opportunity(store, week.rep.actor(), week.opportunity, "Won", now=NOW,
                     win=WinCapture("Chose us for the ERP sync", week.rep.id))  # fmt: skip
    rep_page = TargetsView(rita_context, clock=clock)
    qtbot.addWidget(rep_page)
    assert not rep_page.set_button.isVisibleTo(rep_page)
    ((outcome, _period, _holder, target, achieved, attainment),) = rep_page.rows()
    assert (outcome, target, achieved, attainment) == (
        "Revenue", "€100,000.00", "€50,000.00", "50 %",
    )  # fmt: skip
    assert "never a target" in rep_page.activities.text()
    marketing.relay.detach()


def test_marketing_has_a_field_intelligence_tab_on_the_field_intel_report(
    qtbot: QtBot, store: Store, week: SalesWeek
) -> None:
    marketing = _context(store, "maria")
    view = MarketingView(marketing)
    qtbot.addWidget(view)
    view.tabs.setCurrentWidget(view.field_intel)
    assert view.tabs.tabText(view.tabs.currentIndex()) == "Field intelligence"
    assert view.field_intel.report_name() == FIELD_INTEL_REPORT
    marketing.relay.detach()
