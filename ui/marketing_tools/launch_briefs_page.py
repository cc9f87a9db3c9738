"""Launch briefs: the brief's sections in a form, and readiness per sales team and per rep."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from contactdesk.marketing.launch_briefs import (
    BriefReadinessReport,
    brief_readiness,
    list_briefs,
    save_brief,
)
from contactdesk.services.changes import ChangeSet
from contactdesk.services.record_queries import Record
from ui.admin.listing_table import fill_row, listing_table
from ui.database_worker import TaskControl
from ui.locale_formats import format_date, localise_date_edit
from ui.view_context import ViewContext

# Brief sections shown as multi-line boxes, in the order a rep reads them.
SECTIONS = ("audience", "what_it_does", "value", "proof", "differentiators", "table_stakes")


class LaunchBriefsPage(QWidget):
    """Brief list, the brief form, and who is ready for it by team."""

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.briefs: list[Record] = []
        self.brief_id: str | None = None
        self.brief_list = QListWidget()
        self.brief_list.setAccessibleName(self.tr("Launch briefs"))
        self.new_button = QPushButton(self.tr("New brief"))
        self.title_input = QLineEdit()
        self.product_input = QLineEdit()
        self.starts_input = QDateEdit()
        self.starts_input.setCalendarPopup(True)
        localise_date_edit(self.starts_input)
        self.starts_input.setDate(QDate.currentDate())
        labels = {
            "audience": self.tr("Who it benefits"),
            "what_it_does": self.tr("What it does"),
            "value": self.tr("Saves time, money or pain"),
            "proof": self.tr("Proof"),
            "differentiators": self.tr("Differentiators"),
            "table_stakes": self.tr("Table stakes"),
        }
        self.sections: dict[str, QPlainTextEdit] = {}
        self.save_button = QPushButton(self.tr("Save brief"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.readiness_title = QLabel()
        self.readiness = listing_table(
            [
                self.tr("Team"),
                self.tr("Reps"),
                self.tr("Read"),
                self.tr("Ready"),
                self.tr("Not ready"),
            ],
            self.tr("Readiness per team"),
        )
        self.rep_readiness = listing_table(
            [self.tr("Rep"), self.tr("Team"), self.tr("Read"), self.tr("Ready")],
            self.tr("Readiness per rep"),
        )

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.new_button)
        left_layout.addWidget(self.brief_list)
        form_box = QWidget()
        form = QFormLayout(form_box)
        form.addRow(self.tr("Title"), self.title_input)
        form.addRow(self.tr("Product"), self.product_input)
        form.addRow(self.tr("Starts"), self.starts_input)
        for name in SECTIONS:
            box = QPlainTextEdit()
            box.setAccessibleName(labels[name])
            box.setMaximumHeight(64)
            self.sections[name] = box
            form.addRow(labels[name], box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)
        readiness_box = QGroupBox(self.tr("Readiness before the start"))
        readiness_layout = QVBoxLayout(readiness_box)
        readiness_layout.addWidget(self.readiness_title)
        readiness_layout.addWidget(self.readiness)
        readiness_layout.addWidget(self.rep_readiness)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(form_box)
        right_layout.addWidget(readiness_box)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)
        self.brief_list.currentRowChanged.connect(self._show_row)
        context.relay.changed.connect(self._on_store_changed)
        self.reload()

    def reload(self) -> None:
        store, actor = self._context.session.store, self._context.session.actor

        def load(control: TaskControl) -> list[Record]:
            return list_briefs(store, actor)

        self._context.worker.submit(load, on_success=self._show_briefs, key="briefs-page")

    def _show_briefs(self, briefs: list[Record]) -> None:
        self.briefs = briefs
        current = self.brief_id
        self.brief_list.clear()
        for brief in briefs:
            self.brief_list.addItem(QListWidgetItem(brief["title"]))
        ids = [brief["id"] for brief in briefs]
        if briefs:
            self.brief_list.setCurrentRow(ids.index(current) if current in ids else 0)

    @Slot(int)
    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self.briefs):
            self.show_brief(self.briefs[row])

    def show_brief(self, brief: Record) -> None:
        """Load a brief into the form and fetch its readiness."""
        self.brief_id = brief["id"]
        self.title_input.setText(brief["title"])
        self.product_input.setText(brief.get("product") or "")
        starts = brief.get("starts_on")
        if isinstance(starts, date):
            self.starts_input.setDate(QDate(starts.year, starts.month, starts.day))
        for name, box in self.sections.items():
            box.setPlainText(brief.get(name) or "")
        self._load_readiness(uuid.UUID(brief["id"]))

    def start_new(self) -> None:
        self.brief_id = None
        self.brief_list.clearSelection()
        for box in (self.title_input, self.product_input):
            box.clear()
        for section in self.sections.values():
            section.clear()
        self.readiness.setRowCount(0)
        self.rep_readiness.setRowCount(0)
        self.readiness_title.clear()

    def _load_readiness(self, brief_id: uuid.UUID) -> None:
        store, actor, today = self._context.session.store, self._context.session.actor, date.today()

        def load(control: TaskControl) -> BriefReadinessReport:
            return brief_readiness(store, actor, brief_id, today)

        self._context.worker.submit(load, on_success=self._show_readiness, key="brief-readiness")

    def _show_readiness(self, report: BriefReadinessReport) -> None:
        if report.days_to_start is None:
            title = self.tr("No start date set.")
        elif report.days_to_start >= 0:
            title = self.tr("%n day(s) before the start.", "", report.days_to_start)
        else:
            title = self.tr("Started %n day(s) ago.", "", -report.days_to_start)
        self.readiness_title.setText(title)
        self.readiness.setRowCount(len(report.teams))
        for row, team in enumerate(report.teams):
            fill_row(
                self.readiness,
                row,
                [
                    team.team,
                    str(team.reps),
                    str(team.read),
                    str(team.ready),
                    ", ".join(team.not_ready),
                ],
            )

        self.rep_readiness.setRowCount(len(report.reps))
        for row, rep in enumerate(report.reps):
            fill_row(
                self.rep_readiness,
                row,
                [rep.name, rep.team, self._when(rep.read_at), self._when(rep.ready_at)],
            )

    def _when(self, moment: datetime | None) -> str:
        return format_date(moment.astimezone().date()) if moment is not None else self.tr("not yet")

    def values(self) -> dict[str, Any]:
        day = self.starts_input.date()
        values: dict[str, Any] = {
            "title": self.title_input.text().strip(),
            "product": self.product_input.text().strip() or None,
            "starts_on": date(day.year(), day.month(), day.day()),
        }
        values.update(
            {name: box.toPlainText().strip() or None for name, box in self.sections.items()}
        )
        return values

    @Slot()
    def save(self) -> None:
        """Save the brief on the worker."""
        store, actor = self._context.session.store, self._context.session.actor
        values = self.values()
        brief_id = uuid.UUID(self.brief_id) if self.brief_id else None

        def run(control: TaskControl) -> uuid.UUID:
            return save_brief(store, actor, values, brief_id)

        self._context.worker.submit(
            run,
            on_success=self._saved,
            on_failure=lambda error: self.message.setText(str(error)),
        )

    def _saved(self, brief_id: uuid.UUID) -> None:
        self.brief_id = str(brief_id)
        self.message.setText(self.tr("Saved."))

    @Slot(object)
    def _on_store_changed(self, changes: ChangeSet) -> None:
        if {"launch_brief", "brief_readiness"} & changes.entities():
            self.reload()
