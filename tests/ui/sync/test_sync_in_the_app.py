"""pytest-qt: sign in, edit offline, sync, and settle a conflict in the conflict center."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from server_process import ServerProcess, new_client

from contactdesk.model import Contact
from contactdesk.services import unit_of_work
from contactdesk.services.store_opening import open_store
from contactdesk.sync.credentials import TokenStore
from contactdesk.sync.server_client import ServerClient
from contactdesk.sync.sync_state import read_status
from ui.database_worker import DatabaseWorker
from ui.sync.background_sync import BackgroundSync
from ui.sync.conflict_center import ConflictCenterDialog
from ui.sync.sign_in_dialog import SignInDialog
from ui.sync.sync_status_widget import SyncStatusWidget


def test_sign_in_edit_offline_sync_and_keep_mine_in_the_conflict_center(
    server: ServerProcess, tmp_path: Path, qtbot: QtBot
) -> None:
    store = open_store(tmp_path / "desk.db")
    worker = DatabaseWorker(immediate=True)
    tokens = TokenStore()
    dialog = SignInDialog(store, worker=worker, tokens=tokens)
    qtbot.addWidget(dialog)
    dialog.server_edit.setText(server.url)
    dialog.user_edit.setText("ada")
    dialog.password_edit.setText("correct-horse-1")
    dialog.submit()
    assert dialog.actor is not None and dialog.actor.username == "ada"

    def fresh_client() -> ServerClient:
        return ServerClient(server.url, tokens.load(server.url, "ada"))

    background = BackgroundSync(store, worker, fresh_client)
    status_widget = SyncStatusWidget()
    qtbot.addWidget(status_widget)
    background.status_changed.connect(status_widget.show_status)
    background.sync_now()
    other = new_client(server, tmp_path / "other.db", "ada")
    other.sync()
    record_id = unit_of_work.create(
        store, dialog.actor, "contact", {"display_name": "Conflicted Carla"}
    ).record_id
    background.sync_now()
    other.sync()
    unit_of_work.update(store, dialog.actor, "contact", record_id, {"title": "Mine"})
    unit_of_work.update(other.store, other.actor, "contact", record_id, {"title": "Theirs"})
    other.sync()
    background.sync_now()
    assert "1 conflicts" in status_widget.conflicts_button.text()

    center = ConflictCenterDialog(store, dialog.actor, worker)
    qtbot.addWidget(center)
    assert center.table.item(0, 3).text() == "Mine"
    assert center.table.item(0, 4).text() == "Theirs"
    center.resolve_selected("mine")
    assert center.table.rowCount() == 0
    background.sync_now()
    other.sync()
    with other.store.reading() as session:
        contact = session.get(Contact, record_id)
        assert contact is not None and contact.title == "Mine"
    assert read_status(store).open_conflicts == 0
    background.stop()
    other.close()
    store.close()
