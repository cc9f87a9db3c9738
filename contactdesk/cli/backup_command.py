"""``contactdesk backup``: snapshot the store next to itself, keeping the newest N."""

from __future__ import annotations

import argparse

from contactdesk.cli.output import print_json
from contactdesk.cli.store_argument import add_store_option, store_path
from contactdesk.errors import ContactDeskError
from contactdesk.store.snapshots import DEFAULT_KEEP, list_snapshots, take_snapshot


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_store_option(parser)
    parser.add_argument(
        "--keep",
        type=int,
        default=DEFAULT_KEEP,
        metavar="N",
        help=f"snapshots to keep, the newest first (default {DEFAULT_KEEP})",
    )
    parser.add_argument("--list", action="store_true", help="list the snapshots, take none")
    parser.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace) -> int:
    """Take one snapshot (or list them); prints where it went and how many are kept."""
    path = store_path(args)
    if not path.exists():
        raise ContactDeskError(f"no store at {path}")
    if args.keep < 1:
        raise ContactDeskError("--keep must be at least 1")
    if not args.list:
        taken = take_snapshot(path, "manual", keep=args.keep)
    snapshots = list_snapshots(path)
    if args.json:
        print_json(
            {
                "snapshot": None if args.list else str(taken),
                "snapshots": [
                    {
                        "path": str(s.path),
                        "taken_at": s.taken_at.isoformat(),
                        "reason": s.reason,
                        "size": s.size,
                    }
                    for s in snapshots
                ],
            }
        )
        return 0
    if not args.list:
        print(f"snapshot written: {taken} ({len(snapshots)} kept)")
        return 0
    for snapshot in snapshots:
        stamp = snapshot.taken_at.strftime("%Y-%m-%d %H:%M:%S")
        print(f"{stamp} UTC  {snapshot.reason:<14} {snapshot.size:>12,}  {snapshot.path}")
    return 0
