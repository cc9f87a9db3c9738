"""One visual style for the three views: the application's style sheet and the roles of widgets.

Colours, sizes and banners live in ``resources/styles/contactdesk.qss`` only; a
widget names its role with ``set_role`` ("error", "heading", "warning-banner"...)
instead of carrying a style sheet of its own, so the sales, marketing and admin
views cannot drift apart. ``PAGE_MARGINS`` and ``SPACING`` are the layout
measures every page uses.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLayout, QTabWidget, QWidget

from ui.resource_files import resources_dir

ROLES = (
    "title",
    "heading",
    "figure",
    "error",
    "success",
    "muted",
    "empty",
    "warning-banner",
    "info-banner",
    "cards",
)
# Around a page's content and between its parts, in pixels.
PAGE_MARGINS = 12
SPACING = 8

W = TypeVar("W", bound=QWidget)


def style_sheet() -> str:
    """The application's style sheet (resources/styles/contactdesk.qss)."""
    return (resources_dir() / "styles" / "contactdesk.qss").read_text(encoding="utf-8")


def apply_style(app: QApplication) -> None:
    """Give every window the one style sheet (called once, when the application starts)."""
    app.setStyleSheet(style_sheet())


def set_role(widget: W, role: str) -> W:
    """Style ``widget`` as ``role`` (one of ROLES); returns it for use in an expression."""
    if role not in ROLES:
        raise ValueError(f"no style role {role!r}")
    widget.setProperty("role", role)
    # A property changed after the widget was polished takes effect on a re-polish.
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    return widget


def page_layout(layout: QLayout) -> QLayout:
    """A page's outer layout with the shared margins and spacing."""
    layout.setContentsMargins(PAGE_MARGINS, PAGE_MARGINS, PAGE_MARGINS, PAGE_MARGINS)
    layout.setSpacing(SPACING)
    return layout


def page_tabs(page: QWidget) -> QTabWidget | None:
    """The tabs ``page`` is made of (Selling, Marketing, Administration...), if it is a page
    of tabs: a tab widget laid out directly on it."""
    for child in page.findChildren(QTabWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        return child
    return None


def lay_out_page(page: QWidget) -> None:
    """Give a main-window page the shared margins and spacing: each tab's page of a page of
    tabs, or the page itself. The main window calls it on every page it builds, so the
    sales, marketing and admin views are spaced alike whoever wrote them."""
    tabs = page_tabs(page)
    pages = [tabs.widget(i) for i in range(tabs.count())] if tabs is not None else [page]
    for each in pages:
        layout = each.layout() if each is not None else None
        if layout is not None:
            page_layout(layout)
