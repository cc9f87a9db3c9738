"""A dialog around a RecordForm: where the contact list (and any list) opens a record.

``RecordFormDialog(session, worker, "contact", record_id, parent=view).open()``
(``initial={...}`` pre-fills a new record);
Save writes the changed fields and closes, a refused save keeps the dialog open
with the message beside the field. An existing record has a second tab, its
history (from this device and, after a sync, every other), read when first shown.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from contactdesk.services.field_catalog import entity_spec
from ui.app_session import AppSession
from ui.core_text import core_text
from ui.database_worker import DatabaseWorker
from ui.forms.additional_values_panel import AdditionalValuesPanel
from ui.forms.record_form import RecordForm
from ui.recovery.record_history_panel import RecordHistoryPanel


class RecordFormDialog(QDialog):
    """Edits one record (or creates one, with ``record_id=None``) as the session's role."""

    def __init__(
        self,
        session: AppSession,
        worker: DatabaseWorker,
        entity: str,
        record_id: uuid.UUID | str | None = None,
        parent: QWidget | None = None,
        *,
        initial: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(parent)
        label = core_text(entity_spec(entity).label)
        self.setWindowTitle(self.tr("New %1").replace("%1", label) if record_id is None else label)
        self.setMinimumSize(520, 560)
        self.form = RecordForm(
            session.store, session.actor, worker, entity, record_id, initial=initial
        )
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.addWidget(self.form)
        self.additional: AdditionalValuesPanel | None = None
        if entity == "contact" and record_id is not None:
            # What an address book held beyond the contact's own columns (issue 22).
            self.additional = AdditionalValuesPanel(session.store, session.actor, worker, record_id)
            details_layout.addWidget(self.additional)
        scroll.setWidget(details)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.buttons.accepted.connect(self.form.save)
        self.buttons.rejected.connect(self.reject)
        self.form.saved.connect(self._on_saved)
        self.form.loaded.connect(self._on_loaded)
        self.history: RecordHistoryPanel | None = None
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Record"))
        self.tabs.addTab(scroll, self.tr("Details"))
        if record_id is not None:
            self.history = RecordHistoryPanel(session.store, session.actor, worker)
            self.history.setAccessibleName(self.tr("History"))
            self.history.tree.setAccessibleName(self.tr("Changes to this record"))
            self.tabs.addTab(self.history, self.tr("History"))
            # Read on first show only: most people open a record to look at or edit it.
            self.history.show_record_when_shown(entity, record_id)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)
        self._on_loaded()

    def show_history(self) -> None:
        """Switch to the History tab (reading the history if not read yet)."""
        if self.history is not None:
            self.tabs.setCurrentWidget(self.history)

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
                    .replace("%1", core_text(entity_spec(self.form.entity).label))
                    .replace("%2", str(title))
                )

    @Slot(object)
    def _on_saved(self, changes: object) -> None:
        self.accept()
