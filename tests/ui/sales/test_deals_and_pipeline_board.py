"""Deals in the real widgets: new deal from a card, the pipeline board, dragging a card."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sales_scenario import SalesWeek
from sales_ui_steps import drop_card, save_form
from sqlalchemy import select

from contactdesk.model import FunnelStage, Intel, Opportunity
from contactdesk.store import Store
from ui.accounts.account_card_widget import AccountCardWidget
from ui.forms.record_form_dialog import RecordFormDialog
from ui.sales.contact_card_widget import ContactCardWidget
from ui.sales.pipeline_board_view import DealIdRole, PipelineBoardView
from ui.sales.stage_dialog import StageDialog
from ui.settings import NUMBER_LOCALE, write_option
from ui.view_context import ViewContext


def _type(qtbot: QtBot, dialog: RecordFormDialog, name: str, text: str) -> None:
    widget = dialog.form.editors[name].input_widget()
    qtbot.keyClicks(widget, text)


def _deal(store: Store, name: str) -> Opportunity:
    with store.reading() as session:
        found = session.scalar(select(Opportunity).where(Opportunity.name == name))
        assert found is not None
        session.expunge(found)
        return found


def _stage_id(store: Store, name: str) -> uuid.UUID:
    with store.reading() as session:
        found = session.scalar(select(FunnelStage.id).where(FunnelStage.name == name))
        assert found is not None
        return found


def _drag(board: PipelineBoardView, deal_id: uuid.UUID, to_stage: str, store: Store) -> None:
    drop_card(board, deal_id, _stage_id(store, to_stage))


def _new_deal_from_contact_card(
    qtbot: QtBot, context: ViewContext, clock: Callable[[], datetime], contact_id: Any
) -> tuple[ContactCardWidget, RecordFormDialog]:
    """The card (kept by the caller: it owns the dialog) and its new-deal form."""
    card = ContactCardWidget(context, clock=clock)
    qtbot.addWidget(card)
    card.load(contact_id)
    assert card.new_deal_button.isVisibleTo(card) and card.new_deal_button.isEnabled()
    qtbot.mouseClick(card.new_deal_button, Qt.MouseButton.LeftButton)
    dialog = card.dialog
    assert isinstance(dialog, RecordFormDialog)
    return card, dialog


def test_a_deal_created_from_a_contact_card_starts_with_its_company_currency_and_stage(
    qtbot: QtBot, rita_context: ViewContext, clock: Callable[[], datetime], week: SalesWeek,
    store: Store,
) -> None:  # fmt: skip
    _card, dialog = _new_deal_from_contact_card(qtbot, rita_context, clock, week.carla)
    editors = dialog.form.editors
    assert editors["account_id"].input_widget().currentText() == "Acme Logistics"
    assert editors["contact_id"].input_widget().currentText() == "Carla Customer"
    assert editors["currency"].input_widget().currentText() == "EUR"
    assert editors["stage_id"].input_widget().currentText() == "Qualified"
    _type(qtbot, dialog, "name", "Acme phase two")
    _type(qtbot, dialog, "amount", "12000")
    _type(qtbot, dialog, "margin", "3000")
    _type(qtbot, dialog, "product", "DeskSuite")
    save_form(qtbot, dialog)
    deal = _deal(store, "Acme phase two")
    assert (deal.account_id, deal.contact_id) == (week.acme, week.carla)
    assert (deal.amount, deal.margin, deal.currency, deal.origin) == (
        12000,
        3000,
        "EUR",
        "outbound",
    )
    assert (deal.stage_id, deal.owner_id) == (_stage_id(store, "Qualified"), week.rep.id)


def test_a_deal_created_from_an_account_card_is_listed_on_it(
    qtbot: QtBot, rita_context: ViewContext, week: SalesWeek, store: Store
) -> None:
    card = AccountCardWidget(rita_context)
    qtbot.addWidget(card)
    card.load(week.acme)
    qtbot.mouseClick(card.new_deal_button, Qt.MouseButton.LeftButton)
    dialog = card.dialog
    assert isinstance(dialog, RecordFormDialog)
    _type(qtbot, dialog, "name", "Acme spare parts")
    currency = dialog.form.editors["currency"].input_widget()
    currency.setCurrentIndex(currency.findText("USD"))
    dialog.form.editors["currency"].edited.emit()
    save_form(qtbot, dialog)
    assert _deal(store, "Acme spare parts").currency == "USD"
    qtbot.waitUntil(lambda: "Acme spare parts" in _deal_names(card))


def _deal_names(card: AccountCardWidget) -> list[str]:
    names = []
    for index in range(card.deals.topLevelItemCount()):
        section = card.deals.topLevelItem(index)
        assert section is not None
        names += [section.child(n).text(0) for n in range(section.childCount())]  # type: ignore[union-attr]
    return names


def test_the_board_shows_a_column_per_stage_with_count_and_totals(
    qtbot: QtBot, rita_context: ViewContext, clock: Callable[[], datetime], week: SalesWeek
) -> None:
    write_option(NUMBER_LOCALE, "en_US")
    board = PipelineBoardView(rita_context, clock=clock)
    qtbot.addWidget(board)
    assert board.board is not None
    names = [column.name for column in board.board.columns]
    assert names == ["Qualified", "Discovery", "Proposal", "Negotiation", "Won", "Lost"]
    proposal = board.board.columns[2]
    header = board.headers[proposal.stage_id].text()
    assert "<b>Proposal</b> (1)" in header
    assert "€50,000.00 · weighted €25,000.00" in header
    cards = board.lists[proposal.stage_id]
    assert cards.count() == 1 and cards.item(0).data(DealIdRole) == str(week.opportunity)  # type: ignore[union-attr]


def test_dragging_a_card_to_the_next_stage_moves_the_deal(
    qtbot: QtBot, rita_context: ViewContext, clock: Callable[[], datetime], week: SalesWeek,
    store: Store,
) -> None:  # fmt: skip
    board = PipelineBoardView(rita_context, clock=clock)
    qtbot.addWidget(board)
    _drag(board, week.opportunity, "Negotiation", store)
    assert _deal(store, "Acme roll-out").stage_id == _stage_id(store, "Negotiation")
    negotiation = board.lists[_stage_id(store, "Negotiation")]
    assert negotiation.row_of(str(week.opportunity)) == 0
    assert board.lists[_stage_id(store, "Proposal")].count() == 0


def test_dragging_to_won_asks_for_the_story_with_the_owner_as_after_sale_owner(
    qtbot: QtBot, rita_context: ViewContext, clock: Callable[[], datetime], week: SalesWeek,
    store: Store,
) -> None:  # fmt: skip
    board = PipelineBoardView(rita_context, clock=clock)
    qtbot.addWidget(board)
    _drag(board, week.opportunity, "Won", store)
    dialog = board.dialog
    assert isinstance(dialog, StageDialog)
    assert dialog.stage.currentText() == "Won" and dialog.win_box.isVisibleTo(dialog)
    assert dialog.after_sale_owner.currentText() == "Rita Reyes"
    qtbot.keyClicks(dialog.win_story, "Chose us for the ERP sync")
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    assert _deal(store, "Acme roll-out").stage_id == _stage_id(store, "Won")
    with store.reading() as session:
        story = session.scalar(select(Intel.text).where(Intel.kind == "win_story"))
    assert story == "Chose us for the ERP sync"
    assert board.lists[_stage_id(store, "Won")].row_of(str(week.opportunity)) == 0


def test_dragging_to_lost_without_a_reason_is_refused_and_nothing_moves(
    qtbot: QtBot, rita_context: ViewContext, clock: Callable[[], datetime], week: SalesWeek,
    store: Store,
) -> None:  # fmt: skip
    board = PipelineBoardView(rita_context, clock=clock)
    qtbot.addWidget(board)
    _drag(board, week.opportunity, "Lost", store)
    dialog = board.dialog
    assert isinstance(dialog, StageDialog) and dialog.loss_box.isVisibleTo(dialog)
    dialog.save()
    assert "needs the reason" in dialog.message.text()
    assert _deal(store, "Acme roll-out").stage_id == _stage_id(store, "Proposal")
