"""Custom fields: the list of them, a form to add one (type, label, choices), relabel, retire.

Each button is one ``custom_fields`` service call on the worker. A refusal
(a choice field without choices, a taken name) is shown beside the input it
names and the admin's input stays, so it can be corrected.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contactdesk.services import custom_fields, rule_admin
from contactdesk.services.changes import ChangeSet
from contactdesk.services.field_catalog import CUSTOM_FIELD_TYPES, ENTITIES, GOVERNED_ENTITIES
from contactdesk.services.governance_records import GOVERNANCE_ENTITIES
from contactdesk.services.rule_admin import RuleRow
from ui.admin.access_levels import field_type_title
from ui.admin.admin_change import submit_admin_change
from ui.admin.listing_table import listing_table
from ui.core_text import core_text
from ui.database_worker import TaskControl
from ui.forms.inline_error import InlineError, with_inline_error
from ui.view_context import ViewContext

COLUMNS = ("entity", "name", "label", "type", "status")


def split_choices(text: str) -> list[str]:
    """Choices as typed, one per comma; the services trim and check them."""
    return [part for part in text.split(",") if part.strip()]


class CustomFieldEditor(QWidget):
    """Lists custom fields of every entity; adds, relabels, retires and restores them."""

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = context.session.store
        self._actor = context.session.actor
        self._worker = context.worker
        self._rows: list[RuleRow] = []

        self.table = listing_table(
            [
                self.tr("Record"),
                self.tr("Name"),
                self.tr("Label"),
                self.tr("Type"),
                self.tr("Status"),
            ],
            self.tr("Custom fields"),
        )
        self.table.itemSelectionChanged.connect(self._on_selection_changed)

        self.error = InlineError()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        forms = QHBoxLayout()
        forms.addWidget(self._build_add_form(), 3)
        forms.addWidget(self._build_change_form(), 2)
        layout.addLayout(forms)

        context.relay.changed.connect(self._on_store_changed)
        self.reload()

    def _build_add_form(self) -> QGroupBox:
        box = QGroupBox(self.tr("Add a custom field"))
        form = QFormLayout(box)
        self.entity_input = QComboBox()
        for name in GOVERNED_ENTITIES:
            self.entity_input.addItem(core_text(ENTITIES[name].label), name)
        self.name_input = QLineEdit()
        self.name_input.setPlaceholderText(self.tr("lower_case_name"))
        self.name_input.setAccessibleName(self.tr("Field name"))
        self.label_input = QLineEdit()
        self.label_input.setPlaceholderText(self.tr("As people read it (optional)"))
        self.label_input.setAccessibleName(self.tr("Field label"))
        self.type_input = QComboBox()
        for field_type in CUSTOM_FIELD_TYPES:
            self.type_input.addItem(field_type_title(field_type), field_type)
        self.choices_input = QLineEdit()
        self.choices_input.setPlaceholderText(self.tr("For choice fields: Gold, Silver, Bronze"))
        self.choices_input.setAccessibleName(self.tr("Choices"))
        self.add_errors = {
            "field.entity": InlineError(),
            "field.name": InlineError(),
            "field.label": InlineError(),
            "field.type": InlineError(),
            "field.choices": InlineError(),
        }
        rows = (
            (self.tr("Record"), self.entity_input, "field.entity"),
            (self.tr("Name"), self.name_input, "field.name"),
            (self.tr("Label"), self.label_input, "field.label"),
            (self.tr("Type"), self.type_input, "field.type"),
            (self.tr("Choices"), self.choices_input, "field.choices"),
        )
        for title, widget, error_name in rows:
            form.addRow(title, with_inline_error(widget, self.add_errors[error_name]))
        self.add_button = QPushButton(self.tr("Add field"))
        self.add_button.clicked.connect(self.add_field)
        form.addRow("", self.add_button)
        return box

    def _build_change_form(self) -> QGroupBox:
        box = QGroupBox(self.tr("Selected field"))
        form = QFormLayout(box)
        self.relabel_input = QLineEdit()
        self.relabel_input.setAccessibleName(self.tr("New label"))
        self.relabel_error = InlineError()
        self.relabel_button = QPushButton(self.tr("Rename"))
        self.relabel_button.clicked.connect(self.relabel_field)
        self.retire_button = QPushButton(self.tr("Retire (keeps the data)"))
        self.retire_button.clicked.connect(self.toggle_retired)
        form.addRow(self.tr("Label"), with_inline_error(self.relabel_input, self.relabel_error))
        buttons = QHBoxLayout()
        buttons.addWidget(self.relabel_button)
        buttons.addWidget(self.retire_button)
        form.addRow("", buttons)
        self._on_selection_changed()
        return box

    # -- reading --------------------------------------------------------------

    @Slot()
    def reload(self) -> None:
        store = self._store

        def read(control: TaskControl) -> list[RuleRow]:
            return [row for row in rule_admin.rule_matrix(store)[1] if not row.builtin]

        self._worker.submit(read, key=f"custom-fields-{id(self)}", on_success=self._show)

    def _show(self, rows: list[RuleRow]) -> None:
        selected = self.selected_field()
        self._rows = rows
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            status = self.tr("Retired") if row.retired else self.tr("In use")
            values = (
                core_text(ENTITIES[row.entity].label),
                row.field,
                row.label,
                field_type_title(row.type),
                status,
            )
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, (row.entity, row.field))
                self.table.setItem(index, column, item)
            if selected == (row.entity, row.field):
                self.table.selectRow(index)
        self._on_selection_changed()

    def field_rows(self) -> list[RuleRow]:
        return list(self._rows)

    def selected_field(self) -> tuple[str, str] | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        found = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return tuple(found) if found else None

    def _selected_row(self) -> RuleRow | None:
        chosen = self.selected_field()
        return next((r for r in self._rows if (r.entity, r.field) == chosen), None)

    @Slot()
    def _on_selection_changed(self) -> None:
        row = self._selected_row()
        for widget in (self.relabel_input, self.relabel_button, self.retire_button):
            widget.setEnabled(row is not None)
        self.relabel_error.clear_message()
        self.relabel_input.setText(row.label if row else "")
        retired = bool(row and row.retired)
        self.retire_button.setText(
            self.tr("Restore") if retired else self.tr("Retire (keeps the data)")
        )

    # -- changing -------------------------------------------------------------

    @Slot()
    def add_field(self) -> None:
        store, actor = self._store, self._actor
        entity = self.entity_input.currentData()
        name = self.name_input.text().strip()
        field_type = self.type_input.currentData()
        label = self.label_input.text().strip() or None
        choices = split_choices(self.choices_input.text())
        submit_admin_change(
            self._worker,
            lambda: custom_fields.add_custom_field(
                store, actor, entity, name, field_type, label=label, choices=choices
            ),
            self.error,
            field_errors=self.add_errors,
            on_done=self._on_added,
        )

    def _on_added(self, _changes: ChangeSet) -> None:
        for line in (self.name_input, self.label_input, self.choices_input):
            line.clear()
        self.reload()

    @Slot()
    def relabel_field(self) -> None:
        row = self._selected_row()
        if row is None:
            return
        store, actor, label = self._store, self._actor, self.relabel_input.text()
        submit_admin_change(
            self._worker,
            lambda: custom_fields.update_custom_field(
                store, actor, row.entity, row.field, label=label
            ),
            self.error,
            field_errors={"field.label": self.relabel_error},
            on_done=lambda _changes: self.reload(),
        )

    @Slot()
    def toggle_retired(self) -> None:
        row = self._selected_row()
        if row is None:
            return
        store, actor, retired = self._store, self._actor, not row.retired
        submit_admin_change(
            self._worker,
            lambda: custom_fields.update_custom_field(
                store, actor, row.entity, row.field, retired=retired
            ),
            self.error,
            on_done=lambda _changes: self.reload(),
        )

    @Slot(object)
    def _on_store_changed(self, changes: ChangeSet) -> None:
        if changes.entities() & GOVERNANCE_ENTITIES:
            self.reload()
