"""The window's undo history: the user's last actions, undone with Ctrl+Z or "Undo".

A view writes an undoable action with ``submit_undoable``: the write runs on the
database worker inside ``contactdesk.services.undo.undoable`` and its ticket joins
the history. Edit → Undo (Ctrl+Z) and the "Undo" button of a confirmation both call
``undo_last``, which writes the inverse changes through the unit of work. After a
sync pushed the action, the core refuses and the history says why.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from contactdesk.services.undo import UndoTicket, undo, undoable
from ui.database_worker import TaskControl
from ui.style import set_role

# Enough to step back through a short burst of work; older actions are usually synced.
HISTORY_LENGTH = 20


class UndoHistory(QObject):
    """The undoable actions of one window, newest last."""

    changed = Signal()
    # What was undone (its label), or why it could not be.
    undone = Signal(str)
    refused = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tickets: list[UndoTicket] = []
        self._undoing = False

    def record(self, ticket: UndoTicket) -> None:
        if ticket.empty:
            return
        self._tickets = [*self._tickets, ticket][-HISTORY_LENGTH:]
        self.changed.emit()

    @property
    def last_label(self) -> str | None:
        return self._tickets[-1].label if self._tickets else None

    @property
    def can_undo(self) -> bool:
        return bool(self._tickets) and not self._undoing

    def undo_last(self, context: Any) -> None:
        """Undo the newest action on ``context``'s worker (a ViewContext)."""
        if not self.can_undo:
            return
        ticket = self._tickets.pop()
        self._undoing = True
        self.changed.emit()
        store, actor = context.session.store, context.session.actor

        def write(control: TaskControl) -> object:
            return undo(store, actor, ticket)

        def done(_result: object) -> None:
            self._undoing = False
            self.changed.emit()
            self.undone.emit(ticket.label)

        def failed(error: BaseException) -> None:
            self._undoing = False
            self.changed.emit()
            self.refused.emit(str(error))

        context.worker.submit(write, on_success=done, on_failure=failed)


def submit_undoable(
    context: Any,
    label: str,
    write: Callable[[], Any],
    *,
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None],
) -> None:
    """Run ``write`` on the worker as an undoable action called ``label``."""
    store, actor, history = context.session.store, context.session.actor, context.undo

    def run(control: TaskControl) -> tuple[Any, UndoTicket]:
        return undoable(store, actor, label, write)

    def succeeded(answer: tuple[Any, UndoTicket]) -> None:
        result, ticket = answer
        history.record(ticket)
        on_success(result)

    context.worker.submit(run, on_success=succeeded, on_failure=on_failure)


class UndoBar(QWidget):
    """A confirmation ("Lead rejected.") with an Undo button; hidden until shown."""

    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("&Undo"))
        self.undo_button.clicked.connect(self._undo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.undo_button)
        set_role(self.text, "success")
        context.undo.undone.connect(self._on_undone)
        context.undo.refused.connect(self._on_refused)
        self.hide()

    def confirm(self, message: str) -> None:
        self.text.setText(message)
        self.undo_button.show()
        self.undo_button.setEnabled(True)
        self.show()

    def _undo(self) -> None:
        self.undo_button.setEnabled(False)
        self._context.undo.undo_last(self._context)

    def _on_undone(self, label: str) -> None:
        if self.isVisible():
            self.text.setText(self.tr("Undone: %1").replace("%1", label))
            self.undo_button.hide()

    def _on_refused(self, reason: str) -> None:
        if self.isVisible():
            self.text.setText(self.tr("Not undone: %1").replace("%1", reason))
            self.undo_button.hide()
