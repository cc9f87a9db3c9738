"""Benchmark: segment count + breakdown and every report on the 1M-contact store.

    python bench/bench_reports.py [--store PATH] [--runs N]

Uses bench/data/bench-1m.db (built by bench/run_bench.py) or the store named.
The segment case needs a custom field: if the store has no ``contact.loyalty``,
one is added and filled for every contact with one SQL statement (this writes
to the store, so point --store at a copy if it is shared). Prints a markdown
table of medians against the DESIGN.md target.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

from sqlalchemy import select, text

from contactdesk.model import FieldDefinition
from contactdesk.reports.report_registry import default_params, report_names, run_report
from contactdesk.segments.segment_counts import summarise_segment
from contactdesk.segments.segment_definition import FieldCondition, all_of
from contactdesk.services.actor import Actor
from contactdesk.services.custom_fields import add_custom_field
from contactdesk.services.policy_cache import forget_policies
from contactdesk.services.store_opening import open_store
from contactdesk.store import Store

DEFAULT_STORE = Path(__file__).parent / "data" / "bench-1m.db"
SEGMENT_TARGET_MS = 300.0


def ensure_loyalty(store: Store) -> None:
    """A numeric custom field on every contact (0-9), for the custom-field filter."""
    with store.reading() as session:
        field_id = session.scalar(
            select(FieldDefinition.id).where(
                FieldDefinition.entity == "contact", FieldDefinition.name == "loyalty"
            )
        )
    if field_id is None:
        add_custom_field(store, Actor.system(), "contact", "loyalty", "number")
        forget_policies(store)
        with store.transaction() as session:
            session.execute(
                text(
                    "INSERT INTO custom_values (record_id, field_id, value_number) "
                    "SELECT c.id, f.id, abs(random()) % 10 FROM contacts c, field_definitions f "
                    "WHERE f.entity = 'contact' AND f.name = 'loyalty'"
                )
            )


def timed(work: Callable[[], object], runs: int) -> tuple[float, float]:
    """(median wall, median CPU) milliseconds of ``runs`` runs after one warm-up run.

    CPU time is printed too because on a loaded machine wall time mostly
    measures the other processes; the target is judged on an idle one.
    """
    work()
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", type=Path, default=DEFAULT_STORE)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    store = open_store(args.store)
    ensure_loyalty(store)
    marketing = Actor.for_role("marketing")
    segment = all_of(
        FieldCondition("title", "in", ["CFO", "Finance Director", "CTO"]),
        FieldCondition("account.industry", "eq", "Healthcare"),
        FieldCondition("loyalty", "ge", 7),
    )
    rows: list[tuple[str, float, float, str]] = []
    count = summarise_segment(store, marketing, segment, "account.region").count
    median, cpu = timed(
        lambda: summarise_segment(store, marketing, segment, "account.region"), args.runs
    )
    verdict = "ok" if median < SEGMENT_TARGET_MS else "over"
    rows.append(
        (
            f"segment count + breakdown, 3 filters incl. custom ({count:,} match)",
            median,
            cpu,
            f"< {SEGMENT_TARGET_MS:.0f} ms: {verdict}",
        )
    )
    today = date.today()
    for name in report_names():
        params = default_params(name, today)
        median, cpu = timed(partial(run_report, store, marketing, name, params), args.runs)
        rows.append((f"report {name}", median, cpu, "none set"))
        with_segment = default_params(name, today, segment=segment)
        median, cpu = timed(partial(run_report, store, marketing, name, with_segment), args.runs)
        rows.append((f"report {name} + segment", median, cpu, "none set"))
    store.close()
    print(f"store: {args.store} (medians of {args.runs} runs, ms)\n")
    print("| operation | wall median ms | CPU median ms | target |")
    print("|---|---:|---:|---|")
    for label, median, cpu, target in rows:
        print(f"| {label} | {median:.1f} | {cpu:.1f} | {target} |")


if __name__ == "__main__":
    main()
