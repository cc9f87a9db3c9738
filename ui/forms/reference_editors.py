"""Inputs that point at another record: a searchable picker, and the funnel stage combo."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QWidget

from contactdesk.services.field_catalog import FieldSpec
from ui.forms.field_editor import FieldEditor
from ui.forms.reference_options import ReferenceOption

# Asks for options matching a text and calls back with them (on the UI thread).
OptionLookup = Callable[[str, Callable[[list[ReferenceOption]], None]], None]
LOOKUP_DELAY_MS = 200


class ReferenceEditor(FieldEditor):
    """An editable combo: pick from the offered records or type to search for others."""

    def __init__(
        self,
        field: FieldSpec,
        options: Sequence[ReferenceOption] = (),
        lookup: OptionLookup | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(field, parent)
        self._lookup = lookup
        self.combo = QComboBox()
        self.combo.setAccessibleName(field.label)
        self.combo.setEditable(lookup is not None)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._set_options(options)
        self.combo.activated.connect(self.edited)
        self._lookup_timer = QTimer(self)
        self._lookup_timer.setSingleShot(True)
        self._lookup_timer.setInterval(LOOKUP_DELAY_MS)
        self._lookup_timer.timeout.connect(self._start_lookup)
        line = self.combo.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("Type to search"))
            line.textEdited.connect(self._on_text_edited)
        self._layout.addWidget(self.combo, 1)

    def _set_options(self, options: Sequence[ReferenceOption]) -> None:
        current_id, current_text = self.combo.currentData(), self.combo.currentText()
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem("", None)
        for option in options:
            self.combo.addItem(option.label, option.id)
        if current_id is not None and self.combo.findData(current_id) < 0:
            self.combo.addItem(current_text, current_id)
        self.combo.blockSignals(False)

    def _on_text_edited(self, text: str) -> None:
        self.edited.emit()
        self._lookup_timer.start()

    def _start_lookup(self) -> None:
        if self._lookup is not None:
            self._lookup(self.combo.currentText(), self._show_matches)

    def _show_matches(self, options: list[ReferenceOption]) -> None:
        typed = self.combo.currentText()
        self._set_options(options)
        self.combo.setEditText(typed)

    def value(self) -> Any:
        text = self.combo.currentText().strip()
        if not text:
            return None
        index = self.combo.findText(text)
        if index >= 0 and self.combo.itemData(index) is not None:
            return self.combo.itemData(index)
        # Not one of the records: the services answer with a message naming the field.
        return text

    def _show(self, value: Any) -> None:
        record_id, label = value if isinstance(value, tuple) else (value, None)
        if record_id is None:
            self.combo.setCurrentIndex(0)
            return
        index = self.combo.findData(str(record_id))
        if index < 0:
            self.combo.addItem(label or str(record_id), str(record_id))
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(index)

    def set_editable(self, editable: bool) -> None:
        self.combo.setEnabled(editable)

    def input_widget(self) -> QComboBox:
        return self.combo


class StageEditor(ReferenceEditor):
    """The funnel's stages in order; no search, the funnel is short."""

    def __init__(
        self,
        field: FieldSpec,
        options: Sequence[ReferenceOption] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(field, options, None, parent)
