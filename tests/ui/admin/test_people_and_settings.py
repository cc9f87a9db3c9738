"""Users, roles and company settings pages: each action is saved through its service."""

from __future__ import annotations

from contactdesk.services import company_settings, directory
from ui.admin.company_settings_page import CompanySettingsPage
from ui.admin.people_page import PeoplePage


def test_an_added_user_has_the_chosen_role_and_team(qtbot, store, admin_context) -> None:
    page = PeoplePage(admin_context)
    qtbot.addWidget(page)
    qtbot.keyClicks(page.username_input, "lee")
    page.user_role_input.setCurrentIndex(page.user_role_input.findData("marketing"))
    qtbot.keyClicks(page.team_input, "west")
    page.add_user_button.click()
    lee = directory.find_user(store, "lee")
    assert (lee.role, lee.team) == ("marketing", "west")


def test_an_added_role_can_be_given_to_users(qtbot, store, admin_context) -> None:
    page = PeoplePage(admin_context)
    qtbot.addWidget(page)
    qtbot.keyClicks(page.role_name_input, "partner")
    page.add_role_button.click()
    assert "partner" in directory.role_names(store)
    assert page.user_role_input.findData("partner") >= 0


def test_a_taken_user_name_is_explained_beside_it(qtbot, store, admin_context) -> None:
    page = PeoplePage(admin_context)
    qtbot.addWidget(page)
    qtbot.keyClicks(page.username_input, "rita")
    page.add_user_button.click()
    assert "taken" in page.username_error.text()


def test_saved_hand_off_rules_are_stored(qtbot, store, admin_context) -> None:
    page = CompanySettingsPage(admin_context)
    qtbot.addWidget(page)
    page.threshold_input.setValue(75)
    page.hours_input.setValue(24)
    page.save_handoff_button.click()
    rules = company_settings.handoff_rules(store)
    assert (rules.score_threshold, rules.follow_up_hours) == (75, 24)


def test_the_saved_goal_metric_is_stored(qtbot, store, admin_context) -> None:
    page = CompanySettingsPage(admin_context)
    qtbot.addWidget(page)
    page.goal_input.setCurrentIndex(page.goal_input.findData("volume"))
    page.save_goal_button.click()
    assert company_settings.goal_metric(store) == "volume"


def test_the_saved_deal_currency_is_what_a_new_deal_starts_with(
    qtbot, store, admin_context
) -> None:
    page = CompanySettingsPage(admin_context)
    qtbot.addWidget(page)
    assert page.currency_input.currentText() == "EUR"
    page.currency_input.setCurrentText("CHF")
    page.save_currency_button.click()
    assert company_settings.company_currency(store) == "CHF"
