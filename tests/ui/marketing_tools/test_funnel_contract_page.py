"""pytest-qt: marketing proposes the funnel contract, a sales lead agrees in the sales view."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from contactdesk.marketing.funnel_contract import contract_history, pending_proposal
from contactdesk.services.actor import Actor
from contactdesk.services.company_settings import handoff_rules
from contactdesk.services.directory import create_user
from contactdesk.store import Store
from ui.marketing_tools.funnel_contract_page import FunnelContractPage
from ui.sales.sales_view import SalesView
from ui.view_context import ViewContext


def test_marketing_proposes_and_the_sales_lead_agrees_in_the_sales_view(
    qtbot: QtBot, store: Store, context_for: Callable[[str], ViewContext]
) -> None:
    create_user(store, Actor.system(), "lena", role="sales", team="north", is_team_lead=True)
    contexts = [context_for(name) for name in ("maria", "rita", "lena")]
    page = FunnelContractPage(contexts[0])
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.overview is not None, timeout=5000)
    assert "No funnel contract agreed yet" in page.status.text()
    assert not page.propose_box.isHidden()
    page.threshold_input.setValue(70)
    page.hours_input.setValue(24)
    page.note_input.setText("faster follow-up")

    qtbot.mouseClick(page.propose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pending_proposal(store) is not None, timeout=5000)
    qtbot.waitUntil(lambda: "Waiting for the lead of: sales" in page.proposal_label.text())

    rep = SalesView(contexts[1])
    qtbot.addWidget(rep)
    qtbot.waitUntil(lambda: rep.contract.overview is not None, timeout=5000)
    assert rep.contract.propose_box.isHidden()  # sales does not propose
    assert not rep.contract.agree_button.isEnabled()  # and a rep who leads no team cannot agree

    lead = SalesView(contexts[2])
    qtbot.addWidget(lead)
    lead.tabs.setCurrentWidget(lead.contract)
    qtbot.waitUntil(lambda: lead.contract.overview is not None, timeout=5000)
    assert lead.contract.agree_button.isEnabled()
    assert lead.contract.stages.rowCount() > 0
    qtbot.mouseClick(lead.contract.agree_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: contract_history(store) != [], timeout=5000)
    agreed = contract_history(store)[-1]
    assert (agreed.version, agreed.score_threshold, agreed.follow_up_hours) == (1, 70, 24)
    assert agreed.recorded_by == "lena"
    assert handoff_rules(store).follow_up_hours == 24
    qtbot.waitUntil(lambda: "version 1" in page.status.text(), timeout=5000)
    assert page.history.item(0, 4).text() == "lena"
    for context in contexts:  # let the reloads the agreement caused land
        context.worker.wait_until_idle()
