"""Screenshot scenes of the main window, a contact's form and history, the user picker and
File › Switch User…."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtWidgets import QWidget

from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.services.directory import list_users
from contactdesk.services.record_queries import page_records
from screenshots.colleague_history import add_colleague_changes
from screenshots.scene_context import Scene, SceneContext
from ui.dialogs.switch_user_dialog import SwitchUserDialog
from ui.dialogs.user_picker_dialog import UserPickerDialog
from ui.forms.record_form_dialog import RecordFormDialog
from ui.views.contact_list_view import ContactListView


def main_window_sales(context: SceneContext) -> QWidget:
    return context.main_window("sales")


def main_window_marketing(context: SceneContext) -> QWidget:
    return context.main_window("marketing")


def contact_search(context: SceneContext) -> QWidget:
    window = context.main_window("marketing")
    window.show()
    page = window.pages.currentWidget()
    assert isinstance(page, ContactListView)
    page.search_box.setText("ma")
    context.settle(lambda: page.search_model.query == "ma")
    return window


def contact_detail(context: SceneContext) -> QWidget:
    view = context.view_context("marketing")
    record = page_records(view.session.store, view.session.actor, "contact", limit=1).rows[0]
    dialog = RecordFormDialog(view.session, view.worker, "contact", record["id"])
    dialog.resize(560, 640)
    context.settle(lambda: dialog.form.definition is not None)
    return dialog


def contact_history(context: SceneContext) -> QWidget:
    view = context.view_context("sales")
    store, actor = view.session.store, view.session.actor
    record = page_records(store, actor, "contact", limit=1).rows[0]
    marketer, admin = context.user("marketing").username, context.user("admin").username
    day = datetime(2026, 11, 16, 9, 30, tzinfo=UTC)
    add_colleague_changes(
        store,
        "contact",
        record["id"],
        [
            (admin, day, {"city": ("Bristol", record.get("city"))}),
            (marketer, day + timedelta(days=2, hours=5), {"title": ("Buyer", record.get("title"))}),
        ],
    )
    unit_of_work.update(store, actor, "contact", record["id"], {"notes": "Asked for the ROI sheet"})
    dialog = RecordFormDialog(view.session, view.worker, "contact", record["id"])
    dialog.resize(760, 520)
    dialog.show()  # the History panel reads its record when it is first shown
    dialog.show_history()
    context.settle(lambda: bool(dialog.history and dialog.history.rows()))
    return dialog


def user_picker(context: SceneContext) -> QWidget:
    dialog = UserPickerDialog(list_users(context.store))
    dialog.resize(560, 420)
    return dialog


def switch_user(context: SceneContext) -> QWidget:
    """File › Switch User… on a store that syncs: a colleague chosen, their password asked."""
    view = context.view_context("sales")

    def sign_in_as(username: str, password: str) -> Actor:
        raise SystemExit("the screenshot signs nobody in")

    others = [user for user in list_users(context.store) if user.id != view.session.actor.user_id]
    dialog = SwitchUserDialog(
        others, view.worker, sign_in_as=sign_in_as, server_url="https://crm.example.com"
    )
    chosen = dialog.user_list.topLevelItem(min(3, len(others) - 1))
    if chosen is not None:
        dialog.user_list.setCurrentItem(chosen)
    dialog.resize(560, 480)
    return dialog


MAIN_WINDOW_SCENES: dict[str, Scene] = {
    "main_window_sales": main_window_sales,
    "main_window_marketing": main_window_marketing,
    "contact_search": contact_search,
    "contact_detail": contact_detail,
    "contact_history": contact_history,
    "user_picker": user_picker,
    "switch_user": switch_user,
}
