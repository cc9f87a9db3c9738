"""The campaign form: name, channel, product, target segment, dates, budget, spend, leads.

Spend is entered as it is incurred ("Add spend"), added to the spend to date
by the service, so two marketers entering invoices never overwrite each other.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from contactdesk.marketing.campaigns import add_campaign, edit_campaign, record_spend
from contactdesk.model.marketing import CHANNELS
from contactdesk.segments.saved_segments import SavedSegment
from contactdesk.services.record_queries import Record
from ui.database_worker import TaskControl
from ui.enum_titles import channel_title
from ui.locale_formats import localise_date_edit
from ui.style import set_role
from ui.view_context import ViewContext

MAX_MONEY = 1_000_000_000.0


def _money() -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(0.0, MAX_MONEY)
    box.setDecimals(2)
    box.setGroupSeparatorShown(True)
    return box


def _to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class CampaignEditor(QWidget):
    """Edits one campaign (or a new one); emits ``saved`` with its id after a save."""

    saved = Signal(str)

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.campaign_id: str | None = None
        self.name_input = QLineEdit()
        self.channel_input = QComboBox()
        for channel in CHANNELS:
            self.channel_input.addItem(channel_title(channel), channel)
        self.product_input = QLineEdit()
        self.segment_input = QComboBox()
        self.segment_input.addItem(self.tr("(no target segment)"), None)
        self.starts_input = QDateEdit()
        self.ends_input = QDateEdit()
        for edit in (self.starts_input, self.ends_input):
            edit.setCalendarPopup(True)
            localise_date_edit(edit)
            edit.setDate(QDate.currentDate())
        self.budget_input = _money()
        self.spend_label = QLabel("0")
        self.spend_input = _money()
        self.spend_input.setAccessibleName(self.tr("Spend to add"))
        self.budget_input.setAccessibleName(self.tr("Budget"))
        self.add_spend_button = QPushButton(self.tr("Add spend"))
        self.expected_input = QSpinBox()
        self.expected_input.setRange(0, 1_000_000)
        self.error = QLabel()
        set_role(self.error, "error")
        self.error.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save campaign"))

        spend_row = QHBoxLayout()
        spend_row.addWidget(self.spend_label)
        spend_row.addStretch()
        spend_row.addWidget(self.spend_input)
        spend_row.addWidget(self.add_spend_button)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name_input)
        form.addRow(self.tr("Channel"), self.channel_input)
        form.addRow(self.tr("Product"), self.product_input)
        form.addRow(self.tr("Target segment"), self.segment_input)
        form.addRow(self.tr("Starts"), self.starts_input)
        form.addRow(self.tr("Ends"), self.ends_input)
        form.addRow(self.tr("Budget"), self.budget_input)
        form.addRow(self.tr("Spend to date"), spend_row)
        form.addRow(self.tr("Expected leads"), self.expected_input)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.save_button)
        layout.addStretch()
        self.save_button.clicked.connect(self.save)
        self.add_spend_button.clicked.connect(self.add_spend)
        self.add_spend_button.setEnabled(False)

    def set_segments(self, segments: list[SavedSegment]) -> None:
        for segment in segments:
            self.segment_input.addItem(segment.name, str(segment.id))

    def start_new(self) -> None:
        """Clear the form for a new campaign."""
        self.campaign_id = None
        self.name_input.clear()
        self.product_input.clear()
        self.segment_input.setCurrentIndex(0)
        self.budget_input.setValue(0)
        self.expected_input.setValue(0)
        self.spend_label.setText("0")
        self.add_spend_button.setEnabled(False)
        self.error.clear()

    def show_campaign(self, record: Record) -> None:
        """Load a campaign record into the form."""
        self.campaign_id = record["id"]
        self.name_input.setText(record["name"])
        self.channel_input.setCurrentIndex(self.channel_input.findData(record["channel"]))
        self.product_input.setText(record.get("product") or "")
        segment = self.segment_input.findData(record.get("segment_id"))
        self.segment_input.setCurrentIndex(max(segment, 0))
        self.starts_input.setDate(_to_qdate(record["starts_on"]))
        self.ends_input.setDate(_to_qdate(record["ends_on"]))
        self.budget_input.setValue(record.get("budget") or 0)
        self.spend_label.setText(f"{record.get('spend') or 0:,.2f}")
        self.expected_input.setValue(record.get("expected_leads") or 0)
        self.add_spend_button.setEnabled(True)
        self.error.clear()

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name_input.text().strip(),
            "channel": self.channel_input.currentData(),
            "product": self.product_input.text().strip() or None,
            "segment_id": self.segment_input.currentData(),
            "starts_on": _from_qdate(self.starts_input.date()),
            "ends_on": _from_qdate(self.ends_input.date()),
            "budget": self.budget_input.value() or None,
            "expected_leads": self.expected_input.value() or None,
        }

    def save(self) -> None:
        """Create or update the campaign on the worker; errors appear under the form."""
        store, actor = self._context.session.store, self._context.session.actor
        values, campaign_id = self.values(), self.campaign_id

        def run(control: TaskControl) -> str:
            if campaign_id is None:
                return str(add_campaign(store, actor, values))
            edit_campaign(store, actor, campaign_id, values)
            return campaign_id

        self._context.worker.submit(run, on_success=self._saved, on_failure=self._failed)

    def add_spend(self) -> None:
        """Add the amount just spent to the campaign's spend to date."""
        if self.campaign_id is None:
            return
        store, actor = self._context.session.store, self._context.session.actor
        campaign_id, amount = uuid.UUID(self.campaign_id), self.spend_input.value()

        def run(control: TaskControl) -> str:
            record_spend(store, actor, campaign_id, amount)
            return str(campaign_id)

        self._context.worker.submit(run, on_success=self._saved, on_failure=self._failed)

    def _saved(self, campaign_id: str) -> None:
        self.campaign_id = campaign_id
        self.error.clear()
        self.spend_input.setValue(0)
        self.add_spend_button.setEnabled(True)
        self.saved.emit(campaign_id)

    def _failed(self, error: BaseException) -> None:
        self.error.setText(str(error))
