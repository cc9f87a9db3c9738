"""``contactdesk export``: write contacts (all, or a saved segment) to CSV, vCard or XLSX."""

from __future__ import annotations

import argparse
from pathlib import Path

from contactdesk.cli.store_argument import add_store_option, open_existing_store
from contactdesk.exporting import EXPORT_FORMATS, export_contacts
from contactdesk.services.actor import Actor


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_store_option(parser)
    parser.add_argument("--format", choices=EXPORT_FORMATS, required=True)
    parser.add_argument("--segment", metavar="NAME", help="only this saved segment's contacts")
    parser.add_argument("--as", dest="role", metavar="ROLE", help="export as this role sees it")
    parser.add_argument("out", type=Path, help="the file to write")


def run(args: argparse.Namespace) -> int:
    store = open_existing_store(args)
    try:
        actor = Actor.for_role(args.role) if args.role else Actor.system()
        result = export_contacts(store, actor, args.out, args.format, segment=args.segment)
        print(f"exported {result.exported} to {result.path}")
        return 0
    finally:
        store.close()
