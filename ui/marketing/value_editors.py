"""The value widget of a segment condition, chosen by the field's value type.

Each editor turns what the user picked into the JSON value a definition holds;
checking that value is the compiler's job, not the widget's.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QDoubleSpinBox,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QSpinBox,
    QToolButton,
    QWidget,
)

from ui.locale_formats import localise_date_edit

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
        self.edit = self._make_edit()
        self.edit.setPlaceholderText(self.tr("value, value, …") if many else self.tr("value"))
        self.edit.textChanged.connect(self.changed)

    def _make_edit(self) -> QLineEdit:
        edit = QLineEdit()
        self.row.addWidget(edit)
        return edit

    def value(self) -> Any:
        text = self.edit.text()
        if self._many:
            return [part.strip() for part in text.split(",") if part.strip()]
        return text

    def set_value(self, value: Any) -> None:
        items = value if isinstance(value, list) else [value]
        self.edit.setText(", ".join(str(item) for item in items if item is not None))


class KnownTextValue(TextValue):
    """Free text with the field's known values to pick from (they arrive from the worker).

    For "is" / "is not", an editable drop-down: pick a value or type another. For
    "is one of", comma-separated text and a "Pick" menu that adds a value to it.
    """

    def __init__(self, many: bool, parent: QWidget | None = None) -> None:
        self.known: list[str] = []
        self.combo: QComboBox | None = None
        self.pick_button: QToolButton | None = None
        super().__init__(many, parent)

    def _make_edit(self) -> QLineEdit:
        if self._many:
            edit = QLineEdit()
            self.pick_button = QToolButton()
            self.pick_button.setText(self.tr("Pick"))
            self.pick_button.setToolTip(self.tr("Add a value this field holds"))
            self.pick_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            self.pick_button.setEnabled(False)
            self.row.addWidget(edit, 1)
            self.row.addWidget(self.pick_button)
            return edit
        self.combo = QComboBox()
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.setAccessibleName(self.tr("Value"))
        self.row.addWidget(self.combo, 1)
        line = self.combo.lineEdit()
        assert line is not None
        return line

    def set_known_values(self, values: list[str]) -> None:
        """Offer ``values`` (the field's known values) without changing what is typed."""
        self.known = list(values)
        typed = self.edit.text()
        if self.combo is not None:
            self.combo.blockSignals(True)
            self.combo.clear()
            self.combo.addItems(self.known)
            self.combo.setCurrentIndex(-1)
            self.combo.blockSignals(False)
            self.edit.setText(typed)
            completer = QCompleter(self.known, self.combo)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            self.combo.setCompleter(completer)
        if self.pick_button is not None:
            menu = QMenu(self.pick_button)
            for value in self.known:
                action = menu.addAction(value)
                action.triggered.connect(partial(self.add_value, value))
            self.pick_button.setMenu(menu)
            self.pick_button.setEnabled(bool(self.known))

    def add_value(self, value: str) -> None:
        """Pick ``value``: it becomes the value, or joins the list for "is one of"."""
        if not self._many:
            self.edit.setText(value)
            return
        current = self.value()
        if value not in current:
            self.edit.setText(", ".join([*current, value]))


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
    localise_date_edit(edit)
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


def make_value_editor(
    value_type: str, op: str, choices: tuple[str, ...], known_values: bool = False
) -> ValueEditor | None:
    """The editor for ``value_type`` under ``op``; None when the operator takes no value.

    ``known_values``: the field's values can be listed, so "is", "is not" and "is
    one of" offer them (``KnownTextValue``; the caller loads them).
    """
    if op in ("empty", "filled"):
        return None
    if value_type == "text" and known_values and op in ("eq", "ne", "in"):
        return KnownTextValue(many=op == "in")
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
