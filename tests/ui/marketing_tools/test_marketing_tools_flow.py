"""pytest-qt: marketing creates a campaign, hands a segment to sales, the rep sees the leads."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from contactdesk.marketing.campaigns import list_campaigns
from contactdesk.marketing.collateral_library import add_collateral, list_collateral
from contactdesk.marketing.follow_up_clock import expired_leads
from contactdesk.marketing.lead_handoff import find_rep, hand_off_segment
from contactdesk.marketing.routing_rules import RoutingRules, routing_rules
from contactdesk.model.base import utc_now
from contactdesk.segments.saved_segments import save_segment
from contactdesk.selling.lead_inbox import lead_inbox
from contactdesk.services import directory, unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.services.company_settings import set_handoff_rules
from contactdesk.services.record_rules import REJECTION_REASONS
from contactdesk.store import Store
from ui.marketing_tools.campaigns_page import CampaignsPage
from ui.marketing_tools.collateral_page import CollateralPage
from ui.marketing_tools.handoff_dialog import HandoffDialog
from ui.marketing_tools.lead_list_page import LeadListPage
from ui.marketing_tools.lead_table_model import LeadTableModel
from ui.view_context import ViewContext

SEGMENT = "First ten"


@pytest.fixture
def segment(store: Store) -> str:
    """Ten of the fixture's contacts; a threshold every lead meets (scores are tested elsewhere)."""
    definition = {
        "root": {"items": [{"field": "display_name", "op": "startswith", "value": "Person 000"}]}
    }
    save_segment(store, Actor.system(), SEGMENT, definition)
    set_handoff_rules(store, Actor.system(), 0, 48)
    return SEGMENT


def test_a_campaign_created_in_the_editor_is_stored_and_listed(
    qtbot: QtBot,
    store: Store,
    context_for: Callable[[str], ViewContext],
) -> None:
    page = CampaignsPage(context_for("maria"))
    qtbot.addWidget(page)
    editor = page.editor
    editor.name_input.setText("Winter webinar")
    editor.starts_input.setDate(QDate(2026, 12, 1))
    editor.ends_input.setDate(QDate(2026, 12, 20))
    editor.expected_input.setValue(30)

    editor.save()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=5000)

    maria = directory.find_user(store, "maria").actor()
    stored = list_campaigns(store, maria, date(2026, 12, 5))
    assert [(s.record["name"], s.record["expected_leads"]) for s in stored] == [
        ("Winter webinar", 30)
    ]
    assert page.table.item(0, 0).text() == "Winter webinar"


def test_a_segment_handed_to_a_rep_arrives_in_their_inbox(
    qtbot: QtBot,
    store: Store,
    segment: str,
    context_for: Callable[[str], ViewContext],
) -> None:
    dialog = HandoffDialog(context_for("maria"))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.rep_input.count() == 2, timeout=5000)
    dialog.segment_input.setCurrentIndex(dialog.segment_input.findData(segment))
    dialog.to_rep.setChecked(True)
    dialog.rep_input.setCurrentIndex(dialog.rep_input.findData("sam"))

    dialog.hand_off()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=5000)

    sam = directory.find_user(store, "sam")
    inbox = lead_inbox(store, sam.actor(), sam.id)
    assert sorted(lead.contact_name or "" for lead in inbox) == [
        f"Person {n:04d}" for n in range(10)
    ]


def test_the_lead_list_filtered_by_rep_shows_their_handed_off_leads(
    qtbot: QtBot,
    store: Store,
    segment: str,
    context_for: Callable[[str], ViewContext],
) -> None:
    page = LeadListPage(context_for("maria"))
    qtbot.addWidget(page)
    dialog = page.open_handoff()
    qtbot.waitUntil(lambda: dialog.segment_input.count() == 1, timeout=5000)
    dialog.hand_off()
    qtbot.waitUntil(lambda: page.model.rowCount() == 10, timeout=5000)

    rita = directory.find_user(store, "rita")
    page.show_rep(str(rita.id))
    qtbot.waitUntil(lambda: page.owner_filter.currentData() == str(rita.id), timeout=5000)
    qtbot.waitUntil(lambda: page.model.rowCount() == 5, timeout=5000)

    owners = {page.model.record_at(row)["owner"] for row in range(page.model.rowCount())}
    assert owners == {"Rita Reyes"}


def test_the_lead_table_model_passes_the_model_tester(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    store: Store,
    segment: str,
    context_for: Callable[[str], ViewContext],
) -> None:
    context = context_for("maria")
    model = LeadTableModel(context.session, context.worker)
    model.reload()
    context.worker.wait_until_idle()

    qtmodeltester.check(model)


def _overdue_leads_of_rita(store: Store, segment: str) -> None:
    handed = hand_off_segment(
        store, Actor.system(), segment, utc_now(), to_rep=find_rep(store, "rita")
    )
    for lead in handed.handed_off:
        unit_of_work.update(
            store, Actor.system(), "lead", lead.lead_id, {"follow_up_due_at": "2020-01-01T09:00"}
        )


def test_missed_deadlines_are_re_routed_only_after_the_marketer_confirms(
    qtbot: QtBot,
    store: Store,
    segment: str,
    context_for: Callable[[str], ViewContext],
) -> None:
    _overdue_leads_of_rita(store, segment)
    asked: list[int] = []
    answers = iter([False, True])

    def confirm(_parent: object, overdue: int) -> bool:
        asked.append(overdue)
        return next(answers)

    page = LeadListPage(context_for("maria"), confirm=confirm)
    qtbot.addWidget(page)
    page._context.worker.wait_until_idle()
    assert len(expired_leads(store, Actor.system(), utc_now())) == 10  # opening changed nothing

    qtbot.mouseClick(page.clocks_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: asked == [10], timeout=5000)
    page._context.worker.wait_until_idle()
    assert len(expired_leads(store, Actor.system(), utc_now())) == 10  # declined: untouched

    qtbot.mouseClick(page.clocks_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "re-routed or escalated" in page.message.text(), timeout=5000)
    assert asked == [10, 10]
    assert expired_leads(store, Actor.system(), utc_now()) == []
    sam = directory.find_user(store, "sam")
    assert len(lead_inbox(store, sam.actor(), sam.id)) == 10


def test_a_chosen_lead_shows_its_score_reasons_and_the_learned_weights_open(
    qtbot: QtBot,
    store: Store,
    segment: str,
    context_for: Callable[[str], ViewContext],
) -> None:
    handed = hand_off_segment(
        store, Actor.system(), segment, utc_now(), to_rep=find_rep(store, "rita")
    )
    rejected = handed.handed_off[0].lead_id
    unit_of_work.update(
        store, Actor.system(), "lead", rejected,
        {"status": "rejected", "rejected_at": utc_now().isoformat(), "quality": 1,
         "rejection_reason": REJECTION_REASONS[0],
         "source": "webinar"},
    )  # fmt: skip
    context = context_for("maria")
    page = LeadListPage(context)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 10, timeout=5000)

    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.score_reasons.score is not None, timeout=5000)
    assert "= fit" in page.score_reasons.title.text()

    dialog = page.open_weights()
    qtbot.waitUntil(lambda: dialog.moves is not None, timeout=5000)
    assert dialog.table.rowCount() >= 1
    names = [dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())]  # type: ignore[union-attr]
    assert "Source: webinar" in names
    context.worker.wait_until_idle()
    dialog.close()


def test_marketing_edits_the_routing_rules_from_the_lead_list(
    qtbot: QtBot, store: Store, context_for: Callable[[str], ViewContext]
) -> None:
    context = context_for("maria")
    page = LeadListPage(context)
    qtbot.addWidget(page)
    dialog = page.open_routing_rules()
    qtbot.waitUntil(lambda: dialog.rules is not None, timeout=5000)
    assert "from score 60" in dialog.threshold.text()  # the qualification threshold in force
    dialog.match_territory.setChecked(False)
    dialog.industry_teams.setPlainText("Retail = south\n")
    dialog.max_open.setValue(12)
    dialog.on_expired.setCurrentIndex(dialog.on_expired.findData("escalate"))

    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: routing_rules(store).max_open_leads == 12, timeout=5000)

    assert routing_rules(store) == RoutingRules(False, {"Retail": "south"}, 12, "escalate")
    context.worker.wait_until_idle()


def test_marketing_edits_a_piece_of_collateral_in_the_library(
    qtbot: QtBot, store: Store, context_for: Callable[[str], ViewContext]
) -> None:
    values = {"title": "Price sheet", "kind": "price_sheet", "url": "https://x.example/p"}
    add_collateral(store, Actor.system(), values)
    context = context_for("maria")
    page = CollateralPage(context)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=5000)
    page.table.selectRow(0)

    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    assert page.title_input.text() == "Price sheet"
    page.title_input.setText("Price sheet 2027")
    page.points_input.setPlainText("Clear tiers")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: page.message.text() == "Changes saved.", timeout=5000)
    [item] = list_collateral(store, Actor.system())
    assert (item.title, item.value_points) == ("Price sheet 2027", "Clear tiers")
    context.worker.wait_until_idle()
