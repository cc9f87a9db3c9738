"""Marketing's campaigns: a list with state, spend and leads so far, and the campaign form."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from contactdesk.marketing.campaigns import CampaignSummary, list_campaigns
from contactdesk.segments.saved_segments import SavedSegment, list_segments
from contactdesk.services.changes import ChangeSet
from ui.admin.listing_table import fill_row, listing_table
from ui.database_worker import TaskControl
from ui.enum_titles import campaign_state_title, channel_title
from ui.locale_formats import format_date, format_number
from ui.marketing_tools.campaign_editor import CampaignEditor
from ui.view_context import ViewContext


class CampaignsPage(QWidget):
    """Campaign list on the left, the selected (or new) campaign's form on the right."""

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.summaries: list[CampaignSummary] = []
        headers = [
            self.tr("Campaign"),
            self.tr("Channel"),
            self.tr("State"),
            self.tr("Dates"),
            self.tr("Budget"),
            self.tr("Spend"),
            self.tr("Expected leads"),
            self.tr("Leads so far"),
        ]
        self.table = listing_table(headers, self.tr("Campaigns"))
        header = self.table.horizontalHeader()
        # Numbers and dates take what they need; the name gets the rest.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.new_button = QPushButton(self.tr("New campaign"))
        self.editor = CampaignEditor(context)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        bar = QHBoxLayout()
        bar.addStretch()
        bar.addWidget(self.new_button)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.table)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.new_button.clicked.connect(self.editor.start_new)
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.editor.saved.connect(lambda _id: self.reload())
        context.relay.changed.connect(self._on_store_changed)
        self._load_segments()
        self.reload()

    def _load_segments(self) -> None:
        store = self._context.session.store

        def load(control: TaskControl) -> list[SavedSegment]:
            return list_segments(store)

        self._context.worker.submit(load, on_success=self.editor.set_segments)

    def reload(self) -> None:
        store, actor = self._context.session.store, self._context.session.actor
        today = date.today()

        def load(control: TaskControl) -> list[CampaignSummary]:
            return list_campaigns(store, actor, today)

        self._context.worker.submit(load, on_success=self._show, key="campaigns-page")

    def _show(self, summaries: list[CampaignSummary]) -> None:
        self.summaries = summaries
        self.table.setRowCount(len(summaries))
        for row, summary in enumerate(summaries):
            record = summary.record
            money = [record.get(name) for name in ("budget", "spend")]
            fill_row(
                self.table,
                row,
                [
                    record["name"],
                    channel_title(record["channel"]),
                    campaign_state_title(summary.state),
                    f"{format_date(record['starts_on'])} – {format_date(record['ends_on'])}",
                    *("" if value is None else format_number(value) for value in money),
                    str(record.get("expected_leads") or ""),
                    str(summary.leads_so_far),
                ],
            )

    @Slot()
    def _show_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.editor.show_campaign(self.summaries[rows[0].row()].record)

    @Slot(object)
    def _on_store_changed(self, changes: ChangeSet) -> None:
        if {"campaign", "lead"} & changes.entities():
            self.reload()
