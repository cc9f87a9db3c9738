"""The contact form's list of additional values (second email, phone, address, web page).

Read on the database worker when the form opens; shown read-only under the
contact's own fields, each with its kind and label as the source file had it.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGroupBox, QListWidget, QVBoxLayout, QWidget

from contactdesk.services.actor import Actor
from contactdesk.services.additional_values import AdditionalValue, additional_values
from contactdesk.store import Store
from ui.database_worker import DatabaseWorker, TaskControl

CONTEXT = "AdditionalValuesPanel"
KIND_NAMES = {
    "email": QCoreApplication.translate(CONTEXT, "Email"),
    "phone": QCoreApplication.translate(CONTEXT, "Phone"),
    "address": QCoreApplication.translate(CONTEXT, "Address"),
    "url": QCoreApplication.translate(CONTEXT, "Web page"),
}


class AdditionalValuesPanel(QGroupBox):
    """A contact's additional values, one line each: ``Email (home): ann@home.example``."""

    def __init__(
        self,
        store: Store,
        actor: Actor,
        worker: DatabaseWorker,
        contact_id: uuid.UUID | str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Other emails, phones and addresses"))
        self.values = QListWidget()
        self.values.setAccessibleName(self.tr("Other emails, phones and addresses"))
        QVBoxLayout(self).addWidget(self.values)
        self.setVisible(False)
        key = uuid.UUID(str(contact_id))

        def load(control: TaskControl) -> list[AdditionalValue]:
            return additional_values(store, actor, key)

        load_key = f"additional-values-{id(self)}"
        # A dialog closed before the values arrive must not be filled after it is gone.
        self.destroyed.connect(lambda _object=None: worker.cancel(load_key))
        worker.submit(load, key=load_key, on_success=self._show)

    def _show(self, values: list[AdditionalValue]) -> None:
        self.values.clear()
        for item in values:
            kind = self.tr(KIND_NAMES.get(item.kind, item.kind))
            shown = item.value.replace("\n", ", ")
            text = (
                self.tr("%1 (%2): %3").replace("%2", item.label)
                if item.label
                else self.tr("%1: %3")
            )
            self.values.addItem(text.replace("%1", kind).replace("%3", shown))
        self.setVisible(bool(values))
