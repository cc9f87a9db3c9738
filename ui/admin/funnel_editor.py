"""The funnel stages: order, name, win probability and owning team; add, remove, reorder.

Each button is one ``funnel`` service call on the worker. Moving a stage sends
the whole new order in one ``reorder_stages`` call, so the order is never half
saved.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contactdesk.services import funnel
from contactdesk.services.changes import ChangeSet
from contactdesk.services.funnel import StageInfo
from ui.admin.access_levels import TEAMS, team_title
from ui.admin.admin_change import submit_admin_change
from ui.admin.listing_table import fill_row, listing_table
from ui.database_worker import TaskControl
from ui.forms.inline_error import InlineError
from ui.view_context import ViewContext

PERCENT = 100.0


class FunnelEditor(QWidget):
    """The stages in order, with a form for the selected (or a new) stage."""

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = context.session.store
        self._actor = context.session.actor
        self._worker = context.worker
        self._stages: list[StageInfo] = []

        self.table = listing_table(
            [
                self.tr("Stage"),
                self.tr("Win probability"),
                self.tr("Owning team"),
                self.tr("Outcome"),
            ],
            self.tr("Funnel stages"),
        )
        self.table.itemSelectionChanged.connect(self._on_selection_changed)

        self.up_button = QPushButton(self.tr("Move up"))
        self.down_button = QPushButton(self.tr("Move down"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.remove_button.clicked.connect(self.remove_selected)
        order_buttons = QVBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button):
            order_buttons.addWidget(button)
        order_buttons.addStretch(1)
        listing = QHBoxLayout()
        listing.addWidget(self.table, 1)
        listing.addLayout(order_buttons)

        self.error = InlineError()
        layout = QVBoxLayout(self)
        layout.addLayout(listing, 1)
        layout.addWidget(self.error)
        layout.addWidget(self._build_stage_form())
        context.relay.changed.connect(self._on_store_changed)
        self.reload()

    def _build_stage_form(self) -> QGroupBox:
        box = QGroupBox(self.tr("Stage"))
        form = QFormLayout(box)
        self.name_input = QLineEdit()
        self.name_error = InlineError()
        self.probability_input = QDoubleSpinBox()
        self.probability_input.setRange(0, 100)
        self.probability_input.setDecimals(0)
        self.probability_input.setSuffix(" %")
        self.probability_error = InlineError()
        self.team_input = QComboBox()
        for team in TEAMS:
            self.team_input.addItem(team_title(team), team)
        name_cell = QVBoxLayout()
        name_cell.addWidget(self.name_input)
        name_cell.addWidget(self.name_error)
        form.addRow(self.tr("Name"), name_cell)
        probability_cell = QVBoxLayout()
        probability_cell.addWidget(self.probability_input)
        probability_cell.addWidget(self.probability_error)
        form.addRow(self.tr("Win probability"), probability_cell)
        form.addRow(self.tr("Owning team"), self.team_input)
        self.save_button = QPushButton(self.tr("Save stage"))
        self.add_button = QPushButton(self.tr("Add as new stage"))
        self.save_button.clicked.connect(self.save_selected)
        self.add_button.clicked.connect(self.add_stage)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        form.addRow("", buttons)
        self._field_errors = {
            "funnel_stage.name": self.name_error,
            "funnel_stage.probability": self.probability_error,
        }
        return box

    # -- reading --------------------------------------------------------------

    @Slot()
    def reload(self) -> None:
        store = self._store

        def read(control: TaskControl) -> list[StageInfo]:
            return funnel.list_stages(store)

        self._worker.submit(read, key=f"funnel-{id(self)}", on_success=self._show)

    def _show(self, stages: list[StageInfo]) -> None:
        selected = self.selected_stage()
        self._stages = stages
        self.table.setRowCount(len(stages))
        outcomes = {"open": self.tr("Open"), "won": self.tr("Won"), "lost": self.tr("Lost")}
        for index, stage in enumerate(stages):
            values = (
                stage.name,
                f"{stage.probability * PERCENT:.0f} %",
                team_title(stage.owner_team),
                outcomes.get(stage.outcome, stage.outcome),
            )
            fill_row(self.table, index, values)
            if selected is not None and stage.id == selected.id:
                self.table.selectRow(index)
        self._on_selection_changed()

    def stage_names(self) -> list[str]:
        return [stage.name for stage in self._stages]

    def selected_stage(self) -> StageInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._stages):
            return None
        return self._stages[rows[0].row()]

    def select_stage(self, name: str) -> None:
        self.table.selectRow(self.stage_names().index(name))

    @Slot()
    def _on_selection_changed(self) -> None:
        stage = self.selected_stage()
        for button in (self.up_button, self.down_button, self.remove_button, self.save_button):
            button.setEnabled(stage is not None)
        if stage is not None:
            self.name_input.setText(stage.name)
            self.probability_input.setValue(stage.probability * PERCENT)
            self.team_input.setCurrentIndex(max(self.team_input.findData(stage.owner_team), 0))

    # -- changing -------------------------------------------------------------

    def _submit(
        self,
        call: Callable[[], ChangeSet],
        *,
        field_errors: Mapping[str, InlineError] | None = None,
    ) -> None:
        submit_admin_change(
            self._worker,
            call,
            self.error,
            field_errors=field_errors,
            on_done=lambda _changes: self.reload(),
        )

    @Slot()
    def move_selected(self, step: int) -> None:
        stage = self.selected_stage()
        if stage is None:
            return
        names = self.stage_names()
        index = names.index(stage.name)
        target = index + step
        if not 0 <= target < len(names):
            return
        names[index], names[target] = names[target], names[index]
        store, actor = self._store, self._actor
        self._submit(lambda: funnel.reorder_stages(store, actor, names))

    @Slot()
    def remove_selected(self) -> None:
        stage = self.selected_stage()
        if stage is None:
            return
        store, actor = self._store, self._actor
        self._submit(lambda: funnel.remove_stage(store, actor, stage.id))

    @Slot()
    def save_selected(self) -> None:
        stage = self.selected_stage()
        if stage is None:
            return
        store, actor = self._store, self._actor
        name, probability, team = self._form_values()
        self._submit(
            lambda: funnel.update_stage(
                store, actor, stage.id, name=name, probability=probability, owner_team=team
            ),
            field_errors=self._field_errors,
        )

    @Slot()
    def add_stage(self) -> None:
        store, actor = self._store, self._actor
        name, probability, team = self._form_values()
        self._submit(
            lambda: funnel.add_stage(store, actor, name, probability=probability, owner_team=team),
            field_errors=self._field_errors,
        )

    def _form_values(self) -> tuple[str, float, str]:
        return (
            self.name_input.text(),
            self.probability_input.value() / PERCENT,
            self.team_input.currentData(),
        )

    @Slot(object)
    def _on_store_changed(self, changes: ChangeSet) -> None:
        if "funnel_stage" in changes.entities():
            self.reload()
