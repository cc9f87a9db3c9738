"""Benchmark: the sales week planner for one rep on the 1M-contact store (target < 20 ms).

    python bench/bench_week_plan.py [--store PATH] [--runs N]

Times ``week_plan`` for every sales rep of the demo store (median and p95 over
all runs) through the services, and replays the exact SQL it sent with plain
``sqlite3`` for the ratio. ``measure(store_path, runs)`` has the signature of
run_bench.py's ``extra_*`` hook, so the row can join BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run_bench import DEFAULT_STORE, Row, SqlRecorder, _compare, _raw_connection

from contactdesk.selling.week_plan import week_plan
from contactdesk.services.directory import list_users
from contactdesk.store import open_store

TARGET_MS = 20.0


def measure(store_path: Path, runs: int) -> list[Row]:
    """One row: the week plan of each rep in turn, at the current time."""
    store = open_store(store_path)
    recorder = SqlRecorder(store)
    raw = _raw_connection(store_path)
    try:
        reps = [user for user in list_users(store) if user.role == "sales"]
        if not reps:
            raise SystemExit(f"{store_path} has no sales reps; build it with contactdesk demo")
        now = datetime.now(UTC)
        calls = [
            (lambda rep=rep: week_plan(store, rep.actor(), rep.id, now=now))  # type: ignore[misc]
            for rep in reps
        ]
        row = _compare(
            f"sales week plan, one rep ({len(reps)} reps in turn)",
            calls, store, recorder, raw, runs * len(reps), TARGET_MS, "< 20 ms", False,
        )  # fmt: skip
        return [row]
    finally:
        raw.close()
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=DEFAULT_STORE)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    print("| operation | median ms | p95 ms | raw sqlite3 ms | ratio | target | met |")
    print("|---|---|---|---|---|---|---|")
    for row in measure(args.store, args.runs):
        ratio = f"{row.ratio:.2f}x" if row.ratio is not None else ""
        raw = f"{row.raw_median:.2f}" if row.raw_median is not None else ""
        print(
            f"| {row.operation} | {row.median:.2f} | {row.p95:.2f} | {raw} | {ratio} "
            f"| {row.target} | {'yes' if row.passed else 'no'} |"
        )


if __name__ == "__main__":
    main()
