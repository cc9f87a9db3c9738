"""No internal identifier reaches the screen: every page and tab of every role is walked and
its visible texts (labels, buttons, tabs, headers, combo items, table cells) are checked
against the identifiers of the field catalog and the enums (``identifier_walk.py`` says
what counts; ``test_no_identifiers_in_dialogs.py`` walks the dialogs on a demo store)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from identifier_walk import raw_words, texts
from PySide6.QtWidgets import QTabWidget
from pytestqt.qtbot import QtBot

from ui.main_window import MainWindow


def test_the_check_catches_stored_words_but_not_labels_or_sentences() -> None:
    shown = ["boolean", "won", "call", "money", "paid_search", "Call", "Email", "Won",
             "Call: Proposal call", "email me", "Yes / no", "running", "Running",
             "meeting booked", "Meeting booked", "competitor lock-in"]  # fmt: skip
    assert raw_words(shown) == {
        "boolean", "won", "call", "money", "paid_search", "running", "meeting booked",
        "competitor lock-in",
    }  # fmt: skip


@pytest.mark.parametrize("username", ["rita", "maria", "ada"])
def test_no_page_of_a_role_shows_an_internal_identifier(
    qtbot: QtBot, main_window_for: Callable[[str], MainWindow], username: str
) -> None:
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
                page_name = window.pages.tabText(index)
                found |= {f"{page_name}: {word}" for word in raw_words(list(texts(page)))}
    assert sorted(found) == [], "\n".join(sorted(found))
