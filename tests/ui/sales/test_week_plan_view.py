"""The week plan page, driven with clicks and keys, for a fixed clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sales_scenario import SalesWeek

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


def test_wednesday_shows_its_items_ranked(
    qtbot: QtBot, rita_context: ViewContext, clock: Callable[[], datetime], week: SalesWeek
) -> None:
    view = _view(qtbot, rita_context, clock)
    assert _section(view, "Wednesday 11 March") == [
        "Call: Proposal call",
        "Follow-up: Webinar follow-up",
        "Call: Courtesy call",
    ]


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
