"""The rep's launch briefs: what launches, why it sells, and marking it read, then ready.

Reading a brief changes nothing: the rep marks it read (and later ready to
sell) with the buttons, and marketing sees that in its readiness table.
"""

from __future__ import annotations

import html
import uuid
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from contactdesk.marketing.launch_briefs import (
    RepBrief,
    briefs_for_rep,
    mark_brief_read,
    mark_brief_ready,
)
from contactdesk.services.changes import ChangeSet
from ui.database_worker import TaskControl
from ui.locale_formats import format_date
from ui.view_context import ViewContext

Clock = Callable[[], datetime]


class BriefReaderView(QWidget):
    """Current briefs on the left, the chosen one on the right with Read / Ready buttons."""

    def __init__(
        self, context: ViewContext, *, clock: Clock, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._clock = clock
        self.briefs: list[RepBrief] = []
        self.current: RepBrief | None = None
        self.brief_list = QListWidget()
        self.brief_list.setAccessibleName(self.tr("Launch briefs"))
        self.details = QTextBrowser()
        self.details.setAccessibleName(self.tr("The brief"))
        self.state = QLabel()
        self.read_button = QPushButton(self.tr("Mark &read"))
        self.ready_button = QPushButton(self.tr("I am read&y to sell it"))
        self.message = QLabel()

        buttons = QHBoxLayout()
        buttons.addWidget(self.state, 1)
        buttons.addWidget(self.read_button)
        buttons.addWidget(self.ready_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.details, 1)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.message)
        splitter = QSplitter()
        splitter.addWidget(self.brief_list)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.read_button.clicked.connect(self.mark_read)
        self.ready_button.clicked.connect(self.mark_ready)
        self.brief_list.currentRowChanged.connect(self._show_row)
        context.relay.changed.connect(self._on_store_changed)
        self._show_buttons(None)
        self.reload()

    def reload(self) -> None:
        store, actor = self._context.session.store, self._context.session.actor
        today = self._clock().astimezone().date()

        def load(control: TaskControl) -> list[RepBrief]:
            return briefs_for_rep(store, actor, today)

        self._context.worker.submit(load, on_success=self._show_briefs, key="rep-briefs")

    def _show_briefs(self, briefs: list[RepBrief]) -> None:
        current = self.current.brief["id"] if self.current is not None else None
        self.briefs = briefs
        blocked = self.brief_list.blockSignals(True)
        self.brief_list.clear()
        for item in briefs:
            self.brief_list.addItem(self._list_text(item))
        self.brief_list.blockSignals(blocked)
        ids = [item.brief["id"] for item in briefs]
        if not briefs:
            self.details.setHtml(self.tr("No launch briefs at the moment."))
            self._show_buttons(None)
            return
        row = ids.index(current) if current in ids else 0
        self.brief_list.setCurrentRow(row)
        self._show_row(row)

    def _list_text(self, item: RepBrief) -> str:
        starts = item.brief.get("starts_on")
        when = format_date(starts) if starts else self.tr("no date")
        if item.ready_at is not None:
            state = self.tr("ready")
        elif item.read_at is not None:
            state = self.tr("read")
        else:
            state = self.tr("unread")
        return f"{item.brief['title']} · {when} · {state}"

    @Slot(int)
    def _show_row(self, row: int) -> None:
        if not 0 <= row < len(self.briefs):
            return
        item = self.briefs[row]
        self.current = item
        brief = item.brief
        starts = brief.get("starts_on")
        sections = [
            (self.tr("Product"), brief.get("product")),
            (self.tr("Launches"), format_date(starts) if starts else None),
            (self.tr("Who it benefits"), brief.get("audience")),
            (self.tr("What it does"), brief.get("what_it_does")),
            (self.tr("Value: time, money or pain saved"), brief.get("value")),
            (self.tr("Proof"), brief.get("proof")),
            (self.tr("Differentiators"), brief.get("differentiators")),
            (self.tr("Table stakes"), brief.get("table_stakes")),
            (self.tr("Collateral"), ", ".join(item.collateral) or None),
        ]
        body = "".join(
            f"<h4>{html.escape(title)}</h4><p>{html.escape(str(text))}</p>"
            for title, text in sections
            if text
        )
        self.details.setHtml(f"<h3>{html.escape(brief['title'])}</h3>{body}")
        self._show_buttons(item)

    def _show_buttons(self, item: RepBrief | None) -> None:
        self.read_button.setEnabled(item is not None and item.read_at is None)
        self.ready_button.setEnabled(item is not None and item.ready_at is None)
        if item is None:
            self.state.clear()
        elif item.ready_at is not None:
            self.state.setText(self.tr("You are ready for this launch."))
        elif item.read_at is not None:
            self.state.setText(self.tr("Read; mark yourself ready when you can sell it."))
        else:
            self.state.setText(self.tr("Not read yet."))

    @Slot()
    def mark_read(self) -> None:
        self._mark(mark_brief_read)

    @Slot()
    def mark_ready(self) -> None:
        self._mark(mark_brief_ready)

    def _mark(self, action: Callable[..., ChangeSet]) -> None:
        if self.current is None:
            return
        store, actor = self._context.session.store, self._context.session.actor
        brief_id = uuid.UUID(self.current.brief["id"])

        def run(control: TaskControl) -> ChangeSet:
            return action(store, actor, brief_id)

        self._context.worker.submit(
            run,
            on_success=lambda _changes: self.reload(),
            on_failure=lambda error: self.message.setText(str(error)),
        )

    @Slot(object)
    def _on_store_changed(self, changes: ChangeSet) -> None:
        if changes.entities() & {"launch_brief", "brief_readiness", "collateral"}:
            self.reload()
