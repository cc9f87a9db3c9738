"""Which views each role works in: the registry the main window builds its pages from.

To add a view, add one line to ``ROLE_VIEWS``: its title (marked for
translation), a factory taking a ViewContext and returning the widget (one that
imports its view inside, so the import happens when a window first builds it),
and the capability a role needs for it (None: everyone). Pages appear in list
order; a window opens on the page whose ``opens_for`` capability the user has
(else the first), until the user picks another start page in the preferences.
What a user gets is asked of the session (``AppSession.capabilities()``), never
decided by a role name.
A view may offer ``focus_search()``; the window's Find shortcut calls it.

The views are imported on first use, not with this registry: a sales rep's
window never loads the admin and marketing views, and the preferences
dialog (which lists page titles) loads none of them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.translatable import QT_TRANSLATE_NOOP
from ui.view_context import ViewContext

ViewFactory = Callable[[ViewContext], QWidget]


# Imports inside the factories, as statements (the bundler follows those, not strings).
def _contacts(context: ViewContext) -> QWidget:
    from ui.views.contact_list_view import ContactListView

    return ContactListView(context)


def _selling(context: ViewContext) -> QWidget:
    from ui.sales.sales_view import SalesView

    return SalesView(context)


def _accounts(context: ViewContext) -> QWidget:
    from ui.accounts.accounts_view import AccountsView

    return AccountsView(context)


def _targets(context: ViewContext) -> QWidget:
    from ui.sales.targets_view import TargetsView

    return TargetsView(context)


def _administration(context: ViewContext) -> QWidget:
    from ui.admin.admin_view import AdminView

    return AdminView(context)


def _marketing(context: ViewContext) -> QWidget:
    from ui.marketing.marketing_view import MarketingView

    return MarketingView(context)


def _campaigns_and_leads(context: ViewContext) -> QWidget:
    from ui.marketing_tools.marketing_tools_view import MarketingToolsView

    return MarketingToolsView(context)


TRANSLATION_CONTEXT = "RoleViews"


@dataclass(frozen=True)
class RoleView:
    """One page of the main window. ``needs`` None means every role, added roles too."""

    title: str
    factory: ViewFactory
    # Any one of these capabilities gets the page (empty: everyone).
    needs: frozenset[str] = frozenset()
    # A window whose user has this capability opens on this page by default.
    opens_for: str | None = None

    def shown_to(self, capabilities: frozenset[str]) -> bool:
        return not self.needs or bool(self.needs & capabilities)

    def translated_title(self) -> str:
        return QCoreApplication.translate(TRANSLATION_CONTEXT, self.title)


MARKETING_TOOLS = frozenset({"run_campaigns", "hand_off_leads"})
ROLE_VIEWS: list[RoleView] = [
    RoleView(
        QT_TRANSLATE_NOOP("RoleViews", "Contacts"),
        _contacts,
    ),
    RoleView(
        QT_TRANSLATE_NOOP("RoleViews", "Selling"),
        _selling,
        frozenset({"receive_leads"}),
        # A rep's day starts on the week plan (issue 20), not on the contact list.
        opens_for="receive_leads",
    ),
    RoleView(
        QT_TRANSLATE_NOOP("RoleViews", "Accounts"),
        _accounts,
    ),
    RoleView(
        QT_TRANSLATE_NOOP("RoleViews", "Targets"),
        _targets,
    ),
    RoleView(
        QT_TRANSLATE_NOOP("RoleViews", "Administration"),
        _administration,
        frozenset({"administer"}),
    ),
    RoleView(
        QT_TRANSLATE_NOOP("RoleViews", "Marketing"),
        _marketing,
        MARKETING_TOOLS,
    ),
    RoleView(
        QT_TRANSLATE_NOOP("RoleViews", "Campaigns & leads"),
        _campaigns_and_leads,
        MARKETING_TOOLS,
    ),
]


def views_for(capabilities: frozenset[str]) -> list[RoleView]:
    """The pages a user with ``capabilities`` gets, in order."""
    return [view for view in ROLE_VIEWS if view.shown_to(capabilities)]


def default_start_page(capabilities: frozenset[str]) -> str:
    """The (untranslated) title of the page such a user's window opens on by default."""
    views = views_for(capabilities)
    chosen = [view for view in views if view.opens_for in capabilities] or views[:1]
    return chosen[0].title if chosen else ""
