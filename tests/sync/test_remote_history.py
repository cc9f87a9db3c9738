"""Record history from other devices: after a sync, who changed what elsewhere, and how."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from server_process import ServerProcess, SyncedClient, new_client
from sqlalchemy import func, select

from contactdesk.model import RemoteChange
from contactdesk.services import unit_of_work
from contactdesk.services.record_history import HistoryEntry, record_history
from contactdesk.sync.sync_engine import SyncEngine


@pytest.fixture
def clients(server: ServerProcess, tmp_path: Path) -> Iterator[dict[str, SyncedClient]]:
    """Signed-in, synced desktop clients by name, each on its own store file."""
    opened: dict[str, SyncedClient] = {}

    class Clients(dict[str, SyncedClient]):
        def __missing__(self, name: str) -> SyncedClient:
            username = name.split("-")[0]
            client = new_client(server, tmp_path / f"{name}.db", username)
            client.sync()
            opened[name] = client
            self[name] = client
            return client

    yield Clients()
    for client in opened.values():
        client.close()


def _create(device: SyncedClient, **fields: Any) -> uuid.UUID:
    record_id = unit_of_work.create(device.store, device.actor, "contact", fields).record_id
    device.sync()
    return record_id


def _edit(device: SyncedClient, record_id: uuid.UUID, **fields: Any) -> None:
    unit_of_work.update(device.store, device.actor, "contact", record_id, fields)
    device.sync()


def _history(device: SyncedClient, record_id: uuid.UUID) -> list[HistoryEntry]:
    return record_history(device.store, device.actor, "contact", record_id)


def _moves(entries: list[HistoryEntry]) -> list[tuple[str | None, str, Any, Any]]:
    return [
        (entry.actor_name, change.field, change.old, change.new)
        for entry in entries
        if entry.op == "update"
        for change in entry.fields
    ]


def _store_bytes(device: SyncedClient) -> bytes:
    path = Path(str(device.store.path))
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def test_an_edit_made_on_another_device_shows_after_sync_with_old_and_new_value(
    server: ServerProcess, clients: dict[str, SyncedClient]
) -> None:
    admin, sales = clients["ada"], clients["sam"]
    contact = _create(admin, display_name="Ann Lee", city="York", owner_id=server.user_id("sam"))
    sales.sync()
    _edit(admin, contact, city="Leeds")
    sales.sync()
    history = _history(sales, contact)
    assert _moves(history) == [("ada", "city", "York", "Leeds")]
    assert history[0].on_this_device is False and history[0].synced is True


def test_a_record_created_elsewhere_and_never_edited_has_no_history_lines(
    server: ServerProcess, clients: dict[str, SyncedClient]
) -> None:
    admin, sales = clients["ada"], clients["sam"]
    contact = _create(admin, display_name="Ben Ode", owner_id=server.user_id("sam"))
    sales.sync()
    assert _history(sales, contact) == []


def test_the_same_user_on_a_second_device_sees_the_first_devices_edits(
    clients: dict[str, SyncedClient],
) -> None:
    laptop, desktop = clients["sam-laptop"], clients["sam-desktop"]
    contact = _create(laptop, display_name="Cleo Day", city="Bath")
    _edit(laptop, contact, city="Wells")
    desktop.sync()
    assert _moves(_history(desktop, contact)) == [("sam", "city", "Bath", "Wells")]


def test_a_devices_own_edits_are_listed_once_after_syncing_back(
    clients: dict[str, SyncedClient],
) -> None:
    sales = clients["sam"]
    contact = _create(sales, display_name="Dora Eve", city="Ely")
    # Two edits of one record before a sync travel coalesced, under another id.
    unit_of_work.update(sales.store, sales.actor, "contact", contact, {"city": "Diss"})
    unit_of_work.update(sales.store, sales.actor, "contact", contact, {"city": "Cley"})
    sales.sync()
    sales.sync()
    history = _history(sales, contact)
    assert [entry.on_this_device for entry in history] == [True, True, True]
    assert [entry.op for entry in history] == ["update", "update", "create"]


def test_history_of_a_record_handed_over_arrives_with_it(
    server: ServerProcess, clients: dict[str, SyncedClient]
) -> None:
    colleague, sales, admin = clients["sue"], clients["sam"], clients["ada"]
    contact = _create(colleague, display_name="Egon Fry", city="Hull")
    _edit(colleague, contact, city="Goole")
    sales.sync()  # the feed passes Sue's changes: not Sam's to see yet
    admin.sync()
    _edit(admin, contact, owner_id=server.user_id("sam"))
    sales.sync()
    moves = _moves(_history(sales, contact))
    assert ("sue", "city", "Hull", "Goole") in moves
    assert [name for name, field, _, _ in moves if field == "owner_id"] == ["ada"]


def test_a_field_hidden_from_the_role_has_no_history_on_its_devices(
    server: ServerProcess, clients: dict[str, SyncedClient]
) -> None:
    server.admin_call(
        "POST",
        "/admin/fields",
        {"entity": "contact", "name": "rival_plan", "label": "Rival plan", "type": "text"},
    )
    server.admin_call(
        "PUT",
        "/admin/rules",
        {"role": "sales", "entity": "contact", "field": "rival_plan", "access": "hidden"},
    )
    admin, sales = clients["ada"], clients["sam"]
    admin.sync()
    contact = _create(
        admin, display_name="Finn Gale", owner_id=server.user_id("sam"), rival_plan="PLAN-ONE-4471"
    )
    _edit(admin, contact, rival_plan="PLAN-TWO-4472", city="Hove")
    sales.sync()
    assert _moves(_history(sales, contact)) == [("ada", "city", None, "Hove")]
    on_disk = _store_bytes(sales)
    assert b"PLAN-ONE-4471" not in on_disk and b"PLAN-TWO-4472" not in on_disk


def test_hiding_a_field_later_takes_its_remote_history_off_the_disk(
    server: ServerProcess, clients: dict[str, SyncedClient]
) -> None:
    server.admin_call(
        "POST",
        "/admin/fields",
        {"entity": "contact", "name": "deal_angle", "label": "Deal angle", "type": "text"},
    )
    admin, sales = clients["ada"], clients["sam"]
    admin.sync()
    contact = _create(
        admin, display_name="Gus Hale", owner_id=server.user_id("sam"), deal_angle="ANGLE-A-8812"
    )
    _edit(admin, contact, deal_angle="ANGLE-B-8813", city="Rye")
    sales.sync()
    assert ("ada", "deal_angle", "ANGLE-A-8812", "ANGLE-B-8813") in _moves(_history(sales, contact))
    server.admin_call(
        "PUT",
        "/admin/rules",
        {"role": "sales", "entity": "contact", "field": "deal_angle", "access": "hidden"},
    )
    assert sales.sync().resynced
    assert _moves(_history(sales, contact)) == [("ada", "city", None, "Rye")]
    assert b"ANGLE-A-8812" not in _store_bytes(sales)


def test_a_sync_cut_off_before_the_history_resumes_it_next_time(
    server: ServerProcess, clients: dict[str, SyncedClient]
) -> None:
    admin, sales = clients["ada"], clients["sam"]
    contact = _create(admin, display_name="Hal Ives", city="Deal", owner_id=server.user_id("sam"))
    _edit(admin, contact, city="Sandwich")
    failing = _HistoryRefused(sales.client)
    with pytest.raises(ConnectionError):
        SyncEngine(sales.store, failing).sync()  # type: ignore[arg-type]
    assert _moves(_history(sales, contact)) == []
    sales.sync()
    assert _moves(_history(sales, contact)) == [("ada", "city", "Deal", "Sandwich")]
    with sales.store.reading() as session:
        copies = session.scalar(
            select(func.count()).select_from(RemoteChange).where(RemoteChange.record_id == contact)
        )
    assert copies == 1  # the edit, once


class _HistoryRefused:
    """The real client, cut off (as by a dropped network) when the history is asked for."""

    def __init__(self, client: Any) -> None:
        self._client = client

    def history(self, since: int, limit: int) -> Any:
        raise ConnectionError("network dropped")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._client, name)
