"""The value widget of a segment condition, chosen by the field's value type.

Each editor turns what the user picked into the JSON value a definition holds;
checking that value is the compiler's job, not the widget's.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

DEFAULT_DAYS = 30


class ValueEditor(QWidget):
    """Base: a widget with ``value()`` and a ``changed`` signal."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        """Show a stored value (reopening a saved segment)."""


class TextValue(ValueEditor):
    """Free text; for "is one of", comma-separated values."""

    def __init__(self, many: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._many = many
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("value, value, …") if many else self.tr("value"))
        self.edit.textChanged.connect(self.changed)
        self.row.addWidget(self.edit)

    def value(self) -> Any:
        text = self.edit.text()
        if self._many:
            return [part.strip() for part in text.split(",") if part.strip()]
        return text

    def set_value(self, value: Any) -> None:
        items = value if isinstance(value, list) else [value]
        self.edit.setText(", ".join(str(item) for item in items if item is not None))


class NumberValue(ValueEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spin = QDoubleSpinBox()
        self.spin.setRange(-1e12, 1e12)
        self.spin.setDecimals(2)
        self.spin.valueChanged.connect(self.changed)
        self.row.addWidget(self.spin)

    def value(self) -> Any:
        number = self.spin.value()
        return int(number) if number == int(number) else number

    def set_value(self, value: Any) -> None:
        if isinstance(value, int | float):
            self.spin.setValue(float(value))


class DaysValue(ValueEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spin = QSpinBox()
        self.spin.setRange(0, 3650)
        self.spin.setValue(DEFAULT_DAYS)
        self.spin.setSuffix(self.tr(" days"))
        self.spin.valueChanged.connect(self.changed)
        self.row.addWidget(self.spin)

    def value(self) -> Any:
        return self.spin.value()

    def set_value(self, value: Any) -> None:
        if isinstance(value, int):
            self.spin.setValue(value)


def _date_edit(days_back: int) -> QDateEdit:
    edit = QDateEdit(QDate.currentDate().addDays(-days_back))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class DateValue(ValueEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = _date_edit(0)
        self.edit.dateChanged.connect(self.changed)
        self.row.addWidget(self.edit)

    def value(self) -> Any:
        return self.edit.date().toString("yyyy-MM-dd")


class PeriodValue(ValueEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start = _date_edit(90)
        self.end = _date_edit(0)
        for edit in (self.start, self.end):
            edit.dateChanged.connect(self.changed)
            self.row.addWidget(edit)

    def value(self) -> Any:
        return {
            "from": self.start.date().toString("yyyy-MM-dd"),
            "to": self.end.date().toString("yyyy-MM-dd"),
        }


class ChoiceValue(ValueEditor):
    """One of a list (choices, campaigns, stages, yes/no); ``as_list`` for "is one of"."""

    def __init__(
        self, choices: list[tuple[str, Any]], as_list: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._as_list = as_list
        self.combo = QComboBox()
        for label, data in choices:
            self.combo.addItem(label, data)
        self.combo.currentIndexChanged.connect(self.changed)
        self.row.addWidget(self.combo)

    def value(self) -> Any:
        data = self.combo.currentData()
        return [data] if self._as_list else data

    def set_value(self, value: Any) -> None:
        wanted = value[0] if isinstance(value, list) and value else value
        index = self.combo.findData(wanted)
        if index >= 0:
            self.combo.setCurrentIndex(index)


def make_value_editor(value_type: str, op: str, choices: tuple[str, ...]) -> ValueEditor | None:
    """The editor for ``value_type`` under ``op``; None when the operator takes no value."""
    if op in ("empty", "filled"):
        return None
    if value_type in ("choice", "multi_choice", "campaign", "stage") and choices:
        return ChoiceValue([(choice, choice) for choice in choices], as_list=op == "in")
    if value_type == "boolean":
        editor = ChoiceValue([], as_list=False)
        editor.combo.addItem(editor.tr("yes"), True)
        editor.combo.addItem(editor.tr("no"), False)
        return editor
    if value_type == "number":
        return NumberValue()
    if value_type == "days":
        return DaysValue()
    if value_type == "date":
        return DateValue()
    if value_type == "period":
        return PeriodValue()
    return TextValue(many=op == "in")
