"""The rule matrix: fields down, roles across, hidden / read only / edit in each cell.

Above it, each role's record scope. Every change is one ``set_rule`` or
``set_scope`` call on the worker; a refusal puts the cell back and shows why.
When rules change (here or from a sync), the cells are updated in place, so
the admin keeps their place in a long list.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contactdesk.services import rule_admin
from contactdesk.services.capabilities import roles_with
from contactdesk.services.changes import ChangeSet
from contactdesk.services.field_catalog import ENTITIES
from contactdesk.services.governance_records import GOVERNANCE_ENTITIES
from contactdesk.services.rule_admin import RuleRow
from ui.admin.access_levels import (
    ACCESS_LEVELS,
    SCOPES,
    access_title,
    field_type_title,
    scope_title,
)
from ui.admin.admin_change import submit_admin_change
from ui.admin.role_scopes import role_scopes
from ui.app_session import role_title
from ui.core_text import core_text
from ui.database_worker import TaskControl
from ui.forms.inline_error import InlineError
from ui.view_context import ViewContext

ALL_ENTITIES = ""
FIXED_COLUMNS = 2  # field label, field type
REFRESH_DELAY_MS = 50
# Cell tints make a long matrix scannable: what is hidden stands out.
LEVEL_COLOURS = {"hidden": "#f6d5d5", "read": "#fff3c4", "edit": "#d9f0d9"}
# Roles, rows, each role's scope, and the roles that may administer (always edit, see all).
MatrixData = tuple[list[str], list[RuleRow], dict[str, str], set[str]]


class RuleMatrixEditor(QWidget):
    """Edits every role's access to every field, and every role's record scope."""

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = context.session.store
        self._actor = context.session.actor
        self._worker = context.worker
        self._roles: list[str] = []
        self._administering: set[str] = set()
        self._rows: list[RuleRow] = []
        self._cells: dict[tuple[str, str], QComboBox] = {}
        self._scopes: dict[str, QComboBox] = {}

        self.entity_filter = QComboBox()
        self.entity_filter.setAccessibleName(self.tr("Show fields of"))
        self.entity_filter.addItem(self.tr("All records"), ALL_ENTITIES)
        for name, spec in ENTITIES.items():
            self.entity_filter.addItem(core_text(spec.label), name)
        self.entity_filter.currentIndexChanged.connect(self.reload)
        self.error = InlineError()
        self.scope_bar = QHBoxLayout()
        self.table = QTableWidget()
        self.table.setAccessibleName(self.tr("Field rules"))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Fields of:")))
        top.addWidget(self.entity_filter)
        top.addSpacing(24)
        top.addLayout(self.scope_bar)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(self.table)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.reload)
        context.relay.changed.connect(self._on_store_changed)
        self.reload()

    # -- public -------------------------------------------------------------

    def cell(self, field: str, role: str) -> QComboBox:
        """The combo for ``role`` and ``field`` (``entity.name``)."""
        return self._cells[(field, role)]

    def scope_combo(self, role: str) -> QComboBox:
        return self._scopes[role]

    @property
    def shown_fields(self) -> list[str]:
        return [f"{row.entity}.{row.field}" for row in self._rows]

    @Slot()
    def reload(self) -> None:
        store, entity = self._store, self.entity_filter.currentData() or None

        def read(control: TaskControl) -> MatrixData:
            roles, rows = rule_admin.rule_matrix(store, entity)
            return roles, rows, role_scopes(store), set(roles_with(store, "administer"))

        self._worker.submit(read, key=f"rule-matrix-{id(self)}", on_success=self._show)

    # -- showing --------------------------------------------------------------

    def _show(self, data: MatrixData) -> None:
        roles, rows, scopes, administering = data
        self._administering = administering
        same_shape = roles == self._roles and [(r.entity, r.field) for r in rows] == [
            (r.entity, r.field) for r in self._rows
        ]
        self._roles, self._rows = roles, rows
        if not same_shape:
            self._build_scopes(roles)
            self._build_table(roles, rows)
        for role, combo in self._scopes.items():
            self._select(combo, scopes.get(role, "own"))
        for row in rows:
            for role in roles:
                combo = self._cells[(f"{row.entity}.{row.field}", role)]
                self._select(combo, row.access.get(role, "hidden"))

    def _build_scopes(self, roles: list[str]) -> None:
        while self.scope_bar.count():
            item = self.scope_bar.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self._scopes.clear()
        self.scope_bar.addWidget(QLabel(self.tr("Record scope:")))
        for role in roles:
            combo = QComboBox()
            combo.setAccessibleName(self.tr("Record scope of %1").replace("%1", role_title(role)))
            for scope in SCOPES:
                combo.addItem(scope_title(scope), scope)
            combo.setEnabled(role not in self._administering)
            combo.currentIndexChanged.connect(
                lambda _index, r=role, c=combo: self._change_scope(r, c.currentData())
            )
            self.scope_bar.addWidget(QLabel(role_title(role)))
            self.scope_bar.addWidget(combo)
            self._scopes[role] = combo

    def _build_table(self, roles: list[str], rows: list[RuleRow]) -> None:
        self._cells.clear()
        self.table.clear()
        self.table.setColumnCount(FIXED_COLUMNS + len(roles))
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Type"), *(role_title(role) for role in roles)]
        )
        for index, row in enumerate(rows):
            qualified = f"{row.entity}.{row.field}"
            shown = core_text(row.label) if row.builtin else row.label
            label = shown if row.builtin else self.tr("%1 (custom)").replace("%1", shown)
            if row.retired:
                label = self.tr("%1 — retired").replace("%1", label)
            name_item = QTableWidgetItem(f"{core_text(ENTITIES[row.entity].label)} · {label}")
            name_item.setToolTip(qualified)
            name_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            type_item = QTableWidgetItem(field_type_title(row.type))
            type_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(index, 0, name_item)
            self.table.setItem(index, 1, type_item)
            for column, role in enumerate(roles, start=FIXED_COLUMNS):
                combo = self._cell_combo(qualified, role)
                self.table.setCellWidget(index, column, combo)
                self._cells[(qualified, role)] = combo
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for column in range(FIXED_COLUMNS, FIXED_COLUMNS + len(roles)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def _cell_combo(self, field: str, role: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(self.tr("%1 access to %2").replace("%1", role).replace("%2", field))
        for level in ACCESS_LEVELS:
            combo.addItem(access_title(level), level)
        # A role that may administer edits everything (the service refuses anything else).
        combo.setEnabled(role not in self._administering)
        combo.currentIndexChanged.connect(
            lambda _index, f=field, r=role, c=combo: self._change_rule(r, f, c)
        )
        return combo

    @staticmethod
    def _select(combo: QComboBox, value: str) -> None:
        combo.blockSignals(True)
        combo.setCurrentIndex(max(combo.findData(value), 0))
        combo.blockSignals(False)
        colour = LEVEL_COLOURS.get(value)
        combo.setStyleSheet(f"QComboBox {{ background: {colour}; }}" if colour else "")

    # -- changing -------------------------------------------------------------

    def _change_rule(self, role: str, field: str, combo: QComboBox) -> None:
        store, actor, level = self._store, self._actor, combo.currentData()
        self._select(combo, level)
        submit_admin_change(
            self._worker,
            lambda: rule_admin.set_rule(store, actor, role, field, level),
            self.error,
            on_refused=self._refresh_timer.start,
        )

    def _change_scope(self, role: str, scope: str) -> None:
        store, actor = self._store, self._actor
        submit_admin_change(
            self._worker,
            lambda: rule_admin.set_scope(store, actor, role, scope),
            self.error,
            on_refused=self._refresh_timer.start,
        )

    @Slot(object)
    def _on_store_changed(self, changes: ChangeSet) -> None:
        if changes.entities() & GOVERNANCE_ENTITIES:
            self._refresh_timer.start()
