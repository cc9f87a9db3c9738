"""The lead inbox page: countdowns, and accept / reject with a rating, by clicks and keys."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sales_scenario import NOW, SalesWeek

from contactdesk.services.directory import find_user
from contactdesk.services.record_queries import get_record
from contactdesk.store import Store
from ui.sales.lead_inbox_view import LeadInboxView
from ui.view_context import ViewContext


def _view(qtbot: QtBot, context: ViewContext, clock: Callable[[], datetime]) -> LeadInboxView:
    view = LeadInboxView(context, clock=clock)
    qtbot.addWidget(view)
    view.show()
    return view


def _column(view: LeadInboxView, column: int) -> list[str]:
    return [view.table.item(row, column).text() for row in range(view.table.rowCount())]  # type: ignore[union-attr]


def _marketing_reads(store: Store, lead_id: object) -> dict[str, object]:
    return get_record(store, find_user(store, "maria").actor(), "lead", str(lead_id))


def _rate(qtbot: QtBot, view: LeadInboxView, quality: int) -> None:
    view.quality.selectAll()
    qtbot.keyClicks(view.quality, str(quality))


def test_inbox_lists_leads_most_urgent_first_with_their_countdown(
    qtbot: QtBot, rita_context: ViewContext, clock: Callable[[], datetime], week: SalesWeek
) -> None:
    view = _view(qtbot, rita_context, clock)
    assert _column(view, 0) == ["Max Missed", "Leo Lead"]
    assert _column(view, 5) == ["overdue by 2 d 0 h", "1 d 0 h"]


def test_inbox_shows_the_campaign_a_lead_came_from(
    qtbot: QtBot, rita_context: ViewContext, clock: Callable[[], datetime], week: SalesWeek
) -> None:
    assert _column(_view(qtbot, rita_context, clock), 2) == ["", "Spring Launch"]


def test_accept_click_records_the_verdict_marketing_reads(
    qtbot: QtBot,
    rita_context: ViewContext,
    clock: Callable[[], datetime],
    week: SalesWeek,
    store: Store,
) -> None:
    view = _view(qtbot, rita_context, clock)
    view.table.selectRow(1)
    _rate(qtbot, view, 4)
    qtbot.mouseClick(view.accept_button, Qt.MouseButton.LeftButton)
    lead = _marketing_reads(store, week.lead_leo)
    assert (lead["status"], lead["quality"], lead["accepted_at"]) == ("accepted", 4, NOW)


def test_accepted_lead_leaves_the_inbox(
    qtbot: QtBot, rita_context: ViewContext, clock: Callable[[], datetime], week: SalesWeek
) -> None:
    view = _view(qtbot, rita_context, clock)
    view.table.selectRow(1)
    qtbot.mouseClick(view.accept_button, Qt.MouseButton.LeftButton)
    assert _column(view, 0) == ["Max Missed"]


def test_reject_click_records_reason_note_and_quality(
    qtbot: QtBot,
    rita_context: ViewContext,
    clock: Callable[[], datetime],
    week: SalesWeek,
    store: Store,
) -> None:
    view = _view(qtbot, rita_context, clock)
    view.table.selectRow(0)
    _rate(qtbot, view, 2)
    view.reason.setCurrentText("too early")
    qtbot.keyClicks(view.note, "Researching only")
    qtbot.mouseClick(view.reject_button, Qt.MouseButton.LeftButton)
    lead = _marketing_reads(store, week.lead_max)
    assert (
        lead["status"], lead["rejection_reason"], lead["rejection_note"], lead["quality"]
    ) == ("rejected", "too early", "Researching only", 2)  # fmt: skip


def test_reject_with_other_and_no_note_shows_the_refusal(
    qtbot: QtBot, rita_context: ViewContext, clock: Callable[[], datetime], week: SalesWeek
) -> None:
    view = _view(qtbot, rita_context, clock)
    view.table.selectRow(0)
    view.reason.setCurrentText("other")
    qtbot.mouseClick(view.reject_button, Qt.MouseButton.LeftButton)
    assert view.message.isVisible() and "say why" in view.message.text()


def test_missed_deadline_is_listed_below_the_inbox(
    qtbot: QtBot, rita_context: ViewContext, clock: Callable[[], datetime], week: SalesWeek
) -> None:
    view = _view(qtbot, rita_context, clock)
    assert view.missed.rowCount() == 1
    assert view.missed.item(0, 0).text() == "Max Missed"  # type: ignore[union-attr]
