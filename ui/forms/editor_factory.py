"""Which input each field type gets. New types: add a line to ``EDITORS``."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from contactdesk.services.field_catalog import FieldSpec
from ui.forms.choice_editors import BooleanEditor, ChoiceEditor, MultiChoiceEditor
from ui.forms.date_editors import DateEditor
from ui.forms.field_editor import FieldEditor
from ui.forms.number_editors import NumberEditor
from ui.forms.reference_editors import OptionLookup, ReferenceEditor, StageEditor
from ui.forms.reference_options import ReferenceOption
from ui.forms.text_editors import LineEditor, LongTextEditor

EDITORS: dict[str, type[FieldEditor]] = {
    "text": LineEditor,
    "email": LineEditor,
    "phone": LineEditor,
    "url": LineEditor,
    "list": LineEditor,
    "stage_list": LineEditor,
    "longtext": LongTextEditor,
    "number": NumberEditor,
    "money": NumberEditor,
    "integer": NumberEditor,
    "date": DateEditor,
    "datetime": DateEditor,
    "boolean": BooleanEditor,
    "choice": ChoiceEditor,
    "multi_choice": MultiChoiceEditor,
}


def editor_for(
    field: FieldSpec,
    options: Sequence[ReferenceOption] = (),
    lookup: OptionLookup | None = None,
    parent: QWidget | None = None,
) -> FieldEditor:
    """The input for ``field``; references get ``options`` and search through ``lookup``."""
    if field.type == "stage":
        return StageEditor(field, options, parent)
    if field.type == "reference":
        return ReferenceEditor(field, options, lookup, parent)
    return EDITORS.get(field.type, LineEditor)(field, parent)
