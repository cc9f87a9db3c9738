"""The contact card and the stage dialog: find, open, move the deal, capture the win."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sales_scenario import SalesWeek
from sqlalchemy import select

from contactdesk.marketing.collateral_library import list_collateral
from contactdesk.model import FunnelStage, Intel, Opportunity
from contactdesk.services.directory import find_user
from contactdesk.store import Store
from ui.admin.funnel_editor import FunnelEditor
from ui.app_session import AppSession
from ui.database_worker import DatabaseWorker
from ui.sales.contact_card_widget import ContactCardWidget
from ui.sales.contact_finder_view import ContactFinderView
from ui.sales.stage_dialog import StageDialog
from ui.store_changes import StoreChangeRelay
from ui.view_context import ViewContext


def _card(
    qtbot: QtBot, context: ViewContext, clock: Callable[[], datetime], week: SalesWeek
) -> ContactCardWidget:
    card = ContactCardWidget(context, clock=clock)
    qtbot.addWidget(card)
    card.load(week.carla)
    return card


def _material(card: ContactCardWidget) -> list[str]:
    """The titles under "Material for this stage", sorted."""
    items = [card.collateral.item(n).text() for n in range(card.collateral.count())]  # type: ignore[union-attr]
    return sorted(text.split(" — ")[0] for text in items)


def _stage_dialog(qtbot: QtBot, card: ContactCardWidget) -> StageDialog:
    qtbot.mouseClick(card.move_stage_button, Qt.MouseButton.LeftButton)
    dialog = card.dialog
    assert isinstance(dialog, StageDialog)
    return dialog


def _stage_name(store: Store, week: SalesWeek) -> str:
    with store.reading() as session:
        return str(
            session.scalar(
                select(FunnelStage.name)
                .join(Opportunity, Opportunity.stage_id == FunnelStage.id)
                .where(Opportunity.id == week.opportunity)
            )
        )


def test_typing_a_name_finds_the_contact_and_opens_its_card(
    qtbot: QtBot, rita_context: ViewContext, clock: Callable[[], datetime], week: SalesWeek
) -> None:
    finder = ContactFinderView(rita_context, clock=clock)
    qtbot.addWidget(finder)
    qtbot.keyClicks(finder.search_box, "Carla")
    qtbot.waitUntil(lambda: finder.results.count() == 1)
    qtbot.keyClick(finder.search_box, Qt.Key.Key_Return)
    assert finder.card.title.text() == "Carla Customer"


def test_card_shows_the_deal_stage_and_collateral_for_it(
    qtbot: QtBot, rita_context: ViewContext, clock: Callable[[], datetime], week: SalesWeek
) -> None:
    card = _card(qtbot, rita_context, clock, week)
    assert "Stage: <b>Proposal</b>" in card.deal.text()
    assert _material(card) == ["Logistics case study", "Price sheet 2026"]


def test_moving_to_an_open_stage_persists(
    qtbot: QtBot,
    rita_context: ViewContext,
    clock: Callable[[], datetime],
    week: SalesWeek,
    store: Store,
) -> None:
    card = _card(qtbot, rita_context, clock, week)  # kept: it owns the dialog
    dialog = _stage_dialog(qtbot, card)
    dialog.stage.setCurrentText("Negotiation")
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert _stage_name(store, week) == "Negotiation"


def test_won_shows_the_win_panel_and_refuses_an_empty_story(
    qtbot: QtBot,
    rita_context: ViewContext,
    clock: Callable[[], datetime],
    week: SalesWeek,
    store: Store,
) -> None:
    card = _card(qtbot, rita_context, clock, week)  # kept: it owns the dialog
    dialog = _stage_dialog(qtbot, card)
    dialog.show()
    dialog.stage.setCurrentText("Won")
    assert dialog.win_box.isVisible()
    qtbot.keyClick(dialog.stage, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "win story" in dialog.message.text()
    assert _stage_name(store, week) == "Proposal"


def test_won_with_a_typed_story_persists_stage_and_story(
    qtbot: QtBot,
    rita_context: ViewContext,
    clock: Callable[[], datetime],
    week: SalesWeek,
    store: Store,
) -> None:
    card = _card(qtbot, rita_context, clock, week)  # kept: it owns the dialog
    dialog = _stage_dialog(qtbot, card)
    dialog.stage.setCurrentText("Won")
    dialog.after_sale_owner.setCurrentText("Ada Admin")
    qtbot.keyClicks(dialog.win_story, "Two-week roll-out won it.")
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    with store.reading() as session:
        story = session.scalars(select(Intel.text).where(Intel.kind == "win_story")).one()
    assert (_stage_name(store, week), story) == ("Won", "Two-week roll-out won it.")


def test_a_contact_without_a_deal_shows_no_empty_material_box(
    qtbot: QtBot, rita_context: ViewContext, clock: Callable[[], datetime], week: SalesWeek
) -> None:
    card = ContactCardWidget(rita_context, clock=clock)
    qtbot.addWidget(card)
    card.show()
    card.load(week.leo)
    assert card.deal.text() == "No open opportunity."
    assert not card.collateral.isVisible() and not card.collateral_label.isVisible()
    card.load(week.carla)
    assert card.collateral.isVisible()


def test_the_stage_dialog_is_as_tall_as_its_questions(
    qtbot: QtBot, rita_context: ViewContext, clock: Callable[[], datetime], week: SalesWeek
) -> None:
    card = _card(qtbot, rita_context, clock, week)  # kept: it owns the dialog
    dialog = _stage_dialog(qtbot, card)
    dialog.show()
    qtbot.waitExposed(dialog)
    # Two drop-downs and the buttons: no large empty area under them.
    content = dialog.layout().sizeHint().height()
    assert dialog.height() <= content + 4
    short = dialog.height()
    dialog.stage.setCurrentText("Won")
    qtbot.waitUntil(lambda: dialog.height() > short)


def test_renaming_the_stage_in_the_admin_funnel_keeps_its_material_on_the_card(
    qtbot: QtBot,
    rita_context: ViewContext,
    clock: Callable[[], datetime],
    week: SalesWeek,
    store: Store,
) -> None:
    """Collateral is tied to the stage's id (issue 16.8): a rename once dropped the link."""
    ada = find_user(store, "ada")
    admin = ViewContext(AppSession(store, ada.actor(), ada), DatabaseWorker(immediate=True),
                        StoreChangeRelay(store))  # fmt: skip
    editor = FunnelEditor(admin)
    qtbot.addWidget(editor)
    editor.select_stage("Proposal")
    editor.name_input.setText("Proposal sent")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "Proposal sent" in editor.stage_names() and "Proposal" not in editor.stage_names()

    card = _card(qtbot, rita_context, clock, week)
    assert "Stage: <b>Proposal sent</b>" in card.deal.text()
    assert card.collateral_label.text() == "Material for this stage:"
    assert _material(card) == ["Logistics case study", "Price sheet 2026"]
    library = {item.title: item.stages for item in list_collateral(store, ada.actor())}
    assert library["Price sheet 2026"] == ("Proposal sent", "Negotiation")
    admin.relay.detach()
