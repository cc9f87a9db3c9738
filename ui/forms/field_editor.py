"""What every generated input offers the record form: a value, editability, an edited signal.

Editors hold no rules: the form tells each one whether the role may edit it,
and the services coerce and validate what ``value()`` returns.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from contactdesk.services.field_catalog import FieldSpec


class FieldEditor(QWidget):
    """One field's input. ``edited`` fires on user changes only, never on ``set_value``."""

    edited = Signal()

    def __init__(self, field: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.is_dirty = False
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.edited.connect(self._mark_dirty)

    def value(self) -> Any:
        """What the user entered, as the services accept it; None when empty."""
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        """Show a stored value without counting it as an edit."""
        self.blockSignals(True)
        try:
            self._show(value)
        finally:
            self.blockSignals(False)
        self.is_dirty = False

    def set_editable(self, editable: bool) -> None:
        """Read-only inputs stay visible (and selectable where Qt allows) but take no input."""
        raise NotImplementedError

    def mark_clean(self) -> None:
        self.is_dirty = False

    def input_widget(self) -> QWidget:
        """The Qt widget the user types in (tests and focus use it)."""
        raise NotImplementedError

    def _show(self, value: Any) -> None:
        raise NotImplementedError

    def _mark_dirty(self) -> None:
        self.is_dirty = True
