"""ContactDesk benchmark: the DESIGN.md performance targets, measured on a 1M-contact store.

Usage (from the repository root)::

    python bench/run_bench.py     # build or reuse bench/data/bench-1m.db, write BENCHMARKS.md
    python bench/run_bench.py --runs 20 --no-write

Each operation is timed through the services (median and p95 over many runs)
and, for the ratio, as the exact SQL the services sent, captured from the
engine and replayed with the plain ``sqlite3`` module on a connection with the
store's pragmas: the physical limit for that query on this store.

Hook for more rows: every module ``bench/extra_<name>.py`` defining
``measure(store_path: Path, runs: int) -> list[Row]`` is loaded and its rows are
added to the table (the UI engineer adds ``bench/extra_ui_start.py`` for "app
start to usable window"; ``Row`` is importable as ``from run_bench import Row``).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import event

from contactdesk.demo import generate_demo
from contactdesk.demo.activity_rows import PER_CONTACT
from contactdesk.services.actor import Actor
from contactdesk.services.directory import find_user
from contactdesk.services.record_queries import page_records
from contactdesk.services.search import search_records
from contactdesk.store import Store, open_store

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
DEFAULT_STORE = BENCH_DIR / "data" / "bench-1m.db"
STORE_PRAGMAS = (
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=5000",
    "PRAGMA synchronous=NORMAL",
    "PRAGMA cache_size=-65536",
    "PRAGMA temp_store=MEMORY",
    "PRAGMA mmap_size=134217728",
)


@dataclass
class Row:
    """One line of the results table (times in milliseconds)."""

    operation: str
    median: float
    p95: float
    raw_median: float | None
    target: str
    passed: bool | None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.raw_median is None or self.raw_median <= 0:
            return None
        return self.median / self.raw_median


def _percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _ms(seconds: list[float]) -> tuple[float, float]:
    millis = [s * 1000 for s in seconds]
    return statistics.median(millis), _percentile(millis, 0.95)


class SqlRecorder:
    """Captures the statements a service call sends, to replay them with raw sqlite3."""

    def __init__(self, store: Store) -> None:
        self.statements: list[tuple[str, Any]] = []
        self._on = False
        event.listen(store.engine, "before_cursor_execute", self._record)

    def _record(self, _conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if self._on:
            self.statements.append((statement, parameters))

    def capture(self, call: Callable[[], Any]) -> list[tuple[str, Any]]:
        self.statements = []
        self._on = True
        try:
            call()
        finally:
            self._on = False
        return list(self.statements)


def _raw_connection(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path)
    for pragma in STORE_PRAGMAS:
        connection.execute(pragma)
    return connection


def _replay(connection: sqlite3.Connection, statements: list[tuple[str, Any]]) -> None:
    for statement, parameters in statements:
        connection.execute(statement, parameters or ()).fetchall()


def _time(call: Callable[[], Any], runs: int) -> list[float]:
    call()  # warm the caches once, as a user's second keystroke would find them
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        samples.append(time.perf_counter() - started)
    return samples


def _compare(
    name: str,
    calls: list[Callable[[], Any]],
    store: Store,
    recorder: SqlRecorder,
    raw: sqlite3.Connection,
    runs: int,
    target_ms: float,
    target: str,
    use_p95: bool,
) -> Row:
    """Time every call ``runs`` times through the services and as replayed raw SQL."""
    service: list[float] = []
    replayed: list[float] = []
    per_call = max(1, runs // len(calls))
    for call in calls:
        statements = recorder.capture(call)
        service += _time(call, per_call)
        replayed += _time(lambda s=statements: _replay(raw, s), per_call)  # type: ignore[misc]
    median, p95 = _ms(service)
    raw_median, _ = _ms(replayed)
    measured = p95 if use_p95 else median
    return Row(name, median, p95, raw_median, target, measured < target_ms)


def _search_queries(raw: sqlite3.Connection) -> list[str]:
    """Prefixes of 1..6 characters of real names, companies, emails and phones in the store."""
    words: list[str] = []
    for sql in (
        "SELECT last_name FROM contacts WHERE rowid IN (1001, 250003, 777777)",
        "SELECT first_name FROM contacts WHERE rowid IN (4242, 500001)",
        "SELECT name FROM accounts WHERE rowid IN (17, 123457)",
        "SELECT email FROM contacts WHERE rowid IN (31337, 654321)",
        "SELECT phone FROM contacts WHERE rowid IN (999, 424242)",
        "SELECT mobile FROM contacts WHERE mobile IS NOT NULL AND rowid > 1000 LIMIT 1",
    ):
        words += [row[0] for row in raw.execute(sql)]
    queries = []
    for word in words:
        if word.startswith("+44"):
            word = "0" + word[3:]  # typed the national way, as people do
        queries += [word[:length] for length in range(1, 7)]
    return queries


def _subprocess_times(code: str, runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
        samples.append(time.perf_counter() - started)
    return samples


def measure(path: Path, runs: int) -> list[Row]:
    rows: list[Row] = []
    store = open_store(path)
    recorder = SqlRecorder(store)
    raw = _raw_connection(path)
    try:
        system = Actor.system()
        rep = find_user(store, "ned.north").actor()
        queries = _search_queries(raw)
        for label, actor in (("system actor", system), ("sales rep ned.north", rep)):
            calls = [
                (lambda q=q, a=actor: search_records(store, a, q, limit=50))  # type: ignore[misc]
                for q in queries
            ]
            row = _compare(
                f"search as you type, {label} ({len(queries)} prefixes, 1-6 chars)",
                calls, store, recorder, raw, runs * len(queries) // 4, 20, "p95 < 20 ms", True,
            )
            rows.append(row)
        rows.append(_compare(
            "contact list, first page (limit 100)",
            [lambda: page_records(store, system, "contact", limit=100)],
            store, recorder, raw, runs, 100, "< 100 ms", False,
        ))
        rows.append(_compare(
            "contact list, jump to row 900,000 (offset, limit 100)",
            [lambda: page_records(store, system, "contact", offset=900_000, limit=100)],
            store, recorder, raw, max(5, runs // 5), 50, "< 50 ms", False,
        ))
        rows.append(_compare(
            "contact list, rep's first page (limit 100)",
            [lambda: page_records(store, rep, "contact", limit=100)],
            store, recorder, raw, runs, 100, "< 100 ms", False,
        ))
    finally:
        raw.close()
        store.close()
    rows.append(_store_open(path, max(5, runs // 5)))
    rows.append(_app_start(path, max(3, runs // 10)))
    return rows


def _store_open(path: Path, runs: int) -> Row:
    def open_and_close() -> None:
        open_store(path).close()

    def raw_open() -> None:
        connection = _raw_connection(path)
        connection.execute("SELECT count(*) FROM sqlite_master").fetchall()
        connection.close()

    median, p95 = _ms(_time(open_and_close, runs))
    raw_median, _ = _ms(_time(raw_open, runs))
    return Row("store open (open_store: migration check, defaults)", median, p95, raw_median,
               "part of app start", None)


def _app_start(path: Path, runs: int) -> Row:
    core = (
        "from contactdesk.store import open_store;"
        "from contactdesk.services.actor import Actor;"
        "from contactdesk.services.record_queries import page_records;"
        f"s = open_store({str(path)!r});"
        "page_records(s, Actor.system(), 'contact', limit=100); s.close()"
    )
    raw = (
        f"import sqlite3; c = sqlite3.connect({str(path)!r});"
        "c.execute('SELECT * FROM contacts ORDER BY sort_key, id LIMIT 101').fetchall()"
    )
    median, p95 = _ms(_subprocess_times(core, runs))
    raw_median, _ = _ms(_subprocess_times(raw, runs))
    return Row("core start: new python, open_store + first page (no UI)", median, p95,
               raw_median, "< 1500 ms (to usable window)", median < 1500,
               "the UI start row comes from bench/extra_ui_start.py")


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
    return (f"{model}, {os.cpu_count()} cores, {memory}; {platform.system()} "
            f"{platform.release()}; Python {platform.python_version()}, "
            f"SQLite {sqlite3.sqlite_version}")


def render(rows: list[Row], store: Path, build_seconds: float | None, runs: int) -> str:
    lines = [
        "| operation | median ms | p95 ms | raw sqlite3 median ms | ratio | target | result |",
        "|---|---:|---:|---:|---:|---|---|",
    ]
    for row in rows:
        ratio = f"{row.ratio:.2f}x" if row.ratio is not None else "-"
        raw = f"{row.raw_median:.2f}" if row.raw_median is not None else "-"
        result = {True: "pass", False: "**FAIL**", None: "-"}[row.passed]
        note = f" ({row.note})" if row.note else ""
        lines.append(f"| {row.operation}{note} | {row.median:.2f} | {row.p95:.2f} | {raw} | "
                     f"{ratio} | {row.target} | {result} |")
    overhead = [r for r in rows if r.ratio is not None and "start" not in r.operation
                and "open" not in r.operation]
    worst = max(overhead, key=lambda r: r.ratio or 0.0)
    lines.append(f"| ORM/service overhead over raw sqlite3 (worst query: {worst.operation}) | "
                 f"| | | {worst.ratio:.2f}x | < 1.5x | "
                 f"{'pass' if (worst.ratio or 0) < 1.5 else '**FAIL**'} |")
    built = (f"built in {build_seconds:.0f} s by this run" if build_seconds is not None
             else "reused")
    return "\n".join([
        f"Store: `{store.relative_to(ROOT) if store.is_relative_to(ROOT) else store}` "
        f"({built}); {runs} runs per operation (search: spread over the prefixes).",
        "",
        *lines,
    ])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=DEFAULT_STORE)
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--no-write", action="store_true", help="print only; leave BENCHMARKS.md")
    args = parser.parse_args()
    path, build_seconds = ensure_store(args.store, args.contacts)
    rows = measure(path, args.runs) + _hook_rows(path, args.runs)
    table = render(rows, path, build_seconds, args.runs)
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
    block = "\n".join([
        RESULTS_START,
        f"Measured {stamp} on: {_machine()}.",
        "",
        table,
        RESULTS_END,
    ])
    empty = f"# Benchmarks\n\n{RESULTS_START}\n{RESULTS_END}\n"
    text = target.read_text() if target.exists() else empty
    before, _, rest = text.partition(RESULTS_START)
    _, _, after = rest.partition(RESULTS_END)
    target.write_text(before + block + after)


if __name__ == "__main__":
    sys.exit(main())
