"""The read-only, row-selecting table the admin pages list things in."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem


def listing_table(headers: Sequence[str], accessible_name: str) -> QTableWidget:
    """One row per item, selected whole; cells are not edited in place (forms below do that)."""
    table = QTableWidget(0, len(headers))
    table.setAccessibleName(accessible_name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


def fill_row(table: QTableWidget, row: int, texts: Sequence[str | None]) -> None:
    for column, text in enumerate(texts):
        table.setItem(row, column, QTableWidgetItem(text or ""))
