"""The soak: N clients editing and syncing at random against one server on PostgreSQL,
the server SIGKILLed and restarted half-way, then everyone syncs until converged.

``run_soak`` returns the figures (operations, syncs, conflicts, server memory);
``tests/faults/test_soak.py`` checks them and ``bench/bench_soak.py`` prints them.
"""

from __future__ import annotations

import random
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from fault_proxy import FaultPlan
from server_process import SyncedClient
from sqlalchemy import func, select
from sync_cluster import (
    SyncCluster,
    reps_see_every_contact,
    rss_kib,
    sync_cluster,
    visible_contacts,
)

from contactdesk.errors import ContactDeskError
from contactdesk.model import ChangeLog, SyncConflict
from contactdesk.services import unit_of_work

FIELDS = ("title", "city", "notes")
WORDS = ("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel")


@dataclass
class SoakFigures:
    """What a soak did and what the server process used."""

    clients: int
    seconds: float
    edits: int = 0
    creates: int = 0
    deletes: int = 0
    syncs: int = 0
    failed_syncs: int = 0
    conflicts: int = 0
    records: int = 0
    server_restarts: int = 0
    converged: bool = False
    unpushed_after: int = 0
    # Server RSS in KiB: peak of each process lifetime, and the samples of the last one.
    peak_rss_kib: list[int] = field(default_factory=list)
    last_lifetime_rss_kib: list[int] = field(default_factory=list)

    @property
    def operations(self) -> int:
        return self.edits + self.creates + self.deletes + self.syncs

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "operations": self.operations}


def _users(clients: int) -> dict[str, tuple[str, str | None]]:
    users: dict[str, tuple[str, str | None]] = {"ada": ("admin", None)}
    for n in range(clients - 1):
        users[f"rep{n}"] = ("sales", "north" if n % 2 else "south")
    return users


def _sync(client: SyncedClient, figures: SoakFigures) -> None:
    figures.syncs += 1
    try:
        figures.conflicts += client.sync().conflicts
    except ContactDeskError:
        figures.failed_syncs += 1  # the server is restarting: the next sync resumes


def _step(client: SyncedClient, rng: random.Random, figures: SoakFigures) -> None:
    roll = rng.random()
    if roll < 0.3:
        _sync(client, figures)
        return
    ids = sorted(visible_contacts(client))
    if roll < 0.4 or not ids:
        unit_of_work.create(
            client.store,
            client.actor,
            "contact",
            {"first_name": rng.choice(WORDS), "last_name": rng.choice(WORDS)},
        )
        figures.creates += 1
        return
    record_id = rng.choice(ids)
    if roll < 0.42:
        unit_of_work.delete(client.store, client.actor, "contact", record_id)
        figures.deletes += 1
        return
    unit_of_work.update(
        client.store,
        client.actor,
        "contact",
        record_id,
        {rng.choice(FIELDS): f"{rng.choice(WORDS)} {rng.randint(1, 999)}"},
    )
    figures.edits += 1


def _settle(cluster: SyncCluster, figures: SoakFigures) -> None:
    for _ in range(3):
        for client in cluster.clients:
            figures.conflicts += client.sync().conflicts
    fresh = cluster.add_client("ada")
    fresh.sync()
    server_state = visible_contacts(fresh)
    figures.records = len(server_state)
    figures.converged = all(visible_contacts(c) == server_state for c in cluster.clients)
    for client in cluster.clients:
        with client.store.reading() as session:
            figures.unpushed_after += int(
                session.scalar(
                    select(func.count()).select_from(ChangeLog).where(ChangeLog.pushed_at.is_(None))
                )
                or 0
            )
            kept = session.scalar(select(func.count()).select_from(SyncConflict)) or 0
            figures.conflicts = max(figures.conflicts, int(kept))


def run_soak(
    folder: Path, *, clients: int = 10, seconds: float = 90.0, seed: int = 7
) -> SoakFigures:
    """Run the soak for about ``seconds`` of editing; returns its figures."""
    rng = random.Random(seed)
    figures = SoakFigures(clients=clients, seconds=seconds)
    with sync_cluster(folder, _users(clients), FaultPlan(seed=seed)) as cluster:
        reps_see_every_contact(cluster)
        for name in _users(clients):
            cluster.add_client(name).sync()
        started = time.monotonic()
        restarted = False
        samples: list[int] = []
        while (elapsed := time.monotonic() - started) < seconds:
            if not restarted and elapsed >= seconds / 2:
                figures.peak_rss_kib.append(max(samples, default=0))
                samples = []
                cluster.restart_server()
                restarted = True
            _step(rng.choice(cluster.clients), rng, figures)
            samples.append(rss_kib(cluster.server.process.pid))
        figures.peak_rss_kib.append(max(samples, default=0))
        figures.last_lifetime_rss_kib = samples
        figures.server_restarts = cluster.restarts
        _settle(cluster, figures)
    return figures
