"""Steps the sales-view tests share: save a record form, drop a deal card on a column."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from ui.forms.record_form_dialog import RecordFormDialog
from ui.sales.pipeline_board_view import PipelineBoardView


def save_form(qtbot: QtBot, dialog: RecordFormDialog) -> None:
    """Click Save and wait until the record is committed."""
    with qtbot.waitSignal(dialog.form.saved):
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )


def drop_card(board: PipelineBoardView, deal_id: uuid.UUID, stage_id: uuid.UUID) -> None:
    """Drop the deal's card on a column, as a mouse drag ends: the real drop handler runs."""
    card = board.card(deal_id)
    assert card is not None
    source = board.lists[card.stage_id]
    item = source.item(source.row_of(str(deal_id)))
    assert item is not None
    # Held here: the event does not own its mime data.
    mime = source.mimeData([item])
    board.lists[stage_id].dropEvent(
        QDropEvent(QPointF(10, 10), Qt.DropAction.MoveAction, mime,
                   Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    )  # fmt: skip
