"""A record form generated from field definitions and the acting role's rules.

A hidden field is not in the form at all (the services never return it); a
read-only field is shown but takes no input; every other field gets the input
its type asks for. Loading and saving run on the database worker; a refused
save shows the service's message beside the field it names and keeps what the
user typed.

Embedding: ``RecordForm(store, actor, worker, entity, record_id)`` for an
existing record, ``record_id=None`` for a new one (``initial`` pre-fills it: the
account and contact a deal is created from, say). Connect ``saved`` to hear of
a committed change (its ChangeSet), ``loaded`` to know the fields are built.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.services.changes import ChangeSet
from contactdesk.services.field_catalog import FieldSpec
from contactdesk.services.governance_records import GOVERNANCE_ENTITIES
from contactdesk.store import Store
from ui.core_text import core_text
from ui.database_worker import DatabaseWorker, TaskControl
from ui.forms.editor_factory import editor_for
from ui.forms.error_target import error_field, error_text, field_part
from ui.forms.field_editor import FieldEditor
from ui.forms.form_definition import FormDefinition, load_form_definition
from ui.forms.inline_error import InlineError, with_inline_error
from ui.forms.reference_options import ReferenceOption, reference_options
from ui.store_changes import StoreChangeRelay
from ui.style import set_role


class RecordForm(QWidget):
    """One record's fields as ``actor`` may see and edit them. Lives on the UI thread."""

    loaded = Signal()
    saved = Signal(object)
    save_failed = Signal(str)

    def __init__(
        self,
        store: Store,
        actor: Actor,
        worker: DatabaseWorker,
        entity: str,
        record_id: uuid.UUID | str | None = None,
        *,
        read_only: bool = False,
        initial: Mapping[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store, self._actor, self._worker = store, actor, worker
        self.entity = entity
        self.record_id = None if record_id is None else str(record_id)
        self._read_only = read_only
        # Pre-filled values count as typed: a new record is saved with them.
        self._initial = dict(initial or {}) if record_id is None else {}
        self.definition: FormDefinition | None = None
        self.editors: dict[str, FieldEditor] = {}
        self.field_errors: dict[str, InlineError] = {}
        self.field_labels: dict[str, QLabel] = {}
        self.form_error = InlineError()
        self._fields_host = QWidget()
        self._form = QFormLayout(self._fields_host)
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form_error)
        layout.addWidget(self._fields_host)
        layout.addStretch(1)
        # Rules that arrive (an admin's edit, a sync) rebuild the form at once: a field
        # the role lost must not stay on screen until the form is reopened.
        self._relay = StoreChangeRelay(store, self)
        self._relay.changed.connect(self._on_store_changed)
        relay = self._relay
        self.destroyed.connect(lambda _object=None: relay.detach())
        # A form closed before its record arrives must not be built after it is gone.
        worker, self._load_key = self._worker, f"record-form-{id(self)}"
        key = self._load_key
        self.destroyed.connect(lambda _object=None: worker.cancel(key))
        self.reload()

    # -- public -------------------------------------------------------------

    @property
    def can_save(self) -> bool:
        """Whether anything in the form is editable for this role."""
        return bool(self.definition and self.definition.editable and not self._read_only)

    def field_names(self) -> list[str]:
        """The fields shown, in order."""
        return list(self.editors)

    def is_editable(self, name: str) -> bool:
        """Whether the role may edit ``name``; a read-only preview still shows the role's view."""
        return self.definition is not None and name in self.definition.editable

    def changed_values(self) -> dict[str, Any]:
        """What the user changed in fields the role may edit (nothing, in a read-only preview)."""
        if self._read_only:
            return {}
        return {
            name: editor.value()
            for name, editor in self.editors.items()
            if editor.is_dirty and self.is_editable(name)
        }

    @Slot()
    def reload(self) -> None:
        """Read fields, rules and the record again (after a rule change, say)."""
        store, actor, entity, record_id = self._store, self._actor, self.entity, self.record_id

        def load(control: TaskControl) -> FormDefinition:
            return load_form_definition(store, actor, entity, record_id)

        self._worker.submit(
            load, key=self._load_key, on_success=self._build, on_failure=self._show_load_error
        )

    @Slot()
    def save(self) -> None:
        """Write the changed fields in one unit of work, on the worker."""
        values = self.changed_values()
        self._clear_errors()
        if not values:
            return
        store, actor, entity, record_id = self._store, self._actor, self.entity, self.record_id

        def write(control: TaskControl) -> ChangeSet:
            if record_id is None:
                return unit_of_work.create(store, actor, entity, values)
            return unit_of_work.update(store, actor, entity, record_id, values)

        self._worker.submit(write, on_success=self._on_saved, on_failure=self._on_save_failed)

    # -- building -------------------------------------------------------------

    @Slot(object)
    def _on_store_changed(self, changes: ChangeSet) -> None:
        if changes.entities() & GOVERNANCE_ENTITIES:
            self.reload()

    def _build(self, definition: FormDefinition) -> None:
        # What the user typed survives a rebuild in the fields they may still edit.
        typed = {name: editor.value() for name, editor in self.editors.items() if editor.is_dirty}
        if not self.editors:
            typed = {**self._initial, **typed}
        self.definition = definition
        while self._form.rowCount():
            self._form.removeRow(0)
        self.editors.clear()
        self.field_errors.clear()
        self.field_labels.clear()
        for spec in definition.fields:
            self._add_row(definition, spec)
        for name, value in typed.items():
            if name in self.editors and self.is_editable(name):
                self.editors[name].set_value(value)
                self.editors[name].is_dirty = True
        self.loaded.emit()

    def _add_row(self, definition: FormDefinition, spec: FieldSpec) -> None:
        editor = editor_for(
            spec, definition.options.get(spec.name, ()), self._lookup_for(spec), parent=None
        )
        editor.set_value(definition.stored_value(spec))
        editable = self.is_editable(spec.name)
        editor.set_editable(editable)
        label_text = core_text(spec.label)
        text = self.tr("%1 *").replace("%1", label_text) if spec.required else label_text
        label = QLabel(text)
        label.setBuddy(editor.input_widget())
        if not editable:
            set_role(label, "muted")
            hint = self.tr("Read-only for your role")
            label.setToolTip(hint)
            editor.setToolTip(hint)
            editor.input_widget().setAccessibleDescription(hint)
        error = InlineError()
        self._form.addRow(label, with_inline_error(editor, error))
        self.editors[spec.name] = editor
        self.field_errors[spec.name] = error
        self.field_labels[spec.name] = label

    def _lookup_for(self, spec: FieldSpec) -> Any:
        if spec.type != "reference" or spec.target is None or not self.is_editable(spec.name):
            return None
        store, actor, target, key = self._store, self._actor, spec.target, f"lookup-{id(self)}"

        def lookup(text: str, deliver: Any) -> None:
            def find(control: TaskControl) -> list[ReferenceOption]:
                return reference_options(store, actor, target, text)

            self._worker.submit(find, key=f"{key}-{spec.name}", on_success=deliver)

        return lookup

    # -- outcomes -------------------------------------------------------------

    def _show_load_error(self, error: BaseException) -> None:
        self.form_error.show_message(str(error))

    def _on_saved(self, changes: ChangeSet) -> None:
        if self.record_id is None and changes.changes:
            self.record_id = str(changes.record_id)
        for editor in self.editors.values():
            editor.mark_clean()
        self.saved.emit(changes)

    def _on_save_failed(self, error: BaseException) -> None:
        # The typed input stays: only the message is added.
        name = field_part(error_field(error))
        target = self.field_errors.get(name or "")
        if target is not None:
            target.show_message(error_text(error))
            self.editors[name or ""].input_widget().setFocus()
        else:
            self.form_error.show_message(str(error))
        self.save_failed.emit(str(error))

    def _clear_errors(self) -> None:
        self.form_error.clear_message()
        for error in self.field_errors.values():
            error.clear_message()
