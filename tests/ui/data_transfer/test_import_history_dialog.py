"""The File menu's import history: past imports listed, one reverted after asking."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import select

from contactdesk.importing.store_import import import_contacts
from contactdesk.model import Contact
from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from ui.data_transfer.import_history import ImportHistoryDialog
from ui.main_window import MainWindow


def test_the_history_lists_an_import_and_reverts_it_keeping_a_worked_on_contact(
    qtbot: Any, main_window_for: Callable[[str], MainWindow], tmp_path: Path
) -> None:
    window = main_window_for("ada")
    store = window.context.session.store
    path = tmp_path / "fair.csv"
    path.write_text(
        "Name,Email,Notes\nAnn,ann@fair.example,\nBob,bob@fair.example,\n,,no name\n",
        encoding="utf-8",
    )
    import_contacts(store, Actor.system(), path)
    with store.reading() as session:
        ann = session.scalar(select(Contact.id).where(Contact.display_name == "Ann"))
    unit_of_work.create(
        store, Actor.system(), "activity", {"kind": "call", "subject": "Hi", "contact_id": ann}
    )
    window.transfer_actions["import_history"].trigger()
    (dialog,) = window.findChildren(ImportHistoryDialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    assert dialog.table.item(0, 1).text() == "fair.csv"
    asked: list[str] = []
    dialog.confirm = lambda chosen: asked.append(chosen.file_name) or True
    dialog.table.selectRow(0)
    assert dialog.revert_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.skipped.count() == 1)
    assert dialog.skipped.item(0).text().startswith("Skipped: line 4:")
    qtbot.mouseClick(dialog.revert_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.kept.count() == 1)
    assert asked == ["fair.csv"]
    assert dialog.kept.item(0).text() == "Ann: has activities"
    qtbot.waitUntil(lambda: dialog.table.item(0, 4).text() == "reverted")
    with store.reading() as session:
        assert list(
            session.scalars(
                select(Contact.display_name).where(Contact.email.like("%@fair.example"))
            )
        ) == ["Ann"]
    dialog.close()
    # The main window refreshes its counts after the revert: let it finish while it exists
    # (the store's notice reaches it as a queued signal, then a task on the worker).
    for _ in range(3):
        qtbot.wait(100)
        assert window.context.worker.wait_until_idle()
