"""Soak benchmark: N clients editing and syncing at random on PostgreSQL, server restarted mid-run.

    python bench/bench_soak.py [--clients 10] [--seconds 90] [--seed 7]

Prints the figures as JSON (operations, syncs, conflicts, records, server peak
RSS per process lifetime). The database is created fresh and dropped after.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The soak harness lives with the fault tests and reuses the sync tests' server helpers.
sys.path[:0] = [str(ROOT / "tests" / "faults"), str(ROOT / "tests" / "sync")]

from soak_run import run_soak  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=90.0)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="soak-") as folder:
        figures = run_soak(Path(folder), clients=args.clients, seconds=args.seconds, seed=args.seed)
    shown = figures.as_dict()
    samples = shown.pop("last_lifetime_rss_kib")
    shown["last_lifetime_rss_kib_first_last"] = [samples[0], samples[-1]] if samples else []
    print(json.dumps(shown, indent=2))
    return 0 if figures.converged and figures.unpushed_after == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
