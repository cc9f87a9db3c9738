"""The pipeline board: a column per funnel stage, a card per deal; drag a card to move it.

The board is read by ``pipeline_board`` on the database worker. Dropping a
card on an open stage moves the deal at once through ``move_opportunity``;
dropping it on a won or lost column opens the stage dialog on that stage, which
asks for what closing must capture (win story and after-sale owner, or reason
and competitor) and moves it through the same service. Double-click edits the
deal in the record form. Each column's header shows its count, total and
weighted total per currency, in the user's locale.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QMimeData, Qt, Signal, Slot
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from contactdesk.selling.contact_pipeline import OpenOpportunity
from contactdesk.selling.opportunity_progress import StageMove, move_opportunity
from contactdesk.selling.pipeline_board import BoardCard, BoardColumn, PipelineBoard, pipeline_board
from contactdesk.services.changes import ChangeSet
from ui.database_worker import TaskControl
from ui.forms.record_form_dialog import RecordFormDialog
from ui.locale_formats import format_date, format_money
from ui.sales.call_dialog import utc_now
from ui.sales.deal_dialogs import open_deal
from ui.sales.stage_dialog import StageDialog
from ui.style import set_role
from ui.undo_history import submit_undoable
from ui.view_context import ViewContext

Clock = Callable[[], datetime]
BOARD_TASK_KEY = "sales-pipeline-board"
DEAL_MIME_TYPE = "application/x-contactdesk-deal"
DealIdRole = Qt.ItemDataRole.UserRole + 1
COLUMN_WIDTH = 200
REFRESH_ENTITIES = frozenset({"opportunity", "account", "contact", "funnel_stage"})


class StageColumnList(QListWidget):
    """One column's cards. Drags carry the deal id; a drop elsewhere asks the board to move it."""

    deal_dropped = Signal(str, object)

    def __init__(self, stage_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage_id = stage_id
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setSpacing(3)
        # Cards wrap to the column's width: a sideways scroll bar per column reads badly.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        set_role(self, "cards")

    def mimeTypes(self) -> list[str]:
        return [DEAL_MIME_TYPE]

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:
        data = QMimeData()
        if items:
            data.setData(DEAL_MIME_TYPE, str(items[0].data(DealIdRole)).encode())
        return data

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(DEAL_MIME_TYPE):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(DEAL_MIME_TYPE):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        # The board moves the deal through the service and redraws; the widget moves nothing.
        deal_id = bytes(event.mimeData().data(DEAL_MIME_TYPE).data()).decode()
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        if deal_id and self.row_of(deal_id) < 0:
            self.deal_dropped.emit(deal_id, self.stage_id)

    def row_of(self, deal_id: str) -> int:
        for row in range(self.count()):
            item = self.item(row)
            if item is not None and item.data(DealIdRole) == deal_id:
                return row
        return -1


class PipelineBoardView(QWidget):
    """The board for the signed-in user; the filter narrows it to mine, my team, my territory."""

    def __init__(
        self, context: ViewContext, *, clock: Clock = utc_now, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._clock = clock
        self.board: PipelineBoard | None = None
        self.lists: dict[uuid.UUID, StageColumnList] = {}
        self.headers: dict[uuid.UUID, QLabel] = {}
        self.dialog: StageDialog | RecordFormDialog | None = None
        # A board closed while its read is on the worker must not be drawn after.
        worker, self._task_key = context.worker, f"{BOARD_TASK_KEY}-{id(self)}"
        key = self._task_key
        self.destroyed.connect(lambda _object=None: worker.cancel(key))

        self.filter = QComboBox()
        self.filter.setAccessibleName(self.tr("Show deals of"))
        self.filter.addItem(self.tr("My deals"), "mine")
        self.filter.addItem(self.tr("My team's deals"), "team")
        self.filter.addItem(self.tr("My territory's deals"), "territory")
        self.filter.currentIndexChanged.connect(lambda _index: self.refresh())
        self.summary = QLabel()
        self.message = QLabel()
        set_role(self.message, "error")
        self.message.setWordWrap(True)
        self.message.hide()
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Show:")))
        bar.addWidget(self.filter)
        bar.addSpacing(12)
        bar.addWidget(self.summary, 1)

        self._columns_host = QWidget()
        self._columns = QHBoxLayout(self._columns_host)
        self._columns.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._columns_host)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(scroll, 1)
        context.relay.changed.connect(self._on_store_changed)
        self.refresh()

    # -- loading --------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Read the board for the chosen filter (on the worker)."""
        store, actor, now = self._context.session.store, self._context.session.actor, self._clock()
        chosen = str(self.filter.currentData())

        def read(control: TaskControl) -> PipelineBoard:
            return pipeline_board(store, actor, filter=chosen, now=now)

        self._context.worker.submit(
            read, key=self._task_key, on_success=self._show_board, on_failure=self._show_problem
        )

    @Slot(object)
    def _on_store_changed(self, changes: ChangeSet) -> None:
        if changes.entities() & REFRESH_ENTITIES:
            self.refresh()

    # -- showing --------------------------------------------------------------------

    def _show_board(self, board: PipelineBoard) -> None:
        self.board = board
        if [c.stage_id for c in board.columns] != list(self.lists):
            self._build_columns(board.columns)
        for column in board.columns:
            self.headers[column.stage_id].setText(self._header_text(column))
            cards = self.lists[column.stage_id]
            cards.clear()
            for card in column.cards:
                item = QListWidgetItem(self._card_text(card))
                item.setData(DealIdRole, str(card.id))
                item.setToolTip(self.tr("Drag to another stage; double-click to edit"))
                cards.addItem(item)
        open_count = sum(c.count for c in board.columns if c.outcome == "open")
        self.summary.setText(self.tr("%1 open deal(s)").replace("%1", str(open_count)))

    def _build_columns(self, columns: list[BoardColumn]) -> None:
        while self._columns.count():
            item = self._columns.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.lists.clear()
        self.headers.clear()
        for column in columns:
            frame = QFrame()
            frame.setFrameShape(QFrame.Shape.StyledPanel)
            frame.setFixedWidth(COLUMN_WIDTH)
            header = QLabel()
            header.setWordWrap(True)
            header.setTextFormat(Qt.TextFormat.RichText)
            cards = StageColumnList(column.stage_id)
            cards.setAccessibleName(self.tr("Deals in %1").replace("%1", column.name))
            cards.deal_dropped.connect(self.move_deal)
            cards.itemActivated.connect(self._edit_item)
            box = QVBoxLayout(frame)
            box.addWidget(header)
            box.addWidget(cards, 1)
            self._columns.addWidget(frame)
            self.lists[column.stage_id] = cards
            self.headers[column.stage_id] = header
        self._columns.addStretch(1)

    def _header_text(self, column: BoardColumn) -> str:
        money = "<br>".join(
            self.tr("%1 · weighted %2")
            .replace("%1", format_money(total.total, total.currency))
            .replace("%2", format_money(total.weighted, total.currency))
            for total in column.totals
        )
        return (
            self.tr("<b>%1</b> (%2)<br>%3")
            .replace("%1", column.name)
            .replace("%2", str(column.count))
            .replace("%3", money or self.tr("no amounts"))
        )

    def _card_text(self, card: BoardCard) -> str:
        lines = [card.name]
        company = " · ".join(part for part in (card.account_name, card.contact_name) if part)
        if company:
            lines.append(company)
        facts = []
        if card.amount is not None:
            facts.append(format_money(card.amount, card.currency))
        if card.expected_close is not None:
            facts.append(self.tr("closes %1").replace("%1", format_date(card.expected_close)))
        if card.owner_name:
            facts.append(card.owner_name)
        if facts:
            lines.append(" · ".join(facts))
        return "\n".join(lines)

    def _show_problem(self, error: BaseException) -> None:
        reason = getattr(error, "reason", None) or str(error)
        self.message.setText(self.tr("Not moved: %1").replace("%1", reason))
        self.message.show()

    # -- moving ---------------------------------------------------------------------

    def card(self, deal_id: uuid.UUID | str) -> BoardCard | None:
        if self.board is None:
            return None
        wanted = uuid.UUID(str(deal_id))
        for column in self.board.columns:
            for card in column.cards:
                if card.id == wanted:
                    return card
        return None

    @Slot(str, object)
    def move_deal(self, deal_id: str, stage_id: uuid.UUID) -> None:
        """A card dropped on ``stage_id``: move it, asking first if the stage closes the deal."""
        card, board = self.card(deal_id), self.board
        if card is None or board is None:
            return
        self.message.hide()
        target = board.column(stage_id)
        if target.outcome != "open":
            self._ask_and_move(card, target)
            return
        store, actor, now = self._context.session.store, self._context.session.actor, self._clock()

        def move() -> StageMove:
            return move_opportunity(store, actor, card.id, stage_id, now=now)

        # Undoable (Ctrl+Z) until the next sync sends the move.
        submit_undoable(
            self._context,
            self.tr("move %1 to %2").replace("%1", card.name).replace("%2", target.name),
            move,
            on_success=self._moved,
            on_failure=self._show_problem,
        )

    def _ask_and_move(self, card: BoardCard, target: BoardColumn) -> None:
        board = self.board
        assert board is not None
        current = board.column(card.stage_id)
        deal = OpenOpportunity(
            card.id, card.name, card.stage_id, current.name, card.product, card.amount,
            card.currency, card.owner_id,
        )  # fmt: skip
        self.dialog = StageDialog(
            self._context, deal, clock=self._clock, to_stage=target.stage_id, parent=self
        )
        self.dialog.saved.connect(self._moved)
        self.dialog.open()

    def _moved(self, _move: StageMove) -> None:
        # The relay's change notice refreshes too; refreshing here keeps an immediate worker exact.
        self.refresh()

    @Slot(QListWidgetItem)
    def _edit_item(self, item: QListWidgetItem) -> None:
        self.dialog = open_deal(self._context, self, str(item.data(DealIdRole)))
