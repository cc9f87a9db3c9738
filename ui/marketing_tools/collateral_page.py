"""The collateral library: documents and links with their value points, products,
industries and funnel stages; stored documents open offline in the system viewer."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from contactdesk.marketing.collateral_library import (
    CollateralFile,
    CollateralItem,
    add_collateral,
    edit_collateral,
    list_collateral,
    open_collateral_file,
)
from contactdesk.model.marketing import COLLATERAL_KINDS
from contactdesk.services.changes import ChangeSet
from ui.admin.listing_table import fill_row, listing_table
from ui.database_worker import TaskControl
from ui.enum_titles import collateral_kind_title
from ui.view_context import ViewContext


def _names(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


class CollateralPage(QWidget):
    """Library list with a search box and Open; a form to add a document or link."""

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.items: list[CollateralItem] = []
        self.file_path: Path | None = None
        self.search_input = QLineEdit()
        self.search_input.setPlaceholderText(self.tr("Search titles and value points"))
        self.search_input.setAccessibleName(self.tr("Search collateral"))
        self.search_input.setClearButtonEnabled(True)
        headers = [
            self.tr("Title"),
            self.tr("Kind"),
            self.tr("Stages"),
            self.tr("Products"),
            self.tr("Industries"),
            self.tr("Document"),
        ]
        self.table = listing_table(headers, self.tr("Collateral"))
        header = self.table.horizontalHeader()
        # Kind and stages take what they need; title, tags and document share the rest.
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.open_button = QPushButton(self.tr("Open"))
        self.value_points = QLabel()
        self.value_points.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)

        self.title_input = QLineEdit()
        self.kind_input = QComboBox()
        for kind in COLLATERAL_KINDS:
            self.kind_input.addItem(collateral_kind_title(kind), kind)
        self.url_input = QLineEdit()
        self.url_input.setPlaceholderText("https://")
        self.file_button = QPushButton(self.tr("Attach a file…"))
        self.file_label = QLabel(self.tr("no file"))
        self.points_input = QPlainTextEdit()
        self.points_input.setPlaceholderText(self.tr("The value points this proves"))
        self.points_input.setMaximumHeight(120)
        self.products_input = QLineEdit()
        self.industries_input = QLineEdit()
        self.stages_input = QLineEdit()
        for box in (self.products_input, self.industries_input, self.stages_input):
            box.setPlaceholderText(self.tr("comma-separated; empty fits all"))
        self.add_button = QPushButton(self.tr("Add to library"))
        self.edit_button = QPushButton(self.tr("Edit"))
        self.save_button = QPushButton(self.tr("Save changes"))
        self.save_button.setEnabled(False)
        self.editing: uuid.UUID | None = None

        left = QWidget()
        left_layout = QVBoxLayout(left)
        bar = QHBoxLayout()
        bar.addWidget(self.search_input)
        bar.addWidget(self.open_button)
        bar.addWidget(self.edit_button)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.table)
        left_layout.addWidget(self.value_points)
        form_box = QWidget()
        form = QFormLayout()
        form_outer = QVBoxLayout(form_box)
        form_outer.addLayout(form)
        # The form keeps its natural height; the space below it stays empty.
        form_outer.addStretch()
        form.addRow(self.tr("Title"), self.title_input)
        form.addRow(self.tr("Kind"), self.kind_input)
        form.addRow(self.tr("Link"), self.url_input)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_button)
        file_row.addWidget(self.file_label, 1)
        form.addRow(self.tr("Document"), file_row)
        form.addRow(self.tr("Value points"), self.points_input)
        form.addRow(self.tr("Products"), self.products_input)
        form.addRow(self.tr("Industries"), self.industries_input)
        form.addRow(self.tr("Funnel stages"), self.stages_input)
        form.addRow(self.message)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(form_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.search_input.textChanged.connect(self.reload)
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.open_button.clicked.connect(self.open_selected)
        self.file_button.clicked.connect(self._choose_file)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.save_button.clicked.connect(self.save_changes)
        context.relay.changed.connect(self._on_store_changed)
        self.reload()

    @Slot()
    def reload(self) -> None:
        store, actor = self._context.session.store, self._context.session.actor
        text = self.search_input.text()

        def load(control: TaskControl) -> list[CollateralItem]:
            return list_collateral(store, actor, text)

        self._context.worker.submit(load, on_success=self._show, key="collateral-page")

    def _show(self, items: list[CollateralItem]) -> None:
        self.items = items
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            document = item.file_name if item.has_file else (item.url or "")
            fill_row(
                self.table,
                row,
                [
                    item.title,
                    collateral_kind_title(item.kind),
                    ", ".join(item.stages) or self.tr("any"),
                    ", ".join(item.products) or self.tr("any"),
                    ", ".join(item.industries) or self.tr("any"),
                    document,
                ],
            )

    def _selected(self) -> CollateralItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows else None

    @Slot()
    def _show_selected(self) -> None:
        item = self._selected()
        self.value_points.setText(item.value_points or "" if item else "")

    @Slot()
    def open_selected(self) -> None:
        """Open the selected document (written to a temporary file) or link."""
        item = self._selected()
        if item is None:
            return
        if not item.has_file:
            if item.url:
                QDesktopServices.openUrl(QUrl(item.url))
            return
        store, actor, item_id = self._context.session.store, self._context.session.actor, item.id

        def write(control: TaskControl) -> Path:
            return open_collateral_file(store, actor, item_id)

        self._context.worker.submit(
            write,
            on_success=self._open_file,
            on_failure=lambda error: self.message.setText(str(error)),
        )

    def _open_file(self, path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    @Slot()
    def _choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Attach a document"))
        if name:
            self.file_path = Path(name)
            self.file_label.setText(self.file_path.name)

    @Slot()
    def edit_selected(self) -> None:
        """Put the selected item in the form; Save changes writes it back."""
        item = self._selected()
        if item is None:
            return
        self.editing = item.id
        self.title_input.setText(item.title)
        self.kind_input.setCurrentIndex(max(0, self.kind_input.findData(item.kind)))
        self.url_input.setText(item.url or "")
        self.points_input.setPlainText(item.value_points or "")
        self.products_input.setText(", ".join(item.products))
        self.industries_input.setText(", ".join(item.industries))
        self.stages_input.setText(", ".join(item.stages))
        self.save_button.setEnabled(True)

    @Slot()
    def save_changes(self) -> None:
        """Write the form back to the item being edited (a new file replaces its document)."""
        if self.editing is None:
            return
        store, actor = self._context.session.store, self._context.session.actor
        item_id = self.editing
        values, path = self._form_values(), self.file_path

        def run(control: TaskControl) -> None:
            document = CollateralFile.from_path(path) if path is not None else None
            edit_collateral(store, actor, item_id, values, file=document)

        self._context.worker.submit(
            run,
            on_success=lambda _none: self._saved(),
            on_failure=lambda error: self.message.setText(str(error)),
        )

    def _saved(self) -> None:
        self.editing = None
        self.save_button.setEnabled(False)
        self._added()
        self.message.setText(self.tr("Changes saved."))

    def _form_values(self) -> dict[str, Any]:
        return {
            "title": self.title_input.text().strip(),
            "kind": self.kind_input.currentData(),
            "url": self.url_input.text().strip() or None,
            "value_points": self.points_input.toPlainText().strip() or None,
            "products": _names(self.products_input.text()),
            "industries": _names(self.industries_input.text()),
            "stages": _names(self.stages_input.text()),
        }

    @Slot()
    def add(self) -> None:
        """Add the form's document or link to the library, on the worker."""
        store, actor = self._context.session.store, self._context.session.actor
        values = self._form_values()
        path = self.file_path

        def run(control: TaskControl) -> uuid.UUID:
            document = CollateralFile.from_path(path) if path is not None else None
            return add_collateral(store, actor, values, file=document)

        self._context.worker.submit(
            run,
            on_success=lambda _id: self._added(),
            on_failure=lambda error: self.message.setText(str(error)),
        )

    def _added(self) -> None:
        self.message.setText(self.tr("Added to the library."))
        for box in (self.title_input, self.url_input, self.products_input):
            box.clear()
        self.file_path = None
        self.file_label.setText(self.tr("no file"))

    @Slot(object)
    def _on_store_changed(self, changes: ChangeSet) -> None:
        if "collateral" in changes.entities():
            self.reload()
