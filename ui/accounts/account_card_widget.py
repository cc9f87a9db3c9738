"""The account card: the company's fields, owners, contacts, deals, activities and hand-overs.

Loads ``account_card`` (and what the role may do with accounts) on the database
worker and shows only what the service returned: a field hidden from the role
is absent there, so it is absent here. Edit opens the generic record form;
Delete asks first and deletes through the unit of work. Double-clicking a
contact opens its form.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contactdesk.selling.contact_card import AccountCard, DealLine, account_card
from contactdesk.services import unit_of_work
from contactdesk.services.changes import ChangeSet
from contactdesk.services.record_actions import RecordActions, record_actions
from ui.core_text import core_text
from ui.database_worker import TaskControl
from ui.forms.record_form_dialog import RecordFormDialog
from ui.locale_formats import format_money, format_number
from ui.models.field_display import display_text, format_value
from ui.sales.activity_dialogs import open_new_activity
from ui.sales.activity_lines import activity_line
from ui.sales.deal_dialogs import open_deal, open_new_deal
from ui.sales.market_notes import open_market_note
from ui.style import set_role
from ui.undo_history import submit_undoable
from ui.view_context import ViewContext

CARD_TASK_KEY = "account-card"
RecordIdRole = Qt.ItemDataRole.UserRole + 1
# Shown in the header and the owners line instead of the details list.
HEADER_FIELDS = frozenset(
    {"name", "notes", "owner_id", "after_sale_owner_id", "keep_in_touch_days", "market_share"}
)
REFRESH_ENTITIES = frozenset({"account", "contact", "opportunity", "activity"})


@dataclass(frozen=True)
class LoadedCard:
    card: AccountCard
    record_actions: RecordActions
    deal_actions: RecordActions


class AccountCardWidget(QWidget):
    """One account's card. ``deleted`` fires after the account was deleted from it."""

    changed = Signal()
    deleted = Signal()

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.card: AccountCard | None = None
        self.record_actions = RecordActions(create=False, edit=False, delete=False)
        self.deal_actions = self.record_actions
        self.dialog: RecordFormDialog | None = None
        worker, self._task_key = context.worker, f"{CARD_TASK_KEY}-{id(self)}"
        key = self._task_key
        self.destroyed.connect(lambda _object=None: worker.cancel(key))

        self.title = QLabel(self.tr("Choose an account"))
        set_role(self.title, "title")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = QLabel()
        self.owners = QLabel()
        self.owners.setWordWrap(True)
        self.owners.setAccessibleName(self.tr("Owners"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.clicked.connect(self.edit_account)
        self.delete_button = QPushButton(self.tr("&Delete…"))
        self.delete_button.clicked.connect(self.delete_account)
        self.new_deal_button = QPushButton(self.tr("New &deal…"))
        self.new_deal_button.clicked.connect(self.new_deal)
        self.market_note_button = QPushButton(self.tr("Market &note…"))
        self.market_note_button.setToolTip(self.tr("Competitor seen, price heard, market news"))
        self.market_note_button.clicked.connect(self.market_note)
        self.button_bar = QHBoxLayout()
        self.button_bar.addStretch(1)
        self.button_bar.addWidget(self.new_deal_button)
        self.button_bar.addWidget(self.market_note_button)
        self.button_bar.addWidget(self.edit_button)
        self.button_bar.addWidget(self.delete_button)
        header = QHBoxLayout()
        names = QVBoxLayout()
        names.addWidget(self.title)
        names.addWidget(self.subtitle)
        names.addWidget(self.owners)
        header.addLayout(names, 1)
        header.addLayout(self.button_bar)

        self.fields_box = QGroupBox(self.tr("Details"))
        self.fields_form = QFormLayout(self.fields_box)
        self.contacts_box = QGroupBox(self.tr("Contacts"))
        self.contacts = QListWidget()
        self.contacts.setAccessibleName(self.tr("Contacts at this account"))
        self.contacts.itemActivated.connect(self._open_contact)
        QVBoxLayout(self.contacts_box).addWidget(self.contacts)
        self.deals_box = QGroupBox(self.tr("Deals"))
        self.deals = QTreeWidget()
        self.deals.setAccessibleName(self.tr("Deals of this account"))
        self.deals.setHeaderLabels(
            [self.tr("Deal"), self.tr("Stage"), self.tr("Amount"), self.tr("Close")]
        )
        self.deals.setRootIsDecorated(False)
        deal_columns = self.deals.header()
        deal_columns.setStretchLastSection(False)
        deal_columns.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 4):
            deal_columns.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.deals.itemActivated.connect(self._open_deal)
        self.handover = QLabel()
        self.handover.setWordWrap(True)
        self.handover.setAccessibleName(self.tr("Hand-over"))
        deals_layout = QVBoxLayout(self.deals_box)
        deals_layout.addWidget(self.deals)
        deals_layout.addWidget(self.handover)
        self.history_box = QGroupBox(self.tr("Activities"))
        self.history = QListWidget()
        self.history.setAccessibleName(self.tr("Activities with this account"))
        self.history.setWordWrap(True)
        self.schedule_button = QPushButton(self.tr("Sc&hedule…"))
        self.schedule_button.clicked.connect(self.schedule)
        history_layout = QVBoxLayout(self.history_box)
        history_layout.addWidget(self.schedule_button, 0, Qt.AlignmentFlag.AlignLeft)
        history_layout.addWidget(self.history)

        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.fields_box)
        left.addWidget(self.contacts_box, 1)
        right = QVBoxLayout()
        right.addWidget(self.deals_box, 1)
        right.addWidget(self.history_box, 1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(columns, 1)
        context.relay.changed.connect(self._on_store_changed)
        self._show(None)

    # -- loading ----------------------------------------------------------------

    @property
    def account_id(self) -> str | None:
        return None if self.card is None else str(self.card.account["id"])

    def load(self, account_id: uuid.UUID | str) -> None:
        """Read the account's card on the worker and show it."""
        store, actor = self._context.session.store, self._context.session.actor

        def read(control: TaskControl) -> LoadedCard:
            return LoadedCard(
                account_card(store, actor, account_id),
                record_actions(store, actor, "account"),
                record_actions(store, actor, "opportunity"),
            )

        self._context.worker.submit(
            read,
            key=self._task_key,
            on_success=self._loaded,
            on_failure=self._failed,
        )

    @Slot(object)
    def _on_store_changed(self, changes: ChangeSet) -> None:
        account_id = self.account_id
        if account_id is not None and changes.entities() & REFRESH_ENTITIES:
            self.load(account_id)

    def _loaded(self, loaded: LoadedCard) -> None:
        self.record_actions = loaded.record_actions
        self.deal_actions = loaded.deal_actions
        self._show(loaded.card)

    def _failed(self, error: BaseException) -> None:
        self._show(None)
        self.subtitle.setText(str(error))

    # -- showing -------------------------------------------------------------------

    def _show(self, card: AccountCard | None) -> None:
        self.card = card
        self.edit_button.setVisible(card is not None and self.record_actions.edit)
        self.delete_button.setVisible(card is not None and self.record_actions.delete)
        self.new_deal_button.setVisible(card is not None and self.deal_actions.create)
        self.schedule_button.setEnabled(card is not None)
        self.market_note_button.setVisible(card is not None)
        while self.fields_form.rowCount():
            self.fields_form.removeRow(0)
        self.contacts.clear()
        self.deals.clear()
        self.history.clear()
        if card is None:
            self.title.setText(self.tr("Choose an account"))
            for label in (self.subtitle, self.owners, self.handover):
                label.setText("")
            return
        self.title.setText(str(card.account.get("name") or ""))
        self.subtitle.setText(self._subtitle(card))
        self.owners.setText(self._owners(card))
        for field in card.fields:
            text = display_text(field, card.account)
            if field.name in HEADER_FIELDS or not text:
                continue
            value = QLabel(text)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields_form.addRow(core_text(field.label), value)
        for contact in card.contacts:
            job = contact.get("title")
            name = str(contact.get("display_name") or "")
            item = QListWidgetItem(f"{name} — {job}" if job else name)
            item.setData(RecordIdRole, str(contact["id"]))
            self.contacts.addItem(item)
        if not card.contacts:
            self.contacts.addItem(self.tr("No contacts linked to this account yet."))
        self._show_deals(card)
        for row in card.history:
            self.history.addItem(activity_line(row))
        if not card.history:
            self.history.addItem(self.tr("No activities yet."))

    def _subtitle(self, card: AccountCard) -> str:
        account = card.account
        parts = [str(account.get("industry") or "")]
        employees = account.get("employees")
        if employees is not None:
            parts.append(self.tr("%1 employees").replace("%1", format_number(float(employees))))
        parts += [str(account.get("region") or ""), str(account.get("territory") or "")]
        return " · ".join(part for part in parts if part)

    def _owners(self, card: AccountCard) -> str:
        account = card.account
        parts = [
            self.tr("Account owner: %1").replace("%1", card.owner_name or self.tr("nobody")),
            self.tr("After-sale owner: %1").replace(
                "%1", card.after_sale_owner_name or self.tr("nobody")
            ),
        ]
        cadence = account.get("keep_in_touch_days")
        if cadence:
            parts.append(self.tr("keep in touch every %1 days").replace("%1", str(int(cadence))))
        share = account.get("market_share")
        if share is not None:
            parts.append(
                self.tr("our market share %1%").replace("%1", format_number(float(share), 1))
            )
        return " · ".join(parts)

    def _show_deals(self, card: AccountCard) -> None:
        sections = (
            (self.tr("Open (%n)", "", len(card.open_deals)), card.open_deals),
            (self.tr("Closed (%n)", "", len(card.closed_deals)), card.closed_deals),
        )
        for title, deals in sections:
            section = QTreeWidgetItem(self.deals, [title])
            section.setFirstColumnSpanned(True)
            section.setFlags(section.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            for deal in deals:
                self._deal_row(section, deal)
        self.deals.expandAll()
        if card.handovers:
            latest = card.handovers[0]
            self.handover.setText(
                self.tr("Hand-over: %1 (%2)")
                .replace("%1", str(latest.get("subject") or ""))
                .replace(
                    "%2", format_value("datetime", latest.get("done_at") or latest.get("due_at"))
                )
            )
        else:
            self.handover.setText(self.tr("No hand-over yet: a won deal records one."))

    def _deal_row(self, section: QTreeWidgetItem, deal: DealLine) -> None:
        amount = format_money(deal.amount, deal.currency) if deal.amount is not None else ""
        # A closed deal shows the day it closed, an open one the day it is expected to.
        close = deal.closed_at.date() if deal.closed_at is not None else deal.expected_close
        row = QTreeWidgetItem(
            section, [deal.name, deal.stage_name, amount, format_value("date", close)]
        )
        # The owner in the tooltip: four columns are what fits beside the details.
        row.setToolTip(0, self.tr("%1 — owner: %2").replace("%1", deal.name)
                       .replace("%2", deal.owner_name or self.tr("nobody")))  # fmt: skip
        row.setData(0, RecordIdRole, deal.id)
        row.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    # -- actions ------------------------------------------------------------------

    def deal_ids(self) -> list[str]:
        """The ids of the deals shown, open first (what a test or a caller can pick from)."""
        return [] if self.card is None else [deal.id for deal in self.card.deals]

    @Slot()
    def edit_account(self) -> RecordFormDialog | None:
        account_id = self.account_id
        if account_id is None:
            return None
        session = self._context.session
        self.dialog = RecordFormDialog(
            session, self._context.worker, "account", account_id, parent=self
        )
        self.dialog.open()
        return self.dialog

    @Slot()
    def delete_account(self) -> None:
        if self.card is None:
            return
        name = str(self.card.account.get("name") or "")
        answer = QMessageBox.question(
            self,
            self.tr("Delete account"),
            self.tr(
                "Delete “%1”? Its deals and activities go with it; its contacts stay, "
                "without a company."
            ).replace("%1", name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_now()

    def delete_now(self) -> None:
        """Delete the shown account through the unit of work (on the worker)."""
        account_id = self.account_id
        if account_id is None:
            return
        store, actor = self._context.session.store, self._context.session.actor

        def delete() -> ChangeSet:
            return unit_of_work.delete(store, actor, "account", account_id)

        # Undoable (Ctrl+Z) until the next sync sends the delete.
        submit_undoable(
            self._context,
            self.tr("delete account"),
            delete,
            on_success=self._after_delete,
            on_failure=self._failed,
        )

    def _after_delete(self, _changes: ChangeSet) -> None:
        self._show(None)
        self.deleted.emit()

    @Slot()
    def new_deal(self) -> None:
        """A new deal for this account, in the record form."""
        account_id = self.account_id
        if account_id is not None:
            open_new_deal(self._context, self, account_id=account_id, on_open=self._keep_form)

    @Slot()
    def schedule(self) -> None:
        """A meeting (or call, task, email) with this account."""
        account_id = self.account_id
        if account_id is not None:
            open_new_activity(self._context, self, account_id=account_id, on_open=self._keep_form)

    @Slot()
    def market_note(self) -> None:
        """Note what the field heard about this account's market."""
        if self.card is not None:
            name = str(self.card.account.get("name") or "")
            account = (str(self.card.account["id"]), name)
            self._keep_form(open_market_note(self._context, self, account=account))

    def _keep_form(self, dialog: RecordFormDialog) -> None:
        self.dialog = dialog

    @Slot(QTreeWidgetItem, int)
    def _open_deal(self, item: QTreeWidgetItem, _column: int) -> None:
        deal_id = item.data(0, RecordIdRole)
        if deal_id:
            self.dialog = open_deal(self._context, self, str(deal_id))

    @Slot(QListWidgetItem)
    def _open_contact(self, item: QListWidgetItem) -> None:
        contact_id = item.data(RecordIdRole)
        if not contact_id:
            return
        self.dialog = RecordFormDialog(
            self._context.session, self._context.worker, "contact", str(contact_id), parent=self
        )
        self.dialog.open()
