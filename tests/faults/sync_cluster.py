"""A sync server on a fresh PostgreSQL database that can be SIGKILLed and restarted,
reached through a fault proxy, with any number of signed-in desktop clients.

Used by the fault test and the soak (bench/bench_soak.py). The database is
created as ``cd_faults_<random>`` and dropped afterwards.
"""

from __future__ import annotations

import os
import signal
import subprocess
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import keyring
from fault_proxy import FaultPlan, FaultProxy
from server_process import (
    PASSWORD,
    SERVER_BIN,
    MemoryKeyring,
    ServerProcess,
    SyncedClient,
    free_port,
    start_server,
    stop_server,
)
from sqlalchemy import create_engine, select, text

from contactdesk.model import Contact
from contactdesk.services.field_rules import load_policy
from contactdesk.services.store_opening import open_store
from contactdesk.sync.credentials import TokenStore
from contactdesk.sync.server_client import Backoff, ServerClient
from contactdesk.sync.sign_in import sign_in

POSTGRES_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def postgres_url(database: str) -> str:
    return POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{database}"


@contextmanager
def fresh_postgres_database() -> Iterator[str]:
    """A new, empty PostgreSQL database for one run; its URL. Dropped afterwards."""
    name = f"cd_faults_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield postgres_url(name)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def create_user(database_url: str, name: str, role: str, team: str | None = None) -> None:
    env = {**os.environ, "CONTACTDESK_PASSWORD": PASSWORD}
    subprocess.run(
        [
            SERVER_BIN,
            "create-user",
            name,
            "--role",
            role,
            *(["--team", team] if team else []),
            "--database-url",
            database_url,
        ],
        check=True,
        env=env,
        capture_output=True,
    )


def rss_kib(pid: int) -> int:
    """Resident memory of process ``pid`` in KiB, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


@dataclass
class SyncCluster:
    """One server process (restartable), one fault proxy in front of it, the clients."""

    folder: Path
    database_url: str
    port: int
    server: ServerProcess
    proxy: FaultProxy
    clients: list[SyncedClient] = field(default_factory=list)
    restarts: int = 0

    def kill_server(self) -> None:
        """SIGKILL the server: no shutdown, open transactions are cut off."""
        self.server.process.send_signal(signal.SIGKILL)
        self.server.process.wait(timeout=30)

    def start_server(self) -> None:
        self.server = start_server(self.database_url, self.port, self.folder / "server.log")

    def restart_server(self) -> None:
        self.kill_server()
        self.start_server()
        self.restarts += 1

    def add_client(self, username: str) -> SyncedClient:
        """A fresh store signed in as ``username`` through the proxy."""
        if not isinstance(keyring.get_keyring(), MemoryKeyring):
            keyring.set_keyring(MemoryKeyring())
        store = open_store(self.folder / f"{username}-{len(self.clients)}.db")
        client = ServerClient(
            self.proxy.url,
            backoff=Backoff(attempts=4, first=0.05, cap=0.5),
            # A connection per request: each request can meet its own fault.
            transport=httpx.HTTPTransport(limits=httpx.Limits(max_keepalive_connections=0)),
        )
        actor = sign_in(store, client, username, PASSWORD, TokenStore())
        synced = SyncedClient(store, client, actor)
        self.clients.append(synced)
        return synced

    def admin_call(self, method: str, path: str, json: Any = None) -> Any:
        return self.server.admin_call(method, path, json)

    def server_rows(self, query: str) -> list[Any]:
        engine = create_engine(self.database_url)
        try:
            with engine.connect() as connection:
                return list(connection.execute(text(query)))
        finally:
            engine.dispose()


@contextmanager
def sync_cluster(folder: Path, users: dict[str, tuple[str, str | None]], plan: FaultPlan):
    """Database, users, server and proxy (faults off until ``proxy.start_faults()``)."""
    with fresh_postgres_database() as database_url:
        for name, (role, team) in users.items():
            create_user(database_url, name, role, team)
        port = free_port()
        server = start_server(database_url, port, folder / "server.log")
        proxy = FaultProxy(port, plan).start()
        cluster = SyncCluster(folder, database_url, port, server, proxy)
        try:
            yield cluster
        finally:
            for client in cluster.clients:
                client.close()
            proxy.close()
            stop_server(cluster.server)
            # The server's pooled connections must be gone before the drop.
            cluster.server.process.wait(timeout=30)


def reps_see_every_contact(cluster: SyncCluster) -> None:
    """Sales reps see and edit every contact, so clients share records to edit."""
    roles = cluster.admin_call("GET", "/admin/roles")
    sales = next(role for role in roles if role["name"] == "sales")
    cluster.admin_call("PATCH", f"/admin/roles/{sales['id']}", {"scope": "all"})


def visible_contacts(client: SyncedClient) -> dict[uuid.UUID, dict[str, Any]]:
    """Every contact the client holds, by the fields a sales rep sees."""
    with client.store.reading() as session:
        policy = load_policy(session, "sales")
        names = [spec.name for spec in policy.visible_builtin("contact")]
        return {
            contact.id: {name: getattr(contact, name) for name in names}
            for contact in session.scalars(select(Contact))
        }
