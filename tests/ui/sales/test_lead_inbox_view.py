"""The lead inbox page: countdowns, and accept / reject with a rating, by clicks and keys."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot
from sales_scenario import NOW, SalesWeek

from contactdesk.services.directory import find_user
from contactdesk.services.record_queries import get_record
from contactdesk.store import Store
from ui.app_session import AppSession
from ui.database_worker import DatabaseWorker
from ui.main_window import MainWindow
from ui.sales.lead_inbox_view import LeadInboxView
from ui.store_changes import StoreChangeRelay
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
    view.reason.setCurrentIndex(view.reason.findData("too early"))
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
    view.reason.setCurrentIndex(view.reason.findData("other"))
    qtbot.mouseClick(view.reject_button, Qt.MouseButton.LeftButton)
    assert view.message.isVisible() and "say why" in view.message.text()


def test_missed_deadline_is_listed_below_the_inbox(
    qtbot: QtBot, rita_context: ViewContext, clock: Callable[[], datetime], week: SalesWeek
) -> None:
    view = _view(qtbot, rita_context, clock)
    assert view.missed.rowCount() == 1
    assert view.missed.item(0, 0).text() == "Max Missed"  # type: ignore[union-attr]


def test_no_reason_is_chosen_for_the_rep_so_reject_waits_for_one(
    qtbot: QtBot, rita_context: ViewContext, clock: Callable[[], datetime], week: SalesWeek
) -> None:
    view = _view(qtbot, rita_context, clock)
    view.table.selectRow(0)
    assert view.reason.currentData() is None and view.reason.currentText() == "Choose a reason…"
    assert view.accept_button.isEnabled() and not view.reject_button.isEnabled()
    view.reason.setCurrentIndex(view.reason.findData("no budget"))
    assert view.reject_button.isEnabled()
    assert "no_budget" not in [view.reason.itemText(i) for i in range(view.reason.count())]


def test_a_double_click_on_reject_sends_one_verdict_for_the_selected_lead(
    qtbot: QtBot, store: Store, clock: Callable[[], datetime], week: SalesWeek
) -> None:
    session = AppSession(store, week.rep.actor(), week.rep)
    context = ViewContext(session, DatabaseWorker(), StoreChangeRelay(store))
    try:
        view = _view(qtbot, context, clock)
        qtbot.waitUntil(lambda: view.table.rowCount() == 2)
        view.table.selectRow(0)
        view.reason.setCurrentIndex(view.reason.findData("no budget"))
        qtbot.mouseClick(view.reject_button, Qt.MouseButton.LeftButton)
        assert not view.reject_button.isEnabled()  # waiting for the answer
        qtbot.mouseClick(view.reject_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: view.confirmation.isVisible())
        context.worker.wait_until_idle()
        qtbot.waitUntil(lambda: _column(view, 0) == ["Leo Lead"])
        assert not view.message.isVisible()
        assert _marketing_reads(store, week.lead_max)["status"] == "rejected"
        assert _marketing_reads(store, week.lead_leo)["status"] == "handed_off"
    finally:
        context.worker.shutdown()
        context.relay.detach()


def test_undo_on_the_confirmation_puts_the_lead_back_in_the_inbox(
    qtbot: QtBot,
    rita_context: ViewContext,
    clock: Callable[[], datetime],
    week: SalesWeek,
    store: Store,
) -> None:
    view = _view(qtbot, rita_context, clock)
    view.table.selectRow(1)
    qtbot.mouseClick(view.accept_button, Qt.MouseButton.LeftButton)
    assert "Accepted the lead of Leo Lead" in view.confirmation.text.text()
    qtbot.mouseClick(view.confirmation.undo_button, Qt.MouseButton.LeftButton)
    assert _marketing_reads(store, week.lead_leo)["status"] == "handed_off"
    assert _column(view, 0) == ["Max Missed", "Leo Lead"]
    assert view.confirmation.text.text() == "Undone: accept lead"


def test_ctrl_z_in_the_window_undoes_the_last_verdict(
    qtbot: QtBot,
    rita_context: ViewContext,
    clock: Callable[[], datetime],
    week: SalesWeek,
    store: Store,
) -> None:
    window = MainWindow(rita_context)
    qtbot.addWidget(window)
    assert not window.undo_action.isEnabled()
    view = _view(qtbot, rita_context, clock)
    view.table.selectRow(0)
    view.reason.setCurrentIndex(view.reason.findData("duplicate"))
    qtbot.mouseClick(view.reject_button, Qt.MouseButton.LeftButton)
    assert window.undo_action.isEnabled() and window.undo_action.text() == "&Undo reject lead"
    assert QKeySequence(QKeySequence.StandardKey.Undo) in window.undo_action.shortcuts()
    window.undo_action.trigger()
    assert _marketing_reads(store, week.lead_max)["status"] == "handed_off"
    assert "Undone: reject lead" in window.statusBar().currentMessage()


def test_choosing_a_lead_shows_why_it_scored_what_it_did(
    qtbot: QtBot, rita_context: ViewContext, clock: Callable[[], datetime], week: SalesWeek
) -> None:
    view = _view(qtbot, rita_context, clock)
    view.table.selectRow(1)  # Leo Lead

    panel = view.score_reasons
    qtbot.waitUntil(lambda: panel.score is not None, timeout=5000)
    assert panel.score is not None
    assert panel.title.text().startswith(f"Score {panel.score.total:g}")
    tree = panel.reasons
    labels = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]  # type: ignore[union-attr]
    assert len(labels) == len(panel.score.reasons) > 0
    assert any(label.startswith("Engagement: ") for label in labels)
