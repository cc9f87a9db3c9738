"""Several real server processes on one PostgreSQL database: one gapless, ordered feed."""

from __future__ import annotations

import threading
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import PASSWORD, PostgresTestDatabase
from server_processes import running_servers
from sqlalchemy import create_engine, text

from contactdesk.sync_protocol import PROTOCOL_HEADER, PROTOCOL_VERSION

WRITERS = 6
BATCHES_PER_WRITER = 8
CHANGES_PER_BATCH = 3


def login(url: str, username: str) -> httpx.Client:
    client = httpx.Client(
        base_url=url, headers={PROTOCOL_HEADER: str(PROTOCOL_VERSION)}, timeout=60
    )
    answer = client.post("/auth/login", json={"username": username, "password": PASSWORD})
    answer.raise_for_status()
    client.headers["Authorization"] = f"Bearer {answer.json()['token']}"
    return client


def write(client: httpx.Client, created: list[str], versions: list[int]) -> None:
    for _ in range(BATCHES_PER_WRITER):
        changes = [
            {
                "change_id": str(uuid.uuid4()),
                "entity": "contact",
                "record_id": str(uuid.uuid4()),
                "op": "create",
                "base_version": 0,
                "fields": {"display_name": "Concurrent"},
            }
            for _ in range(CHANGES_PER_BATCH)
        ]
        answer = client.post("/sync/push", json={"changes": changes})
        answer.raise_for_status()
        for sent, outcome in zip(changes, answer.json()["results"], strict=True):
            assert outcome["status"] == "applied"
            created.append(sent["record_id"])
            versions.append(outcome["version"])


def read_until(clients: list[httpx.Client], done: threading.Event, seen: set[str]) -> list[str]:
    """Poll the feed round-robin across servers until ``done``, then drain; returns problems."""
    problems: list[str] = []
    cursor, turn = 0, 0
    while True:
        finishing = done.is_set()
        while True:
            client = clients[turn % len(clients)]
            turn += 1
            page: dict[str, Any] = client.get(
                "/sync/changes", params={"since": cursor, "limit": 100}
            ).json()
            if any(record["version"] <= cursor for record in page["changes"]):
                problems.append(f"a record at or below cursor {cursor} came back")
            if page["cursor"] < cursor:
                problems.append(f"cursor went back from {cursor} to {page['cursor']}")
            seen.update(r["id"] for r in page["changes"] if r["entity"] == "contact")
            cursor = page["cursor"]
            if not page["has_more"]:
                break
        if finishing:
            return problems


@pytest.mark.slow
@pytest.mark.postgres
def test_concurrent_pushes_through_three_processes_get_gapless_sequence_numbers(
    postgres_database: PostgresTestDatabase, tmp_path: Path
) -> None:
    postgres_database.reset()
    with running_servers(postgres_database.url, 3, tmp_path) as urls:
        writers = [login(urls[i % 3], ("sam", "sue")[i % 2]) for i in range(WRITERS)]
        readers = [login(url, "ada") for url in urls]
        created: list[str] = []
        versions: list[int] = []
        seen: set[str] = set()
        done = threading.Event()
        problems: list[str] = []
        reader = threading.Thread(target=lambda: problems.extend(read_until(readers, done, seen)))
        reader.start()
        threads = [threading.Thread(target=write, args=(c, created, versions)) for c in writers]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        done.set()
        reader.join()
    total = WRITERS * BATCHES_PER_WRITER * CHANGES_PER_BATCH
    assert len(created) == total and len(set(versions)) == total
    engine = create_engine(postgres_database.url)
    with engine.connect() as connection:
        seqs = list(connection.execute(text("SELECT seq FROM feed_changes ORDER BY seq")).scalars())
    engine.dispose()
    assert seqs == list(range(1, len(seqs) + 1))
    assert set(versions) <= set(seqs)
    assert problems == []
    assert set(created) <= seen
