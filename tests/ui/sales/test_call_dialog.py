"""The call dialog, used from the keyboard: no next step is refused, Ctrl+Enter saves."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sales_scenario import SalesWeek
from sqlalchemy import func, select

from contactdesk.model import Activity
from contactdesk.selling.call_logging import NO_NEXT_STEP
from contactdesk.store import Store
from ui.sales.call_dialog import CallDialog
from ui.view_context import ViewContext


def _dialog(
    qtbot: QtBot, context: ViewContext, clock: Callable[[], datetime], week: SalesWeek
) -> CallDialog:
    dialog = CallDialog(context, week.carla, "Carla Customer", clock=clock)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    # Ctrl+Enter is a window shortcut: it needs the dialog to be the active window.
    qtbot.waitActive(dialog)
    return dialog


def _activities(store: Store) -> int:
    with store.reading() as session:
        return int(session.scalar(select(func.count()).select_from(Activity)) or 0)


def _save_with_keys(qtbot: QtBot, dialog: CallDialog) -> None:
    qtbot.keyClick(dialog.outcome, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_saving_without_a_next_step_shows_the_refusal_inline(
    qtbot: QtBot, rita_context: ViewContext, clock: Callable[[], datetime], week: SalesWeek
) -> None:
    dialog = _dialog(qtbot, rita_context, clock, week)
    qtbot.keyClicks(dialog.outcome, "interested")
    _save_with_keys(qtbot, dialog)
    assert dialog.message.isVisible()
    assert NO_NEXT_STEP in dialog.message.text()


def test_a_refused_call_writes_nothing_and_stays_open(
    qtbot: QtBot,
    rita_context: ViewContext,
    clock: Callable[[], datetime],
    week: SalesWeek,
    store: Store,
) -> None:
    before = _activities(store)
    dialog = _dialog(qtbot, rita_context, clock, week)
    qtbot.keyClicks(dialog.outcome, "interested")
    _save_with_keys(qtbot, dialog)
    assert (_activities(store), dialog.isVisible()) == (before, True)


def test_tab_moves_from_outcome_to_notes(
    qtbot: QtBot, rita_context: ViewContext, clock: Callable[[], datetime], week: SalesWeek
) -> None:
    dialog = _dialog(qtbot, rita_context, clock, week)
    dialog.activateWindow()
    dialog.outcome.setFocus()
    qtbot.keyClick(dialog.outcome, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.notes


def test_ctrl_enter_with_a_follow_up_saves_the_call_and_the_follow_up(
    qtbot: QtBot,
    rita_context: ViewContext,
    clock: Callable[[], datetime],
    week: SalesWeek,
    store: Store,
) -> None:
    before = _activities(store)
    dialog = _dialog(qtbot, rita_context, clock, week)
    qtbot.keyClicks(dialog.outcome, "meeting booked")
    qtbot.keyClicks(dialog.notes, "Demo on Friday")
    qtbot.mouseClick(dialog.follow_up_choice, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.saved):
        _save_with_keys(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert _activities(store) == before + 2


def test_close_with_a_typed_reason_saves(
    qtbot: QtBot, rita_context: ViewContext, clock: Callable[[], datetime], week: SalesWeek,
    store: Store,
) -> None:  # fmt: skip
    dialog = _dialog(qtbot, rita_context, clock, week)
    qtbot.keyClicks(dialog.outcome, "not interested")
    qtbot.keyClicks(dialog.close_reason, "bought elsewhere")
    with qtbot.waitSignal(dialog.saved) as saved:
        _save_with_keys(qtbot, dialog)
    with store.reading() as session:
        call = session.get_one(Activity, saved.args[0].call_id)
    assert call.close_reason == "bought elsewhere"


def test_a_logged_call_can_be_undone_from_the_window_history(
    qtbot: QtBot,
    rita_context: ViewContext,
    clock: Callable[[], datetime],
    week: SalesWeek,
    store: Store,
) -> None:
    before = _activities(store)
    dialog = _dialog(qtbot, rita_context, clock, week)
    qtbot.keyClicks(dialog.outcome, "meeting booked")
    qtbot.mouseClick(dialog.follow_up_choice, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.saved):
        _save_with_keys(qtbot, dialog)
    history = rita_context.undo
    assert history.last_label == "log call with Carla Customer"
    with qtbot.waitSignal(history.undone):
        history.undo_last(rita_context)
    assert _activities(store) == before


def test_outcomes_and_objections_read_as_words_and_are_stored_as_the_core_knows_them(
    qtbot: QtBot, rita_context: ViewContext, clock: Callable[[], datetime], week: SalesWeek
) -> None:
    dialog = _dialog(qtbot, rita_context, clock, week)
    offered = [dialog.outcome.itemText(i) for i in range(dialog.outcome.count())]
    assert offered[:3] == ["Interested", "Meeting booked", "Send information"]
    tags = [dialog.objection_tags.item(i).text() for i in range(dialog.objection_tags.count())]
    assert tags == ["Price", "Integration", "Timing", "Security", "Competitor lock-in"]
    dialog.outcome.setCurrentIndex(1)
    dialog.objection_tags.item(4).setCheckState(Qt.CheckState.Checked)
    report = dialog.report()
    assert report.outcome == "meeting booked"
    assert [objection.tag for objection in report.objections] == ["competitor lock-in"]
    # A rep's own words stay as typed.
    dialog.outcome.setEditText("wants a demo in March")
    assert dialog.report().outcome == "wants a demo in March"
