"""A dialog around a RecordForm: where the contact list (and any list) opens a record.

``RecordFormDialog(session, worker, "contact", record_id, parent=view).open()``;
Save writes the changed fields and closes, a refused save keeps the dialog open
with the message beside the field.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QScrollArea, QVBoxLayout, QWidget

from contactdesk.services.field_catalog import entity_spec
from ui.app_session import AppSession
from ui.database_worker import DatabaseWorker
from ui.forms.record_form import RecordForm


class RecordFormDialog(QDialog):
    """Edits one record (or creates one, with ``record_id=None``) as the session's role."""

    def __init__(
        self,
        session: AppSession,
        worker: DatabaseWorker,
        entity: str,
        record_id: uuid.UUID | str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        label = entity_spec(entity).label
        self.setWindowTitle(self.tr("New %1").replace("%1", label) if record_id is None else label)
        self.setMinimumSize(520, 560)
        self.form = RecordForm(session.store, session.actor, worker, entity, record_id)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.buttons.accepted.connect(self.form.save)
        self.buttons.rejected.connect(self.reject)
        self.form.saved.connect(self._on_saved)
        self.form.loaded.connect(self._on_loaded)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(self.buttons)
        self._on_loaded()

    @Slot()
    def _on_loaded(self) -> None:
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setVisible(self.form.can_save)
        definition = self.form.definition
        if definition is not None and definition.record is not None:
            title = definition.record.get(entity_spec(self.form.entity).title_field)
            if title:
                self.setWindowTitle(
                    self.tr("%1: %2")
                    .replace("%1", entity_spec(self.form.entity).label)
                    .replace("%2", str(title))
                )

    @Slot(object)
    def _on_saved(self, changes: object) -> None:
        self.accept()
