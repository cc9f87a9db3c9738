"""A real ``contactdesk-server`` process over HTTP, its users, and client stores synced with it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import keyring
from keyring.backend import KeyringBackend

from contactdesk.services.actor import Actor
from contactdesk.services.store_opening import open_store
from contactdesk.store import Store
from contactdesk.sync.credentials import TokenStore
from contactdesk.sync.server_client import Backoff, ServerClient
from contactdesk.sync.sign_in import sign_in
from contactdesk.sync.sync_engine import SyncEngine, SyncReport

PASSWORD = "correct-horse-1"
# username -> (role, team): an admin, two sales reps in different teams, a marketer.
PEOPLE = {
    "ada": ("admin", None),
    "sam": ("sales", "north"),
    "sue": ("sales", "south"),
    "mia": ("marketing", "marketing"),
}
SERVER_BIN = str(Path(sys.executable).with_name("contactdesk-server"))
CLIENT_BIN = str(Path(sys.executable).with_name("contactdesk"))


class MemoryKeyring(KeyringBackend):
    """A keyring that lives in this process only: tests never touch the user's real one."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@dataclass
class ServerProcess:
    url: str
    database: Path
    process: subprocess.Popen[bytes]

    def client(self, username: str, *, backoff: Backoff | None = None) -> ServerClient:
        """A client signed in as ``username``."""
        client = ServerClient(self.url, backoff=backoff or Backoff(attempts=2, first=0.05))
        client.login(username, PASSWORD)
        return client

    def user_id(self, username: str) -> uuid.UUID:
        """The server's id of ``username``."""
        users = self.admin_call("GET", "/admin/users")
        return uuid.UUID(next(u["id"] for u in users if u["username"] == username))

    def admin_call(self, method: str, path: str, json: Any = None) -> Any:
        client = self.client("ada")
        try:
            return client.call(method, path, json)
        finally:
            client.close()


def _run_server_cli(args: list[str], database_url: str) -> None:
    env = {**os.environ, "CONTACTDESK_PASSWORD": PASSWORD}
    subprocess.run(
        [SERVER_BIN, *args, "--database-url", database_url],
        check=True,
        env=env,
        capture_output=True,
    )


@contextmanager
def running_server(
    folder: Path, port: int | None = None, *, create_users: bool = True
) -> Iterator[ServerProcess]:
    """Create the users, start ``contactdesk-server serve``, wait for /health, stop it after.

    ``create_users=False`` serves a database that holds them already (a kept copy).
    """
    database = folder / "server.db"
    database_url = f"sqlite:///{database}"
    for name, (role, team) in PEOPLE.items() if create_users else ():
        _run_server_cli(
            ["create-user", name, "--role", role, *(["--team", team] if team else [])],
            database_url,
        )
    process = start_server(database_url, port or free_port(), folder / "server.log")
    try:
        yield process
    finally:
        stop_server(process)


def start_server(database_url: str, port: int, log: Path) -> ServerProcess:
    url = f"http://127.0.0.1:{port}"
    with log.open("ab") as output:
        process = subprocess.Popen(
            [
                SERVER_BIN,
                "serve",
                "--database-url",
                database_url,
                "--port",
                str(port),
                "--log-level",
                "warning",
            ],
            stdout=output,
            stderr=output,
        )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                return ServerProcess(url, Path(database_url.removeprefix("sqlite:///")), process)
        except httpx.TransportError:
            pass
        if process.poll() is not None:
            raise RuntimeError(f"server exited: {log.read_text()}")
        time.sleep(0.1)
    process.kill()
    raise RuntimeError("server did not become healthy in 90 s (a loaded machine)")


def stop_server(server: ServerProcess) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()


@dataclass
class SyncedClient:
    """One desktop client: its store, signed in as one user."""

    store: Store
    client: ServerClient
    actor: Actor

    def sync(self, **options: Any) -> SyncReport:
        return SyncEngine(self.store, self.client, **options).sync()

    def close(self) -> None:
        self.client.close()
        self.store.close()


def new_client(server: ServerProcess, path: Path, username: str) -> SyncedClient:
    """A fresh store at ``path`` signed in to ``server`` as ``username`` (not yet synced)."""
    if not isinstance(keyring.get_keyring(), MemoryKeyring):
        keyring.set_keyring(MemoryKeyring())
    store = open_store(path)
    client = ServerClient(server.url, backoff=Backoff(attempts=2, first=0.05))
    actor = sign_in(store, client, username, PASSWORD, TokenStore())
    return SyncedClient(store, client, actor)
