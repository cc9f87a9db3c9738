"""A real ``contactdesk-server`` process on the test's database, and users talking to it."""

from __future__ import annotations

import json
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import PASSWORD, PostgresTestDatabase, Template
from server_processes import running_servers

from contactdesk.sync_protocol import PROTOCOL_HEADER, PROTOCOL_VERSION


@dataclass
class LiveServer:
    """Base URL of one server process, and one signed-in HTTP client per user."""

    url: str
    database_url: str
    folder: Path
    clients: dict[str, httpx.Client] = field(default_factory=dict)

    def anonymous(self) -> httpx.Client:
        return httpx.Client(
            base_url=self.url, headers={PROTOCOL_HEADER: str(PROTOCOL_VERSION)}, timeout=60
        )

    def user(self, username: str) -> httpx.Client:
        if username not in self.clients:
            client = self.anonymous()
            answer = client.post("/auth/login", json={"username": username, "password": PASSWORD})
            assert answer.status_code == 200, answer.text
            client.headers["Authorization"] = f"Bearer {answer.json()['token']}"
            self.clients[username] = client
        return self.clients[username]

    def send(self, username: str, method: str, path: str, body: Any) -> httpx.Response:
        """``body`` as JSON with ASCII escapes: lone surrogates and NaN travel as JSON allows."""
        return self.user(username).request(
            method,
            path,
            content=json.dumps(body).encode("ascii"),
            headers={"Content-Type": "application/json"},
        )

    def push(self, username: str, *changes: dict[str, Any]) -> httpx.Response:
        return self.send(username, "POST", "/sync/push", {"changes": list(changes)})

    def feed(self, username: str) -> dict[tuple[str, str], dict[str, Any]]:
        """Every record the user's feed holds now, by (entity, id); asserts each page reads."""
        seen: dict[tuple[str, str], dict[str, Any]] = {}
        since = 0
        while True:
            answer = self.user(username).get("/sync/changes", params={"since": since})
            assert answer.status_code == 200, answer.text
            page = answer.json()
            seen.update({(r["entity"], r["id"]): r for r in page["changes"]})
            since = page["cursor"]
            if not page["has_more"]:
                return seen

    def close(self) -> None:
        for client in self.clients.values():
            client.close()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def live(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    """One server process per module and backend, on a fresh copy of the seeded database.

    Tests share it (a process start and migration cost seconds), so each test
    compares what it reads before and after its own requests.
    """
    folder = tmp_path_factory.mktemp(f"live-{request.param}")
    if request.param == "sqlite":
        template: Template = request.getfixturevalue("sqlite_template")
        shutil.copy(template.location, folder / "server.db")
        url = f"sqlite:///{folder / 'server.db'}"
    else:
        postgres: PostgresTestDatabase = request.getfixturevalue("postgres_database")
        postgres.reset()
        url = postgres.url
    with running_servers(url, 1, folder) as urls:
        server = LiveServer(urls[0], url, folder)
        yield server
        server.close()


@contextmanager
def another_process(live: LiveServer, *options: str) -> Iterator[LiveServer]:
    """A second server process on ``live``'s database, started with ``options``."""
    with running_servers(live.database_url, 1, live.folder, options) as urls:
        server = LiveServer(urls[0], live.database_url, live.folder)
        yield server
        server.close()


def new_change(
    entity: str,
    record_id: str | None = None,
    op: str = "create",
    base_version: int = 0,
    **fields: Any,
) -> dict[str, Any]:
    return {
        "change_id": str(uuid.uuid4()),
        "entity": entity,
        "record_id": record_id or str(uuid.uuid4()),
        "op": op,
        "base_version": base_version,
        "fields": fields,
    }
