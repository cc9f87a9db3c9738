"""pytest-qt: a rep reads a launch brief in the sales view, marks it read then ready, the week
plan reminds of it until read, and marketing sees readiness per rep and per team."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from contactdesk.marketing.collateral_library import add_collateral
from contactdesk.marketing.launch_briefs import brief_readiness, save_brief
from contactdesk.services.actor import Actor
from contactdesk.store import Store
from ui.marketing_tools.launch_briefs_page import LaunchBriefsPage
from ui.sales.sales_view import SalesView
from ui.view_context import ViewContext


def test_a_rep_reads_then_readies_a_brief_and_marketing_sees_it(
    qtbot: QtBot, store: Store, context_for: Callable[[str], ViewContext]
) -> None:
    system = Actor.system()
    deck = add_collateral(
        store, system, {"title": "Launch deck", "kind": "brochure", "url": "https://x.example"}
    )
    brief_id = save_brief(
        store,
        system,
        {
            "title": "Orbit 2",
            "product": "Orbit",
            "value": "Halves month-end close",
            "proof": "Acme closed in 3 days",
            "differentiators": "Works offline",
            "collateral_ids": [deck],
            "starts_on": (date.today() + timedelta(days=7)).isoformat(),
        },
    )
    contexts = [context_for("rita"), context_for("maria")]
    view = SalesView(contexts[0])
    qtbot.addWidget(view)
    reminder = view.week.brief_reminder
    qtbot.waitUntil(lambda: "Orbit 2" in reminder.text(), timeout=5000)
    assert not reminder.isHidden()

    view.tabs.setCurrentWidget(view.briefs)
    reader = view.briefs
    qtbot.waitUntil(lambda: reader.current is not None, timeout=5000)
    assert "unread" in reader.brief_list.item(0).text()
    shown = reader.details.toPlainText()
    for text in ("Halves month-end close", "Acme closed in 3 days", "Works offline", "Launch deck"):
        assert text in shown
    assert reader.read_button.isEnabled()

    qtbot.mouseClick(reader.read_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "read" in reader.brief_list.item(0).text().split("·")[-1])
    qtbot.waitUntil(lambda: reminder.isHidden(), timeout=5000)  # read: no more reminder
    qtbot.mouseClick(reader.ready_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: reader.brief_list.item(0).text().endswith("ready"), timeout=5000)

    report = brief_readiness(store, system, brief_id, date.today())
    assert [team.ready for team in report.teams if team.team == "north"] == [1]
    page = LaunchBriefsPage(contexts[1])
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.rep_readiness.rowCount() == 2, timeout=5000)
    rows = {
        page.rep_readiness.item(row, 0).text(): page.rep_readiness.item(row, 3).text()
        for row in range(2)
    }
    assert rows["Sam Okafor"] == "not yet"
    assert rows["Rita Reyes"] != "not yet"
    for context in contexts:
        context.worker.wait_until_idle()
