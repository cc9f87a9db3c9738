"""The main window: who is working, the role's pages, menus and the status bar."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from contactdesk import __version__
from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from ui.role_views import views_for


def test_window_shows_the_users_name_and_role(main_window_for) -> None:
    window = main_window_for("rita")
    assert "Rita Reyes" in window.windowTitle()
    assert "Sales" in window.windowTitle()
    assert window.user_label.text() == "Rita Reyes · Sales"


def test_first_page_is_the_contact_list(main_window_for) -> None:
    window = main_window_for("maria")
    assert window.pages.tabText(0) == "Contacts"
    assert window.pages.currentWidget().contact_model.rowCount() >= 0


def test_a_sales_rep_opens_on_the_week(main_window_for) -> None:
    from ui.sales.sales_view import SalesView

    window = main_window_for("rita")
    page = window.pages.currentWidget()
    assert window.pages.tabText(window.pages.currentIndex()) == "Selling"
    assert isinstance(page, SalesView) and page.tabs.currentWidget() is page.week


def test_each_role_gets_the_pages_registered_for_it(main_window_for) -> None:
    window = main_window_for("rita")
    titles = [window.pages.tabText(i) for i in range(window.pages.count())]
    granted = window.context.session.capabilities()
    assert titles == [view.translated_title() for view in views_for(granted)]
    assert "Administration" not in titles


def test_status_bar_counts_the_contacts_the_user_may_see(main_window_for) -> None:
    window = main_window_for("rita")
    assert window.count_label.text() == "250 contact(s)"


def test_status_bar_count_follows_a_new_contact(qtbot, store, main_window_for) -> None:
    window = main_window_for("rita")
    unit_of_work.create(store, Actor.system(), "contact", {"display_name": "New Person"})
    qtbot.waitUntil(lambda: window.count_label.text() == "251 contact(s)")


def test_status_bar_names_the_store_file(store, main_window_for) -> None:
    window = main_window_for("rita")
    assert str(store.path) in window.store_label.text()


def test_find_shortcut_puts_the_cursor_in_the_search_box(qtbot, main_window_for) -> None:
    window = main_window_for("rita")
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    assert window.find_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    window.find_action.trigger()
    # A rep's window opens on the week; Find goes to its contact finder.
    qtbot.waitUntil(lambda: window.pages.currentWidget().finder.search_box.hasFocus())


def test_quit_uses_the_platform_shortcut_or_ctrl_q_where_it_has_none(main_window_for) -> None:
    window = main_window_for("rita")
    platform = QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
    assert window.quit_action.shortcuts() == (platform or [QKeySequence("Ctrl+Q")])


def test_about_names_the_version_and_the_store_path(store, main_window_for) -> None:
    text = main_window_for("rita").about_text()
    assert __version__ in text
    assert str(store.path) in text


def test_an_ampersand_in_a_page_title_is_text_not_a_mnemonic(main_window_for) -> None:
    window = main_window_for("maria")
    titles = [window.pages.tabText(i) for i in range(window.pages.count())]
    # Qt shows "&&" as "&"; a single "&" would underline the next letter ("Campaigns _leads").
    assert "Campaigns && leads" in titles
