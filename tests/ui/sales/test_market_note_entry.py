"""A market note from a contact card and from the week: field intel of kind market_note."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot
from sales_scenario import SalesWeek
from sales_ui_steps import save_form
from sqlalchemy import select

from contactdesk.model import Intel
from contactdesk.store import Store
from ui.forms.record_form_dialog import RecordFormDialog
from ui.sales.contact_card_widget import ContactCardWidget
from ui.sales.week_plan_view import ActivityRole, WeekPlanView
from ui.view_context import ViewContext


def _write_note(qtbot: QtBot, dialog: RecordFormDialog, tag: str, text: str) -> None:
    """Fill in a note whose topic is the tag's words (competitor seen, price heard)."""
    editors = dialog.form.editors
    assert editors["kind"].input_widget().currentData() == "market_note"
    assert editors["kind"].input_widget().currentText() == "Market note"
    topic = editors["topic"]
    topic.input_widget().setCurrentIndex(topic.input_widget().findData(tag.replace(" ", "_")))
    topic.edited.emit()
    qtbot.keyClicks(editors["tag"].input_widget(), tag)
    qtbot.keyClicks(editors["text"].input_widget(), text)
    save_form(qtbot, dialog)


def _row(view: WeekPlanView, subject: str) -> QTreeWidgetItem:
    for index in range(view.tree.topLevelItemCount()):
        section = view.tree.topLevelItem(index)
        for n in range(section.childCount() if section is not None else 0):
            child = section.child(n) if section is not None else None
            item = child.data(0, ActivityRole) if child is not None else None
            if child is not None and item is not None and item.subject == subject:
                return child
    raise AssertionError(f"no row for {subject!r}")


def _notes(store: Store) -> list[tuple[str | None, str | None, object, object]]:
    with store.reading() as session:
        rows = session.execute(
            select(Intel.tag, Intel.text, Intel.contact_id, Intel.account_id).where(
                Intel.kind == "market_note"
            )
        )
        return [tuple(row) for row in rows]


def test_a_market_note_from_a_contact_card_is_linked_to_the_contact_and_company(
    qtbot: QtBot, rita_context: ViewContext, clock: Callable[[], datetime], week: SalesWeek,
    store: Store,
) -> None:  # fmt: skip
    card = ContactCardWidget(rita_context, clock=clock)
    qtbot.addWidget(card)
    card.load(week.carla)
    qtbot.mouseClick(card.market_note_button, Qt.MouseButton.LeftButton)
    dialog = card.dialog
    assert isinstance(dialog, RecordFormDialog)
    _write_note(qtbot, dialog, "competitor seen", "RivalSoft demoed at their depot last week")
    assert _notes(store) == [
        ("competitor seen", "RivalSoft demoed at their depot last week", week.carla, week.acme)
    ]


def test_a_market_note_from_the_week_is_about_the_chosen_rows_contact(
    qtbot: QtBot, rita_context: ViewContext, clock: Callable[[], datetime], week: SalesWeek,
    store: Store,
) -> None:  # fmt: skip
    view = WeekPlanView(rita_context, clock=clock)
    qtbot.addWidget(view)
    view.tree.setCurrentItem(_row(view, "Demo meeting"))
    qtbot.mouseClick(view.market_note_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, RecordFormDialog)
    heard = "Logistics tenders now ask for 10% off list"
    _write_note(qtbot, dialog, "price heard", heard)
    assert _notes(store) == [("price heard", heard, week.carla, week.acme)]
