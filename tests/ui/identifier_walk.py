"""What the identifier walks look for: the stored words of the core, and the texts a widget shows.

Two kinds are caught: words with an underscore that a person would write with a space
(``follow_up``, ``multi_choice``, ``paid_search``), anywhere in a text; and stored words or
phrases (``boolean``, ``won``, ``running``, ``interested``, ``meeting booked``) shown raw
as a whole text, a cell or an item that is exactly the stored word. Such a word is no
finding where it is also what the app shows as a label (compared against the labels, as
translated).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
    QWizard,
)

from contactdesk.demo.vocabulary import ENQUIRY_SOURCES
from contactdesk.marketing.campaigns import CAMPAIGN_STATES
from contactdesk.model import governance, marketing, selling
from contactdesk.reports.report_result import COLUMN_KINDS
from contactdesk.selling.call_logging import CALL_OUTCOMES, OBJECTION_TAGS
from contactdesk.services.field_catalog import CUSTOM_FIELD_TYPES, ENTITIES
from ui.core_text import core_text
from ui.sales.activity_dialogs import MEETING_OUTCOMES

UNDERSCORED = re.compile(r"[a-z]+(?:_[a-z]+)+")


def all_identifiers() -> set[str]:
    names = {field.name for spec in ENTITIES.values() for field in spec.fields}
    names |= {field.type for spec in ENTITIES.values() for field in spec.fields}
    names |= {choice for spec in ENTITIES.values() for f in spec.fields for choice in f.choices}
    names |= set(CUSTOM_FIELD_TYPES) | set(COLUMN_KINDS)
    names |= set(CAMPAIGN_STATES) | set(CALL_OUTCOMES) | set(OBJECTION_TAGS)
    names |= set(MEETING_OUTCOMES)
    for module in (selling, marketing, governance):
        for value in vars(module).values():
            if isinstance(value, tuple) and all(isinstance(v, str) for v in value):
                names |= set(value)
    return names


def underscored() -> set[str]:
    return {name for name in all_identifiers() if "_" in name}


def stored_words() -> set[str]:
    """Stored lower-case words and phrases, less those the app shows as labels anyway, and
    less what people type into free-text fields that happens to be such a word: the demo's
    enquiry sources ("webinar", "referral") are data, written as a person wrote them."""
    words = {name for name in all_identifiers() if re.fullmatch(r"[a-z][a-z -]*", name)}
    labels = {core_text(f.label) for spec in ENTITIES.values() for f in spec.fields}
    labels |= {core_text(word) for word in words if core_text(word) != word}
    return words - labels - set(ENQUIRY_SOURCES)


def texts(widget: QWidget) -> Iterator[str]:
    """What ``widget`` and its visible children show: labels, buttons, tabs, titles, items,
    headers and the first rows of tables and lists, the text of line edits."""
    yield widget.windowTitle()
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
            yield child.currentText()
        elif isinstance(child, QLineEdit):
            yield child.text()
        elif isinstance(child, QWizard):
            yield from (child.page(i).title() for i in child.pageIds())
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


def raw_words(shown: list[str]) -> set[str]:
    """The identifiers among the texts ``shown``."""
    identifiers, words = underscored(), stored_words()
    found = {m for text in shown for m in UNDERSCORED.findall(text) if m in identifiers}
    return found | {text.strip() for text in shown if text.strip() in words}
