"""Benchmark: duplicate finding over a large store, and a large CSV import.

    python bench/bench_duplicates.py find --store bench/data/bench-1m.db
    python bench/bench_duplicates.py import --rows 1000000 --work /tmp/bench-import

Prints wall time and peak resident memory (ru_maxrss). Not a test: figures
depend on the machine.
"""

from __future__ import annotations

import argparse
import csv
import resource
import time
from pathlib import Path

from contactdesk.duplicates import find_duplicate_candidates
from contactdesk.importing.store_import import import_contacts
from contactdesk.services.actor import Actor
from contactdesk.services.store_opening import open_store

COMPANIES = ("Acme Ltd", "Globex plc", "Initech", "Umbrella Corp", "Stark Industries")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_find(store_path: Path) -> None:
    store = open_store(store_path)
    started = time.perf_counter()
    report = find_duplicate_candidates(
        store,
        Actor.system(),
        progress=lambda step: print(f"  {step} done at {time.perf_counter() - started:.1f} s"),
    )
    print(
        f"find duplicates: {time.perf_counter() - started:.1f} s, "
        f"counts {report.counts}, peak {peak_mb():.0f} MB"
    )
    store.close()


def write_csv(path: Path, rows: int) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "First Name",
                "Last Name",
                "E-mail 1 - Value",
                "Phone 1 - Value",
                "Organization Name",
                "Organization Title",
                "Notes",
            ]
        )
        for n in range(rows):
            writer.writerow(
                [
                    f"First{n % 997}",
                    f"Last{n}",
                    f"person{n}@example.com",
                    f"+44 20 7946 {n % 10000:04d}",
                    f"{COMPANIES[n % 5]} {n % 2000}",
                    "Buyer",
                    "Imported for the benchmark",
                ]
            )


def bench_import(work: Path, rows: int) -> None:
    work.mkdir(parents=True, exist_ok=True)
    source = work / f"people-{rows}.csv"
    if not source.exists():
        write_csv(source, rows)
    store_path = work / "import.db"
    for stale in work.glob("import.db*"):
        stale.unlink()
    store = open_store(store_path)
    started = time.perf_counter()
    last = [0.0]

    def progress(done: int, total: int) -> None:
        if time.perf_counter() - last[0] > 10:
            last[0] = time.perf_counter()
            print(
                f"  {done}/{total} at {last[0] - started:.0f} s, peak {peak_mb():.0f} MB",
                flush=True,
            )

    result = import_contacts(store, Actor.system(), source, progress=progress)
    elapsed = time.perf_counter() - started
    print(
        f"import {rows} rows: {elapsed:.0f} s ({rows / elapsed:.0f} rows/s), "
        f"imported {result.imported}, skipped {result.skipped_count}, peak {peak_mb():.0f} MB"
    )
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=("find", "import"))
    parser.add_argument("--store", type=Path, default=Path("bench/data/bench-1m.db"))
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/bench-import"))
    args = parser.parse_args()
    if args.what == "find":
        bench_find(args.store)
    else:
        bench_import(args.work, args.rows)


if __name__ == "__main__":
    main()
