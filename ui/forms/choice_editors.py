"""Inputs for yes/no, one-of-a-list and several-of-a-list fields."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QListWidget, QListWidgetItem, QWidget

from contactdesk.services.field_catalog import FieldSpec
from ui.enum_titles import stored_word_title
from ui.forms.field_editor import FieldEditor

LIST_ROW_PADDING = 6
MAX_VISIBLE_CHOICES = 6


class BooleanEditor(FieldEditor):
    def __init__(self, field: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.box = QCheckBox()
        self.box.setAccessibleName(field.label)
        self.box.clicked.connect(self.edited)
        self._layout.addWidget(self.box)
        self._layout.addStretch(1)

    def value(self) -> Any:
        return self.box.isChecked()

    def _show(self, value: Any) -> None:
        self.box.setChecked(bool(value))

    def set_editable(self, editable: bool) -> None:
        self.box.setEnabled(editable)

    def input_widget(self) -> QCheckBox:
        return self.box


class ChoiceEditor(FieldEditor):
    """A combo of the field's choices, with an empty first entry for "none"."""

    def __init__(self, field: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.combo = QComboBox()
        self.combo.setAccessibleName(field.label)
        self.combo.addItem("", None)
        for choice in field.choices:
            self.combo.addItem(stored_word_title(choice), choice)
        self.combo.activated.connect(self.edited)
        self._layout.addWidget(self.combo, 1)

    def value(self) -> Any:
        return self.combo.currentData()

    def _show(self, value: Any) -> None:
        index = self.combo.findData(value)
        if index < 0 and value is not None:
            # A stored value no longer among the choices is still shown as it is.
            self.combo.addItem(stored_word_title(str(value)), value)
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(max(index, 0))

    def set_editable(self, editable: bool) -> None:
        self.combo.setEnabled(editable)

    def input_widget(self) -> QComboBox:
        return self.combo


class MultiChoiceEditor(FieldEditor):
    """A short list of tickable choices."""

    def __init__(self, field: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.choice_list = QListWidget()
        self.choice_list.setAccessibleName(field.label)
        for choice in field.choices:
            item = QListWidgetItem(choice)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.choice_list.addItem(item)
        rows = min(max(len(field.choices), 1), MAX_VISIBLE_CHOICES)
        row_height = self.choice_list.fontMetrics().height() + LIST_ROW_PADDING
        self.choice_list.setFixedHeight(rows * row_height + 2 * self.choice_list.frameWidth())
        self.choice_list.itemChanged.connect(self._on_item_changed)
        self._layout.addWidget(self.choice_list, 1)

    def _on_item_changed(self) -> None:
        if not self.signalsBlocked():
            self.edited.emit()

    def value(self) -> Any:
        return [
            self.choice_list.item(row).text()
            for row in range(self.choice_list.count())
            if self.choice_list.item(row).checkState() == Qt.CheckState.Checked
        ] or None

    def _show(self, value: Any) -> None:
        chosen = set(value or ())
        self.choice_list.blockSignals(True)
        for row in range(self.choice_list.count()):
            item = self.choice_list.item(row)
            checked = item.text() in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.choice_list.blockSignals(False)

    def set_editable(self, editable: bool) -> None:
        self.choice_list.setEnabled(editable)

    def input_widget(self) -> QListWidget:
        return self.choice_list
