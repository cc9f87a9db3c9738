"""The week plan page, driven with clicks and keys, for a fixed clock."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from pytestqt.qtbot import QtBot
from sales_scenario import SalesWeek

from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from ui.sales.call_dialog import CallDialog
from ui.sales.week_plan_view import WeekPlanView
from ui.view_context import ViewContext


def _view(qtbot: QtBot, context: ViewContext, clock: Callable[[], datetime]) -> WeekPlanView:
    view = WeekPlanView(context, clock=clock)
    qtbot.addWidget(view)
    view.show()
    return view


def _section(view: WeekPlanView, starts: str) -> list[str]:
    return next(rows for title, rows in view.rows() if title.startswith(starts))


def test_overdue_section_comes_first_with_the_overdue_call(
    qtbot: QtBot, rita_context: ViewContext, clock: Callable[[], datetime], week: SalesWeek
) -> None:
    title, rows = _view(qtbot, rita_context, clock).rows()[0]
    assert title.startswith("Overdue (1)")
    assert rows == ["Call: Chase the quote"]


def test_today_comes_right_under_overdue_in_time_order(
    qtbot: QtBot, rita_context: ViewContext, clock: Callable[[], datetime], week: SalesWeek
) -> None:
    view = _view(qtbot, rita_context, clock)
    titles = [title for title, _rows in view.rows()]
    assert titles[1] == "Today, Wednesday 11 March (3)"
    assert _section(view, "Today, Wednesday 11 March") == [
        "Call: Courtesy call",  # 8:00
        "Follow-up: Webinar follow-up",  # 9:00, the lead scored 80
        "Call: Proposal call",  # 14:00, the 50,000 deal
    ]
    # The days ahead follow today, then the earlier days of the week.
    assert [t.split(" (")[0] for t in titles[2:7]] == [
        "Thursday 12 March", "Friday 13 March", "Saturday 14 March", "Sunday 15 March",
        "Monday 9 March",
    ]  # fmt: skip


def test_value_and_score_are_columns_beside_the_work(
    qtbot: QtBot, rita_context: ViewContext, clock: Callable[[], datetime], week: SalesWeek
) -> None:
    view = _view(qtbot, rita_context, clock)
    today = view.tree.topLevelItem(1)
    assert today is not None
    rows = [today.child(n) for n in range(today.childCount())]
    assert [row.text(1) for row in rows] == [
        "Call: Courtesy call", "Follow-up: Webinar follow-up", "Call: Proposal call"
    ]  # fmt: skip
    assert all(row.text(0) for row in rows)  # each with its time of day
    assert rows[1].text(4) == "80"  # the webinar lead's score
    assert rows[2].text(3) != ""  # the proposal call's deal value


@pytest.fixture
def uk_locale() -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(QLocale("en_GB"))
    yield
    QLocale.setDefault(previous)


def test_a_deal_value_is_in_the_company_currency_when_the_deal_names_none(
    qtbot: QtBot,
    rita_context: ViewContext,
    clock: Callable[[], datetime],
    week: SalesWeek,
    uk_locale: None,
) -> None:
    today = _view(qtbot, rita_context, clock).tree.topLevelItem(1)
    assert today is not None
    assert today.child(2).text(3) == "€50,000.00"


def test_a_deal_value_carries_the_deals_own_currency(
    qtbot: QtBot,
    rita_context: ViewContext,
    clock: Callable[[], datetime],
    week: SalesWeek,
    uk_locale: None,
) -> None:
    store = rita_context.session.store
    unit_of_work.update(store, Actor.system(), "opportunity", week.opportunity, {"currency": "GBP"})
    view = _view(qtbot, rita_context, clock)
    today = view.tree.topLevelItem(1)
    assert today is not None
    assert today.child(2).text(3) == "£50,000.00"


def test_show_filter_narrows_the_plan_to_one_kind(
    qtbot: QtBot, rita_context: ViewContext, clock: Callable[[], datetime], week: SalesWeek
) -> None:
    view = _view(qtbot, rita_context, clock)
    view.kind_filter.setCurrentIndex(view.kind_filter.findText("Meetings"))
    shown = [row for _title, rows in view.rows() for row in rows]
    assert shown == ["Meeting: Demo meeting"]
    assert not any(title.startswith("Open leads") for title, _rows in view.rows())
    view.kind_filter.setCurrentIndex(view.kind_filter.findText("Leads"))
    assert _section(view, "Open leads with no next step")
    assert view.rows()[0][0] == "Overdue (0)"


def test_overdue_counts_are_true_and_the_rest_is_summed_up(
    qtbot: QtBot, rita_context: ViewContext, clock: Callable[[], datetime], week: SalesWeek
) -> None:
    with unit_of_work.unit_of_work(rita_context.session.store, Actor.system()) as work:
        for number in range(226):
            work.create(
                "activity",
                {"kind": "task", "subject": f"Old task {number}", "owner_id": week.rep.id,
                 "due_at": datetime(2026, 3, 1, 9, tzinfo=UTC) - timedelta(hours=number)},
            )  # fmt: skip
    title, rows = _view(qtbot, rita_context, clock).rows()[0]
    assert title == "Overdue (227)"
    assert rows[0] == "… and 219 more overdue"
    assert len(rows) == 1 + 8


def test_flag_sections_list_the_lead_without_next_step_and_the_lapsed_account(
    qtbot: QtBot, rita_context: ViewContext, clock: Callable[[], datetime], week: SalesWeek
) -> None:
    view = _view(qtbot, rita_context, clock)
    assert _section(view, "Open leads with no next step") == [
        "Lead: trade show",
        "Lead: paid search",
    ]
    assert len(_section(view, "Keep in touch")) == 2


def test_campaign_strip_names_the_running_campaign_and_its_leads(
    qtbot: QtBot, rita_context: ViewContext, clock: Callable[[], datetime], week: SalesWeek
) -> None:
    strip = _view(qtbot, rita_context, clock).campaign_strip.text()
    assert "Spring Launch" in strip and "40 lead(s) expected" in strip
    assert "Autumn Push" not in strip


def test_next_button_shows_the_next_week(
    qtbot: QtBot, rita_context: ViewContext, clock: Callable[[], datetime], week: SalesWeek
) -> None:
    view = _view(qtbot, rita_context, clock)
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert view.week.monday == date(2026, 3, 16)
    assert _section(view, "Monday 16 March") == ["Call: Next week call"]


def test_enter_on_a_planned_call_opens_the_call_dialog(
    qtbot: QtBot, rita_context: ViewContext, clock: Callable[[], datetime], week: SalesWeek
) -> None:
    view = _view(qtbot, rita_context, clock)
    first_overdue = view.tree.topLevelItem(0).child(0)  # type: ignore[union-attr]
    view.tree.setCurrentItem(first_overdue)
    view.tree.setFocus()
    qtbot.keyClick(view.tree, Qt.Key.Key_Return)
    assert isinstance(view.dialog, CallDialog)
    assert view.dialog.windowTitle() == "Log a call with Carla Customer"


def test_export_writes_the_weeks_events_to_an_ics_file(
    qtbot: QtBot,
    rita_context: ViewContext,
    clock: Callable[[], datetime],
    week: SalesWeek,
    tmp_path: Path,
) -> None:
    view = _view(qtbot, rita_context, clock)
    target = tmp_path / "week.ics"
    view.export_to(target)
    assert target.read_bytes().count(b"BEGIN:VEVENT") == 4
    assert "Exported 4 event(s)" in view.status.text()
