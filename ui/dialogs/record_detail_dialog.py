"""A read-only view of one record, built from the fields the actor's role may see.

Generic on purpose: the editable forms generated from field definitions come
with issue 3; this shows every visible field as a label and its value.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from contactdesk.services.field_catalog import FieldSpec
from contactdesk.services.record_queries import Record
from ui.models.field_display import display_text


class RecordDetailDialog(QDialog):
    """Shows ``record`` field by field; fields absent for the role are simply not there."""

    def __init__(
        self,
        fields: Sequence[FieldSpec],
        record: Record,
        *,
        title_field: str = "display_name",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        title = str(record.get(title_field) or "")
        self.setWindowTitle(
            self.tr("Contact: %1").replace("%1", title) if title else self.tr("Contact")
        )
        self.setMinimumSize(460, 420)
        heading = QLabel(title)
        heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        heading.setVisible(bool(title))
        form_host = QWidget()
        form = QFormLayout(form_host)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.value_labels: dict[str, QLabel] = {}
        for field in fields:
            value = QLabel(display_text(field, record))
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(field.label)
            form.addRow(QLabel(field.label), value)
            self.value_labels[field.name] = value
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_host)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
