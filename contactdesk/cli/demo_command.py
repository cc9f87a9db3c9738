"""``contactdesk demo``: create a store filled with realistic, deterministic demo data."""

from __future__ import annotations

import argparse
import sys

from contactdesk.cli.output import print_table
from contactdesk.cli.store_argument import add_store_option, store_path
from contactdesk.demo import generate_demo
from contactdesk.errors import ContactDeskError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_store_option(parser)
    parser.add_argument(
        "--contacts",
        type=int,
        default=2000,
        metavar="N",
        help="how many contacts (accounts: N/5, activities: about 3N)",
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=1,
        metavar="S",
        help="same seed, same data (dates follow the current week)",
    )


def run(args: argparse.Namespace) -> int:
    """Write the demo, reporting progress on stderr and the row counts on stdout."""
    path = store_path(args)
    if args.contacts < 1:
        raise ContactDeskError("--contacts must be at least 1")
    summary = generate_demo(
        path,
        args.contacts,
        args.seed,
        progress=lambda message: print(f"demo: {message}", file=sys.stderr, flush=True),
    )
    print(
        f"demo store {summary.path} (seed {summary.seed}, "
        f"dates around the week of {summary.week_start.date().isoformat()})"
    )
    print_table(
        [{"table": table, "rows": rows} for table, rows in summary.counts.items()],
        ["table", "rows"],
    )
    return 0
