"""``contactdesk init``: create an empty store with its first admin (no demo data)."""

from __future__ import annotations

import argparse

from contactdesk.cli.store_argument import add_store_option, store_path
from contactdesk.services.new_store import create_store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_store_option(parser, required=True)
    parser.add_argument("--admin", required=True, metavar="NAME", help="the first admin's username")
    parser.add_argument("--company", metavar="NAME", help="the company's name")
    parser.add_argument("--display-name", metavar="TEXT", help="the admin's full name")


def run(args: argparse.Namespace) -> int:
    path = store_path(args)
    admin = create_store(
        path, args.admin, company=args.company, admin_display_name=args.display_name
    )
    print(f"created store {path} with admin {admin.username}")
    return 0
