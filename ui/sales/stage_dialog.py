"""Move an opportunity to another funnel stage; won and lost ask for what they must capture.

The won panel (win story, after-sale owner) and the lost panel (reason,
competitor) show only when the chosen stage is won or lost; the service refuses
a move without them and the refusal shows inline. The after-sale owner starts
as the deal's owner; ``to_stage`` preselects the stage (a card dropped on the
pipeline board's won or lost column).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from contactdesk.model.selling import ORIGINS
from contactdesk.selling.contact_pipeline import OpenOpportunity
from contactdesk.selling.opportunity_progress import (
    LOST_REASONS,
    LossCapture,
    StageChoice,
    StageMove,
    WinCapture,
    move_opportunity,
    set_origin,
    stage_choices,
)
from contactdesk.services.directory import UserInfo, list_users
from ui.database_worker import TaskControl
from ui.sales.call_dialog import utc_now
from ui.style import set_role
from ui.undo_history import submit_undoable
from ui.view_context import ViewContext

Clock = Callable[[], datetime]


class StageDialog(QDialog):
    """Moves ``opportunity``; ``saved`` carries the StageMove."""

    saved = Signal(object)

    def __init__(
        self,
        context: ViewContext,
        opportunity: OpenOpportunity,
        *,
        clock: Clock = utc_now,
        to_stage: uuid.UUID | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._opportunity = opportunity
        self._to_stage = to_stage or opportunity.stage_id
        self._clock = clock
        self._stages: list[StageChoice] = []
        self.setWindowTitle(self.tr("Move “%1”").replace("%1", opportunity.name))

        self.stage = QComboBox()
        self.origin = QComboBox()
        self.origin.addItem(self.tr("(unchanged)"), None)
        labels = {"inbound": self.tr("Inbound (customer came to us)"),
                  "outbound": self.tr("Outbound (we went to them)")}  # fmt: skip
        for origin in ORIGINS:
            self.origin.addItem(labels.get(origin, origin), origin)
        form = QFormLayout()
        form.addRow(self.tr("&Stage"), self.stage)
        form.addRow(self.tr("&Origin"), self.origin)

        self.win_box = QGroupBox(self.tr("Won: tell marketing why"))
        self.win_story = QPlainTextEdit()
        self.win_story.setTabChangesFocus(True)
        self.win_story.setPlaceholderText(self.tr("A short win story: why they chose us"))
        self.win_story.setFixedHeight(80)
        self.after_sale_owner = QComboBox()
        win_form = QFormLayout(self.win_box)
        win_form.addRow(self.tr("&Win story"), self.win_story)
        win_form.addRow(self.tr("&After-sale owner"), self.after_sale_owner)

        self.loss_box = QGroupBox(self.tr("Lost: what happened"))
        self.lost_reason = QComboBox()
        self.lost_reason.setEditable(True)
        self.lost_reason.addItems(list(LOST_REASONS))
        self.lost_reason.setCurrentIndex(-1)
        self.competitor = QLineEdit()
        self.competitor.setPlaceholderText(self.tr("Who won it, if anyone"))
        loss_form = QFormLayout(self.loss_box)
        loss_form.addRow(self.tr("&Reason"), self.lost_reason)
        loss_form.addRow(self.tr("&Competitor"), self.competitor)

        self.message = QLabel()
        set_role(self.message, "error")
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.win_box)
        layout.addWidget(self.loss_box)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        # The dialog is as tall as what it asks: two drop-downs, or the win/loss questions
        # too (no empty area under the drop-downs; it grows when Won or Lost is chosen).
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        self.stage.setMinimumWidth(360)
        self.stage.currentIndexChanged.connect(self._show_capture)
        self._show_capture()
        self._load_choices()

    def _load_choices(self) -> None:
        store = self._context.session.store

        def load(control: TaskControl) -> tuple[list[StageChoice], list[UserInfo]]:
            return stage_choices(store), list_users(store)

        self._context.worker.submit(load, on_success=self._fill_choices)

    def _fill_choices(self, loaded: tuple[list[StageChoice], list[UserInfo]]) -> None:
        self._stages, users = loaded
        self.stage.blockSignals(True)
        for stage in self._stages:
            self.stage.addItem(stage.name, stage.id)
            if stage.id == self._to_stage:
                self.stage.setCurrentIndex(self.stage.count() - 1)
        self.stage.blockSignals(False)
        for user in users:
            self.after_sale_owner.addItem(user.display_name, user.id)
            if user.id == self._opportunity.owner_id:
                self.after_sale_owner.setCurrentIndex(self.after_sale_owner.count() - 1)
        self._show_capture()

    def chosen_stage(self) -> StageChoice | None:
        index = self.stage.currentIndex()
        return self._stages[index] if 0 <= index < len(self._stages) else None

    @Slot()
    def _show_capture(self) -> None:
        stage = self.chosen_stage()
        outcome = stage.outcome if stage else "open"
        self.win_box.setVisible(outcome == "won")
        self.loss_box.setVisible(outcome == "lost")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Ctrl+Enter reaching the dialog (the shortcut did not take it: no active window).
        control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if control and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.save()
            return
        super().keyPressEvent(event)

    @Slot()
    def save(self) -> None:
        stage = self.chosen_stage()
        if stage is None:
            return
        owner = self.after_sale_owner.currentData()
        win = (
            WinCapture(self.win_story.toPlainText(), owner)
            if stage.outcome == "won" and isinstance(owner, uuid.UUID)
            else None
        )
        loss = (
            LossCapture(self.lost_reason.currentText(), self.competitor.text())
            if stage.outcome == "lost"
            else None
        )
        origin = self.origin.currentData()
        store, actor = self._context.session.store, self._context.session.actor
        opportunity_id, now = self._opportunity.id, self._clock()

        def write() -> StageMove:
            if isinstance(origin, str):
                set_origin(store, actor, opportunity_id, origin)
            return move_opportunity(
                store, actor, opportunity_id, stage.id, now=now, win=win, loss=loss
            )

        self.buttons.setEnabled(False)
        # Undoable (Ctrl+Z) until the next sync sends the move.
        submit_undoable(
            self._context,
            self.tr("move %1 to %2")
            .replace("%1", self._opportunity.name)
            .replace("%2", stage.name),
            write,
            on_success=self._saved,
            on_failure=self._failed,
        )

    def _saved(self, move: StageMove) -> None:
        self.saved.emit(move)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        reason = getattr(error, "reason", None) or str(error)
        self.message.setText(self.tr("Not saved: %1").replace("%1", reason))
        self.message.show()
