"""pytest-qt: the sales view's campaign calendar shows what runs now and starts within 8 weeks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from pytestqt.qtbot import QtBot

from contactdesk.marketing.campaigns import add_campaign
from contactdesk.services.actor import Actor
from contactdesk.store import Store
from ui.sales.sales_view import SalesView
from ui.view_context import ViewContext

TODAY = date(2026, 3, 11)


def test_the_calendar_lists_running_and_coming_campaigns_with_expected_leads(
    qtbot: QtBot, store: Store, context_for: Callable[[str], ViewContext]
) -> None:
    for name, start, length, expected in (
        ("Running now", -5, 20, 40),
        ("In three weeks", 21, 10, 25),
        ("In ten weeks", 70, 10, 99),
        ("Over already", -30, 5, 10),
    ):
        starts = TODAY + timedelta(days=start)
        add_campaign(
            store,
            Actor.system(),
            {"name": name, "channel": "webinar", "starts_on": starts.isoformat(),
             "ends_on": (starts + timedelta(days=length)).isoformat(), "expected_leads": expected},
        )  # fmt: skip
    context = context_for("rita")
    view = SalesView(context, clock=lambda: datetime(2026, 3, 11, 9, tzinfo=UTC))
    qtbot.addWidget(view)
    view.tabs.setCurrentWidget(view.calendar)
    calendar = view.calendar
    qtbot.waitUntil(lambda: calendar.campaigns is not None, timeout=5000)

    rows = [
        (calendar.table.item(row, 0).text(), calendar.table.item(row, 5).text())  # type: ignore[union-attr]
        for row in range(calendar.table.rowCount())
    ]
    assert rows == [("Running now", "40"), ("In three weeks", "25")]
    context.worker.wait_until_idle()
