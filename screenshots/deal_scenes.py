"""Screenshot scenes of a team's own work: the account card, a new deal, a week of meetings,
targets and attainment, field intelligence.

The pipeline board is ``sales_pipeline`` among the views' scenes. The demo has no
targets, so the targets scene sets three (as the admin) before showing a rep's
attainment; the other scenes change nothing (the new deal's form is never saved).
``python -m screenshots --scene new_deal`` renders one of them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from contactdesk.services.record_queries import Condition, page_records
from contactdesk.services.targets import set_target
from ui.accounts.accounts_view import AccountsView
from ui.forms.record_form_dialog import RecordFormDialog
from ui.marketing.marketing_view import MarketingView
from ui.sales.sales_view import SalesView
from ui.sales.targets_view import TargetsView

if TYPE_CHECKING:
    from screenshots.scene_context import SceneContext
    from ui.main_window import MainWindow


def _page_of(window: MainWindow, kind: type[QWidget]) -> QWidget:
    for index in range(window.pages.count()):
        page = window.page(index)
        if isinstance(page, kind):
            window.pages.setCurrentIndex(index)
            return page
    raise SystemExit(f"the window has no {kind.__name__}")


def _sales_page(context: SceneContext) -> tuple[MainWindow, SalesView]:
    window = context.main_window("sales")
    window.show()
    page = _page_of(window, SalesView)
    assert isinstance(page, SalesView)
    return window, page


def _busiest_account(context: SceneContext) -> str:
    """An account of the rep's with deals: an open deal's company, else any deal's."""
    view = context.view_context("sales")
    store, actor = view.session.store, view.session.actor
    deals = page_records(store, actor, "opportunity", limit=200).rows
    with_account = sorted(
        (deal for deal in deals if deal.get("account_id")),
        key=lambda deal: deal.get("closed_at") is not None,
    )
    if with_account:
        return str(with_account[0]["account_id"])
    # A store without deals (a test's): any account the rep may see.
    accounts = page_records(store, actor, "account", limit=1).rows
    if not accounts:
        raise SystemExit("the store has no account the rep may see")
    return str(accounts[0]["id"])


def account_card(context: SceneContext) -> QWidget:
    account_id = _busiest_account(context)
    window = context.main_window("sales")
    window.show()
    page = _page_of(window, AccountsView)
    assert isinstance(page, AccountsView)
    page.open_account(account_id)
    context.settle(lambda: page.card.card is not None)
    return window


def new_deal(context: SceneContext) -> QWidget:
    _window, page = _sales_page(context)
    page.tabs.setCurrentWidget(page.finder)
    view = context.view_context("sales")
    store, actor = view.session.store, view.session.actor
    contacts = (
        page_records(
            store, actor, "contact", limit=50, where=[Condition("account_id", "filled")]
        ).rows
        or page_records(store, actor, "contact", limit=1).rows
    )
    if not contacts:
        raise SystemExit("the store has no contact the rep may see")
    card = page.finder.card
    card.load(str(contacts[0]["id"]))
    context.settle(lambda: card.card is not None)
    card.new_deal()
    context.settle(lambda: isinstance(card.dialog, RecordFormDialog))
    dialog = card.dialog
    assert isinstance(dialog, RecordFormDialog)
    context.settle(lambda: dialog.form.definition is not None)
    editors = dialog.form.editors
    editors["name"].set_value("Fleet renewal 2027")
    editors["amount"].set_value(48000)
    editors["margin"].set_value(14500)
    editors["product"].set_value("DeskSuite")
    dialog.resize(620, 760)
    return dialog


def week_meetings(context: SceneContext) -> QWidget:
    window, page = _sales_page(context)
    week = page.week
    meetings = week.kind_filter.findData(["meeting"])
    if meetings >= 0:
        week.kind_filter.setCurrentIndex(meetings)
    context.settle(lambda: week.plan is not None)
    return window


def _set_demo_targets(context: SceneContext) -> None:
    """Three outcome targets this quarter, set by the admin (setting again keeps one each)."""
    admin, rep = context.user("admin"), context.user("sales")
    today = date.today()
    store = context.store
    for metric, level, value, extra in (
        ("revenue", "company", 60_000, {}),
        ("won_deals", "rep", 3, {"user_id": rep.id}),
        ("margin", "territory", 5_000, {"territory": rep.territory or "North East"}),
    ):
        set_target(store, admin.actor(), metric=metric, period="quarter", day=today,
                   value=value, level=level, **extra)  # type: ignore[arg-type]  # fmt: skip


def targets_attainment(context: SceneContext) -> QWidget:
    _set_demo_targets(context)
    window = context.main_window("sales")
    window.show()
    page = _page_of(window, TargetsView)
    assert isinstance(page, TargetsView)
    context.settle(lambda: page.page is not None)
    return window


def sales_dashboard(context: SceneContext) -> QWidget:
    """Selling › Dashboard: the shared metrics, the targets and the rep's territory forecast."""
    _set_demo_targets(context)
    window, page = _sales_page(context)
    page.tabs.setCurrentWidget(page.dashboard)
    dashboard = page.dashboard
    context.settle(lambda: dashboard.figures is not None and dashboard.targets.page is not None)
    return window


def field_intelligence(context: SceneContext) -> QWidget:
    window = context.main_window("marketing")
    window.show()
    page = _page_of(window, MarketingView)
    assert isinstance(page, MarketingView)
    page.tabs.setCurrentWidget(page.field_intel)
    context.settle(lambda: page.field_intel.result is not None)
    return window


DEAL_SCENES: dict[str, Callable[[SceneContext], QWidget]] = {
    "account_card": account_card,
    "new_deal": new_deal,
    "week_meetings": week_meetings,
    "targets_attainment": targets_attainment,
    "sales_dashboard": sales_dashboard,
    "field_intelligence": field_intelligence,
}
