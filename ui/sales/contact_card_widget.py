"""The contact card: visible fields, the open deal and its stage, fitting collateral, history.

Loads ``contact_card`` on the database worker; shows only what the service
returned (hidden fields are absent there, so they are absent here). From the
card a rep logs a call or moves the deal to another stage.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contactdesk.selling.contact_card import ContactCard, contact_card
from contactdesk.services.record_actions import RecordActions, record_actions
from ui.accounts.account_card_dialog import AccountCardDialog
from ui.database_worker import TaskControl
from ui.forms.record_form_dialog import RecordFormDialog
from ui.locale_formats import format_money
from ui.models.field_display import display_text
from ui.sales.activity_dialogs import open_new_activity
from ui.sales.activity_lines import activity_line
from ui.sales.call_dialog import CallDialog, utc_now
from ui.sales.deal_dialogs import open_deal, open_new_deal
from ui.sales.market_notes import open_market_note
from ui.sales.stage_dialog import StageDialog
from ui.style import set_role
from ui.view_context import ViewContext

Clock = Callable[[], datetime]
CARD_TASK_KEY = "sales-contact-card"
# Fields the header already shows, or that say nothing on a card.
HEADER_FIELDS = frozenset({"display_name", "first_name", "last_name", "notes"})


class ContactCardWidget(QWidget):
    """Shows one contact's card; ``changed`` fires after a call or stage move was saved."""

    changed = Signal()

    def __init__(
        self, context: ViewContext, *, clock: Clock = utc_now, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._clock = clock
        self.card: ContactCard | None = None
        self.dialog: CallDialog | StageDialog | AccountCardDialog | RecordFormDialog | None = None
        self.deal_actions = RecordActions(create=False, edit=False, delete=False)

        self.title = QLabel(self.tr("Choose a contact"))
        set_role(self.title, "title")
        self.subtitle = QLabel()
        self.log_call_button = QPushButton(self.tr("&Log call…"))
        self.log_call_button.clicked.connect(self.log_call)
        self.move_stage_button = QPushButton(self.tr("Move &stage…"))
        self.move_stage_button.clicked.connect(self.move_stage)
        self.account_button = QPushButton(self.tr("Open &account"))
        self.account_button.clicked.connect(self.open_account)
        self.market_note_button = QPushButton(self.tr("Market &note…"))
        self.market_note_button.setToolTip(self.tr("Competitor seen, price heard, market news"))
        self.market_note_button.clicked.connect(self.market_note)
        header = QHBoxLayout()
        names = QVBoxLayout()
        names.addWidget(self.title)
        names.addWidget(self.subtitle)
        header.addLayout(names, 1)
        header.addWidget(self.log_call_button)
        header.addWidget(self.move_stage_button)
        header.addWidget(self.account_button)
        header.addWidget(self.market_note_button)

        self.fields_box = QGroupBox(self.tr("Details"))
        self.fields_form = QFormLayout(self.fields_box)
        self.deal_box = QGroupBox(self.tr("Open opportunity"))
        self.deal = QLabel()
        self.deal.setWordWrap(True)
        self.collateral = QListWidget()
        self.collateral.setAccessibleName(self.tr("Collateral for this stage"))
        self.new_deal_button = QPushButton(self.tr("New &deal…"))
        self.new_deal_button.clicked.connect(self.new_deal)
        self.edit_deal_button = QPushButton(self.tr("&Edit deal…"))
        self.edit_deal_button.clicked.connect(self.edit_deal)
        deal_buttons = QHBoxLayout()
        deal_buttons.addWidget(self.new_deal_button)
        deal_buttons.addWidget(self.edit_deal_button)
        deal_buttons.addStretch(1)
        deal_layout = QVBoxLayout(self.deal_box)
        deal_layout.addLayout(deal_buttons)
        deal_layout.addWidget(self.deal)
        self.collateral_label = QLabel(self.tr("Material for this stage:"))
        deal_layout.addWidget(self.collateral_label)
        deal_layout.addWidget(self.collateral)
        self.history_box = QGroupBox(self.tr("History"))
        self.history = QListWidget()
        self.history.setAccessibleName(self.tr("Activity history"))
        # Whole lines, wrapped: a cut-off history line hides what was said.
        self.history.setWordWrap(True)
        self.schedule_button = QPushButton(self.tr("Sc&hedule…"))
        self.schedule_button.clicked.connect(self.schedule)
        history_layout = QVBoxLayout(self.history_box)
        history_layout.addWidget(self.schedule_button, 0, Qt.AlignmentFlag.AlignLeft)
        history_layout.addWidget(self.history)

        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.fields_box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.deal_box, 1)
        right.addWidget(self.history_box, 1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(columns, 1)
        self._show(None)
        self._read_actions()

    # -- loading ----------------------------------------------------------------

    def _read_actions(self) -> None:
        store, actor = self._context.session.store, self._context.session.actor

        def read(control: TaskControl) -> RecordActions:
            return record_actions(store, actor, "opportunity")

        self._context.worker.submit(read, on_success=self._set_deal_actions)

    def _set_deal_actions(self, actions: RecordActions) -> None:
        self.deal_actions = actions
        self._enable_deal_buttons()

    def _enable_deal_buttons(self) -> None:
        card = self.card
        self.new_deal_button.setVisible(self.deal_actions.create)
        self.new_deal_button.setEnabled(card is not None)
        self.edit_deal_button.setVisible(self.deal_actions.edit)
        self.edit_deal_button.setEnabled(card is not None and card.opportunity is not None)

    def load(self, contact_id: uuid.UUID | str) -> None:
        store, actor = self._context.session.store, self._context.session.actor

        def read(control: TaskControl) -> ContactCard:
            return contact_card(store, actor, contact_id)

        self._context.worker.submit(
            read, key=CARD_TASK_KEY, on_success=self._show, on_failure=self._failed
        )

    def _failed(self, error: BaseException) -> None:
        self._show(None)
        self.subtitle.setText(str(error))

    def _show(self, card: ContactCard | None) -> None:
        self.card = card
        self.log_call_button.setEnabled(card is not None)
        self.move_stage_button.setEnabled(card is not None and card.opportunity is not None)
        self.account_button.setEnabled(card is not None and card.account is not None)
        self.schedule_button.setEnabled(card is not None)
        self.market_note_button.setEnabled(card is not None)
        self._enable_deal_buttons()
        while self.fields_form.rowCount():
            self.fields_form.removeRow(0)
        self.collateral.clear()
        self.history.clear()
        if card is None:
            self.title.setText(self.tr("Choose a contact"))
            self.subtitle.setText("")
            self.deal.setText("")
            return
        self.title.setText(str(card.contact.get("display_name") or ""))
        company = card.account.get("name") if card.account else None
        job = card.contact.get("title")
        self.subtitle.setText(" · ".join(str(part) for part in (job, company) if part))
        for field in card.fields:
            text = display_text(field, card.contact)
            if field.name in HEADER_FIELDS or not text:
                continue
            value = QLabel(text)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields_form.addRow(field.label, value)
        self._show_deal(card)
        for row in card.history:
            self.history.addItem(activity_line(row))

    def _show_deal(self, card: ContactCard) -> None:
        deal = card.opportunity
        # Material belongs to a deal's stage: without a deal there is no (empty) box for it.
        self.collateral_label.setVisible(deal is not None)
        self.collateral.setVisible(deal is not None)
        if deal is None:
            self.deal.setText(self.tr("No open opportunity."))
            return
        amount = format_money(deal.amount, deal.currency or "") if deal.amount is not None else ""
        self.deal.setText(
            self.tr("<b>%1</b><br>Stage: <b>%2</b>   %3 %4")
            .replace("%1", deal.name)
            .replace("%2", deal.stage_name)
            .replace("%3", amount)
            .replace("%4", deal.product or "")
        )
        for item in card.collateral:
            text = item.title if not item.value_points else f"{item.title} — {item.value_points}"
            self.collateral.addItem(text)
        if not card.collateral:
            self.collateral.addItem(self.tr("Nothing tied to this stage yet."))

    # -- actions ------------------------------------------------------------------

    @Slot()
    def log_call(self) -> None:
        if self.card is None:
            return
        contact_id = uuid.UUID(str(self.card.contact["id"]))
        name = str(self.card.contact.get("display_name") or "")
        self.dialog = CallDialog(self._context, contact_id, name, clock=self._clock, parent=self)
        self.dialog.saved.connect(self._after_save)
        self.dialog.open()

    @Slot()
    def move_stage(self) -> None:
        if self.card is None or self.card.opportunity is None:
            return
        self.dialog = StageDialog(
            self._context, self.card.opportunity, clock=self._clock, parent=self
        )
        self.dialog.saved.connect(self._after_save)
        self.dialog.open()

    @Slot()
    def new_deal(self) -> None:
        """A new deal for this contact (and its company), in the record form."""
        if self.card is None:
            return
        open_new_deal(
            self._context, self, contact_id=str(self.card.contact["id"]), on_open=self._keep_form
        )

    @Slot()
    def schedule(self) -> None:
        """A meeting (or call, task, email) with this contact, about its open deal if any."""
        if self.card is None:
            return
        deal = self.card.opportunity
        open_new_activity(
            self._context, self, clock=self._clock, on_open=self._keep_form,
            contact_id=str(self.card.contact["id"]),
            opportunity_id=deal.id if deal is not None else None,
        )  # fmt: skip

    @Slot()
    def market_note(self) -> None:
        """Note what the field heard about this contact's market (linked to its company)."""
        if self.card is None:
            return
        contact = self.card.contact
        account = self.card.account
        self._keep_form(
            open_market_note(
                self._context, self,
                contact=(str(contact["id"]), str(contact.get("display_name") or "")),
                account=(str(account["id"]), str(account.get("name") or "")) if account else None,
            )
        )  # fmt: skip

    @Slot()
    def edit_deal(self) -> None:
        if self.card is None or self.card.opportunity is None:
            return
        self._keep_form(open_deal(self._context, self, self.card.opportunity.id))

    def _keep_form(self, dialog: RecordFormDialog) -> None:
        self.dialog = dialog
        dialog.form.saved.connect(self._after_save)

    @Slot()
    def open_account(self) -> AccountCardDialog | None:
        """The contact's company, on its own card."""
        if self.card is None or self.card.account is None:
            return None
        self.dialog = AccountCardDialog(self._context, str(self.card.account["id"]), parent=self)
        self.dialog.open()
        return self.dialog

    def _after_save(self, _result: object) -> None:
        if self.card is not None:
            self.load(str(self.card.contact["id"]))
        self.changed.emit()
