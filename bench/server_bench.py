"""Sync server benchmark: pushes and pulls per second, and p99 latency, with N concurrent clients.

Starts real ``contactdesk-server serve`` processes on a fresh PostgreSQL
database, logs in one sales user per client, then runs a push phase (each
request a batch of one create) and a pull phase (each request one page of up
to 100 feed records since the client's cursor), every client in its own thread.

    python bench/server_bench.py [--clients 50] [--seconds 15] [--servers 2]
        [--postgres postgresql+psycopg://postgres@127.0.0.1:5432/postgres]

The database is created as ``cd_bench_<random>`` and dropped afterwards.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import httpx
from sqlalchemy import create_engine, text

from contactdesk.model.base import utc_now
from contactdesk.server.admin.schemas import UserCreate
from contactdesk.server.admin.service import create_user
from contactdesk.server.database import Database, create_server_engine
from contactdesk.server.schema_setup import prepare_database
from contactdesk.services.actor import Actor
from contactdesk.sync_protocol import PROTOCOL_HEADER, PROTOCOL_VERSION

PASSWORD = "bench-password-1"


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, seconds: float, ok: bool) -> None:
        with self.lock:
            self.latencies.append(seconds)
            self.errors += 0 if ok else 1


def p99(values: list[float]) -> float:
    return statistics.quantiles(values, n=100)[98] if len(values) > 1 else values[0]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start_servers(url: str, count: int) -> tuple[list[subprocess.Popen[bytes]], list[str]]:
    processes, urls = [], []
    for _ in range(count):
        port = free_port()
        command = [sys.executable, "-m", "contactdesk.server.cli", "serve", "--database-url", url]
        command += ["--port", str(port), "--log-level", "warning"]
        processes.append(subprocess.Popen(command))
        urls.append(f"http://127.0.0.1:{port}")
    for base in urls:
        for _ in range(300):
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            raise SystemExit(f"server {base} did not start")
    return processes, urls


def client_for(base: str, username: str) -> httpx.Client:
    client = httpx.Client(
        base_url=base, headers={PROTOCOL_HEADER: str(PROTOCOL_VERSION)}, timeout=120
    )
    answer = client.post("/auth/login", json={"username": username, "password": PASSWORD})
    answer.raise_for_status()
    client.headers["Authorization"] = f"Bearer {answer.json()['token']}"
    return client


def push_loop(client: httpx.Client, stop: float, tally: Tally) -> None:
    while time.perf_counter() < stop:
        change = {
            "change_id": str(uuid.uuid4()),
            "entity": "contact",
            "record_id": str(uuid.uuid4()),
            "op": "create",
            "base_version": 0,
            "fields": {"display_name": "Bench Contact", "city": "Leeds"},
        }
        started = time.perf_counter()
        answer = client.post("/sync/push", json={"changes": [change]})
        tally.add(time.perf_counter() - started, answer.status_code == 200)


def pull_loop(client: httpx.Client, stop: float, tally: Tally) -> None:
    cursor = 0
    while time.perf_counter() < stop:
        started = time.perf_counter()
        answer = client.get("/sync/changes", params={"since": cursor, "limit": 100})
        tally.add(time.perf_counter() - started, answer.status_code == 200)
        page: dict[str, Any] = answer.json()
        # Start over at the end, so every pull carries a full page of work.
        cursor = page["cursor"] if page["has_more"] else 0


def run_phase(clients: list[httpx.Client], seconds: float, loop: Any) -> Tally:
    tally = Tally()
    stop = time.perf_counter() + seconds
    threads = [threading.Thread(target=loop, args=(c, stop, tally)) for c in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--servers", type=int, default=2)
    parser.add_argument(
        "--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
    )
    args = parser.parse_args()
    name = f"cd_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(args.postgres, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = args.postgres.rsplit("/", 1)[0] + f"/{name}"
    processes: list[subprocess.Popen[bytes]] = []
    try:
        engine = create_server_engine(url)
        prepare_database(engine)
        with Database(engine).transaction() as session:
            for index in range(args.clients):
                body = UserCreate(username=f"rep{index}", role="sales", password=PASSWORD)
                create_user(session, Actor.system(), body, utc_now())
        engine.dispose()
        processes, urls = start_servers(url, args.servers)
        clients = [client_for(urls[i % len(urls)], f"rep{i}") for i in range(args.clients)]
        pushes = run_phase(clients, args.seconds, push_loop)
        pulls = run_phase(clients, args.seconds, pull_loop)
        print(
            f"\n{args.clients} concurrent clients, {args.servers} server process(es),"
            f" PostgreSQL, {args.seconds:g} s per phase, {os.cpu_count()} cores shared by all\n"
        )
        print("| operation | requests/s | p50 ms | p99 ms | errors |")
        print("|---|---|---|---|---|")
        for label, tally in (("push (1 create per batch)", pushes), ("pull (page of ≤100)", pulls)):
            rate = len(tally.latencies) / args.seconds
            median = statistics.median(tally.latencies) * 1000
            print(
                f"| {label} | {rate:.0f} | {median:.0f} | {p99(tally.latencies) * 1000:.0f} |"
                f" {tally.errors} |"
            )
        for client in clients:
            client.close()
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=15)
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


if __name__ == "__main__":
    main()
