"""Every page of every role is spaced alike: ``PAGE_MARGINS`` around its content and
``SPACING`` between its parts (ui/style.py), whether it is a page of the main window or the
page of a tab on a page of tabs (Selling › Week, Marketing › Reports, Administration › ...)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QTabWidget, QWidget

from ui.main_window import MainWindow
from ui.style import PAGE_MARGINS, SPACING


def _pages(window: MainWindow) -> list[tuple[str, QWidget]]:
    pages: list[tuple[str, QWidget]] = []
    for index in range(window.pages.count()):
        page, title = window.page(index), window.pages.tabText(index)
        tabs = [tab for tab in page.children() if isinstance(tab, QTabWidget)]
        if tabs:
            pages += [(f"{title} › {tabs[0].tabText(i)}", tabs[0].widget(i))
                      for i in range(tabs[0].count())]  # fmt: skip
        else:
            pages.append((title, page))
    return pages


@pytest.mark.parametrize("username", ["rita", "maria", "ada"])
def test_every_page_has_the_shared_margins_and_spacing(
    main_window_for: Callable[[str], MainWindow], username: str
) -> None:
    window = main_window_for(username)
    measures = {}
    for title, page in _pages(window):
        layout = page.layout()
        assert layout is not None, title
        margins = layout.contentsMargins()
        measures[title] = (
            (margins.left(), margins.top(), margins.right(), margins.bottom()),
            layout.spacing(),
        )
    assert len(measures) > 3
    expected = ((PAGE_MARGINS,) * 4, SPACING)
    assert {title: m for title, m in measures.items() if m != expected} == {}
