"""Sync benchmark against a real server process: initial sync of 100,000 contacts, 1,000 edits.

Targets (DESIGN.md): initial sync of 100,000 contacts < 5 s; push + pull of
1,000 edited records < 1 s; a no-op incremental sync at 100,000 records < 100 ms.
Prints a markdown table (``run_bench.py --sync`` adds the rows to BENCHMARKS.md).
The server is seeded through the sync API itself (pushes of 500), so its feed
is the real one. ``--seeded DIR`` keeps the seeded server database in DIR and
starts from a copy of it on later runs (seeding 100,000 takes minutes).

Each row shows wall time, this process's CPU time (the client) and the server
process's CPU time (read from /proc), so that a loaded machine can be read.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).parents[1] / "tests" / "sync"))
sys.path.insert(0, str(Path(__file__).parent))

from run_bench import Row
from server_process import ServerProcess, new_client, running_server

from contactdesk.services import unit_of_work
from contactdesk.sync_protocol import PushedChange

EDITS = 1_000
T = TypeVar("T")


def _creates(ids: list[uuid.UUID], first: int) -> list[PushedChange]:
    return [
        PushedChange(
            change_id=uuid.uuid4(),
            entity="contact",
            record_id=record_id,
            op="create",
            fields={
                "display_name": f"Bench Person {n:06d}",
                "email": f"person{n}@example.com",
                "city": "Leeds",
            },
        )
        for n, record_id in enumerate(ids, first)
    ]


def _seed(server: ServerProcess, contacts: int) -> list[uuid.UUID]:
    seeder = server.client("ada")
    ids = [uuid.uuid4() for _ in range(contacts)]
    for start in range(0, contacts, 500):
        seeder.push(_creates(ids[start : start + 500], start))
    seeder.close()
    return ids


def _seeded_ids(database: Path, contacts: int) -> list[uuid.UUID]:
    """The ids of the seeded contacts in the order they were pushed."""
    with sqlite3.connect(database) as connection:
        rows = connection.execute(
            "SELECT record_id FROM record_versions WHERE entity = 'contact'"
            " ORDER BY version LIMIT ?",
            (contacts,),
        ).fetchall()
    return [uuid.UUID(hex=str(row[0])) for row in rows]


def _prepare(folder: Path, seeded: Path | None, contacts: int) -> Path | None:
    """Copy a kept seeded server database into ``folder``; None when there is none yet."""
    if seeded is None:
        return None
    kept = seeded / f"server-{contacts}.db"
    if not kept.exists():
        return None
    shutil.copyfile(kept, folder / "server.db")
    return kept


def sync_rows(contacts: int = 100_000, seeded: Path | None = None) -> list[Row]:
    """Seed a real server with ``contacts``, then time a fresh client's syncs.

    Rows: initial sync, push + pull of 1,000 edits, a no-op incremental sync.
    Times are wall (the server is another process) with this process's CPU
    time, the client's share, and the server process's CPU time beside them.
    """
    edits = min(EDITS, contacts)
    folder = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    kept = _prepare(folder, seeded, contacts)
    rows: list[Row] = []
    with running_server(folder, create_users=kept is None) as server:
        if kept is None:
            ids = _seed(server, contacts)
            if seeded is not None:
                seeded.mkdir(parents=True, exist_ok=True)
                with (
                    sqlite3.connect(server.database) as source,
                    sqlite3.connect(seeded / f"server-{contacts}.db") as target,
                ):
                    source.backup(target)
        else:
            ids = _seeded_ids(server.database, contacts)
        pid = server.process.pid
        client = new_client(server, folder / "client.db", "ada")
        timing, first = _timed(client.sync, pid)
        rows.append(_row(f"sync: initial, {first.pulled:,} records", timing, 5000))
        for record_id in ids[:edits]:
            unit_of_work.update(client.store, client.actor, "contact", record_id, {"title": "CFO"})
        other = new_client(server, folder / "other.db", "ada")
        other.sync()
        push, _ = _timed(client.sync, pid)
        pull, _ = _timed(other.sync, pid)
        both = tuple(a + b for a, b in zip(push, pull, strict=True))
        rows.append(_row(f"sync: push + pull of {edits:,} edits", both, 1000))
        idle, _ = _timed(client.sync, pid)
        rows.append(_row(f"sync: no-op incremental, {contacts:,} records", idle, 100))
    shutil.rmtree(folder, ignore_errors=True)
    return rows


def _process_cpu(pid: int) -> float:
    """CPU seconds (user + system) process ``pid`` has used, from /proc; 0 elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _timed(call: Callable[[], T], server_pid: int) -> tuple[tuple[float, float, float], T]:
    """(wall, client CPU, server CPU) seconds of ``call``, and its result."""
    started = time.perf_counter(), time.process_time(), _process_cpu(server_pid)
    result = call()
    ended = time.perf_counter(), time.process_time(), _process_cpu(server_pid)
    wall, cpu, server_cpu = (end - start for end, start in zip(ended, started, strict=True))
    return (wall, cpu, server_cpu), result


def _row(name: str, timing: tuple[float, ...], target_ms: float) -> Row:
    """A run_bench row judged on wall time: the user waits for the server too."""
    wall, cpu, server_cpu = timing
    return Row(
        name, cpu * 1000, cpu * 1000, None, f"< {target_ms:,.0f} ms (wall)",
        wall * 1000 < target_ms, note=f"CPU: client; server {server_cpu * 1000:,.0f} ms",
        wall_median=wall * 1000, server_cpu=server_cpu * 1000,
    )  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--contacts", type=int, default=100_000, help="contacts to seed (default 100,000)"
    )
    parser.add_argument(
        "--seeded",
        type=Path,
        default=None,
        help="keep the seeded server database in this folder and reuse it on later runs",
    )
    options = parser.parse_args()
    print("| operation | wall ms | client CPU ms | server CPU ms | target | met |")
    print("|---|---:|---:|---:|---|---|")
    for row in sync_rows(options.contacts, options.seeded):
        print(
            f"| {row.operation} | {row.wall_median or 0:,.0f} | {row.median:,.0f}"
            f" | {row.server_cpu or 0:,.0f} | {row.target} | {'yes' if row.passed else 'no'} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
