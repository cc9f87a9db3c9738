"""`contactdesk sync`: prints what moved; user errors are one line and exit 1."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring

sys.path.insert(0, str(Path(__file__).parents[1] / "sync"))

from server_process import (
    PASSWORD,
    MemoryKeyring,
    ServerProcess,
    free_port,
    new_client,
    running_server,
)

from contactdesk.cli.main import main
from contactdesk.services import record_queries, unit_of_work
from contactdesk.services.store_opening import open_store
from contactdesk.sync.sign_in import device_id


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    with running_server(tmp_path_factory.mktemp("server")) as process:
        yield process


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(previous)


def test_sync_prints_what_moved(
    server: ServerProcess,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("CONTACTDESK_PASSWORD", PASSWORD)
    status = main(
        ["sync", "--store", str(tmp_path / "c.db"), "--server", server.url, "--user", "sam"]
    )
    assert status == 0
    assert capsys.readouterr().out.startswith("pushed 0, pulled ")


def test_without_a_secure_keyring_each_run_revokes_the_token_it_signed_in_for(
    server: ServerProcess,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Issue 18, finding 8: a CLI sync every few minutes left a live 30-day token each time."""
    keyring.set_keyring(FailKeyring())
    monkeypatch.setenv("CONTACTDESK_PASSWORD", PASSWORD)
    path = tmp_path / "c.db"
    for _ in range(3):
        assert main(["sync", "--store", str(path), "--server", server.url, "--user", "mia"]) == 0
    assert "no secure keyring here" in capsys.readouterr().err
    store = open_store(path)
    device = device_id(store)
    store.close()
    with sqlite3.connect(server.database) as database:
        made, live = database.execute(
            "SELECT count(*), count(*) FILTER (WHERE revoked_at IS NULL)"
            " FROM access_tokens WHERE device = ?",
            (device,),
        ).fetchone()
    assert (made, live) == (3, 0)


def test_a_wrong_password_exits_1_with_one_line(
    server: ServerProcess,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("CONTACTDESK_PASSWORD", "wrong")
    status = main(
        ["sync", "--store", str(tmp_path / "c.db"), "--server", server.url, "--user", "sam"]
    )
    error = capsys.readouterr().err
    assert status == 1
    assert error.count("\n") == 1 and "sign-in refused" in error


def test_an_unreachable_server_exits_1_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CONTACTDESK_PASSWORD", PASSWORD)
    url = f"http://127.0.0.1:{free_port()}"
    status = main(["sync", "--store", str(tmp_path / "c.db"), "--server", url, "--user", "sam"])
    error = capsys.readouterr().err
    assert status == 1
    assert error.count("\n") == 1 and "cannot reach the server" in error


def test_a_marketer_or_admins_sync_re_routes_leads_past_their_deadline(
    server: ServerProcess,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("CONTACTDESK_PASSWORD", PASSWORD)
    admin = new_client(server, tmp_path / "ada.db", "ada")
    admin.sync()  # the users arrive
    contact = unit_of_work.create(
        admin.store, admin.actor, "contact", {"display_name": "Late Lead"}
    ).record_id
    lead = unit_of_work.create(
        admin.store,
        admin.actor,
        "lead",
        {
            "contact_id": contact,
            "owner_id": server.user_id("sam"),
            "status": "handed_off",
            "handed_off_at": "2020-01-01T09:00",
        },
    ).record_id
    update = {"follow_up_due_at": "2020-01-03T09:00"}
    unit_of_work.update(admin.store, admin.actor, "lead", lead, update)
    admin.close()

    status = main(
        ["sync", "--store", str(tmp_path / "ada.db"), "--server", server.url, "--user", "ada"]
    )

    assert status == 0
    assert "re-routed or escalated: 1" in capsys.readouterr().out
    rep = new_client(server, tmp_path / "sue.db", "sue")
    rep.sync()
    moved = record_queries.get_record(rep.store, rep.actor, "lead", lead)
    rep.close()
    assert (moved["owner_id"], moved["status"]) == (str(server.user_id("sue")), "handed_off")
