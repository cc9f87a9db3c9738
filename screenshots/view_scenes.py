"""One screenshot for every view the app shows, and scenes for the views no area covers yet.

``VIEW_SCENES`` maps each page of the main window (and each tab of a page that has
tabs), as "Page" or "Page › Tab" with the mnemonic ``&`` dropped, to the scene that
shows it. ``tests/ui/screenshots/test_screenshot_docs.py`` walks every role's
window and fails when a view is missing here, or its picture is missing from the
docs. A new page or tab therefore comes with its scene: often ``page_tab(role,
page, tab)`` below, a main window opened on that page and tab.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget, QWidget

from screenshots.scene_context import Scene, SceneContext


def view_tabs(page: QWidget) -> QTabWidget | None:
    """The tab widget a page is made of (its ``tabs`` or ``pages``), if it has one."""
    tabs = getattr(page, "tabs", None) or getattr(page, "pages", None)
    return tabs if isinstance(tabs, QTabWidget) else None


def plain(text: str) -> str:
    """A tab title as read: without the mnemonic marker."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def page_tab(role: str, page_title: str, tab_title: str | None = None) -> Scene:
    """A scene: ``role``'s main window on ``page_title`` (and its tab ``tab_title``)."""

    def build(context: SceneContext) -> QWidget:
        window = context.main_window(role)
        window.show()
        for index in range(window.pages.count()):
            if plain(window.pages.tabText(index)) == page_title:
                window.pages.setCurrentIndex(index)
                tabs = view_tabs(window.page(index))
                if tab_title is not None and tabs is not None:
                    for tab in range(tabs.count()):
                        if plain(tabs.tabText(tab)) == tab_title:
                            tabs.setCurrentIndex(tab)
                context.settle()
                return window
        raise SystemExit(f"the {role} window has no page {page_title!r}")

    return build


VIEW_TOUR_SCENES: dict[str, Callable[[SceneContext], QWidget]] = {
    "accounts_page": page_tab("sales", "Accounts"),
    "sales_find_contact": page_tab("sales", "Selling", "Find a contact"),
    "sales_pipeline": page_tab("sales", "Selling", "Pipeline"),
    "sales_launch_briefs": page_tab("sales", "Selling", "Launch briefs"),
    "sales_funnel_contract": page_tab("sales", "Selling", "Funnel contract"),
    "sales_campaign_calendar": page_tab("sales", "Selling", "Campaign calendar"),
    "marketing_funnel_contract": page_tab("marketing", "Campaigns & leads", "Funnel contract"),
    "admin_users_and_roles": page_tab("admin", "Administration", "Users and roles"),
    "admin_handoff_and_goal": page_tab("admin", "Administration", "Hand-off and goal"),
    "admin_capabilities": page_tab("admin", "Administration", "Capabilities"),
}

# Every view the app shows -> the scene that shows it.
VIEW_SCENES: dict[str, str] = {
    "Contacts": "main_window_marketing",
    "Accounts": "accounts_page",
    "Targets": "targets_attainment",
    "Selling › Week": "sales_week_plan",
    "Selling › Find a contact": "sales_find_contact",
    "Selling › Pipeline": "sales_pipeline",
    "Selling › Lead inbox": "sales_lead_inbox",
    "Selling › Launch briefs": "sales_launch_briefs",
    "Selling › Campaign calendar": "sales_campaign_calendar",
    "Selling › Funnel contract": "sales_funnel_contract",
    "Selling › Dashboard": "sales_dashboard",
    "Marketing › Reports": "report_dashboard",
    "Marketing › Segments": "marketing_segment_builder",
    "Marketing › Field intelligence": "field_intelligence",
    "Campaigns & leads › Leads": "marketing_lead_list",
    "Campaigns & leads › Campaigns": "marketing_campaigns",
    "Campaigns & leads › Collateral": "marketing_collateral",
    "Campaigns & leads › Launch briefs": "marketing_launch_brief",
    "Campaigns & leads › Funnel contract": "marketing_funnel_contract",
    "Administration › Field rules": "admin_rule_matrix",
    "Administration › Custom fields": "admin_custom_fields",
    "Administration › Users and roles": "admin_users_and_roles",
    "Administration › Funnel": "admin_funnel",
    "Administration › Hand-off and goal": "admin_handoff_and_goal",
    "Administration › Capabilities": "admin_capabilities",
    "Administration › Preview as role": "admin_preview_as_role",
}
