"""Sync benchmark against a real server process: initial sync of 100,000 contacts, 1,000 edits.

Targets (DESIGN.md): initial sync of 100,000 contacts < 20 s; push + pull of
1,000 edited records < 2 s. Prints a markdown table. The server is seeded
through the sync API itself (pushes of 500), so its feed is the real one.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "tests" / "sync"))

from server_process import new_client, running_server

from contactdesk.services import unit_of_work
from contactdesk.sync_protocol import PushedChange

EDITS = 1_000


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--contacts", type=int, default=100_000, help="contacts to seed (default 100,000)"
    )
    parser.add_argument("contacts_pos", nargs="?", type=int, help=argparse.SUPPRESS)
    options = parser.parse_args()
    contacts = options.contacts_pos or options.contacts
    edits = min(EDITS, contacts)
    folder = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    with running_server(folder) as server:
        seeder = server.client("ada")
        ids = [uuid.uuid4() for _ in range(contacts)]
        started = time.perf_counter()
        for start in range(0, contacts, 500):
            seeder.push(_creates(ids[start : start + 500], start))
        seeding = time.perf_counter() - started
        client = new_client(server, folder / "client.db", "ada")
        started = time.perf_counter()
        first = client.sync()
        initial = time.perf_counter() - started
        for record_id in ids[:edits]:
            unit_of_work.update(client.store, client.actor, "contact", record_id, {"title": "CFO"})
        other = new_client(server, folder / "other.db", "ada")
        other.sync()
        started = time.perf_counter()
        pushed = client.sync()
        push_time = time.perf_counter() - started
        started = time.perf_counter()
        pulled = other.sync()
        pull_time = time.perf_counter() - started
    print("| operation | records | time | target |")
    print("|---|---|---|---|")
    print(f"| seed server (API pushes of 500) | {contacts:,} | {seeding:.1f} s | - |")
    print(
        f"| initial sync (records, then {first.history:,} history lines)"
        f" | {first.pulled:,} | {initial:.1f} s | < 20 s |"
    )
    print(f"| push of {edits:,} edits | {pushed.pushed:,} | {push_time:.2f} s | - |")
    print(f"| pull of {edits:,} edits | {pulled.pulled:,} | {pull_time:.2f} s | - |")
    print(f"| push + pull of {edits:,} edits | {edits:,} | {push_time + pull_time:.2f} s | < 2 s |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
