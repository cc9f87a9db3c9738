"""No internal identifier reaches the screen: every page and tab of every role is walked and
its visible texts (labels, buttons, tabs, headers, combo items, table cells) are checked
against the identifiers of the field catalog and the enums.

Two kinds are caught: words with an underscore that a person would write with a space
(``follow_up``, ``multi_choice``, ``paid_search``), anywhere in a text; and single-word
identifiers (``boolean``, ``won``, ``call``, ``money``) shown raw as a whole text, a cell
or an item that is exactly the stored word. Such a word is no finding where it is also
what the app shows as a label (compared against the labels, as translated)."""

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

from contactdesk.model import governance, marketing, selling
from contactdesk.reports.report_result import COLUMN_KINDS
from contactdesk.services.field_catalog import CUSTOM_FIELD_TYPES, ENTITIES
from ui.core_text import core_text
from ui.main_window import MainWindow


def _all_identifiers() -> set[str]:
    names = {field.name for spec in ENTITIES.values() for field in spec.fields}
    names |= {field.type for spec in ENTITIES.values() for field in spec.fields}
    names |= {choice for spec in ENTITIES.values() for f in spec.fields for choice in f.choices}
    names |= set(CUSTOM_FIELD_TYPES) | set(COLUMN_KINDS)
    for module in (selling, marketing, governance):
        for value in vars(module).values():
            if isinstance(value, tuple) and all(isinstance(v, str) for v in value):
                names |= set(value)
    return names


def _identifiers() -> set[str]:
    return {name for name in _all_identifiers() if "_" in name}


def _single_words() -> set[str]:
    """Stored words without an underscore, less those the app shows as labels anyway."""
    words = {name for name in _all_identifiers() if re.fullmatch(r"[a-z]+", name)}
    labels = {core_text(f.label) for spec in ENTITIES.values() for f in spec.fields}
    labels |= {core_text(word) for word in words if core_text(word) != word}
    return words - labels


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


def _raw_words(texts: list[str]) -> set[str]:
    """The identifiers among ``texts`` as the walk below finds them."""
    identifiers, single_words = _identifiers(), _single_words()
    word = re.compile(r"[a-z]+(?:_[a-z]+)+")
    found = {m for text in texts for m in word.findall(text) if m in identifiers}
    return found | {text.strip() for text in texts if text.strip() in single_words}


def test_the_check_catches_single_stored_words_but_not_labels_or_sentences() -> None:
    shown = ["boolean", "won", "call", "money", "paid_search", "Call", "Email", "Won",
             "Call: Proposal call", "email me", "Yes / no"]  # fmt: skip
    assert _raw_words(shown) == {"boolean", "won", "call", "money", "paid_search"}


@pytest.mark.parametrize("username", ["rita", "maria", "ada"])
def test_no_page_of_a_role_shows_an_internal_identifier(
    qtbot: QtBot, main_window_for: Callable[[str], MainWindow], username: str
) -> None:
    identifiers = _identifiers()
    single_words = _single_words()
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
                    if text.strip() in single_words:
                        found.add(f"{window.pages.tabText(index)}: {text.strip()}")
    assert sorted(found) == [], "\n".join(sorted(found))
