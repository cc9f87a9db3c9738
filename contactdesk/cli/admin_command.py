"""``contactdesk admin``: users, custom fields and field rules."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from contactdesk.cli.output import print_json, print_table
from contactdesk.cli.store_argument import add_store_option, open_existing_store
from contactdesk.services.directory import list_users
from contactdesk.store import Store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="admin_action", required=True)
    users = actions.add_parser("users", help="users with role and team")
    add_store_option(users)
    users.add_argument("--json", action="store_true")


def run(args: argparse.Namespace) -> int:
    store = open_existing_store(args)
    try:
        if args.admin_action == "users":
            return _users(store, args)
        return 1
    finally:
        store.close()


def _users(store: Store, args: argparse.Namespace) -> int:
    users = list_users(store)
    if args.json:
        print_json([asdict(user) for user in users])
    else:
        print_table([asdict(user) for user in users], ["username", "display_name", "role", "team"])
    return 0
