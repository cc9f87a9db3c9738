"""No stored word reaches a dialog either: every screen of the screenshot script (each page
and tab of each role, and the dialogs opened from them: record forms, Log a call, Move
stage, the import wizard, the segment builder, the report drill-down, sign-in, conflicts,
preferences...) and the dialogs it does not picture (completing a meeting, a new activity,
a market note, hand-off, learned weights, routing rules, setting a target, shortcuts) are
opened on a demo store with every kind of record, and their visible texts checked against
the stored words (``tests/ui/identifier_walk.py``)."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from identifier_walk import raw_words, texts
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from contactdesk.demo import generate_demo
from contactdesk.model import Opportunity
from contactdesk.services.store_opening import open_store
from screenshots.scene_context import SceneContext
from screenshots.scene_registry import SCENES
from ui.forms.record_form_dialog import RecordFormDialog
from ui.main_window import MainWindow
from ui.marketing_tools.marketing_tools_view import MarketingToolsView
from ui.sales.activity_dialogs import CompleteActivityDialog
from ui.sales.market_notes import open_market_note
from ui.sales.sales_view import SalesView
from ui.sales.targets_view import TargetsView


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    generate_demo(path, contacts=300, seed=7)
    return path


@pytest.fixture
def scenes(qapp: QApplication, demo_file: Path, tmp_path: Path) -> Iterator[SceneContext]:
    copy = tmp_path / "demo.db"
    shutil.copyfile(demo_file, copy)
    store = open_store(copy)
    context = SceneContext(store)
    yield context
    for widget in QApplication.topLevelWidgets():
        widget.close()
    context.close()
    store.close()


def _page(window: MainWindow, kind: type[QWidget]) -> QWidget:
    window.resize(1280, 800)
    window.show()
    for index in range(window.pages.count()):
        page = window.page(index)
        found = page if isinstance(page, kind) else page.findChild(kind)
        if found is not None:
            window.pages.setCurrentIndex(index)
            return found
    raise AssertionError(f"no {kind.__name__} in the window")


def _week_items(scenes: SceneContext) -> list:  # type: ignore[type-arg]
    sales = _page(scenes.main_window("sales"), SalesView)
    assert isinstance(sales, SalesView)
    scenes.settle(lambda: sales.week.plan is not None)
    assert sales.week.plan is not None
    return list(sales.week.plan.items())


def complete_meeting(scenes: SceneContext) -> QWidget:
    item = next(i for i in _week_items(scenes) if i.kind != "call" and not i.done)
    dialog = CompleteActivityDialog(scenes.view_context("sales"), item.activity_id, item.subject)
    dialog.outcome.setCurrentIndex(0)
    return dialog


def follow_up_form(scenes: SceneContext) -> QWidget:
    item = next(i for i in _week_items(scenes) if i.kind == "follow_up")
    context = scenes.view_context("sales")
    return RecordFormDialog(context.session, context.worker, "activity", str(item.activity_id))


def deal_form(scenes: SceneContext) -> QWidget:
    context = scenes.view_context("sales")
    with scenes.store.reading() as session:
        deal_id = session.scalars(
            select(Opportunity.id).where(Opportunity.owner_id == context.session.actor.user_id)
        ).first()
    assert deal_id is not None, "the rep has no deal"
    return RecordFormDialog(context.session, context.worker, "opportunity", str(deal_id))


def contact_form(scenes: SceneContext) -> QWidget:
    item = next(i for i in _week_items(scenes) if i.contact_id is not None)
    context = scenes.view_context("sales")
    return RecordFormDialog(context.session, context.worker, "contact", str(item.contact_id))


def market_note(scenes: SceneContext) -> QWidget:
    window = scenes.main_window("sales")
    return open_market_note(scenes.view_context("sales"), window)


def _lead_list(scenes: SceneContext) -> MarketingToolsView:
    tools = _page(scenes.main_window("marketing"), MarketingToolsView)
    assert isinstance(tools, MarketingToolsView)
    return tools


def handoff(scenes: SceneContext) -> QWidget:
    return _lead_list(scenes).leads.open_handoff()


def learned_weights(scenes: SceneContext) -> QWidget:
    return _lead_list(scenes).leads.open_weights()


def routing_rules(scenes: SceneContext) -> QWidget:
    return _lead_list(scenes).leads.open_routing_rules()


def set_target(scenes: SceneContext) -> QWidget:
    for role in ("admin", "sales"):
        window = scenes.main_window(role)
        if window.findChild(TargetsView) is not None:
            targets = _page(window, TargetsView)
            assert isinstance(targets, TargetsView)
            return targets.set_target()
    raise AssertionError("no role sets targets")


def shortcuts(scenes: SceneContext) -> QWidget:
    window = scenes.main_window("sales")
    window.show()
    return window.show_shortcuts()


UNPICTURED: dict[str, Callable[[SceneContext], QWidget]] = {
    "complete_meeting": complete_meeting,
    "follow_up_form": follow_up_form,
    "deal_form": deal_form,
    "contact_form": contact_form,
    "market_note": market_note,
    "handoff": handoff,
    "learned_weights": learned_weights,
    "routing_rules": routing_rules,
    "set_target": set_target,
    "shortcuts": shortcuts,
}


def _shown_texts() -> list[str]:
    """The texts of every window and dialog on screen."""
    shown: list[str] = []
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            shown.extend(texts(widget))
    return shown


@pytest.mark.parametrize("name", sorted({**SCENES, **UNPICTURED}))
def test_no_screen_or_dialog_shows_a_stored_word(scenes: SceneContext, name: str) -> None:
    widget = {**SCENES, **UNPICTURED}[name](scenes)
    widget.show()
    scenes.settle()
    shown = _shown_texts()
    assert shown, "the screen shows nothing to check"
    found = sorted(raw_words(shown))
    assert found == [], ", ".join(found)
