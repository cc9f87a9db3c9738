"""Rows for run_bench.py: app start to usable window, and resident memory with the store open.

Each run starts a fresh Python that opens the store, builds and shows the main
window offscreen and quits as soon as it is shown (``ui.app.run_smoke_test``):
the time a person waits before they can work. Peak resident memory of that
process is read from the kernel (``ru_maxrss`` of the finished child).
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from run_bench import Row

START = (
    "import sys; from pathlib import Path; from ui.app import run_smoke_test; "
    "sys.exit(run_smoke_test(Path(sys.argv[1])))"
)
START_TARGET_MS = 1500.0
MEMORY_TARGET_MB = 400.0


def _one_start(store_path: Path) -> tuple[float, float]:
    """(milliseconds to a shown window and exit, peak resident MB) of one start."""
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    began = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", START, str(store_path)],
        check=True,
        env=environment,
        stdout=subprocess.DEVNULL,
    )
    elapsed = (time.perf_counter() - began) * 1000
    peak_kb = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before)
    return elapsed, peak_kb / 1024


def measure(store_path: Path, runs: int) -> list[Row]:
    """App start to usable window (median, p95) and the peak resident memory."""
    samples = [_one_start(store_path) for _ in range(max(3, min(runs, 10)))]
    times = sorted(ms for ms, _ in samples)
    peak = max(mb for _, mb in samples)
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    median = statistics.median(times)
    return [
        Row(
            "app start to usable window (new process, main window shown offscreen)",
            median,
            p95,
            None,
            "< 1500 ms",
            median < START_TARGET_MS,
        ),
        Row(
            "resident memory with the 1M store open (peak RSS, MB)",
            peak,
            peak,
            None,
            "< 400 MB",
            peak < MEMORY_TARGET_MB,
            note="value in MB, not ms",
        ),
    ]
