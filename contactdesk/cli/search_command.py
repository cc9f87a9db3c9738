"""``contactdesk search``: find contacts and accounts, as a role sees them."""

from __future__ import annotations

import argparse

from contactdesk.cli.output import print_json, print_table
from contactdesk.cli.store_argument import add_store_option, open_existing_store
from contactdesk.services.actor import Actor
from contactdesk.services.directory import find_user
from contactdesk.services.search import search_records


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_store_option(parser)
    reader = parser.add_mutually_exclusive_group()
    reader.add_argument("--as", dest="role", metavar="ROLE", help="read as any user of this role")
    reader.add_argument(
        "--user", metavar="NAME", help="read as this user sees it (field rules and scope)"
    )
    parser.add_argument("--limit", type=int, default=50)
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("text", nargs="?", default="", help="what to look for (empty: all)")


def run(args: argparse.Namespace) -> int:
    store = open_existing_store(args)
    try:
        if args.user:
            actor = find_user(store, args.user).actor()
        else:
            actor = Actor.for_role(args.role) if args.role else Actor.system()
        hits = search_records(store, actor, args.text, limit=max(1, args.limit))
        if args.json:
            print_json([{"entity": hit.entity, **hit.record} for hit in hits])
            return 0
        rows = [
            {
                "type": hit.entity,
                "name": hit.record.get("display_name") or hit.record.get("name"),
                "company": hit.record.get("account") or hit.record.get("industry"),
                "email": hit.record.get("email"),
                "phone": hit.record.get("phone"),
            }
            for hit in hits
        ]
        print_table(rows, ["type", "name", "company", "email", "phone"])
        return 0
    finally:
        store.close()
