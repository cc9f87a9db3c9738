"""A `contactdesk sync` killed with SIGKILL mid-push or mid-pull resumes: no loss, no duplicate."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from server_process import CLIENT_BIN, PASSWORD, ServerProcess, new_client

from contactdesk.services import unit_of_work

CONTACTS = 600


def sync_process(server: ServerProcess, store: Path, *extra: str) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "CONTACTDESK_PASSWORD": PASSWORD,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
    }
    return subprocess.Popen(
        [
            CLIENT_BIN,
            "sync",
            "--store",
            str(store),
            "--server",
            server.url,
            "--user",
            "ada",
            *extra,
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def count(store: Path, sql: str) -> int:
    """A figure read from the store without creating it (read-only) while a sync writes it."""
    if not store.exists():
        return 0
    connection = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    try:
        value: int = connection.execute(sql).fetchone()[0]
    except sqlite3.OperationalError:
        return 0  # the sync has not created the table yet
    finally:
        connection.close()
    return value


def kill_when(process: subprocess.Popen[bytes], ready: Callable[[], bool]) -> bool:
    """SIGKILL ``process`` as soon as ``ready()``; False if it finished first."""
    while process.poll() is None:
        if ready():
            process.send_signal(signal.SIGKILL)
            process.wait()
            return True
        time.sleep(0.01)
    return False


def server_count(server: ServerProcess, sql: str) -> int:
    with sqlite3.connect(server.database) as connection:
        value: int = connection.execute(sql).fetchone()[0]
    return value


def test_sync_killed_mid_push_resumes_and_applies_each_change_once(
    server: ServerProcess, tmp_path: Path
) -> None:
    client = new_client(server, tmp_path / "pusher.db", "ada")
    client.sync()
    for n in range(CONTACTS):
        unit_of_work.create(
            client.store, client.actor, "contact", {"display_name": f"Pushed Person {n:04d}"}
        )
    client.close()
    store = tmp_path / "pusher.db"
    pending = "SELECT count(*) FROM change_log WHERE pushed_at IS NULL"
    process = sync_process(server, store, "--batch-size", "5")
    killed = kill_when(process, lambda: 0 < count(store, pending) < CONTACTS)
    assert killed, "the sync finished before it could be killed mid-push"
    assert sync_process(server, store).wait() == 0
    assert count(store, pending) == 0
    assert (
        server_count(
            server, "SELECT count(*) FROM contacts WHERE display_name LIKE 'Pushed Person %'"
        )
        == CONTACTS
    )
    assert (
        server_count(
            server,
            "SELECT count(*) FROM feed_changes WHERE op = 'create' AND entity = 'contact'"
            " AND record_id IN (SELECT id FROM contacts WHERE display_name LIKE 'Pushed Person %')",
        )
        == CONTACTS
    )


def test_sync_killed_mid_pull_resumes_from_its_cursor_and_holds_every_record(
    server: ServerProcess, tmp_path: Path
) -> None:
    writer = new_client(server, tmp_path / "writer.db", "ada")
    writer.sync()
    for n in range(CONTACTS):
        unit_of_work.create(
            writer.store, writer.actor, "contact", {"display_name": f"Pulled Person {n:04d}"}
        )
    writer.sync()
    writer.close()
    store = tmp_path / "puller.db"
    cursor = "SELECT coalesce(max(cursor), 0) FROM sync_state"
    process = sync_process(server, store, "--page-size", "10")
    killed = kill_when(process, lambda: count(store, cursor) > 0)
    assert killed, "the sync finished before it could be killed mid-pull"
    assert (
        count(store, "SELECT count(*) FROM contacts WHERE display_name LIKE 'Pulled Person %'")
        < CONTACTS
    )
    assert sync_process(server, store).wait() == 0
    on_server = server_count(server, "SELECT count(*) FROM contacts")
    assert count(store, "SELECT count(*) FROM contacts") == on_server
    assert count(store, "SELECT count(DISTINCT id) FROM contacts") == on_server
    assert count(store, "SELECT count(*) FROM search_docs WHERE entity = 'contact'") == on_server
