"""ContactDesk benchmark: the DESIGN.md performance targets, measured on a 1M-contact store.

Usage (from the repository root)::

    python bench/run_bench.py                       # 1M store: build or reuse, write BENCHMARKS.md
    python bench/run_bench.py --scale-store S.db    # plus the scaling table at S.db's size
    python bench/run_bench.py --sync                # plus the sync rows (real server, 100,000)
    python bench/run_bench.py --runs 20 --no-write

Each operation is timed through the services and, in the same run, as a
hand-written plain ``sqlite3`` query for the same answer (``bench/raw_queries.py``:
never a replay of what the services sent). Both are timed in CPU time
(``time.process_time``) and wall time: the machine is shared, so CPU time is
the figure the targets are judged on, wall time is shown beside it.

Hook for more rows: every module ``bench/extra_<name>.py`` defining
``measure(store_path: Path, runs: int) -> list[Row]`` is loaded and its rows are
added to the table (``Row`` is importable as ``from run_bench import Row``).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import raw_queries
from raw_queries import STORE_PRAGMAS, WeekInput

from contactdesk.demo import generate_demo
from contactdesk.demo.activity_rows import PER_CONTACT
from contactdesk.selling.week_plan import week_plan
from contactdesk.selling.week_window import WeekWindow
from contactdesk.services.actor import Actor
from contactdesk.services.directory import find_user
from contactdesk.services.record_queries import page_records
from contactdesk.services.search import search_records
from contactdesk.services.store_opening import open_store

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
DEFAULT_STORE = BENCH_DIR / "data" / "bench-1m.db"
REP = "ned.north"
__all__ = ["DEFAULT_STORE", "STORE_PRAGMAS", "Row", "measure"]


@dataclass
class Row:
    """One line of the results table (times in milliseconds; CPU where measured)."""

    operation: str
    median: float
    p95: float
    raw_median: float | None
    target: str
    passed: bool | None
    note: str = ""
    wall_median: float | None = None
    raw_wall_median: float | None = None
    # The raw query's rows turned into one dict each (the floor for records).
    raw_dicts_median: float | None = None
    # Another process's CPU time for the same operation (the sync server's).
    server_cpu: float | None = None

    @property
    def ratio(self) -> float | None:
        if self.raw_median is None or self.raw_median <= 0:
            return None
        return self.median / self.raw_median


@dataclass
class Samples:
    cpu: list[float]
    wall: list[float]

    def median(self) -> float:
        return statistics.median(self.cpu) * 1000

    def p95(self) -> float:
        return _percentile(self.cpu, 0.95) * 1000

    def wall_median(self) -> float:
        return statistics.median(self.wall) * 1000


def _percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _time(calls: list[Callable[[], Any]], runs: int) -> Samples:
    """Each call ``runs`` times after one warm-up call (a user's second keystroke)."""
    cpu: list[float] = []
    wall: list[float] = []
    for call in calls:
        call()
        for _ in range(runs):
            started_cpu, started_wall = time.process_time(), time.perf_counter()
            call()
            cpu.append(time.process_time() - started_cpu)
            wall.append(time.perf_counter() - started_wall)
    return Samples(cpu, wall)


def compare(
    name: str,
    ours: list[Callable[[], Any]],
    raw: list[Callable[[], Any]],
    runs: int,
    target_ms: float,
    target: str,
    *,
    use_p95: bool = False,
    as_records: bool = True,
) -> Row:
    """Our calls and the raw ones, interleaved per call so load hits both alike.

    ``as_records``: also time the raw rows turned into dicts (the floor for a
    service that returns records rather than tuples).
    """
    service = Samples([], [])
    limit = Samples([], [])
    dicts = Samples([], [])
    for our_call, raw_call in zip(ours, raw, strict=True):
        plans: list[tuple[Samples, Callable[[], Any]]] = [(service, our_call), (limit, raw_call)]
        if as_records:
            plans.append((dicts, lambda call=raw_call: raw_queries.as_dicts(call())))  # type: ignore[misc]
        for into, call in plans:
            samples = _time([call], runs)
            into.cpu += samples.cpu
            into.wall += samples.wall
    measured = service.p95() if use_p95 else service.median()
    return Row(
        name, service.median(), service.p95(), limit.median(), target, measured < target_ms,
        wall_median=service.wall_median(), raw_wall_median=limit.wall_median(),
        raw_dicts_median=dicts.median() if as_records else None,
    )  # fmt: skip


def search_prefixes(db: sqlite3.Connection) -> list[str]:
    """72 prefixes: 1-6 characters of real last/first names, companies, emails and phones.

    Phones are typed as people type them: national ("07700 9…") and
    international ("+44 7700 9…") form.
    """
    words: list[str] = []
    for sql in (
        "SELECT last_name FROM contacts WHERE rowid IN (1001, 25003, 77777)",
        "SELECT first_name FROM contacts WHERE rowid IN (4242, 50001)",
        "SELECT name FROM accounts WHERE rowid IN (17, 12345)",
        "SELECT email FROM contacts WHERE rowid IN (31337, 65432)",
    ):
        words += [row[0] for row in db.execute(sql)]
    phones = [row[0] for row in db.execute("SELECT phone FROM contacts WHERE rowid IN (999, 4242)")]
    mobile = db.execute("SELECT mobile FROM contacts WHERE mobile IS NOT NULL LIMIT 1").fetchone()
    national = ["0" + number[3:] for number in [*phones, mobile[0]] if number.startswith("+44")]
    words += [f"{n[:5]} {n[5:]}" for n in national[:2]]  # "07700 900123"
    words += [f"+44 {n[1:5]} {n[5:]}" for n in national[2:]]  # "+44 7700 900123"
    queries: list[str] = []
    for word in words:
        if word[:1] in "0+":
            # A number is typed a few digits at a time, from 3 digits on.
            start = 4 if word.startswith("0") else 6
            queries += [word[: start + step * 2] for step in range(6)]
        else:
            queries += [word[:length] for length in range(1, 7)]
    return queries


def measure(path: Path, runs: int) -> list[Row]:
    """The service-level rows for one store (search, list, jump, week plan, open)."""
    rows: list[Row] = []
    store = open_store(path, integrity="cheap")
    db = raw_queries.connect(path)
    try:
        system = Actor.system()
        rep_user = find_user(store, REP)
        rep = rep_user.actor()
        rep_hex = rep_user.id.hex
        total = int(db.execute("SELECT count(*) FROM contacts").fetchone()[0])
        size_label = f"{total / 1e6:g}M" if total >= 1_000_000 else f"{total // 1000}k"
        deep = total * 9 // 10
        queries = search_prefixes(db)
        readers = (("system actor", system, None), (f"sales rep {REP}", rep, rep_hex))
        for label, actor, owner in readers:
            rows.append(compare(
                f"search as you type, {label} ({len(queries)} prefixes incl. phones)",
                [lambda q=q, a=actor: search_records(store, a, q, limit=50) for q in queries],
                [lambda q=q, o=owner: raw_queries.search(db, q, o) for q in queries],
                max(1, runs // 10), 20, "p95 < 20 ms", use_p95=True,
            ))  # fmt: skip
        rows.append(compare(
            "contact list, first page (100)",
            [lambda: page_records(store, system, "contact", limit=100)],
            [lambda: raw_queries.first_page(db)],
            runs, 100, "< 100 ms",
        ))  # fmt: skip
        key = raw_queries.key_at(db, deep - 1)
        rows.append(compare(
            f"contact list, next page at row {deep:,} (keyset)",
            [lambda: page_records(store, system, "contact", after=key, limit=100)],
            [lambda: raw_queries.page_after(db, key)],
            runs, 50, "< 50 ms, flat",
        ))  # fmt: skip
        rows.append(compare(
            f"contact list, jump to row {deep:,}",
            [lambda: page_records(store, system, "contact", offset=deep, limit=100)],
            [lambda: raw_queries.jump(db, deep)],
            max(3, runs // 5), 50, "< 50 ms, flat",
        ))  # fmt: skip
        rows.append(compare(
            f"contact list, rep {REP}'s first page (100)",
            [lambda: page_records(store, rep, "contact", limit=100)],
            [lambda: raw_queries.rep_first_page(db, rep_hex)],
            runs, 100, "< 100 ms",
        ))  # fmt: skip
        now = datetime.now(UTC)
        window = WeekWindow.around(now)
        week = WeekInput(
            rep_hex,
            window.start.replace(tzinfo=None),
            WeekWindow(now.date(), UTC).start.replace(tzinfo=None),
            now.replace(tzinfo=None),
        )
        rows.append(compare(
            f"sales week plan, rep {REP}",
            [lambda: week_plan(store, rep, rep_user.id, now=now)],
            [lambda: raw_queries.week_plan(db, week)],
            runs, 20, "< 20 ms", as_records=False,
        ))  # fmt: skip
    finally:
        db.close()
        store.close()
        for row in rows:
            row.operation = f"[{size_label}] {row.operation}"
    return rows


def _hook_rows(path: Path, runs: int) -> list[Row]:
    """Rows from ``bench/extra_*.py`` modules (e.g. the UI start benchmark)."""
    rows: list[Row] = []
    sys.modules.setdefault("run_bench", sys.modules[__name__])
    for module_path in sorted(BENCH_DIR.glob("extra_*.py")):
        spec = importlib.util.spec_from_file_location(module_path.stem, module_path)
        if spec is None or spec.loader is None:
            continue
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_path.stem] = module
        spec.loader.exec_module(module)
        rows += module.measure(path, runs)
    return rows


def ensure_store(path: Path, contacts: int) -> tuple[Path, float | None]:
    """Reuse the benchmark store if it holds the expected data; otherwise build it."""
    accounts = contacts // 5
    full, rest = divmod(contacts, len(PER_CONTACT))
    min_activities = full * sum(PER_CONTACT) + sum(PER_CONTACT[:rest])
    if path.exists():
        connection = sqlite3.connect(path)
        try:
            counts = connection.execute(
                "SELECT (SELECT count(*) FROM contacts), (SELECT count(*) FROM accounts), "
                "(SELECT count(*) FROM activities)"
            ).fetchone()
        except sqlite3.DatabaseError:
            counts = None
        finally:
            connection.close()
        if counts and counts[0] == contacts and counts[1] == accounts and (
            counts[2] >= min_activities
        ):
            return path, None
        print(f"{path} does not match ({counts}); rebuilding", file=sys.stderr)
        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    generate_demo(path, contacts, seed=1,
                  progress=lambda message: print(f"demo: {message}", file=sys.stderr))
    return path, time.perf_counter() - started


def _machine() -> str:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        memory_kb = next(
            int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
        memory = f"{memory_kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, StopIteration):
        memory = "RAM unknown"
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{model}, {os.cpu_count()} cores, {memory}, load {load:.1f}; {platform.system()} "
            f"{platform.release()}; Python {platform.python_version()}, "
            f"SQLite {sqlite3.sqlite_version}")


def _cell(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def render(rows: list[Row], store: Path, build_seconds: float | None, runs: int) -> str:
    lines = [
        "| operation | CPU median ms | CPU p95 ms | wall median ms | raw CPU median ms "
        "| raw wall median ms | ratio (CPU) | raw as dicts CPU ms | ratio to that | target "
        "| result |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for row in rows:
        ratio = f"{row.ratio:.2f}x" if row.ratio is not None else "-"
        dicts = row.raw_dicts_median
        to_dicts = f"{row.median / dicts:.2f}x" if dicts else "-"
        result = {True: "pass", False: "**FAIL**", None: "-"}[row.passed]
        note = f" ({row.note})" if row.note else ""
        lines.append(
            f"| {row.operation}{note} | {row.median:.2f} | {row.p95:.2f} | "
            f"{_cell(row.wall_median)} | {_cell(row.raw_median)} | {_cell(row.raw_wall_median)} "
            f"| {ratio} | {_cell(dicts)} | {to_dicts} | {row.target} | {result} |"
        )
    built = (f"built in {build_seconds:.0f} s by this run" if build_seconds is not None
             else "reused")
    shown = store.relative_to(ROOT) if store.is_relative_to(ROOT) else store
    return "\n".join([
        f"Store: `{shown}` ({built}); {runs} runs per operation (search: spread over the "
        "prefixes). Targets are judged on CPU time.",
        "",
        *lines,
    ])


def scaling_table(small: list[Row], large: list[Row]) -> str:
    """The same operations at two sizes: paging and search must not grow with the store."""
    lines = [
        "| operation | 100k CPU median ms | 1M CPU median ms | 1M / 100k |",
        "|---|---:|---:|---:|",
    ]
    by_name = {row.operation.split("] ", 1)[1]: row for row in small}
    for row in large:
        name = row.operation.split("] ", 1)[1]
        other = by_name.get(_at_same_share(name, by_name))
        if other is None:
            continue
        lines.append(
            f"| {name} | {other.median:.2f} | {row.median:.2f} | {row.median / other.median:.2f}x |"
        )
    return "\n".join(lines)


def _at_same_share(name: str, names: dict[str, Row]) -> str:
    """The small store's row for ``name`` (positions differ: row 90,000 vs 900,000)."""
    if name in names:
        return name
    head = name.split(" at row ")[0].split(" to row ")[0]
    return next((other for other in names if other.startswith(head)), name)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=DEFAULT_STORE)
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--scale-store", type=Path, help="a smaller demo store for scaling")
    parser.add_argument("--sync", action="store_true", help="add the sync rows (minutes)")
    parser.add_argument("--no-hooks", action="store_true", help="skip bench/extra_*.py rows")
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--no-write", action="store_true", help="print only; leave BENCHMARKS.md")
    args = parser.parse_args()
    path, build_seconds = ensure_store(args.store, args.contacts)
    rows = measure(path, args.runs)
    if not args.no_hooks:
        rows += _hook_rows(path, args.runs)
    if args.sync:
        from bench_sync import sync_rows

        rows += sync_rows(100_000)
    table = render(rows, path, build_seconds, args.runs)
    if args.scale_store is not None:
        small = measure(args.scale_store, args.runs)
        table += "\n\nScaling (same operations, 100k-contact demo store):\n\n"
        table += scaling_table(small, [r for r in rows if r.operation.startswith("[1M]")])
    print(table)
    if not args.no_write:
        _write_results(table)
    return 0 if all(row.passed is not False for row in rows) else 1


RESULTS_START = "<!-- results:start -->"
RESULTS_END = "<!-- results:end -->"


def _write_results(table: str) -> None:
    """Replace the results block of BENCHMARKS.md, keeping the hand-written analysis."""
    target = ROOT / "BENCHMARKS.md"
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    measured = f"Measured {stamp} on: {_machine()}."
    block = "\n".join([RESULTS_START, measured, "", table, RESULTS_END])
    empty = f"# Benchmarks\n\n{RESULTS_START}\n{RESULTS_END}\n"
    text = target.read_text() if target.exists() else empty
    before, _, rest = text.partition(RESULTS_START)
    _, _, after = rest.partition(RESULTS_END)
    target.write_text(before + block + after)


if __name__ == "__main__":
    sys.exit(main())
