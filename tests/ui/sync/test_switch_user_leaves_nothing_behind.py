"""After File › Switch User on a synced store, the file holds only what the new user's
role may have: records and fields that only the previous user's role received are gone
from the store file (and its write-ahead log, and the automatic snapshots beside it), not
merely hidden by the window.

A real server process: a marketer's store holds every contact, and a custom field hidden
from sales; the marketer hands the app to a sales rep, whose sync starts the feed anew.
"""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from server_process import PASSWORD, ServerProcess, SyncedClient, new_client
from switch_steps import store_file_bytes, switching_to, synced_window

from contactdesk.model import Contact
from contactdesk.services import unit_of_work
from contactdesk.sync.credentials import TokenStore
from contactdesk.sync.server_client import ServerClient
from contactdesk.sync.sign_in import sign_in, sign_out
from ui import app
from ui.main_window import MainWindow

CODENAME = "RIVAL-CODENAME-4417"  # a field hidden from sales, on sam's own contact
SOUTH_ONLY = "SOUTHERN-SECRET-9023"  # a contact of sue's, another sales team's


def _records_for_both_roles(server: ServerProcess, admin: SyncedClient, field: str) -> None:
    """A custom contact field hidden from sales on sam's contact, and a contact of sue's;
    ``field`` names the custom field (the server process is shared by the module's tests)."""
    server.admin_call(
        "POST",
        "/admin/fields",
        {"entity": "contact", "name": field, "label": f"Rival codename {field}", "type": "text"},
    )
    server.admin_call(
        "PUT",
        "/admin/rules",
        {"role": "sales", "entity": "contact", "field": field, "access": "hidden"},
    )
    admin.sync()
    unit_of_work.create(
        admin.store,
        admin.actor,
        "contact",
        {"display_name": "Hana North", "owner_id": server.user_id("sam"),
         field: CODENAME},
    )  # fmt: skip
    unit_of_work.create(
        admin.store,
        admin.actor,
        "contact",
        {"display_name": "Sid South", "owner_id": server.user_id("sue"), "notes": SOUTH_ONLY},
    )
    admin.sync()


def _synced_once_more(qtbot: QtBot, window: MainWindow) -> None:
    background = window.sync_controller.background
    qtbot.waitUntil(lambda: not background.running, timeout=20_000)
    with qtbot.waitSignal(background.finished, timeout=20_000):
        window.sync_controller.sync_now()


def test_switching_to_a_rep_removes_what_only_the_marketer_received(
    server: ServerProcess, tmp_path: Path, qtbot: QtBot
) -> None:
    admin = new_client(server, tmp_path / "admin.db", "ada")
    admin.sync()
    _records_for_both_roles(server, admin, "rival_codename")
    path = tmp_path / "desk.db"
    window = synced_window(qtbot, server, path, "mia")
    store = window.context.session.store
    # The marketer's store holds both (the disk search does find values).
    assert CODENAME.encode() in store_file_bytes(path)
    assert SOUTH_ONLY.encode() in store_file_bytes(path)

    errors: list[str] = []
    window.user_switcher.run_dialog = switching_to(qtbot, "sam", [PASSWORD], errors)
    window.user_switcher.action.trigger()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=20_000)
    rep_window = app.OPEN_WINDOWS[-1]
    qtbot.addWidget(rep_window)
    assert errors == [] and rep_window.context.session.actor.username == "sam"
    _synced_once_more(qtbot, rep_window)

    with store.reading() as session:
        names = sorted(c.display_name for c in session.query(Contact).all())
    assert "Hana North" in names and "Sid South" not in names
    # Nor in the file, nor in the automatic snapshots beside it (a restore point stays).
    snapshots = sorted(path.parent.glob("desk.snapshot-*.db"))
    assert snapshots
    for on_disk in [store_file_bytes(path), *(s.read_bytes() for s in snapshots)]:
        assert CODENAME.encode() not in on_disk
        assert SOUTH_ONLY.encode() not in on_disk
    rep_window.close()
    app.OPEN_WINDOWS.clear()
    store.close()
    admin.close()


def test_signing_out_and_in_as_a_rep_removes_what_only_the_marketer_received(
    server: ServerProcess, tmp_path: Path
) -> None:
    """Sync › Sign out, then Sign in… as someone else: the same fresh start as a switch."""
    admin = new_client(server, tmp_path / "admin.db", "ada")
    admin.sync()
    _records_for_both_roles(server, admin, "rival_codename_again")
    path = tmp_path / "desk.db"
    marketer = new_client(server, path, "mia")
    marketer.sync()
    assert SOUTH_ONLY.encode() in store_file_bytes(path)
    tokens = TokenStore()
    sign_out(marketer.store, marketer.client, tokens)
    client = ServerClient(server.url)
    rep = SyncedClient(
        marketer.store, client, sign_in(marketer.store, client, "sam", PASSWORD, tokens)
    )
    rep.sync()
    with rep.store.reading() as session:
        names = {c.display_name for c in session.query(Contact).all()}
    assert "Hana North" in names and "Sid South" not in names
    on_disk = store_file_bytes(path)
    assert CODENAME.encode() not in on_disk and SOUTH_ONLY.encode() not in on_disk
    marketer.client.close()
    rep.close()
    admin.close()
