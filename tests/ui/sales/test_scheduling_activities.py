"""Activities in the real widgets: schedule, reschedule by drag, complete, delete, reminder.

The first test is the sales path of issue 15 end to end in the sales page: a
deal created from a contact card, dragged on the pipeline board to the next
stage, a meeting scheduled and completed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox, QTreeWidgetItem
from pytestqt.qtbot import QtBot
from sales_scenario import NOW, SalesWeek, at
from sales_ui_steps import drop_card, save_form
from sqlalchemy import select

from contactdesk.model import Activity, FunnelStage, Opportunity
from contactdesk.services import unit_of_work
from contactdesk.store import Store
from ui.forms.record_form_dialog import RecordFormDialog
from ui.sales.activity_dialogs import CompleteActivityDialog
from ui.sales.call_dialog import CallDialog
from ui.sales.sales_view import SalesView
from ui.sales.week_plan_view import ActivityRole, DayRole, WeekPlanView
from ui.view_context import ViewContext


def _row(week_view: WeekPlanView, subject: str) -> QTreeWidgetItem:
    for index in range(week_view.tree.topLevelItemCount()):
        section = week_view.tree.topLevelItem(index)
        assert section is not None
        for n in range(section.childCount()):
            child = section.child(n)
            item = child.data(0, ActivityRole) if child is not None else None
            if child is not None and item is not None and item.subject == subject:
                return child
    raise AssertionError(f"no row for {subject!r} in {week_view.rows()}")


def _day_section(week_view: WeekPlanView, day: date) -> QTreeWidgetItem:
    for index in range(week_view.tree.topLevelItemCount()):
        section = week_view.tree.topLevelItem(index)
        if section is not None and section.data(0, DayRole) == day:
            return section
    raise AssertionError(f"no section for {day}")


def _activity(store: Store, subject: str) -> Activity:
    with store.reading() as session:
        found = session.scalar(select(Activity).where(Activity.subject == subject))
        assert found is not None
        session.expunge(found)
        return found


def test_the_sales_path_deal_from_a_card_board_move_meeting_scheduled_and_done(
    qtbot: QtBot, rita_context: ViewContext, clock: Callable[[], datetime], week: SalesWeek,
    store: Store,
) -> None:  # fmt: skip
    page = SalesView(rita_context, clock=clock)
    qtbot.addWidget(page)
    # Find Leo and create a deal from his card.
    page.tabs.setCurrentWidget(page.finder)
    qtbot.keyClicks(page.finder.search_box, "Leo")
    qtbot.waitUntil(lambda: page.finder.results.count() == 1)
    page.finder.results.setCurrentRow(0)
    card = page.finder.card
    qtbot.mouseClick(card.new_deal_button, Qt.MouseButton.LeftButton)
    deal_form = card.dialog
    assert isinstance(deal_form, RecordFormDialog)
    qtbot.keyClicks(deal_form.form.editors["name"].input_widget(), "Leo's first order")
    qtbot.keyClicks(deal_form.form.editors["amount"].input_widget(), "4800")
    save_form(qtbot, deal_form)
    with store.reading() as session:
        deal_id, stage = session.execute(
            select(Opportunity.id, FunnelStage.name)
            .join(FunnelStage, FunnelStage.id == Opportunity.stage_id)
            .where(Opportunity.name == "Leo's first order")
        ).one()
    assert stage == "Qualified"

    # Drag it on the pipeline board to the next stage.
    page.tabs.setCurrentWidget(page.pipeline)
    board = page.pipeline
    qtbot.waitUntil(lambda: board.card(deal_id) is not None)
    assert board.board is not None
    discovery = board.board.columns[1]
    drop_card(board, deal_id, discovery.stage_id)
    with store.reading() as session:
        assert session.get(Opportunity, deal_id).stage_id == discovery.stage_id  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: board.lists[discovery.stage_id].row_of(str(deal_id)) >= 0)

    # Schedule a meeting from the card: Thursday at 15:00, 45 minutes.
    page.tabs.setCurrentWidget(page.finder)
    qtbot.mouseClick(card.schedule_button, Qt.MouseButton.LeftButton)
    meeting_form = card.dialog
    assert isinstance(meeting_form, RecordFormDialog)
    editors = meeting_form.form.editors
    assert editors["kind"].input_widget().currentData() == "meeting"
    assert editors["kind"].input_widget().currentText() == "Meeting"
    assert editors["opportunity_id"].input_widget().currentText() == "Leo's first order"
    qtbot.keyClicks(editors["subject"].input_widget(), "Order walkthrough")
    editors["due_at"].set_value(at(12, 15))
    editors["due_at"].is_dirty = True
    duration = editors["duration_minutes"].input_widget()
    duration.clear()
    qtbot.keyClicks(duration, "45")
    save_form(qtbot, meeting_form)
    meeting = _activity(store, "Order walkthrough")
    assert (meeting.due_at, meeting.duration_minutes, meeting.contact_id) == (
        at(12, 15), 45, week.leo,
    )  # fmt: skip

    # It shows on Thursday in the week; complete it with its outcome.
    page.tabs.setCurrentWidget(page.week)
    week_view = page.week
    qtbot.waitUntil(lambda: any("Order walkthrough" in t for _, r in week_view.rows() for t in r))
    week_view.tree.setCurrentItem(_row(week_view, "Order walkthrough"))
    qtbot.mouseClick(week_view.complete_button, Qt.MouseButton.LeftButton)
    done = week_view.dialog
    assert isinstance(done, CompleteActivityDialog)
    qtbot.keyClicks(done.outcome.lineEdit(), "went well")
    with qtbot.waitSignal(done.saved):
        done.save()
    finished = _activity(store, "Order walkthrough")
    assert (finished.done_at, finished.outcome) == (NOW, "went well")


def test_dragging_an_activity_to_another_day_keeps_its_time(
    qtbot: QtBot, rita_context: ViewContext, clock: Callable[[], datetime], week: SalesWeek,
    store: Store,
) -> None:  # fmt: skip
    view = WeekPlanView(rita_context, clock=clock)
    qtbot.addWidget(view)
    view.resize(1100, 900)
    view.show()
    qtbot.waitExposed(view)
    row = _row(view, "Demo meeting")
    friday = _day_section(view, date(2026, 3, 13))
    mime = view.tree.mimeData([row])
    target = view.tree.visualItemRect(friday).center()
    view.tree.dropEvent(
        QDropEvent(QPointF(target), Qt.DropAction.MoveAction, mime,
                   Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    )  # fmt: skip
    assert _activity(store, "Demo meeting").due_at == at(13, 10)
    assert any("Demo meeting" in text for text in _texts_under(friday_of(view)))


def friday_of(view: WeekPlanView) -> QTreeWidgetItem:
    return _day_section(view, date(2026, 3, 13))


def _texts_under(section: QTreeWidgetItem) -> list[str]:
    return [section.child(n).text(1) for n in range(section.childCount())]  # type: ignore[union-attr]


def test_completing_a_call_opens_the_call_dialog_where_a_next_step_is_required(
    qtbot: QtBot, rita_context: ViewContext, clock: Callable[[], datetime], week: SalesWeek
) -> None:
    view = WeekPlanView(rita_context, clock=clock)
    qtbot.addWidget(view)
    view.tree.setCurrentItem(_row(view, "Proposal call"))
    qtbot.mouseClick(view.complete_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, CallDialog)
    dialog.outcome.setEditText("interested")
    dialog.save()
    assert "next step" in dialog.message.text()


def test_deleting_an_activity_from_the_week_asks_then_removes_it(
    qtbot: QtBot, rita_context: ViewContext, clock: Callable[[], datetime], week: SalesWeek,
    store: Store, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    view = WeekPlanView(rita_context, clock=clock)
    qtbot.addWidget(view)
    view.tree.setCurrentItem(_row(view, "Courtesy call"))
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    with store.reading() as session:
        assert session.get(Activity, week.plain_call) is None
    assert all("Courtesy call" not in t for _, rows in view.rows() for t in rows)


def test_the_reminder_names_what_is_due_in_the_next_fifteen_minutes(
    qtbot: QtBot, rita_context: ViewContext, clock: Callable[[], datetime], week: SalesWeek,
    store: Store,
) -> None:  # fmt: skip
    page = SalesView(rita_context, clock=clock)
    qtbot.addWidget(page)
    assert not page.reminder.isVisibleTo(page)
    unit_of_work.create(
        store, week.rep.actor(), "activity",
        {"kind": "meeting", "subject": "Stand-up with Carla", "contact_id": week.carla,
         "due_at": NOW + timedelta(minutes=10)},
    )  # fmt: skip
    page.reminder.check_now()
    assert page.reminder.isVisibleTo(page)
    assert "Stand-up with Carla" in page.reminder.text()
    assert "Carla Customer" in page.reminder.text()
