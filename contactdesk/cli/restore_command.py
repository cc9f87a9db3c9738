"""``contactdesk restore``: put a snapshot in the store's place (the newest unless named).

Refuses, naming them, when unsynced changes of the current store would be lost;
``--force`` restores anyway, and those changes stay in the safety copy of the
replaced store, whose path is printed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from contactdesk.cli.output import print_json
from contactdesk.cli.store_argument import add_store_option, store_path
from contactdesk.store.snapshots import restore_snapshot


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_store_option(parser)
    parser.add_argument(
        "--from",
        dest="snapshot",
        type=Path,
        metavar="BACKUP",
        help="the snapshot to restore (default: the newest)",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="restore even if unsynced changes would be lost (they stay in a safety copy)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace) -> int:
    """Restore; exit 1 with the lost changes named when they would be lost without --force."""
    path = store_path(args)
    report = restore_snapshot(path, args.snapshot, allow_loss=args.force)
    if args.json:
        print_json(
            {
                "restored_from": str(report.restored_from),
                "safety_copy": str(report.safety_copy),
                "lost_changes": [
                    {"entity": c.entity, "record_id": c.record_id, "op": c.op, "at": c.at}
                    for c in report.lost_changes
                ],
            }
        )
        return 0
    print(f"restored {path} from {report.restored_from}")
    print(f"the replaced store is kept at {report.safety_copy}")
    if report.lost_changes:
        print(
            f"{len(report.lost_changes)} unsynced changes are not in the restored store; "
            f"they remain in {report.safety_copy}"
        )
    return 0
