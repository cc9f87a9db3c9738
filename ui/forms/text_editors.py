"""Inputs for text-like fields: text, email, phone and url in a line, longtext in a box."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from contactdesk.services.field_catalog import FieldSpec
from ui.forms.field_editor import FieldEditor

LONG_TEXT_HEIGHT = 90


class LineEditor(FieldEditor):
    """A single line; email, phone and url are checked by the services on save."""

    def __init__(self, field: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.line = QLineEdit()
        self.line.setAccessibleName(field.label)
        if field.max_length:
            self.line.setMaxLength(field.max_length)
        self.line.textEdited.connect(self.edited)
        self._layout.addWidget(self.line)

    def value(self) -> Any:
        return self.line.text().strip() or None

    def _show(self, value: Any) -> None:
        self.line.setText("" if value is None else str(value))
        self.line.setCursorPosition(0)

    def set_editable(self, editable: bool) -> None:
        self.line.setReadOnly(not editable)

    def input_widget(self) -> QLineEdit:
        return self.line


class LongTextEditor(FieldEditor):
    """Several lines (notes)."""

    def __init__(self, field: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.box = QPlainTextEdit()
        self.box.setAccessibleName(field.label)
        self.box.setTabChangesFocus(True)
        self.box.setFixedHeight(LONG_TEXT_HEIGHT)
        self.box.textChanged.connect(self._on_text_changed)
        self._layout.addWidget(self.box)

    def _on_text_changed(self) -> None:
        if not self.signalsBlocked():
            self.edited.emit()

    def value(self) -> Any:
        return self.box.toPlainText().strip() or None

    def _show(self, value: Any) -> None:
        self.box.blockSignals(True)
        self.box.setPlainText("" if value is None else str(value))
        self.box.blockSignals(False)

    def set_editable(self, editable: bool) -> None:
        self.box.setReadOnly(not editable)

    def input_widget(self) -> QPlainTextEdit:
        return self.box
