"""A change relay deleted with its widget stops listening to the store."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QWidget

from contactdesk.services import directory, unit_of_work
from contactdesk.services.record_queries import page_records
from ui.store_changes import StoreChangeRelay


def test_a_deleted_relay_leaves_the_store_and_later_changes_still_commit(qtbot, store) -> None:
    owner = QWidget()
    relay = StoreChangeRelay(store, owner)
    heard: list[object] = []
    relay.changed.connect(heard.append)
    before = len(store._listeners)
    owner.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert len(store._listeners) == before - 1

    actor = directory.find_user(store, "ada").actor()
    record = page_records(store, actor, "contact", limit=1).rows[0]
    unit_of_work.update(store, actor, "contact", record["id"], {"notes": "still saves"})
    assert heard == []


def test_a_live_relay_passes_each_change_on(qtbot, store) -> None:
    relay = StoreChangeRelay(store)
    actor = directory.find_user(store, "ada").actor()
    record = page_records(store, actor, "contact", limit=1).rows[0]
    with qtbot.waitSignal(relay.changed, timeout=2000) as blocker:
        unit_of_work.update(store, actor, "contact", record["id"], {"notes": "heard"})
    assert "contact" in blocker.args[0].entities()
    relay.detach()
