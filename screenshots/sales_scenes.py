"""Screenshot scenes of the sales view, for ``screenshots`` (which adds ``SALES_SCENES``).

The week plan, a contact card, the call dialog refusing a call without a next
step, and the lead inbox, each as the first sales rep of the demo store sees
them. None of them changes the store.
``python -m screenshots --scene sales_week_plan`` renders one of them.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from contactdesk.selling.lead_inbox import lead_inbox
from ui.sales.call_dialog import CallDialog
from ui.sales.contact_card_widget import ContactCardWidget
from ui.sales.sales_view import SalesView
from ui.sales.stage_dialog import StageDialog

if TYPE_CHECKING:
    from screenshots.scene_context import SceneContext
    from ui.main_window import MainWindow


def _sales_page(context: SceneContext) -> tuple[MainWindow, SalesView]:
    window = context.main_window("sales")
    window.show()
    for index in range(window.pages.count()):
        page = window.page(index)
        if isinstance(page, SalesView):
            window.pages.setCurrentIndex(index)
            return window, page
    raise SystemExit("the sales rep's window has no sales view")


def week_plan(context: SceneContext) -> QWidget:
    window, page = _sales_page(context)
    context.settle(lambda: page.week.plan is not None)
    return window


def contact_card(context: SceneContext) -> QWidget:
    window, page = _sales_page(context)
    page.tabs.setCurrentWidget(page.finder)
    context.settle(lambda: page.week.plan is not None)
    plan = page.week.plan
    assert plan is not None
    # A contact with work this week, so the card has a deal, collateral and history.
    with_deal = [i for i in plan.items() if i.opportunity_id and i.contact_name]
    candidates = with_deal or [i for i in plan.items() if i.contact_name]
    if candidates:
        chosen = candidates[0]
        page.finder.search_box.setText(chosen.contact_name or "")
        page.finder.search_now()
        context.settle(lambda: page.finder.results.count() > 0)
        # Names repeat in the demo: open the very contact the plan named.
        page.finder.card.load(str(chosen.contact_id))
    else:
        page.finder.search_now()
        context.settle(lambda: page.finder.results.count() > 0)
        page.finder.results.setCurrentRow(0)
    context.settle(lambda: page.finder.card.card is not None)
    return window


def call_dialog(context: SceneContext) -> QWidget:
    view_context = context.view_context("sales")
    store, actor = view_context.session.store, view_context.session.actor
    leads = lead_inbox(store, actor)
    contact_id = leads[0].contact_id if leads else uuid.uuid4()
    name = (leads[0].contact_name if leads else None) or "Customer"
    dialog = CallDialog(view_context, contact_id, name)
    dialog.outcome.setCurrentIndex(0)  # "Interested"
    dialog.notes.setPlainText("Wants pricing for 25 seats; worried about the ERP sync.")
    tag = dialog.objection_tags.item(1)
    if tag is not None:
        tag.setCheckState(Qt.CheckState.Checked)
    dialog.objection_text.setText("Needs it to sync with their ERP")
    dialog.competitor.setText("HubSpot")
    # The refusal a rep sees when saving without a next step.
    dialog.save()
    return dialog


def lead_inbox_scene(context: SceneContext) -> QWidget:
    window, page = _sales_page(context)
    page.tabs.setCurrentWidget(page.inbox)
    context.settle(lambda: bool(page.inbox.missed_label.text()))
    page.inbox.table.selectRow(0)
    return window


def move_stage(context: SceneContext) -> QWidget:
    """The Move stage dialog of the contact card's deal, as it opens (no dead space)."""
    window = contact_card(context)
    card = window.findChild(ContactCardWidget)
    assert card is not None
    card.move_stage()
    dialog = card.dialog
    if not isinstance(dialog, StageDialog):
        return window  # a store whose first contact has no deal: the card, with no dialog
    context.settle(lambda: dialog.stage.count() > 0)
    return dialog


SALES_SCENES: dict[str, Callable[[SceneContext], QWidget]] = {
    "sales_week_plan": week_plan,
    "sales_contact_card": contact_card,
    "sales_call_dialog": call_dialog,
    "sales_lead_inbox": lead_inbox_scene,
    "sales_move_stage": move_stage,
}
