"""Inputs for date and datetime fields, with a tick box for "no date" (Qt edits always hold one)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
from PySide6.QtWidgets import QCheckBox, QDateEdit, QDateTimeEdit, QWidget

from contactdesk.services.field_catalog import FieldSpec
from ui.forms.field_editor import FieldEditor
from ui.locale_formats import localise_date_edit


class DateEditor(FieldEditor):
    """A calendar date, or none when the box is unticked. datetime fields show local time."""

    def __init__(self, field: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.has_value = QCheckBox()
        self.has_value.setToolTip(self.tr("Untick for no date"))
        self.has_value.setAccessibleName(self.tr("%1 has a date").replace("%1", field.label))
        self.with_time = field.type == "datetime"
        self.edit: QDateTimeEdit = QDateTimeEdit() if self.with_time else QDateEdit()
        self.edit.setCalendarPopup(True)
        localise_date_edit(self.edit)
        self.edit.setAccessibleName(field.label)
        self.edit.setDate(QDate.currentDate())
        self.has_value.toggled.connect(self._on_toggled)
        self.has_value.clicked.connect(self.edited)
        self.edit.dateTimeChanged.connect(self._on_date_changed)
        self._layout.addWidget(self.has_value)
        self._layout.addWidget(self.edit)
        self._layout.addStretch(1)
        self._editable = True
        self._on_toggled(False)

    def _on_toggled(self, checked: bool) -> None:
        self.edit.setEnabled(checked and self._editable)

    def _on_date_changed(self) -> None:
        if not self.signalsBlocked():
            self.edited.emit()

    def value(self) -> Any:
        if not self.has_value.isChecked():
            return None
        if self.with_time:
            moment = self.edit.dateTime().toUTC().toPython()
            assert isinstance(moment, dt.datetime)
            return moment.replace(tzinfo=dt.UTC)
        return self.edit.date().toPython()

    def _show(self, value: Any) -> None:
        self.has_value.setChecked(value is not None)
        if isinstance(value, dt.datetime):
            zone = QTimeZone.utc() if value.tzinfo is not None else QTimeZone.systemTimeZone()
            moment = value.astimezone(dt.UTC) if value.tzinfo is not None else value
            self.edit.setDateTime(
                QDateTime(
                    QDate(moment.year, moment.month, moment.day),
                    QTime(moment.hour, moment.minute, moment.second),
                    zone,
                ).toLocalTime()
            )
        elif isinstance(value, dt.date):
            self.edit.setDate(QDate(value.year, value.month, value.day))

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        self.has_value.setEnabled(editable)
        self.edit.setReadOnly(not editable)
        self.edit.setEnabled(self.has_value.isChecked())

    def input_widget(self) -> QDateTimeEdit:
        return self.edit
