"""Accounts in the real widgets: create, edit, delete, link a contact, the account card."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot
from sales_scenario import NOW, SalesWeek
from sqlalchemy import select

from contactdesk.model import Account, Contact
from contactdesk.selling.opportunity_progress import WinCapture, move_opportunity
from contactdesk.services.directory import find_user
from contactdesk.store import Store
from ui.accounts.account_card_dialog import AccountCardDialog
from ui.accounts.account_card_widget import AccountCardWidget
from ui.accounts.accounts_view import AccountsView
from ui.app_session import AppSession
from ui.database_worker import DatabaseWorker
from ui.forms.record_form import RecordForm
from ui.forms.record_form_dialog import RecordFormDialog
from ui.forms.reference_editors import ReferenceEditor
from ui.sales.contact_card_widget import ContactCardWidget
from ui.store_changes import StoreChangeRelay
from ui.view_context import ViewContext


def _type_into(qtbot: QtBot, form: RecordForm, name: str, text: str) -> None:
    widget = form.editors[name].input_widget()
    line = getattr(widget, "lineEdit", lambda: None)() or widget
    line.clear()
    qtbot.keyClicks(line, text)


def _save(qtbot: QtBot, dialog: RecordFormDialog) -> None:
    with qtbot.waitSignal(dialog.form.saved):
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )


def _account(store: Store, name: str) -> Account | None:
    with store.reading() as session:
        return session.scalar(select(Account).where(Account.name == name))


def _pick_user(editor: ReferenceEditor, display_name: str) -> None:
    editor.combo.setCurrentIndex(editor.combo.findText(display_name))
    editor.edited.emit()


def test_a_rep_creates_an_account_from_the_accounts_page_and_sees_its_card(
    qtbot: QtBot, rita_context: ViewContext, week: SalesWeek, store: Store
) -> None:
    page = AccountsView(rita_context)
    qtbot.addWidget(page)
    assert page.new_button.isVisibleTo(page)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog is not None and dialog.form.definition is not None
    form = dialog.form
    _type_into(qtbot, form, "name", "Borealis Freight")
    _type_into(qtbot, form, "industry", "Logistics")
    _type_into(qtbot, form, "employees", "420")
    _type_into(qtbot, form, "territory", "north")
    _type_into(qtbot, form, "keep_in_touch_days", "21")
    _type_into(qtbot, form, "market_share", "12.5")
    after_sale = form.editors["after_sale_owner_id"]
    assert isinstance(after_sale, ReferenceEditor)
    _pick_user(after_sale, "Sam Okafor")
    _save(qtbot, dialog)

    saved = _account(store, "Borealis Freight")
    assert saved is not None
    sam = find_user(store, "sam")
    assert (saved.industry, saved.employees, saved.territory) == ("Logistics", 420, "north")
    assert (saved.keep_in_touch_days, saved.market_share) == (21, 12.5)
    assert (saved.owner_id, saved.after_sale_owner_id) == (week.rep.id, sam.id)
    qtbot.waitUntil(lambda: page.card.title.text() == "Borealis Freight")
    assert "After-sale owner: Sam Okafor" in page.card.owners.text()
    assert "every 21 days" in page.card.owners.text()


def test_typing_in_the_accounts_page_finds_the_account_and_opens_its_card(
    qtbot: QtBot, rita_context: ViewContext, week: SalesWeek
) -> None:
    page = AccountsView(rita_context)
    qtbot.addWidget(page)
    qtbot.keyClicks(page.search_box, "Acme")
    qtbot.waitUntil(lambda: page.shown_model is page.search_model)
    names = [page.search_model.record_at(n)["name"] for n in range(page.search_model.rowCount())]
    assert "Acme Logistics" in names
    page.table.selectRow(names.index("Acme Logistics"))
    assert page.card.title.text() == "Acme Logistics"
    assert [page.card.contacts.item(n).text() for n in range(page.card.contacts.count())] == [
        "Carla Customer"
    ]


def test_the_account_card_lists_open_and_closed_deals_owners_and_the_hand_over(
    qtbot: QtBot, rita_context: ViewContext, week: SalesWeek, store: Store
) -> None:
    sam = find_user(store, "sam")
    move_opportunity(
        store, week.rep.actor(), week.opportunity, "Won", now=NOW,
        win=WinCapture("They liked the ERP sync", sam.id),
    )  # fmt: skip
    card = AccountCardWidget(rita_context)
    qtbot.addWidget(card)
    card.load(week.acme)
    open_section, closed_section = (card.deals.topLevelItem(n) for n in range(2))
    assert open_section is not None and closed_section is not None
    assert (open_section.text(0), closed_section.text(0)) == ("Open (0)", "Closed (1)")
    won = closed_section.child(0)
    assert won is not None and (won.text(0), won.text(1)) == ("Acme roll-out", "Won")
    assert "After-sale owner: Sam Okafor" in card.owners.text()
    assert "Account owner: Rita Reyes" in card.owners.text()
    assert card.handover.text().startswith("Hand-over: Hand over to Sam Okafor")
    activities = [card.history.item(n).text() for n in range(card.history.count())]
    assert any("Demo meeting" in line for line in activities)


def test_a_contact_is_linked_to_an_account_by_searching_for_it_in_its_form(
    qtbot: QtBot, rita_context: ViewContext, week: SalesWeek, store: Store
) -> None:
    dialog = RecordFormDialog(rita_context.session, rita_context.worker, "contact", week.leo)
    qtbot.addWidget(dialog)
    picker = dialog.form.editors["account_id"]
    assert isinstance(picker, ReferenceEditor)
    line = picker.combo.lineEdit()
    assert line is not None
    qtbot.keyClicks(line, "Acme")
    qtbot.waitUntil(lambda: picker.combo.findText("Acme Logistics") >= 0)
    picker.combo.setCurrentIndex(picker.combo.findText("Acme Logistics"))
    _save(qtbot, dialog)
    with store.reading() as session:
        assert session.get(Contact, week.leo).account_id == week.acme  # type: ignore[union-attr]


def test_editing_an_account_from_its_card_saves_through_the_form(
    qtbot: QtBot, rita_context: ViewContext, week: SalesWeek, store: Store
) -> None:
    card = AccountCardWidget(rita_context)
    qtbot.addWidget(card)
    card.load(week.acme)
    qtbot.mouseClick(card.edit_button, Qt.MouseButton.LeftButton)
    dialog = card.dialog
    assert dialog is not None
    _type_into(qtbot, dialog.form, "keep_in_touch_days", "7")
    _save(qtbot, dialog)
    saved = _account(store, "Acme Logistics")
    assert saved is not None and saved.keep_in_touch_days == 7
    qtbot.waitUntil(lambda: "every 7 days" in card.owners.text())


def test_deleting_an_account_from_its_card_asks_then_removes_it(
    qtbot: QtBot,
    rita_context: ViewContext,
    week: SalesWeek,
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    card = AccountCardWidget(rita_context)
    qtbot.addWidget(card)
    card.load(week.dormant)
    with qtbot.waitSignal(card.deleted):
        qtbot.mouseClick(card.delete_button, Qt.MouseButton.LeftButton)
    assert asked and "Dormant Ltd" in asked[0]
    assert _account(store, "Dormant Ltd") is None


def test_the_contact_card_opens_the_contacts_account(
    qtbot: QtBot, rita_context: ViewContext, clock: Callable[[], datetime], week: SalesWeek
) -> None:
    contact_card = ContactCardWidget(rita_context, clock=clock)
    qtbot.addWidget(contact_card)
    contact_card.load(week.carla)
    assert contact_card.account_button.isEnabled()
    qtbot.mouseClick(contact_card.account_button, Qt.MouseButton.LeftButton)
    dialog = contact_card.dialog
    assert isinstance(dialog, AccountCardDialog)
    assert dialog.card.title.text() == "Acme Logistics"


def test_a_role_that_only_reads_accounts_gets_no_new_edit_or_delete(
    qtbot: QtBot, store: Store, week: SalesWeek
) -> None:
    maria = find_user(store, "maria")
    context = ViewContext(
        AppSession(store, maria.actor(), maria), DatabaseWorker(immediate=True),
        StoreChangeRelay(store),
    )  # fmt: skip
    page = AccountsView(context)
    qtbot.addWidget(page)
    page.open_account(str(week.acme))
    assert page.card.title.text() == "Acme Logistics"
    hidden = [not b.isVisibleTo(page) for b in (page.new_button, page.card.edit_button,
                                                 page.card.delete_button)]  # fmt: skip
    assert hidden == [True, True, True]
    context.relay.detach()
