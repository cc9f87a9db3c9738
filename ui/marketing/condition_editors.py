"""Editors for one condition and for a nested AND/OR group of them.

They hold no rules: the fields and operators offered come from
``segment_fields`` (what the role may use), and each editor only turns the
user's picks into definition nodes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contactdesk.segments.segment_definition import (
    FieldCondition,
    Group,
    Node,
    RelatedCondition,
)
from contactdesk.segments.segment_fields import SegmentField
from ui.marketing.value_editors import KnownTextValue, ValueEditor, make_value_editor

# Asks for a field's known values: (segment field key, receiver of the values).
ValuesLoader = Callable[[str, Callable[[list[str]], None]], None]


def operator_labels(widget: QWidget) -> dict[str, str]:
    """How each operator reads in the builder."""
    return {
        "eq": widget.tr("is"),
        "ne": widget.tr("is not"),
        "lt": widget.tr("is less than"),
        "le": widget.tr("is at most"),
        "gt": widget.tr("is more than"),
        "ge": widget.tr("is at least"),
        "contains": widget.tr("contains"),
        "startswith": widget.tr("starts with"),
        "in": widget.tr("is one of"),
        "empty": widget.tr("is empty"),
        "filled": widget.tr("is filled in"),
        "within": widget.tr("within the last"),
        "between": widget.tr("between"),
    }


class ConditionEditor(QFrame):
    """Field picker, operator and value widget for one condition."""

    changed = Signal()
    remove_requested = Signal(QWidget)

    def __init__(
        self,
        fields: list[SegmentField],
        values_loader: ValuesLoader | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._fields = {field.key: field for field in fields}
        self._values_loader = values_loader
        self._value: ValueEditor | None = None
        self.field_box = QComboBox()
        self.field_box.setAccessibleName(self.tr("Field"))
        for field in fields:
            self.field_box.addItem(f"{self.tr(field.group)}: {field.label}", field.key)
        self.op_box = QComboBox()
        self.op_box.setAccessibleName(self.tr("Operator"))
        self.value_slot = QHBoxLayout()
        remove = QPushButton(self.tr("Remove"))
        remove.setAccessibleName(self.tr("Remove condition"))
        remove.clicked.connect(lambda: self.remove_requested.emit(self))
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 2, 4, 2)
        row.addWidget(self.field_box, 3)
        row.addWidget(self.op_box, 2)
        row.addLayout(self.value_slot, 3)
        row.addWidget(remove)
        self.field_box.currentIndexChanged.connect(self._field_changed)
        self.op_box.currentIndexChanged.connect(self._op_changed)
        self._field_changed()

    def field(self) -> SegmentField:
        return self._fields[str(self.field_box.currentData())]

    def select(self, key: str, op: str | None = None) -> ValueEditor | None:
        """Pick a field (and operator) as a user would; returns the value editor shown."""
        self.field_box.setCurrentIndex(self.field_box.findData(key))
        if op is not None:
            self.op_box.setCurrentIndex(self.op_box.findData(op))
        return self._value

    @property
    def value_editor(self) -> ValueEditor | None:
        return self._value

    def _field_changed(self) -> None:
        labels = operator_labels(self)
        self.op_box.blockSignals(True)
        self.op_box.clear()
        for op in self.field().ops:
            self.op_box.addItem(labels.get(op, op), op)
        self.op_box.blockSignals(False)
        self._op_changed()

    def _op_changed(self) -> None:
        if self._value is not None:
            # Hide and unhook at once: deleteLater alone leaves the old widget
            # on screen until the event loop runs again.
            self.value_slot.removeWidget(self._value)
            self._value.hide()
            self._value.deleteLater()
            self._value = None
        field = self.field()
        self._value = make_value_editor(
            field.value_type, self.op(), field.choices, field.known_values
        )
        if self._value is not None:
            self._value.changed.connect(self.changed)
            self.value_slot.addWidget(self._value)
        if isinstance(self._value, KnownTextValue) and self._values_loader is not None:
            self._values_loader(field.key, self._value.set_known_values)
        self.changed.emit()

    def op(self) -> str:
        return str(self.op_box.currentData())

    def is_complete(self) -> bool:
        """False while the value is still blank: such a row does not filter yet."""
        return self._value is None or self._value.value() not in ("", [])

    def node(self) -> Node:
        field = self.field()
        value = None if self._value is None else self._value.value()
        if field.related:
            return RelatedCondition(field.key, self.op(), value)
        return FieldCondition(field.key, self.op(), value)


class GroupEditor(QFrame):
    """ "Match all / any of": conditions and nested groups, with buttons to add more."""

    changed = Signal()
    remove_requested = Signal(QWidget)

    def __init__(
        self,
        fields: list[SegmentField],
        *,
        nested: bool = False,
        values_loader: ValuesLoader | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._fields = fields
        self._values_loader = values_loader
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.match_box = QComboBox()
        self.match_box.setAccessibleName(self.tr("Combine conditions"))
        self.match_box.addItem(self.tr("Match ALL of (and)"), "all")
        self.match_box.addItem(self.tr("Match ANY of (or)"), "any")
        self.match_box.currentIndexChanged.connect(self.changed)
        add_condition = QPushButton(self.tr("+ Condition"))
        add_condition.clicked.connect(lambda: self.add_condition())
        add_group = QPushButton(self.tr("+ Group"))
        add_group.clicked.connect(lambda: self.add_group())
        header = QHBoxLayout()
        header.addWidget(self.match_box)
        header.addStretch(1)
        header.addWidget(add_condition)
        header.addWidget(add_group)
        if nested:
            remove = QPushButton(self.tr("Remove group"))
            remove.clicked.connect(lambda: self.remove_requested.emit(self))
            header.addWidget(remove)
        self.items_layout = QVBoxLayout()
        self.items_layout.setContentsMargins(16, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(self.items_layout)
        # Rows stay packed at the top however tall the scroll area makes the group.
        layout.addStretch(1)
        self.items: list[ConditionEditor | GroupEditor] = []

    def set_match(self, match: str) -> None:
        self.match_box.setCurrentIndex(self.match_box.findData(match))

    def add_condition(self) -> ConditionEditor:
        editor = ConditionEditor(self._fields, self._values_loader)
        self._add(editor)
        return editor

    def add_group(self) -> GroupEditor:
        editor = GroupEditor(self._fields, nested=True, values_loader=self._values_loader)
        self._add(editor)
        return editor

    def _add(self, editor: ConditionEditor | GroupEditor) -> None:
        editor.changed.connect(self.changed)
        editor.remove_requested.connect(self._remove)
        self.items.append(editor)
        self.items_layout.addWidget(editor)
        self.changed.emit()

    def _remove(self, editor: QWidget) -> None:
        self.items = [item for item in self.items if item is not editor]
        self.items_layout.removeWidget(editor)
        editor.hide()
        editor.deleteLater()
        self.changed.emit()

    def load(self, group: Group) -> None:
        """Rebuild the editors from a stored group (fields the role lost are skipped)."""
        self.clear()
        self.set_match(group.match)
        for node in group.items:
            if isinstance(node, Group):
                self.add_group().load(node)
                continue
            key = node.related if isinstance(node, RelatedCondition) else node.field
            if self._known(key):
                editor = self.add_condition()
                value_editor = editor.select(key, node.op)
                if value_editor is not None:
                    value_editor.set_value(node.value)

    def _known(self, key: str) -> bool:
        return any(field.key == key for field in self._fields)

    def clear(self) -> None:
        for item in self.items:
            self.items_layout.removeWidget(item)
            item.hide()
            item.deleteLater()
        self.items = []

    def group(self) -> Group:
        items = [i for i in self.items if isinstance(i, GroupEditor) or i.is_complete()]
        return Group(str(self.match_box.currentData()), tuple(self._node(i) for i in items))

    @staticmethod
    def _node(item: ConditionEditor | GroupEditor) -> Node:
        return item.group() if isinstance(item, GroupEditor) else item.node()
