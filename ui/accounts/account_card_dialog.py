"""An account's card in a window of its own: where a contact card opens its company."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from ui.accounts.account_card_widget import AccountCardWidget
from ui.view_context import ViewContext


class AccountCardDialog(QDialog):
    """Shows ``account_id``'s card; closes itself when the account is deleted from it."""

    def __init__(
        self, context: ViewContext, account_id: uuid.UUID | str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Account"))
        self.card = AccountCardWidget(context)
        self.card.deleted.connect(self.accept)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.card, 1)
        layout.addWidget(buttons)
        self.resize(1100, 680)
        self.card.load(account_id)
