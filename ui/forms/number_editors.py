"""Inputs for numbers: a validated line, so that "no value" stays possible (a spin box has none)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QDoubleValidator, QIntValidator
from PySide6.QtWidgets import QLineEdit, QWidget

from contactdesk.services.field_catalog import FieldSpec
from ui.forms.field_editor import FieldEditor

NUMBER_WIDTH = 160
MONEY_DECIMALS = 2
NUMBER_DECIMALS = 6


class NumberEditor(FieldEditor):
    """number, money (two decimals) and integer; typed with a dot, checked again on save."""

    def __init__(self, field: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.line = QLineEdit()
        self.line.setAccessibleName(field.label)
        self.line.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.line.setMaximumWidth(NUMBER_WIDTH)
        if field.type == "integer":
            validator: QIntValidator | QDoubleValidator = QIntValidator(self.line)
        else:
            validator = QDoubleValidator(self.line)
            validator.setNotation(QDoubleValidator.Notation.StandardNotation)
            validator.setDecimals(MONEY_DECIMALS if field.type == "money" else NUMBER_DECIMALS)
        # The services read numbers with a dot; the validator must accept the same.
        validator.setLocale(QLocale.c())
        self.line.setValidator(validator)
        self.line.textEdited.connect(self.edited)
        self._layout.addWidget(self.line)
        self._layout.addStretch(1)

    def value(self) -> Any:
        return self.line.text().strip() or None

    def _show(self, value: Any) -> None:
        if value is None:
            self.line.setText("")
        elif self.field.type == "money":
            self.line.setText(f"{float(value):.2f}")
        elif isinstance(value, float) and value.is_integer():
            self.line.setText(str(int(value)))
        else:
            self.line.setText(str(value))

    def set_editable(self, editable: bool) -> None:
        self.line.setReadOnly(not editable)

    def input_widget(self) -> QLineEdit:
        return self.line
