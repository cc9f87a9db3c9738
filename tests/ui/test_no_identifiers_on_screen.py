"""No internal identifier reaches the screen: every page and tab of every role is walked and
its visible texts (labels, buttons, tabs, headers, combo items, table cells) are checked
against the identifiers of the field catalog and the enums (``follow_up``, ``multi_choice``,
``paid_search``...): words with an underscore that a person would write with a space."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from contactdesk.model import selling
from contactdesk.services.field_catalog import CUSTOM_FIELD_TYPES, ENTITIES
from ui.main_window import MainWindow


def _identifiers() -> set[str]:
    names = {field.name for spec in ENTITIES.values() for field in spec.fields}
    names |= {choice for spec in ENTITIES.values() for f in spec.fields for choice in f.choices}
    names |= set(CUSTOM_FIELD_TYPES)
    for value in vars(selling).values():
        if isinstance(value, tuple) and all(isinstance(v, str) for v in value):
            names |= set(value)
    return {name for name in names if "_" in name}


def _texts(widget: QWidget) -> Iterator[str]:
    for child in [widget, *widget.findChildren(QWidget)]:
        if not child.isVisibleTo(widget.window()):
            continue
        if isinstance(child, (QLabel, QAbstractButton)):
            yield child.text()
        elif isinstance(child, QGroupBox):
            yield child.title()
        elif isinstance(child, QTabWidget):
            yield from (child.tabText(i) for i in range(child.count()))
        elif isinstance(child, QComboBox):
            yield from (child.itemText(i) for i in range(child.count()))
        elif isinstance(child, QAbstractItemView) and child.model() is not None:
            model = child.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # a list widget's private model: one column
                columns = 1
            for column in range(columns):
                yield str(model.headerData(column, Qt.Orientation.Horizontal) or "")
                for row in range(min(model.rowCount(QModelIndex()), 30)):
                    yield str(model.index(row, column).data() or "")


@pytest.mark.parametrize("username", ["rita", "maria", "ada"])
def test_no_page_of_a_role_shows_an_internal_identifier(
    qtbot: QtBot, main_window_for: Callable[[str], MainWindow], username: str
) -> None:
    identifiers = _identifiers()
    word = re.compile(r"[a-z]+(?:_[a-z]+)+")
    window = main_window_for(username)
    window.show()
    found: set[str] = set()
    for index in range(window.pages.count()):
        window.pages.setCurrentIndex(index)
        page = window.page(index)
        tab_widgets = page.findChildren(QTabWidget) or [None]
        for tabs in tab_widgets:
            for tab in range(tabs.count() if tabs is not None else 1):
                if tabs is not None:
                    tabs.setCurrentIndex(tab)
                window.context.worker.wait_until_idle()
                qtbot.wait(10)
                for text in _texts(page):
                    found |= {
                        f"{window.pages.tabText(index)}: {m}"
                        for m in word.findall(text)
                        if m in identifiers
                    }
    assert sorted(found) == []
