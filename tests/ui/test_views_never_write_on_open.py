"""Looking never changes data: every page and tab of every role, opened on a store with
overdue leads, leaves the change log as it was."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QTabWidget, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from contactdesk.marketing.follow_up_clock import expired_leads
from contactdesk.marketing.lead_handoff import find_rep, hand_off_segment
from contactdesk.model import ChangeLog
from contactdesk.model.base import utc_now
from contactdesk.segments.saved_segments import save_segment
from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.services.company_settings import set_handoff_rules
from contactdesk.store import Store
from ui.main_window import MainWindow


def _change_count(store: Store) -> int:
    with store.reading() as session:
        return session.scalar(select(func.count(ChangeLog.seq))) or 0


@pytest.fixture
def overdue_store(store: Store) -> Store:
    """Twenty leads handed to the two reps, every one past its follow-up deadline."""
    system = Actor.system()
    definition = {
        "root": {"items": [{"field": "display_name", "op": "startswith", "value": "Person 00"}]}
    }
    save_segment(store, system, "Overdue", definition)
    set_handoff_rules(store, system, 0, 48)
    for rep in ("rita", "sam"):
        report = hand_off_segment(store, system, "Overdue", utc_now(), to_rep=find_rep(store, rep))
        for lead in report.handed_off:
            unit_of_work.update(
                store, system, "lead", lead.lead_id, {"follow_up_due_at": "2020-01-01T09:00"}
            )
    assert len(expired_leads(store, system, utc_now())) > 0
    return store


def _open_every_tab(qtbot: QtBot, window: MainWindow, widget: QWidget) -> int:
    """Show each tab of each tab widget under ``widget``; returns how many were shown."""
    shown = 0
    for tabs in widget.findChildren(QTabWidget):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            qtbot.wait(10)
            window.context.worker.wait_until_idle()
            shown += 1
    return shown


@pytest.mark.parametrize("username", ["rita", "maria", "ada"])
def test_opening_every_page_of_a_role_writes_nothing(
    qtbot: QtBot,
    overdue_store: Store,
    main_window_for: Callable[[str], MainWindow],
    username: str,
) -> None:
    before = _change_count(overdue_store)
    overdue_before = len(expired_leads(overdue_store, Actor.system(), utc_now()))
    window = main_window_for(username)
    window.show()
    shown = 0
    for index in range(window.pages.count()):
        window.pages.setCurrentIndex(index)
        page = window.page(index)
        window.context.worker.wait_until_idle()
        shown += 1 + _open_every_tab(qtbot, window, page)
    qtbot.wait(200)
    window.context.worker.wait_until_idle()

    assert shown > window.pages.count()  # the tabs inside the pages were opened too
    assert _change_count(overdue_store) == before
    assert len(expired_leads(overdue_store, Actor.system(), utc_now())) == overdue_before
