"""pytest-qt: a rep opens Selling › Dashboard and reads the shared numbers, read-only.

One dashboard for both teams (issue 16, point 6): the shared metrics with the
goal metric, the targets in force and the forecast of the rep's own territory,
through the rep's own window, with nothing on the page to change.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLineEdit, QTableView
from pytestqt.qtbot import QtBot
from territory_deals import ELSEWHERE, TARGET, TERRITORY, WON_AMOUNT, build_territory_deals

from contactdesk.store import Store
from ui.main_window import MainWindow
from ui.sales.dashboard_view import SalesDashboardView
from ui.sales.sales_view import SalesView
from ui.settings import NUMBER_LOCALE, write_option


def _selling_page(window: MainWindow) -> SalesView:
    for index in range(window.pages.count()):
        page = window.page(index)
        if isinstance(page, SalesView):
            window.pages.setCurrentIndex(index)
            return page
    raise AssertionError("the rep's window has no Selling page")


def test_a_rep_reads_the_shared_metrics_targets_and_her_territory_forecast(
    qtbot: QtBot, store: Store, main_window_for: Callable[[str], MainWindow]
) -> None:
    write_option(NUMBER_LOCALE, "en_US")
    build_territory_deals(store)
    window = main_window_for("tess")
    selling = _selling_page(window)
    selling.tabs.setCurrentWidget(selling.dashboard)
    assert selling.tabs.tabText(selling.tabs.currentIndex()) == "&Dashboard"
    dashboard = selling.dashboard
    qtbot.waitUntil(lambda: dashboard.figures is not None, timeout=10_000)
    qtbot.waitUntil(lambda: dashboard.targets.page is not None, timeout=10_000)

    metrics = {row[0]: row for row in dashboard.metric_rows()}
    assert metrics["Revenue"][2] == f"{WON_AMOUNT:,}"
    assert metrics["Won deals"][2] == "1"
    assert metrics["Margin"][5] == "goal"
    assert "Margin" in dashboard.goal.text()

    ((outcome, _period, holder, target, achieved, _attainment),) = dashboard.targets.rows()
    assert (outcome, holder) == ("Revenue", "The company")
    assert target.endswith(f"{TARGET:,}.00") and achieved.endswith(f"{WON_AMOUNT:,}.00")

    assert TERRITORY in dashboard.forecast_box.title()
    territories = {row[0] for row in dashboard.forecast_rows()}
    assert territories == {TERRITORY}, f"{ELSEWHERE} is not the rep's territory"
    assert [row[1] for row in dashboard.forecast_rows()] == ["Proposal"]
    assert "Measured under" in dashboard.contract.text()


def test_the_dashboard_offers_nothing_to_change(
    qtbot: QtBot, store: Store, main_window_for: Callable[[str], MainWindow]
) -> None:
    build_territory_deals(store)
    window = main_window_for("tess")
    selling = _selling_page(window)
    selling.tabs.setCurrentWidget(selling.dashboard)
    dashboard: SalesDashboardView = selling.dashboard
    qtbot.waitUntil(lambda: dashboard.targets.page is not None, timeout=10_000)
    qtbot.waitUntil(lambda: dashboard.figures is not None, timeout=10_000)

    buttons = [b for b in dashboard.findChildren(QAbstractButton) if b.isVisibleTo(dashboard)]
    assert buttons == [], [b.text() for b in buttons]
    # The one field is the targets' day to show (what is in force when), never a value.
    day_field = dashboard.targets.day_edit
    editable = [edit for edit in dashboard.findChildren(QLineEdit)
                if edit.isVisibleTo(dashboard) and edit.parent() is not day_field]  # fmt: skip
    assert editable == []
    for table in dashboard.findChildren(QTableView):
        assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
