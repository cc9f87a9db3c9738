"""How a field's value reads in a cell or a detail panel, by field type, in the user's locale."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from contactdesk.services.field_catalog import FieldSpec
from contactdesk.services.record_queries import label_key
from ui.enum_titles import stored_word_title
from ui.locale_formats import format_date, format_moment, number_locale

# Types whose values are too long to read in a table cell; shown in the detail panel only.
DETAIL_ONLY_TYPES = frozenset({"longtext"})


def value_key(field: FieldSpec) -> str:
    """The record key holding what a person reads for ``field``.

    A reference shows the referenced record's title, which the services put under
    the field name without ``_id`` (``account_id`` -> ``account``).
    """
    if field.type == "reference":
        return label_key(field.name)
    return field.name


def display_text(field: FieldSpec, record: Mapping[str, Any]) -> str:
    return format_value(field.type, record.get(value_key(field)))


def format_value(field_type: str, value: Any) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, dt.datetime):
        return format_moment(value)
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("FieldDisplay", "Yes")
            if value
            else QCoreApplication.translate("FieldDisplay", "No")
        )
    locale = number_locale()
    if field_type == "money" and isinstance(value, int | float):
        return locale.toString(float(value), "f", 2)
    if isinstance(value, float):
        return locale.toString(value, "g", 12)
    if isinstance(value, int):
        return locale.toString(value)
    if field_type == "choice" and isinstance(value, str):
        return stored_word_title(value)  # "Follow-up", not ``follow_up``
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    return str(value)
